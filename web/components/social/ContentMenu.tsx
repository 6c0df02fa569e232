// No 'use client': the menu costs the page no script of its own (ADR 0026).
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { UserMenu } from '../site/UserMenu';
import styles from './social.module.css';

/**
 * The « … » menu of one's own post or comment, drawn by the server and working without JavaScript.
 * « Modifier » and « Supprimer » are links to the editor (a form from the server) and to the
 * question before deleting, which the stylesheet shows while the address names them (`:target`),
 * the editor in place of the content; « Annuler » leads back to the content. Their ids carry the
 * version, so the editor closes by itself once the server has the new text: the address then names
 * an element that no longer exists (the `key` makes it a new element, not a renamed one). The
 * disclosure is the header's (`UserMenu`, already on every page): with JavaScript, Escape, a click
 * elsewhere or a choice closes it.
 */
export function ContentMenu({
  id,
  label,
  confirmText,
  version,
  editor,
  remover,
  children,
}: {
  /** The id of the menu with its content, unique on the page: what « Annuler » leads back to. */
  id: string;
  /** The menu's name (« Actions sur votre commentaire »), and the question before deleting. */
  label: string;
  confirmText: string;
  /** When the content was last written (`editedAt` or `createdAt`). */
  version: string;
  editor: ReactNode;
  remover: ReactNode;
  children: ReactNode;
}) {
  const stamp = version.replace(/\D/g, '');
  const editId = `${id}-modifier-${stamp}`;
  const removeId = `${id}-supprimer-${stamp}`;
  const cancel = (
    <a href={`#${id}`} className="button button-secondary">
      {t('menu.cancel')}
    </a>
  );
  return (
    <div id={id} className={styles.editable}>
      <UserMenu
        className={styles.menuAnchor}
        summaryClassName={styles.menuButton}
        summary={
          <>
            <span aria-hidden="true">…</span>
            <span className="visually-hidden">{label}</span>
          </>
        }
      >
        <ul className={styles.menuList}>
          <li>
            <a href={`#${editId}`} className={styles.menuItem}>
              {t('menu.edit')}
            </a>
          </li>
          <li>
            <a href={`#${removeId}`} className={styles.menuItem}>
              {t('menu.delete')}
            </a>
          </li>
        </ul>
      </UserMenu>
      <div key={editId} id={editId} className={styles.editor}>
        {editor}
        {cancel}
      </div>
      <div className={styles.content}>{children}</div>
      <div key={removeId} id={removeId} className={styles.confirm} role="group" aria-label={confirmText}>
        <p>{confirmText}</p>
        {remover}
        {cancel}
      </div>
    </div>
  );
}
