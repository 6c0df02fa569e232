import { t } from '../../i18n';

/** What a password must be (the API's rules, NIST/ANSSI style), said before the person types it. */
export function PasswordRules() {
  return (
    <>
      <p>{t('password.rulesIntro')}</p>
      <ul>
        <li>{t('password.ruleLength')}</li>
        <li>{t('password.ruleCommon')}</li>
        <li>{t('password.ruleOwn')}</li>
      </ul>
    </>
  );
}
