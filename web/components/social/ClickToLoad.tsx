'use client';

import { useState } from 'react';
import { t } from '../../i18n/client/posts';
import styles from './posts-client.module.css';

/**
 * A video or sound from an allowed provider: a placeholder until the click, so that nothing is
 * asked of the provider (no request, no cookie) before the person chooses to play it.
 */
export function ClickToLoad({ provider, embedUrl, url }: { provider: string; embedUrl: string; url: string }) {
  const [playing, setPlaying] = useState(false);
  if (playing) {
    return (
      <div className={styles.player}>
        <iframe
          src={embedUrl}
          title={t('embed.title', { provider })}
          allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          referrerPolicy="strict-origin-when-cross-origin"
          loading="lazy"
        />
      </div>
    );
  }
  return (
    <div className={styles.placeholder}>
      <button type="button" className="button button-secondary" onClick={() => setPlaying(true)} data-embed-url={embedUrl}>
        ▶ {t('embed.play', { provider })}
      </button>
      <p className={styles.placeholderNote}>
        {t('embed.notice', { provider })} <span className={styles.source}>{url}</span>
      </p>
    </div>
  );
}
