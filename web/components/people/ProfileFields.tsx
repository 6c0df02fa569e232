import { mandates, partyFunctions, type MyProfile } from '@coopol/contracts';
import { t } from '../../i18n';
import { CheckboxGroup, SelectField } from '../forms/choices';
import { TextField } from '../forms/TextField';
import formStyles from '../forms/forms.module.css';
import { audienceLabel, audiences, functionLevels, levelLabel, visibilityFieldHint, visibilityFieldLabel, visibilityFields } from './labels';

const findableChoices = ['connections', 'signed-in', 'nobody'] as const;
const writableChoices = ['shared-space', 'friends', 'nobody'] as const;

/**
 * The parts of a profile a person fills in and who sees each of them: shared by onboarding
 * (`/bienvenue`) and the profile page. Field names match `lib/profile-form.ts`.
 */
export function ProfileFields({ profile }: { profile: MyProfile }) {
  return (
    <>
      <FunctionFields profile={profile} />
      <InterestFields profile={profile} />
      <VisibilityFields profile={profile} />
    </>
  );
}

/** Party functions and elected mandates: asked of members only at onboarding. */
export function FunctionFields({ profile }: { profile: MyProfile }) {
  const functionGroups = functionLevels.map((level) => ({
    label: levelLabel(level),
    choices: partyFunctions.filter((f) => f.level === level).map((f) => ({ value: f.code, label: f.label })),
  }));
  return (
    <section className={formStyles.group} aria-labelledby="profile-functions">
      <div className={formStyles.groupHead}>
        <h2 id="profile-functions">{t('profile.functionsHeading')}</h2>
        <p>{t('profile.functionsIntro')}</p>
      </div>
      <CheckboxGroup name="functions" legend={t('profile.functionsLegend')} groups={functionGroups} defaultValues={profile.functions} columns />
      <TextField
        name="otherFunction"
        label={t('profile.otherFunction')}
        hint={t('profile.otherFunctionHint')}
        defaultValue={profile.otherFunction ?? ''}
        maxLength={120}
      />
      <CheckboxGroup
        name="mandates"
        legend={t('profile.mandatesLegend')}
        hint={t('profile.mandatesHint')}
        choices={mandates.map((m) => ({ value: m.code, label: m.label }))}
        defaultValues={profile.mandates}
        columns
      />
    </section>
  );
}

export function InterestFields({ profile }: { profile: MyProfile }) {
  return (
    <section className={formStyles.group} aria-labelledby="profile-interests">
      <div className={formStyles.groupHead}>
        <h2 id="profile-interests">{t('profile.interestsHeading')}</h2>
      </div>
      <TextField
        name="interests"
        label={t('profile.interests')}
        hint={t('profile.interestsHint')}
        defaultValue={profile.interests.join(', ')}
        maxLength={900}
      />
    </section>
  );
}

/** Who sees each part of the profile, and who may find the person. */
export function VisibilityFields({ profile }: { profile: MyProfile }) {
  const audienceChoices = audiences.map((audience) => ({ value: audience, label: audienceLabel(audience) }));
  return (
    <section className={formStyles.group} aria-labelledby="profile-visibility">
      <div className={formStyles.groupHead}>
        <h2 id="profile-visibility">{t('profile.visibilityHeading')}</h2>
        <p>{t('profile.visibilityIntro')}</p>
      </div>
      {/* A supporter has no section to show (or hide). */}
      {visibilityFields
        .filter((field) => field !== 'section' || profile.status === 'adherent')
        .map((field) => (
          <SelectField
            key={field}
            name={`visibility.${field}`}
            label={visibilityFieldLabel(field)}
            hint={visibilityFieldHint(field)}
            choices={audienceChoices}
            defaultValue={profile.visibility[field] ?? 'section'}
          />
        ))}
      <SelectField
        name="findableBy"
        label={t('profile.findableBy')}
        hint={t('profile.findableByHint')}
        choices={findableChoices.map((value) => ({ value, label: t(`findableBy.${value}`) }))}
        defaultValue={profile.findableBy}
      />
      <SelectField
        name="writableBy"
        label={t('profile.writableBy')}
        hint={t('profile.writableByHint')}
        choices={writableChoices.map((value) => ({ value, label: t(`writableBy.${value}`) }))}
        defaultValue={profile.writableBy}
      />
    </section>
  );
}
