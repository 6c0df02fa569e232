import { sayShortDay, type EventSummary } from '@coopol/contracts';
import { ActionForm } from '../../components/forms/ActionForm';
import { Checkbox } from '../../components/forms/Checkbox';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextArea } from '../../components/forms/TextArea';
import { TextField } from '../../components/forms/TextField';
import { RadioGroup, SelectField } from '../../components/forms/choices';
import { t } from '../../i18n';
import type { FormState } from '../../lib/form-state';
import { createMailing } from './actions';
import styles from './mailings.module.css';
import type { MailingFormValues } from './mailing-fields';
import type { WritingSpace } from './space';

/**
 * The composer of a message to a space's people: subject, text, an action to promote, who
 * (everyone, or a part: status, interests, volunteers, « sauf les inscrits à … »), and the Reply-To
 * shown before anything is sent. Works without JavaScript; `from` starts it from an earlier message.
 */
export function MailingForm({ space, events, myEmail, from, editing }: { space: WritingSpace; events: EventSummary[]; myEmail: string | null; from?: MailingFormValues; editing?: string }) {
  const eventChoices = events.map((e) => ({ value: e.id, label: `${e.title} — ${sayShortDay(e.startsAt)}` }));
  const initialState: FormState = from ? { status: 'idle', values: from } : { status: 'idle' };
  const whole = space.type === 'section' ? 'mailings.audience.allSection' : space.type === 'group' ? 'mailings.audience.allGroup' : 'mailings.audience.all';
  return (
    <ActionForm action={createMailing} initialState={initialState} aria-labelledby="mailing-new-title">
      <Hidden name="spaceType" value={space.type} />
      <Hidden name="spaceId" value={space.id} />
      {editing && <Hidden name="mailingId" value={editing} />}
      <TextField name="subject" label={t('mailings.field.subject')} hint={t('mailings.field.subjectHint', { space: space.name })} required maxLength={150} />
      <TextArea name="text" label={t('mailings.field.text')} hint={t('mailings.field.textHint')} required maxLength={10000} rows={10} />
      {eventChoices.length > 0 && (
        <SelectField
          name="eventId"
          label={t('mailings.field.event')}
          hint={t('mailings.field.eventHint')}
          choices={[{ value: '', label: t('mailings.field.noEvent') }, ...eventChoices]}
          defaultValue=""
        />
      )}
      <div className={styles.audience}>
        <RadioGroup
          name="audience"
          legend={t('mailings.field.audience')}
          choices={[
            { value: 'all', label: t(whole) },
            { value: 'part', label: t('mailings.audience.part') },
          ]}
          defaultValue="all"
        />
        <div className={styles.postInSpace}>
          <Checkbox name="postInSpace" label={t('mailings.field.postInSpace')} hint={t('mailings.field.postInSpaceHint')} />
        </div>
        <fieldset className={styles.segment}>
          <legend>{t('mailings.segment.legend')}</legend>
          <p className={styles.hint}>{t('mailings.segment.hint')}</p>
          {space.type !== 'section' && (
            <RadioGroup
              name="segment.status"
              legend={t('mailings.field.status')}
              choices={(['adherents', 'sympathisants', 'both'] as const).map((status) => ({ value: status, label: t(`mailings.status.${status}`) }))}
              defaultValue="both"
            />
          )}
          <TextField name="segment.interests" label={t('mailings.field.interests')} hint={t('mailings.field.interestsHint')} maxLength={400} />
          <div className={styles.volunteers}>
            <SelectField
              name="volunteers"
              label={t('mailings.field.volunteers')}
              choices={(['any', 'only', 'except'] as const).map((choice) => ({ value: choice === 'any' ? '' : choice, label: t(`mailings.volunteers.${choice}`) }))}
              defaultValue=""
            />
            <TextField name="segment.months" type="number" inputMode="numeric" label={t('mailings.field.months')} hint={t('mailings.field.monthsHint')} defaultValue="3" short />
          </div>
          <TextField
            name="segment.inactiveForMonths"
            type="number"
            inputMode="numeric"
            label={t('mailings.field.inactiveForMonths')}
            hint={t('mailings.field.inactiveForMonthsHint')}
            short
          />
          {eventChoices.length > 0 && (
            <SelectField
              name="segment.excludeEventId"
              label={t('mailings.field.excludeEvent')}
              hint={t('mailings.field.excludeEventHint')}
              choices={[{ value: '', label: t('mailings.field.noExclusion') }, ...eventChoices]}
              defaultValue=""
            />
          )}
        </fieldset>
      </div>
      <RadioGroup
        name="replyTo"
        legend={t('mailings.field.replyTo')}
        hint={t('mailings.field.replyToHint')}
        choices={[
          { value: 'none', label: t('mailings.replyTo.none') },
          ...(myEmail ? [{ value: 'me', label: t('mailings.replyTo.me', { email: myEmail }) }] : []),
        ]}
        defaultValue="none"
      />
      <SubmitButton>{editing ? t('mailings.edit.submit') : t('mailings.new.submit')}</SubmitButton>
    </ActionForm>
  );
}
