import type { Metadata } from 'next';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { t } from '../../../../i18n';
import { unsubscribeFromAnnouncements } from '../../../evenements/actions';
import styles from '../../../evenements/events.module.css';

export const metadata: Metadata = { title: t('unsubscribe.title'), robots: { index: false } };

/** The page behind the link in announcement mails: one button (mail clients' one-click goes straight to the API). */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className={`container ${styles.page}`}>
      <section className={`card ${styles.card}`}>
        <h1 id="unsubscribe-title">{t('unsubscribe.title')}</h1>
        <p>{t('unsubscribe.text')}</p>
        <ActionForm action={unsubscribeFromAnnouncements} aria-labelledby="unsubscribe-title">
          <Hidden name="token" value={token} />
          <SubmitButton>{t('unsubscribe.submit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
