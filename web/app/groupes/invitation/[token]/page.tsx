import type { Metadata } from 'next';
import { ActionForm } from '../../../../components/forms/ActionForm';
import { Hidden } from '../../../../components/forms/Hidden';
import { SubmitButton } from '../../../../components/forms/SubmitButton';
import { t } from '../../../../i18n';
import { requireSession } from '../../../../lib/session';
import { acceptInvitation } from '../../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('invitation.title') };

/** The link of an invitation mail: signed in with the invited address's account, one click joins. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await requireSession(`/groupes/invitation/${token}`);
  return (
    <div className="container section-block">
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.text')}</p>
      <ActionForm action={acceptInvitation}>
        <Hidden name="token" value={token} />
        <SubmitButton>{t('invitation.accept')}</SubmitButton>
      </ActionForm>
    </div>
  );
}
