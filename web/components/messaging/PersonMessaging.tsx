import { changeBlock, writeTo } from '../../app/messages/actions';
import { t } from '../../i18n';
import { ActionForm } from '../forms/ActionForm';
import { Hidden } from '../forms/Hidden';
import { SubmitButton } from '../forms/SubmitButton';
import styles from './person-messaging.module.css';

/**
 * « Écrire » to someone (their conversation with me, the same one each time), or why not — their
 * choice of who may write to them, a block — told in place; and « Bloquer » (after a question) or
 * « Débloquer ». Forms from the server: no script of their own.
 */
export function WriteButton({ userId, name, back, secondary = false }: { userId: string; name: string; back: string; secondary?: boolean }) {
  return (
    <ActionForm action={writeTo} className={styles.write}>
      <Hidden name="userId" value={userId} />
      <Hidden name="retour" value={back} />
      <SubmitButton secondary={secondary}>
        <span aria-hidden="true">{t('write.button')}</span>
        <span className="visually-hidden">{t('write.to', { name })}</span>
      </SubmitButton>
    </ActionForm>
  );
}

export function BlockButton({ userId, name, blocked, back }: { userId: string; name: string; blocked: boolean; back: string }) {
  const form = (action: 'block' | 'unblock', label: string, primary: boolean) => (
    <form action={changeBlock}>
      <Hidden name="userId" value={userId} />
      <Hidden name="action" value={action} />
      <Hidden name="retour" value={back} />
      <button type="submit" className={`button ${primary ? 'button-primary' : 'button-secondary'}`}>
        {label}
      </button>
    </form>
  );
  if (blocked) {
    return (
      <div className={styles.blocked}>
        <p>{t('block.blocked', { name })}</p>
        {form('unblock', t('block.unblock'), false)}
      </div>
    );
  }
  return (
    <details className={styles.block}>
      <summary className={styles.blockSummary}>{t('block.button')}</summary>
      <div className={styles.blockConfirm} role="group" aria-label={t('block.to', { name })}>
        <p>{t('block.confirm', { name })}</p>
        {form('block', t('block.yes'), true)}
      </div>
    </details>
  );
}
