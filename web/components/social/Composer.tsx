import { confirmAttachment, prepareAttachment, publishPost } from '../../app/publications/actions';
import { t } from '../../i18n';
import { ActionForm } from '../forms/ActionForm';
import { Hidden } from '../forms/Hidden';
import { SubmitButton } from '../forms/SubmitButton';
import { TextArea } from '../forms/TextArea';
import { LazyAttachmentPicker } from './LazyAttachmentPicker';
import attach from './attach.module.css';
import styles from './social.module.css';

/**
 * Write a post in one space: one « Quoi de neuf ? » box that grows with its text (a link or a video
 * address in it is previewed by the server), files and their descriptions behind « + ».
 */
export function Composer({ spaceType, spaceId, back }: { spaceType: string; spaceId: string; back: string }) {
  return (
    <section aria-labelledby="composer-title" className={`card ${styles.composer}`}>
      <h2 id="composer-title" className="visually-hidden">
        {t('composer.heading')}
      </h2>
      <ActionForm action={publishPost} aria-labelledby="composer-title">
        <Hidden name="spaceType" value={spaceType} />
        <Hidden name="spaceId" value={spaceId} />
        <Hidden name="retour" value={back} />
        <TextArea name="text" label={t('composer.text')} hint={t('composer.textHint')} required maxLength={10000} rows={2} />
        <details className={styles.more}>
          <summary>
            <span aria-hidden="true" className={styles.plus}>
              +
            </span>
            <span>{t('composer.more')}</span>
          </summary>
          <LazyAttachmentPicker prepare={prepareAttachment} confirm={confirmAttachment} noscript={<p className={attach.fileMeta}>{t('composer.filesNeedScript')}</p>} />
        </details>
        <SubmitButton>{t('composer.submit')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
