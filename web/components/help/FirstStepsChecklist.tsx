import { routes } from '@coopol/contracts';
import Link from 'next/link';
import { dismissFirstSteps } from '../../app/profil/actions';
import { t, type TextKey } from '../../i18n';
import { callAsSignedIn, type Session } from '../../lib/session';
import { Icon } from '../ui/Icon';
import { GuidedTour } from './GuidedTour';
import { HelpLink } from './HelpLink';
import styles from './help.module.css';

const steps: { key: 'photo' | 'group' | 'coopain' | 'action' | 'post'; label: TextKey; href: string }[] = [
  { key: 'photo', label: 'firstSteps.photo', href: '/profil' },
  { key: 'group', label: 'firstSteps.group', href: '/groupes' },
  { key: 'coopain', label: 'firstSteps.coopain', href: '/coopains' },
  { key: 'action', label: 'firstSteps.action', href: '/agenda' },
  { key: 'post', label: 'firstSteps.post', href: '#composer-title' },
];

/**
 * « Premiers pas » at the top of the feed: each line ticks itself from what the person did (the API
 * reads it from their data); gone once all are done or the person closes it.
 */
export async function FirstStepsChecklist({ session }: { session: Session }) {
  const done = await callAsSignedIn(session, '/', routes.getFirstSteps, {});
  const count = steps.filter((step) => done[step.key]).length;
  if (done.dismissed || count === steps.length) return null;
  return (
    <section className={styles.checklist} aria-labelledby="first-steps-title">
      <div className={styles.checklistHead}>
        <h2 id="first-steps-title">
          {t('firstSteps.heading')}
          <HelpLink topic="premiers-pas" />
        </h2>
        <p>{t('firstSteps.progress', { count, total: steps.length })}</p>
      </div>
      <ul className={styles.checks}>
        {steps.map((step) => (
          <li key={step.key} className={done[step.key] ? styles.checked : undefined}>
            <span className={styles.box} aria-hidden="true">
              {done[step.key] && <Icon name="check" size={18} />}
            </span>
            {done[step.key] ? (
              <span>
                {t(step.label)} <span className="visually-hidden">{t('firstSteps.done')}</span>
              </span>
            ) : (
              <Link href={step.href}>{t(step.label)}</Link>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.checklistActions}>
        <GuidedTour tour="feed">{t('tour.start')}</GuidedTour>
        <form action={dismissFirstSteps}>
          <button type="submit" className="button button-secondary">
            {t('firstSteps.dismiss')}
          </button>
        </form>
      </div>
    </section>
  );
}
