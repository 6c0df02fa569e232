import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { RadioGroup } from '../../components/forms/choices';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextField } from '../../components/forms/TextField';
import styles from '../../components/social/social.module.css';
import { t, tc } from '../../i18n';
import { callAsSignedIn, requireSession } from '../../lib/session';
import { createGroup } from './actions';
import { HelpLink } from '../../components/help/HelpLink';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('groups.title') };

/** My groups, the groups one may discover (never the secret ones), and the form to create one. */
export default async function GroupsPage() {
  const session = await requireSession('/groupes');
  const [mine, all] = await Promise.all([
    callAsSignedIn(session, '/groupes', routes.listMyGroups, { query: { limit: 100 } }),
    callAsSignedIn(session, '/groupes', routes.listGroups, { query: { limit: 100 } }),
  ]);
  const list = (groups: typeof all.items) =>
    groups.length === 0 ? (
      <p>{t('groups.none')}</p>
    ) : (
      <ul className={styles.groupList}>
        {groups.map((group) => (
          <li key={group.id} className={styles.groupItem}>
            <Link href={`/groupes/${group.id}`}>{group.name}</Link> · {t(`groups.kind.${group.kind}`)} · {tc('groups.members', group.memberCount)}
          </li>
        ))}
      </ul>
    );
  return (
    <div className={`container section-block ${styles.stack}`}>
      <div className="section-intro">
        <h1>
          {t('groups.title')}
          <HelpLink topic="rejoindre-un-groupe" />
        </h1>
        <p>{t('groups.intro')}</p>
      </div>
      <section aria-labelledby="my-groups">
        <h2 id="my-groups">{t('groups.mine')}</h2>
        {list(mine.items)}
      </section>
      <section aria-labelledby="all-groups">
        <h2 id="all-groups">{t('groups.all')}</h2>
        {list(all.items)}
      </section>
      <section aria-labelledby="create-group">
        <h2 id="create-group">{t('groups.create')}</h2>
        <ActionForm action={createGroup}>
          <TextField name="name" label={t('groups.name')} required maxLength={80} />
          <TextField name="description" label={t('groups.description')} maxLength={2000} />
          <RadioGroup
            name="kind"
            legend={t('groups.kind')}
            choices={(['open', 'closed', 'secret'] as const).map((kind) => ({ value: kind, label: t(`groups.kind.${kind}`) }))}
            defaultValue="open"
          />
          <RadioGroup
            name="audience"
            legend={t('groups.audience')}
            choices={(['all', 'members'] as const).map((audience) => ({ value: audience, label: t(`groups.audience.${audience}`) }))}
            defaultValue="all"
          />
          <SubmitButton>{t('groups.createSubmit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
