import { TextField } from '../../components/forms/TextField';
import { t } from '../../i18n';

/** A link to the point on OpenStreetMap: a plain link, nothing is loaded from elsewhere until it is followed. */
export const mapLink = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;

/**
 * The optional map point of an event's place, given by pasting a map link (OpenStreetMap, Google
 * Maps, Apple Maps, a `geo:` address…): the server reads the coordinates from it (`pointOfMapLink`).
 * On an edit, the saved point comes as an OpenStreetMap link; emptying the field removes it.
 */
export function MapPointFields({ lat, lon }: { lat?: number; lon?: number }) {
  const saved = lat !== undefined && lon !== undefined ? mapLink(lat, lon) : '';
  return (
    <TextField
      name="mapLink"
      label={t('newEvent.mapLegend')}
      hint={saved ? `${t('newEvent.mapHint')} ${t('newEvent.mapClearHint')}` : t('newEvent.mapHint')}
      defaultValue={saved}
      maxLength={2000}
    />
  );
}
