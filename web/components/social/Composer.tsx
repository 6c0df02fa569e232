import { confirmAttachment, prepareAttachment, publishPost } from '../../app/publications/actions';
import { t } from '../../i18n';
import { ActionForm } from '../forms/ActionForm';
import { Hidden, SubmitButton, TextArea, TextField } from '../forms/fields';
import { AttachmentPicker } from './AttachmentPicker';
import styles from './social.module.css';

/** Write a post in one space: text, an optional link (previewed by the server), an optional video or sound, files. */
export function Composer({ spaceType, spaceId, back }: { spaceType: string; spaceId: string; back: string }) {
  return (
    <section aria-labelledby="composer-title" className={`card ${styles.composer}`}>
      <h2 id="composer-title">{t('composer.heading')}</h2>
      <ActionForm action={publishPost}>
        <Hidden name="spaceType" value={spaceType} />
        <Hidden name="spaceId" value={spaceId} />
        <Hidden name="retour" value={back} />
        <TextArea name="text" label={t('composer.text')} hint={t('composer.textHint')} required maxLength={10000} />
        <TextField name="link" label={t('composer.link')} hint={t('composer.linkHint')} />
        <TextField name="media" label={t('composer.media')} hint={t('composer.mediaHint')} />
        <AttachmentPicker prepare={prepareAttachment} confirm={confirmAttachment} />
        <SubmitButton>{t('composer.submit')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
