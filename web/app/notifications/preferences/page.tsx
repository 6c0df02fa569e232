import { NotificationKind, routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import { ActionForm } from '../../../components/forms/ActionForm';
import { CheckboxGroup, RadioGroup } from '../../../components/forms/choices';
import forms from '../../../components/forms/forms.module.css';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../../lib/session';
import { saveMailSubscriptions, savePreferences } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('preferences.title') };

const kinds = NotificationKind.options;
const modes = ['immediate', 'daily', 'weekly', 'never'] as const;

/** Mail per kind of notification (at once, daily or weekly digest, never) and muted groups. */
export default async function PreferencesPage({ searchParams }: { searchParams: SearchParams }) {
  const saved = param(await searchParams, 'mails');
  const session = await requireSession('/notifications/preferences');
  const [settings, groups, mail] = await Promise.all([
    callAsSignedIn(session, '/notifications/preferences', routes.getNotificationSettings, {}),
    callAsSignedIn(session, '/notifications/preferences', routes.listMyGroups, { query: { limit: 100 } }),
    callAsSignedIn(session, '/notifications/preferences', routes.getMyMailSubscriptions, {}),
  ]);
  const keyOf = (item: (typeof mail.items)[number]) => `${item.space.type}:${item.space.id}/${item.kind}`;
  return (
    <div className="container section-block">
      <h1>{t('preferences.title')}</h1>
      <p>{t('preferences.intro')}</p>
      <ActionForm action={savePreferences}>
        {kinds.map((kind) => (
          <RadioGroup
            key={kind}
            name={kind}
            legend={t(`preferences.kind.${kind}`)}
            choices={modes.map((mode) => ({ value: mode, label: t(`preferences.mode.${mode}`) }))}
            defaultValue={settings.email[kind]}
          />
        ))}
        {groups.items.length > 0 && (
          <CheckboxGroup
            name="mutedGroups"
            legend={t('preferences.muted')}
            choices={groups.items.map((group) => ({ value: group.id, label: group.name }))}
            defaultValues={settings.mutedGroups}
          />
        )}
        <SubmitButton>{t('preferences.save')}</SubmitButton>
      </ActionForm>

      <h2 id="mails-recus">{t('preferences.mail.title')}</h2>
      <p>{t('preferences.mail.intro')}</p>
      {saved === 'enregistres' && (
        <p role="status" className={forms.success}>
          {t('preferences.mail.saved')}
        </p>
      )}
      {saved === 'erreur' && (
        <p role="alert" className={forms.alert}>
          {t('preferences.mail.failed')}
        </p>
      )}
      <form action={saveMailSubscriptions} className={forms.form}>
        {mail.items.map((item) => (
          <input key={keyOf(item)} type="hidden" name="listed" value={keyOf(item)} />
        ))}
        <CheckboxGroup
          name="announcements"
          legend={t('preferences.mail.announcements')}
          choices={[{ value: 'on', label: t('preferences.mail.announcementsChoice') }]}
          defaultValues={mail.eventAnnouncements ? ['on'] : []}
        />
        {mail.items.length > 0 && (
          <CheckboxGroup
            name="subscribed"
            legend={t('preferences.mail.spaces')}
            hint={t('preferences.mail.spacesHint')}
            choices={mail.items.map((item) => ({ value: keyOf(item), label: t(`preferences.mail.kind.${item.kind}`, { space: item.space.name }) }))}
            defaultValues={mail.items.filter((item) => item.subscribed).map(keyOf)}
          />
        )}
        <SubmitButton>{t('preferences.mail.save')}</SubmitButton>
      </form>
    </div>
  );
}
