'use client';

import { useState } from 'react';
import styles from './posts-client.module.css';

/**
 * A video or sound from an allowed provider: a placeholder until the click, so that nothing is
 * asked of the provider (no request, no cookie) before the person chooses to play it. Its words come
 * from the server, already filled with the provider's name.
 */
export function ClickToLoad({
  embedUrl,
  url,
  words,
}: {
  embedUrl: string;
  url: string;
  words: { play: string; notice: string; title: string };
}) {
  const [playing, setPlaying] = useState(false);
  if (playing) {
    return (
      <div className={styles.player}>
        <iframe
          src={embedUrl}
          title={words.title}
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
        ▶ {words.play}
      </button>
      <p className={styles.placeholderNote}>
        {words.notice} <span className={styles.source}>{url}</span>
      </p>
    </div>
  );
}
