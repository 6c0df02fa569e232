import { routes } from '@coopol/contracts';
import Link from 'next/link';
import { salonAction } from '../../app/messages/actions';
import { t, tc } from '../../i18n';
import { isApiError } from '../../lib/api';
import { callAsSignedIn, type Session } from '../../lib/session';
import { ActionForm } from '../forms/ActionForm';
import { Hidden } from '../forms/Hidden';
import { SubmitButton } from '../forms/SubmitButton';
import styles from './salon-card.module.css';

/**
 * The salon on a section's or group's page (ADR 0029 § Salons): « Aller au salon » for who is in it,
 * « Rejoindre le salon » for who may, and for those who run the space, open / close / reopen. Forms
 * from the server, no script of their own. Nothing for whoever may not be in it (the API's 404).
 */
export async function SalonCard({ session, space, back }: { session: Session; space: { type: 'section' | 'group'; id: string }; back: string }) {
  const salon = await callAsSignedIn(session, back, routes.getSalon, { params: { spaceType: space.type, spaceId: space.id } }).catch((error: unknown) => {
    if (isApiError(error, 404)) return null;
    throw error;
  });
  if (!salon) return null;
  const form = (action: 'join' | 'open' | 'close', label: string, secondary = false) => (
    <ActionForm action={salonAction} className={styles.form}>
      <Hidden name="spaceType" value={space.type} />
      <Hidden name="spaceId" value={space.id} />
      <Hidden name="action" value={action} />
      <Hidden name="retour" value={back} />
      <SubmitButton secondary={secondary}>{label}</SubmitButton>
    </ActionForm>
  );
  const everOpened = salon.open || salon.participantCount > 0;
  return (
    <section className={`card ${styles.card}`} aria-labelledby="salon-heading">
      <h2 id="salon-heading" className={styles.heading}>
        {t('salon.heading')}
      </h2>
      {salon.open ? (
        <>
          <p>{t('salon.intro')}</p>
          <p className={styles.count}>{tc('salon.people', salon.participantCount)}</p>
          <div className={styles.actions}>
            {salon.joined ? (
              <Link href={`/messages/${encodeURIComponent(salon.conversationId)}`} className="button button-primary">
                {t('salon.go')}
              </Link>
            ) : (
              form('join', t('salon.join'))
            )}
            {salon.mayManage && (
              <details className={styles.close}>
                <summary className={styles.closeSummary}>{t('salon.closeIt')}</summary>
                <div className={styles.confirm} role="group" aria-label={t('salon.closeIt')}>
                  <p>{t('salon.closeConfirm')}</p>
                  {form('close', t('salon.closeYes'))}
                </div>
              </details>
            )}
          </div>
        </>
      ) : (
        <>
          <p>{everOpened ? t('salon.closed') : salon.mayManage ? t('salon.notOpenManager') : t('salon.notOpen')}</p>
          <div className={styles.actions}>
            {salon.joined && (
              <Link href={`/messages/${encodeURIComponent(salon.conversationId)}`} className="button button-secondary">
                {t('salon.go')}
              </Link>
            )}
            {salon.mayManage && form('open', everOpened ? t('salon.reopen') : t('salon.openIt'))}
          </div>
        </>
      )}
    </section>
  );
}
