import { formatParisDate, formatParisDateTime } from '@coopol/contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../components/forms/ActionForm';
import { Hidden } from '../../../components/forms/Hidden';
import { SubmitButton } from '../../../components/forms/SubmitButton';
import { FormPage } from '../../../components/site/FormPage';
import { Icon } from '../../../components/ui/Icon';
import { StatusMessage } from '../../../components/ui/StatusMessage';
import { t } from '../../../i18n';
import { param, type SearchParams } from '../../../lib/search-params';
import { erasePreregistration } from '../actions';
import { BadLink } from '../BadLink';
import { findPreregistration } from '../lookup';
import styles from '../preinscription.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('prereg.manageTitle') };

/** Everything kept about a preregistered person, to read, download as JSON, or erase (the link of every mail). */
export default async function ManagePreregistrationPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  if (param(params, 'efface')) {
    return (
      <StatusMessage icon="check" title={t('prereg.erasedHeading')} text={t('prereg.erasedText')}>
        <Link href="/" className="button button-primary">
          {t('prereg.home')}
        </Link>
      </StatusMessage>
    );
  }
  const token = param(params, 'jeton');
  const found = await findPreregistration(token);
  if (!token || !found) return <BadLink />;
  const confirmedNow = param(params, 'confirme') === '1' && found.status === 'confirmed';
  const signUp = `/inscription?${new URLSearchParams({ email: found.email, cp: found.postalCode }).toString()}`;

  return (
    <FormPage
      icon="user"
      title={t('prereg.manageHeading')}
      lead={<p>{t('prereg.manageLead')}</p>}
      notice={confirmedNow ? t('prereg.confirmed', { commune: found.communeName }) : undefined}
      wide
    >
      <dl className="fact-list" aria-label={t('prereg.factsLabel')}>
        <dt>{t('prereg.fact.email')}</dt>
        <dd>{found.email}</dd>
        <dt>{t('prereg.fact.commune')}</dt>
        <dd>
          {found.communeName} ({found.postalCode})
        </dd>
        <dt>{t('prereg.fact.federation')}</dt>
        <dd>{found.federationName}</dd>
        {found.regionName && (
          <>
            <dt>{t('prereg.fact.region')}</dt>
            <dd>{found.regionName}</dd>
          </>
        )}
        <dt>{t('prereg.fact.kind')}</dt>
        <dd>{t(found.kind === 'member' ? 'prereg.kindShort.member' : 'prereg.kindShort.supporter')}</dd>
        <dt>{t('prereg.fact.status')}</dt>
        <dd>{t(found.status === 'confirmed' ? 'prereg.status.confirmed' : 'prereg.status.pending')}</dd>
        <dt>{t('prereg.fact.createdAt')}</dt>
        <dd>{formatParisDateTime(found.createdAt)}</dd>
        <dt>{t('prereg.fact.consentAt')}</dt>
        <dd>{formatParisDateTime(found.consentAt)}</dd>
        {found.confirmedAt && (
          <>
            <dt>{t('prereg.fact.confirmedAt')}</dt>
            <dd>{formatParisDateTime(found.confirmedAt)}</dd>
          </>
        )}
        <dt>{t('prereg.fact.emailed')}</dt>
        <dd>{t(found.emailed ? 'prereg.emailed.yes' : 'prereg.emailed.no')}</dd>
        <dt>{t('prereg.fact.erasedAfter')}</dt>
        <dd>{formatParisDate(found.erasedAfter)}</dd>
      </dl>

      {found.territoryOpen ? (
        <div className={styles.state}>
          <Icon name="flag" size={22} />
          <div>
            <p>{t('prereg.territoryOpen')}</p>
            <p>
              <Link href={signUp}>{t('prereg.openSignUp')}</Link>
            </p>
          </div>
        </div>
      ) : (
        <p className={styles.state}>
          <Icon name="calendar" size={22} />
          <span>{found.status === 'confirmed' ? t('prereg.territoryNotOpen') : t('prereg.pendingNote')}</span>
        </p>
      )}

      <section className={styles.block} aria-labelledby="donnees-titre">
        <h2 id="donnees-titre">{t('prereg.dataHeading')}</h2>
        <p>
          <a href={`/preinscription/gerer/donnees?jeton=${encodeURIComponent(token)}`} download="coopol-pre-inscription.json" className="button button-secondary">
            <Icon name="code" size={20} />
            {t('prereg.download')}
          </a>
        </p>
      </section>

      <section className={styles.block} aria-labelledby="effacer-titre">
        <h2 id="effacer-titre">{t('prereg.eraseHeading')}</h2>
        <p>{t('prereg.eraseText')}</p>
        <ActionForm action={erasePreregistration}>
          <Hidden name="jeton" value={token} />
          <SubmitButton secondary>{t('prereg.eraseSubmit')}</SubmitButton>
        </ActionForm>
      </section>
    </FormPage>
  );
}
