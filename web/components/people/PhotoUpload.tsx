'use client';

import { useId, useState, type ChangeEvent } from 'react';
import { t } from '../../i18n/client/photo';
import { camera as cameraShape } from '../ui/shapes/camera';
import { IconSvg } from '../ui/IconSvg';
import styles from './PhotoUpload.module.css';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

type Prepare = (contentType: string, size: number) => Promise<{ ok: true; url: string; fields: Record<string, string>; key: string } | { ok: false; message: string }>;
type Confirm = (key: string) => Promise<{ ok: boolean; message?: string }>;

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'error'; message: string };

/**
 * Sends a photo straight from the browser to the files bucket with the API's presigned form, then
 * asks the API to use it (the API checks it arrived, its type and its size). Type and size are
 * checked here first, so a wrong file is told at once.
 */
export function PhotoUpload({ prepare, confirm, label }: { prepare: Prepare; confirm: Confirm; label: string }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const id = useId();

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    if (!TYPES.includes(file.type)) return setStatus({ kind: 'error', message: t('photo.errorType') });
    if (file.size > MAX_BYTES) return setStatus({ kind: 'error', message: t('photo.errorSize') });

    setStatus({ kind: 'busy' });
    try {
      const upload = await prepare(file.type, file.size);
      if (!upload.ok) return setStatus({ kind: 'error', message: upload.message });
      const body = new FormData();
      for (const [name, value] of Object.entries(upload.fields)) body.append(name, value);
      body.append('file', file);
      // The bucket need not answer cross-origin reads: whether the photo arrived, the API says next.
      await fetch(upload.url, { method: 'POST', body, mode: 'no-cors' });
      const used = await confirm(upload.key);
      if (!used.ok) return setStatus({ kind: 'error', message: used.message ?? t('photo.failed') });
      setStatus({ kind: 'done' });
      input.value = '';
    } catch {
      setStatus({ kind: 'error', message: t('photo.failed') });
    }
  }

  return (
    <div className={styles.upload}>
      <label htmlFor={`${id}-file`} className={`button button-secondary ${styles.pick}`}>
        <IconSvg size={20}>{cameraShape}</IconSvg>
        {label}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept={TYPES.join(',')}
        className={styles.file}
        onChange={onChange}
        disabled={status.kind === 'busy'}
        aria-describedby={`${id}-hint ${id}-status`}
      />
      <p id={`${id}-hint`} className={styles.hint}>
        {t('photo.hint')}
      </p>
      <p id={`${id}-status`} role="status" className={status.kind === 'error' ? styles.error : styles.status}>
        {status.kind === 'busy' && t('photo.uploading')}
        {status.kind === 'done' && t('photo.done')}
        {status.kind === 'error' && status.message}
      </p>
      <noscript>
        <p className={styles.hint}>{t('photo.noscript')}</p>
      </noscript>
    </div>
  );
}
