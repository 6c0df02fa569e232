import { changeFriendship } from '../../app/coopains/actions';
import { t, type TextKey } from '../../i18n';
import { Hidden } from '../forms/Hidden';
import styles from './social.module.css';

export type FriendshipState = 'none' | 'friends' | 'sent' | 'received';

/** One button that changes a friendship (ask, accept, decline, cancel, remove), named with the person it is about. */
export function FriendAction({ userId, action, label, name, primary = false }: { userId: string; action: string; label: TextKey; name: string; primary?: boolean }) {
  return (
    <form action={changeFriendship} className={styles.inline}>
      <Hidden name="userId" value={userId} />
      <Hidden name="action" value={action} />
      <button type="submit" className={`button ${primary ? 'button-primary' : 'button-secondary'}`} aria-label={`${t(label)} : ${name}`}>
        {t(label)}
      </button>
    </form>
  );
}

/** A profile's « Demander en coopain », saying where things stand: asked, asked by them, coopains. */
export function FriendButton({ userId, name, state }: { userId: string; name: string; state: FriendshipState }) {
  switch (state) {
    case 'none':
      return <FriendAction userId={userId} action="ask" label="friends.ask" name={name} primary />;
    case 'sent':
      return (
        <p className={styles.request}>
          <span className={styles.badge}>{t('friends.asked')}</span>
          <FriendAction userId={userId} action="remove" label="friends.cancel" name={name} />
        </p>
      );
    case 'received':
      return (
        <p className={styles.request}>
          <span className={styles.badge}>{t('friends.theyAsked')}</span>
          <FriendAction userId={userId} action="accept" label="friends.accept" name={name} primary />
          <FriendAction userId={userId} action="remove" label="friends.decline" name={name} />
        </p>
      );
    case 'friends':
      return (
        <p className={styles.request}>
          <span className={styles.badge}>{t('friends.areFriends')}</span>
          <FriendAction userId={userId} action="remove" label="friends.remove" name={name} />
        </p>
      );
  }
}
