'use client';

import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { AttachmentAnswer } from '../../app/publications/actions';
import { t } from '../../i18n/client/attach';
import { useFormContext } from '../forms/ActionForm';
import { paperclip as paperclipShape } from '../ui/shapes/paperclip';
import { IconSvg } from '../ui/IconSvg';
import { fileSize } from './file-size';
import styles from './attach.module.css';

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,application/pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.txt,.csv';

type Prepare = (file: { name: string; contentType: string; size: number; alt?: string }) => Promise<
  { ok: true; id: string; url: string; fields: Record<string, string> } | { ok: false; message: string }
>;
type Confirm = (id: string) => Promise<AttachmentAnswer>;
export type Ready = Extract<AttachmentAnswer, { ok: true }>['attachment'];

/** A post carries 10 files, a message 4, a space's documents are shared 10 at a time (contracts); the words say which. */
const purposes = {
  post: { max: 10, hint: 'attach.hint', tooMany: 'attach.errorCount', done: 'attach.done' },
  message: { max: 4, hint: 'attach.hintMessage', tooMany: 'attach.errorCountMessage', done: 'attach.doneMessage' },
  document: { max: 10, hint: 'attach.hintDocument', tooMany: 'attach.errorCountDocument', done: 'attach.doneDocument' },
} as const;
type Step = { kind: 'idle' } | { kind: 'busy'; step: 1 | 2 | 3; name: string } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

/** Office and OpenDocument types, for browsers that give none for these files. */
const typeByExtension: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv',
  txt: 'text/plain',
};
const typeOf = (file: File) => file.type || typeByExtension[file.name.split('.').pop()?.toLowerCase() ?? ''] || 'application/octet-stream';

/**
 * « Joindre un fichier » in the composer: each file goes straight from the browser to the files
 * bucket with the API's presigned form, then the API checks what arrived (ADR 0014). The post's
 * form only carries the checked files' ids (hidden `attachments` fields). Progress is told by step:
 * preparing, sending, checking. A message's composer, which sends without a form post, holds the
 * files itself (`files`, `onFilesChange`) and empties them once sent.
 */
export function AttachmentPicker({
  prepare,
  confirm,
  purpose = 'post',
  files: heldFiles,
  onFilesChange,
}: {
  prepare: Prepare;
  confirm: Confirm;
  purpose?: keyof typeof purposes;
  files?: readonly Ready[];
  onFilesChange?: (change: (current: readonly Ready[]) => readonly Ready[]) => void;
}) {
  const [ownFiles, setOwnFiles] = useState<readonly Ready[]>([]);
  const files = heldFiles ?? ownFiles;
  const setFiles = onFilesChange ?? setOwnFiles;
  const words = purposes[purpose];
  const [alt, setAlt] = useState('');
  const [status, setStatus] = useState<Step>({ kind: 'idle' });
  const id = useId();
  // Published: the files went with the post; the next post starts with none (kept after a refusal).
  const { state } = useFormContext();
  useEffect(() => {
    if (state.status !== 'done') return;
    setOwnFiles([]);
    setStatus({ kind: 'idle' });
  }, [state]);
  // A message sent: its composer emptied the files, and the « ready » line goes with them.
  const none = heldFiles?.length === 0;
  useEffect(() => {
    if (none) setStatus((current) => (current.kind === 'done' ? { kind: 'idle' } : current));
  }, [none]);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (files.length >= words.max) return setStatus({ kind: 'error', message: t(words.tooMany) });
    if (file.size > MAX_BYTES) return setStatus({ kind: 'error', message: t('attach.errorSize', { name: file.name }) });
    const contentType = typeOf(file);
    try {
      setStatus({ kind: 'busy', step: 1, name: file.name });
      const upload = await prepare({ name: file.name, contentType, size: file.size, ...(contentType.startsWith('image/') && alt.trim() && { alt: alt.trim() }) });
      if (!upload.ok) return setStatus({ kind: 'error', message: upload.message });
      setStatus({ kind: 'busy', step: 2, name: file.name });
      const body = new FormData();
      for (const [name, value] of Object.entries(upload.fields)) body.append(name, value);
      body.append('file', new Blob([file], { type: contentType }), file.name);
      // The bucket need not answer cross-origin reads: whether the file arrived, the API says next.
      await fetch(upload.url, { method: 'POST', body, mode: 'no-cors' });
      setStatus({ kind: 'busy', step: 3, name: file.name });
      const checked = await confirm(upload.id);
      if (!checked.ok) return setStatus({ kind: 'error', message: checked.message });
      setFiles((current) => [...current, checked.attachment]);
      if (checked.attachment.kind === 'image') setAlt('');
      setStatus({ kind: 'done', name: file.name });
    } catch {
      setStatus({ kind: 'error', message: t('attach.failed', { name: file.name }) });
    }
  }

  const busy = status.kind === 'busy';
  return (
    <div className={styles.picker}>
      {files.length > 0 && (
        <ul className={styles.pickedList} aria-label={t('attach.listLabel')}>
          {files.map((file) => (
            <li key={file.id} className={styles.picked}>
              <input type="hidden" name="attachments" value={file.id} />
              <IconSvg size={18}>{paperclipShape}</IconSvg>
              <span>
                {file.name} <span className={styles.fileMeta}>({fileSize(file.size)})</span>
              </span>
              <button type="button" className="button button-secondary" onClick={() => setFiles((current) => current.filter((f) => f.id !== file.id))}>
                {t('attach.remove', { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-alt`}>{t('attach.alt')}</label>
      <input id={`${id}-alt`} value={alt} onChange={(e) => setAlt(e.currentTarget.value)} maxLength={500} className={styles.altInput} />
      <div className={styles.pickRow}>
        <label htmlFor={`${id}-file`} className={`button button-secondary ${styles.pick}`}>
          <IconSvg size={20}>{paperclipShape}</IconSvg>
          {t('attach.choose')}
        </label>
        <input id={`${id}-file`} type="file" accept={ACCEPT} className={styles.fileInput} onChange={onChange} disabled={busy} aria-describedby={`${id}-hint ${id}-status`} />
      </div>
      <p id={`${id}-hint`} className={styles.fileMeta}>
        {t(words.hint)}
      </p>
      <div id={`${id}-status`} role="status" className={status.kind === 'error' ? styles.pickError : styles.pickStatus}>
        {busy && (
          <>
            <progress max={3} value={status.step} className={styles.progress} />{' '}
            {t(status.step === 1 ? 'attach.preparing' : status.step === 2 ? 'attach.sending' : 'attach.checking', { name: status.name })}
          </>
        )}
        {status.kind === 'done' && t(words.done, { name: status.name })}
        {status.kind === 'error' && status.message}
      </div>
    </div>
  );
}
