import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { t } from '../../../../i18n';
import { param, type SearchParams } from '../../../../lib/search-params';
import { unsubscribeFromSpaceMessages } from '../../../evenements/actions';
import styles from '../../../evenements/events.module.css';

export const metadata: Metadata = { title: t('unsubscribeMessages.title'), robots: { index: false } };

/** The page behind the link in a space's messages (`?espace=section:mulhouse`): one button; mail clients' one-click goes straight to the API. */
export default async function UnsubscribeMessagesPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  const { token } = await params;
  const space = param(await searchParams, 'espace');
  if (!space || !/^(section|federation|national|group):[A-Za-z0-9-]+$/.test(space)) notFound();
  return (
    <div className={`container ${styles.page}`}>
      <section className={`card ${styles.card}`}>
        <h1 id="unsubscribe-messages-title">{t('unsubscribeMessages.title')}</h1>
        <p>{t('unsubscribeMessages.text')}</p>
        <ActionForm action={unsubscribeFromSpaceMessages} aria-labelledby="unsubscribe-messages-title">
          <Hidden name="token" value={token} />
          <Hidden name="space" value={space} />
          <SubmitButton>{t('unsubscribeMessages.submit')}</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
