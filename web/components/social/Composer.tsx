import { confirmAttachment, prepareAttachment, publishPost } from '../../app/publications/actions';
import { t } from '../../i18n';
import { ActionForm } from '../forms/ActionForm';
import { Hidden, SubmitButton, TextField } from '../forms/fields';
import { AttachmentPicker } from './AttachmentPicker';
import styles from './social.module.css';

/** Write a post in one space: text, an optional link (previewed by the server), an optional video or sound, files. */
export function Composer({ spaceType, spaceId, back }: { spaceType: string; spaceId: string; back: string }) {
  return (
    <section aria-labelledby="composer-title">
      <h2 id="composer-title">{t('composer.heading')}</h2>
      <ActionForm action={publishPost} className={styles.composer}>
        <Hidden name="spaceType" value={spaceType} />
        <Hidden name="spaceId" value={spaceId} />
        <Hidden name="retour" value={back} />
        <label htmlFor="composer-text">{t('composer.text')}</label>
        <p id="composer-text-hint">{t('composer.textHint')}</p>
        <textarea id="composer-text" name="text" required maxLength={10000} aria-describedby="composer-text-hint" className={styles.textarea} />
        <TextField name="link" label={t('composer.link')} hint={t('composer.linkHint')} />
        <TextField name="media" label={t('composer.media')} hint={t('composer.mediaHint')} />
        <AttachmentPicker prepare={prepareAttachment} confirm={confirmAttachment} />
        <SubmitButton>{t('composer.submit')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
