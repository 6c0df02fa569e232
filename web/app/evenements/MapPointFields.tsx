import { TextField } from '../../components/forms/fields';
import { t } from '../../i18n';
import styles from './events.module.css';

/**
 * The optional map point of an event's place: latitude and longitude, both or neither (the API says
 * which is wrong). On an edit, both emptied remove the saved point.
 */
export function MapPointFields({ lat, lon }: { lat?: number; lon?: number }) {
  return (
    <fieldset className={styles.card}>
      <legend>{t('newEvent.mapLegend')}</legend>
      <p className={styles.muted}>{t('newEvent.mapHint')}</p>
      {lat !== undefined && <p className={styles.muted}>{t('newEvent.mapClearHint')}</p>}
      <div className={styles.slotFields}>
        <TextField name="lat" label={t('newEvent.lat')} defaultValue={lat?.toString()} maxLength={20} short />
        <TextField name="lon" label={t('newEvent.lon')} defaultValue={lon?.toString()} maxLength={20} short />
      </div>
    </fieldset>
  );
}

/** A link to the point on OpenStreetMap: a plain link, nothing is loaded from elsewhere until it is followed. */
export const mapLink = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
