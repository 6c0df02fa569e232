import Link from 'next/link';
import { helpTopic, type HelpSlug } from '../../help/topics';
import styles from './help.module.css';

/** The « ? » on a screen: it leads to the help page that explains that screen. */
export function HelpLink({ topic }: { topic: HelpSlug }) {
  const title = helpTopic(topic)?.title ?? '';
  return (
    <Link href={`/aide/${topic}`} className={styles.helpLink} aria-label={`Aide\u00a0: ${title}`} title={`Aide\u00a0: ${title}`}>
      <span aria-hidden="true">?</span>
    </Link>
  );
}
