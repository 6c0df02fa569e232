import { parisWallClock } from '@coopol/contracts';
import { ActionForm } from '../../../components/forms/ActionForm';
import { CheckboxGroup, FieldGroup } from '../../../components/forms/choices';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { TextField } from '../../../components/forms/TextField';
import styles from '../../../components/rollout/rollout.module.css';
import type { Wave } from '../../../components/rollout/types';
import { compareNames, t } from '../../../i18n';
import type { FormState } from '../../../lib/form-state';
import { TRAINING_ROWS } from './wave-fields';

type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export interface Places {
  regions: { code: string; name: string }[];
  federations: { code: string; name: string; regionName: string | null }[];
}

/** Federations under their region's name, for the « extra federations » boxes. */
function federationGroups(federations: Places['federations']) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const federation of federations) {
    const region = federation.regionName ?? t('territories.abroadHeading');
    const list = groups.get(region) ?? [];
    list.push({ value: federation.code, label: `${federation.name} (${federation.code})` });
    groups.set(region, list);
  }
  return [...groups.entries()].sort(([a], [b]) => compareNames(a, b)).map(([label, choices]) => ({ label, choices }));
}

/** The wave form, new or draft: name, regions, extra federations, opening in Paris time, trainings. */
export function WaveForm({ action, places, wave, submitLabel }: { action: FormAction; places: Places; wave?: Wave; submitLabel: string }) {
  const regions = [...places.regions].sort((a, b) => compareNames(a.name, b.name)).map((region) => ({ value: region.code, label: region.name }));
  const extraFederations = wave?.federationCodes ?? [];
  return (
    <ActionForm action={action}>
      {wave && <Hidden name="waveId" value={wave.id} />}
      <TextField name="name" label={t('waves.field.name')} hint={t('waves.field.nameHint')} defaultValue={wave?.name} required maxLength={120} />
      <CheckboxGroup name="regionCodes" legend={t('waves.field.regions')} hint={t('waves.field.regionsHint')} choices={regions} defaultValues={wave?.regionCodes} columns />
      <details className={styles.federations} open={extraFederations.length > 0}>
        <summary>{t('waves.field.federationsToggle')}</summary>
        <CheckboxGroup
          name="federationCodes"
          legend={t('waves.field.federations')}
          hint={t('waves.field.federationsHint')}
          groups={federationGroups(places.federations)}
          defaultValues={extraFederations}
          columns
        />
      </details>
      <TextField
        name="opensAt"
        type="datetime-local"
        label={t('waves.field.opensAt')}
        hint={t('waves.field.opensAtHint')}
        defaultValue={wave ? parisWallClock(wave.opensAt) : ''}
        step={1}
        required
      />
      <FieldGroup name="trainings" legend={t('waves.trainings')} hint={t('waves.trainingsHint')}>
        <div className={styles.trainings}>
          {Array.from({ length: TRAINING_ROWS }, (_, row) => {
            const training = wave?.trainings[row];
            return (
              <fieldset key={row} className={styles.trainingRow}>
                <legend>{t('waves.training', { n: row + 1 })}</legend>
                <TextField name={`trainingTitle${row}`} label={t('waves.field.trainingTitle')} defaultValue={training?.title} maxLength={120} />
                <TextField
                  name={`trainingStartsAt${row}`}
                  type="datetime-local"
                  label={t('waves.field.trainingStartsAt')}
                  defaultValue={training ? parisWallClock(training.startsAt) : ''}
                />
                <TextField name={`trainingPlace${row}`} label={t('waves.field.trainingPlace')} defaultValue={training?.place} maxLength={200} />
              </fieldset>
            );
          })}
        </div>
      </FieldGroup>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
