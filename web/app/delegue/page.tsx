import { routes } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../components/forms/ActionForm';
import { SelectField } from '../../components/forms/choices';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextArea } from '../../components/forms/TextArea';
import { TextField } from '../../components/forms/TextField';
import { Icon } from '../../components/ui/Icon';
import { t } from '../../i18n';
import { orNotFound } from '../../lib/or-not-found';
import { param, type SearchParams } from '../../lib/search-params';
import { callAsSignedIn, requireSession } from '../../lib/session';
import styles from '../profil/profil.module.css';
import { actOnRequest, createRequest } from './actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('dpo.title') };

const day = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

const kinds = ['export', 'erasure', 'access', 'rectification', 'objection', 'other'] as const;
const means = ['courrier', 'telephone', 'courriel', 'sur-place'] as const;

/**
 * The DPO's desk: the requests of people who cannot use the site (recorded here), each with its state
 * and its month's deadline, the export or erasure run on the person's behalf. For the privacy officer
 * alone: anyone else is told there is nothing here.
 */
export default async function DpoDeskPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const session = await requireSession('/delegue');
  const requests = await orNotFound(callAsSignedIn(session, '/delegue', routes.listDpoRequests, {}), { forbidden: true });

  return (
    <div className={`container ${styles.page}`}>
      <header className={styles.head}>
        <div className={styles.titles}>
          <h1>{t('dpo.heading')}</h1>
          <p className="lead">{t('dpo.lead')}</p>
        </div>
      </header>
      {param(params, 'enregistree') && (
        <p role="status" className="notice-success">
          <Icon name="check" size={22} />
          <span>{t('dpo.recorded')}</span>
        </p>
      )}

      <section className={`card ${styles.card}`} aria-labelledby="requests-title">
        <h2 id="requests-title" className={styles.cardTitle}>
          {t('dpo.requestsHeading')}
        </h2>
        {requests.items.length === 0 && <p>{t('dpo.none')}</p>}
        <ul className={styles.exports}>
          {requests.items.map((request) => (
            <li key={request.id}>
              <p>
                <strong>{request.requesterName}</strong> · {t(`dpo.kind.${request.kind}`)} · {t(`dpo.means.${request.means}`)}
              </p>
              <p className={styles.small}>
                {t(`dpo.state.${request.state}`)} · {t('dpo.due', { received: day(request.receivedAt), due: day(request.dueAt) })}
                {request.overdue && <strong> · {t('dpo.overdue')}</strong>}
              </p>
              {request.details && <p className={styles.small}>{request.details}</p>}
              {(request.state === 'received' || request.state === 'in-progress') && (
                <form action={actOnRequest}>
                  <input type="hidden" name="requestId" value={request.id} />
                  {request.state === 'received' && (request.kind === 'export' || request.kind === 'erasure') && (
                    <button type="submit" name="act" value={request.kind} className="button button-secondary">
                      {t(request.kind === 'export' ? 'dpo.runExport' : 'dpo.runErasure')}
                    </button>
                  )}
                  <button type="submit" name="act" value="done" className="button button-secondary">
                    {t('dpo.close')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className={`card ${styles.card}`} aria-labelledby="new-title">
        <h2 id="new-title" className={styles.cardTitle}>
          {t('dpo.newHeading')}
        </h2>
        <ActionForm action={createRequest}>
          <SelectField name="kind" label={t('dpo.kindLabel')} defaultValue="export" choices={kinds.map((k) => ({ value: k, label: t(`dpo.kind.${k}`) }))} />
          <SelectField name="means" label={t('dpo.meansLabel')} defaultValue="courrier" choices={means.map((m) => ({ value: m, label: t(`dpo.means.${m}`) }))} />
          <TextField name="requesterName" label={t('dpo.name')} required maxLength={120} />
          <TextField name="requesterEmail" type="email" label={t('dpo.email')} hint={t('dpo.emailHint')} required />
          <TextArea name="details" label={t('dpo.details')} maxLength={4000} rows={4} />
          <SubmitButton>{t('dpo.record')}</SubmitButton>
        </ActionForm>
      </section>

      <p>
        <Link href="/confidentialite/registre">{t('myData.register')}</Link>
      </p>
    </div>
  );
}
