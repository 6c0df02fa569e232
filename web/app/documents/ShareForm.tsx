import { ActionForm } from '../../components/forms/ActionForm';
import { Hidden } from '../../components/forms/Hidden';
import { SubmitButton } from '../../components/forms/SubmitButton';
import { TextArea } from '../../components/forms/TextArea';
import { TextField } from '../../components/forms/TextField';
import { AttachmentPicker } from '../../components/social/AttachmentPicker';
import { t } from '../../i18n';
import { confirmAttachment, prepareAttachment } from '../publications/actions';
import { shareDocuments } from './actions';
import styles from './documents.module.css';

/**
 * « Partager des documents »: the files go through the posts' picker (uploaded straight to the
 * bucket, then checked by the API: ADR 0014), then the form names them with a folder and a
 * description. Uploading needs JavaScript; the page says so without it.
 */
export function ShareForm({ space, folders }: { space: { type: string; id: string }; folders: string[] }) {
  return (
    <ActionForm action={shareDocuments} className={styles.share} aria-labelledby="documents-share">
      <Hidden name="spaceType" value={space.type} />
      <Hidden name="spaceId" value={space.id} />
      <noscript>
        <p>{t('documents.share.needsScript')}</p>
      </noscript>
      <AttachmentPicker prepare={prepareAttachment} confirm={confirmAttachment} purpose="document" />
      <TextField name="folder" label={t('documents.field.folder')} hint={t('documents.field.folderHint')} maxLength={80} list="documents-folders" />
      <datalist id="documents-folders">
        {folders.map((folder) => (
          <option key={folder} value={folder} />
        ))}
      </datalist>
      <TextArea name="description" label={t('documents.field.description')} hint={t('documents.field.descriptionHint')} maxLength={1000} rows={3} />
      <SubmitButton>{t('documents.share.submit')}</SubmitButton>
    </ActionForm>
  );
}
