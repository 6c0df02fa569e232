'use client';

import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { t } from '../../i18n/client/posts';
import { UserMenu } from '../site/UserMenu';
import styles from './posts-client.module.css';

/**
 * The « … » menu of one's own post or comment (the header's disclosure menu: Escape and a click
 * elsewhere close it): « Modifier » puts the editor (a form from the server) in place of the
 * content, « Supprimer » asks once more. The editor closes by itself once the server has the new
 * version (`version` changes).
 */
export function ContentMenu({
  label,
  confirmText,
  version,
  editor,
  remover,
  children,
}: {
  /** The menu's name (« Actions sur votre commentaire »), and the question before deleting. */
  label: string;
  confirmText: string;
  version: string;
  editor: ReactNode;
  remover: ReactNode;
  children: ReactNode;
}) {
  const [mode, setMode] = useState<'show' | 'edit' | 'delete'>('show');
  useEffect(() => setMode('show'), [version]);

  const choose = (next: 'edit' | 'delete') => (event: MouseEvent<HTMLButtonElement>) => {
    const menu = event.currentTarget.closest('details');
    if (menu) menu.open = false;
    setMode(next);
  };

  return (
    <div className={styles.editable}>
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
            <button type="button" className={styles.menuItem} onClick={choose('edit')}>
              {t('menu.edit')}
            </button>
          </li>
          <li>
            <button type="button" className={styles.menuItem} onClick={choose('delete')}>
              {t('menu.delete')}
            </button>
          </li>
        </ul>
      </UserMenu>
      {mode === 'edit' ? (
        <div className={styles.editor}>
          {editor}
          <button type="button" className="button button-secondary" onClick={() => setMode('show')}>
            {t('menu.cancel')}
          </button>
        </div>
      ) : (
        children
      )}
      {mode === 'delete' && (
        <div className={styles.confirm} role="group" aria-label={confirmText}>
          <p>{confirmText}</p>
          {remover}
          <button type="button" className="button button-secondary" onClick={() => setMode('show')}>
            {t('menu.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
