import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Checkbox } from '../../../components/forms/Checkbox';
import { SelectField } from '../../../components/forms/choices';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { TextArea } from '../../../components/forms/TextArea';
import { TextField } from '../../../components/forms/TextField';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { orNotFound } from '../../../lib/or-not-found';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import { createEvent } from '../actions';
import styles from '../events.module.css';
import { kindLabel } from '../format';
import { MapPointFields } from '../MapPointFields';
import { SlotRows } from '../SlotRows';
import { HelpLink } from '../../../components/help/HelpLink';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('newEvent.title') };

const kinds = ['tractage', 'porte-a-porte', 'reunion', 'meeting', 'formation', 'autre'];
const visibilities = ['members', 'section', 'supporters', 'public'] as const;

/**
 * The new-event form of a space (`?espace=section:mulhouse`, `?espace=group:…`); the API decides who
 * may publish there. « Cette section seulement » is offered in a section, « Public » nowhere in a secret group.
 */
export default async function NewEventPage({ searchParams }: { searchParams: SearchParams }) {
  const space = param(await searchParams, 'espace');
  if (!space || !/^(section|federation|national|group):[A-Za-z0-9-]+$/.test(space)) notFound();
  const here = `/evenements/nouveau?espace=${space}`;
  const session = await requireSession(here);
  const [spaceType, spaceId] = space.split(':') as [string, string];
  const group = spaceType === 'group' ? await orNotFound(callAsSignedIn(session, here, routes.getGroup, { params: { groupId: spaceId } })) : null;
  const offered = visibilities.filter((v) => (v !== 'section' || spaceType === 'section') && (v !== 'public' || group?.kind !== 'secret'));
  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <h1 id="new-event-title">{group ? t('newEvent.heading', { space: group.name }) : t('newEvent.title')}
          <HelpLink topic="organiser-une-action" />
        </h1>
      </header>
      <section className={`card ${styles.card}`}>
        <ActionForm action={createEvent} aria-labelledby="new-event-title">
          <Hidden name="space" value={space} />
          <SelectField name="kind" label={t('newEvent.kind')} choices={kinds.map((k) => ({ value: k, label: kindLabel(k) }))} defaultValue="tractage" />
          <TextField name="title" label={t('newEvent.name')} hint={t('newEvent.nameHint')} required maxLength={140} />
          <TextArea name="description" label={t('newEvent.description')} hint={t('newEvent.descriptionHint')} maxLength={5000} rows={6} />
          <TextField name="start" type="datetime-local" label={t('newEvent.start')} required />
          <TextField name="end" type="datetime-local" label={t('newEvent.end')} required />
          <TextField name="place" label={t('newEvent.address')} required maxLength={300} />
          <MapPointFields />
          <SelectField
            name="visibility"
            label={t('newEvent.visibility')}
            hint={group ? t('newEvent.groupVisibility') : undefined}
            choices={offered.map((v) => ({ value: v, label: t(`event.visibility.${v}`) }))}
            defaultValue="members"
          />
          <TextField name="capacity" type="number" label={t('newEvent.capacity')} hint={t('newEvent.capacityHint')} short />
          <fieldset className={styles.card}>
            <legend>{t('newEvent.slotsLegend')}</legend>
            <p className={styles.muted}>{t('newEvent.slotsHint')}</p>
            <SlotRows />
          </fieldset>
          <Checkbox name="announce" label={t('newEvent.announce')} hint={t('newEvent.announceHint')} defaultChecked />
          <SubmitButton>{t('newEvent.submit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
