import { ValidationError } from '../errors';

/**
 * Video and audio in posts come from an allowlist of providers, recognised from the address the
 * author pastes. What is stored is the provider's own player address, built here from the id we
 * parsed (never a URL taken as is): the page shows a click-to-load placeholder and contacts the
 * provider only after the click. Nothing here fetches anything.
 */
export interface Embed {
  provider: string;
  url: string;
  embedUrl: string;
}

/** PeerTube is federated: its instances are listed here (a config change adds one). */
export const peerTubeHosts = new Set(['framatube.org', 'peertube.fr', 'video.blast-info.fr', 'tube.aquilenet.fr', 'videos.pair2jeux.tube']);

const id = (value: string | undefined | null, pattern: RegExp) => (value && pattern.test(value) ? value : undefined);

function recognise(url: URL): Embed | undefined {
  const host = url.hostname.toLowerCase().replace(/^www\.|^m\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  const youTubeId = /^[\w-]{11}$/;
  switch (host) {
    case 'youtube.com': {
      const v = id(url.searchParams.get('v'), youTubeId) ?? (parts[0] === 'shorts' || parts[0] === 'embed' ? id(parts[1], youTubeId) : undefined);
      return v ? { provider: 'YouTube', url: url.href, embedUrl: `https://www.youtube-nocookie.com/embed/${v}` } : undefined;
    }
    case 'youtu.be': {
      const v = id(parts[0], youTubeId);
      return v ? { provider: 'YouTube', url: url.href, embedUrl: `https://www.youtube-nocookie.com/embed/${v}` } : undefined;
    }
    case 'dailymotion.com': {
      const v = parts[0] === 'video' ? id(parts[1], /^[a-zA-Z0-9]{5,12}$/) : undefined;
      return v ? { provider: 'Dailymotion', url: url.href, embedUrl: `https://www.dailymotion.com/embed/video/${v}` } : undefined;
    }
    case 'dai.ly': {
      const v = id(parts[0], /^[a-zA-Z0-9]{5,12}$/);
      return v ? { provider: 'Dailymotion', url: url.href, embedUrl: `https://www.dailymotion.com/embed/video/${v}` } : undefined;
    }
    case 'vimeo.com': {
      const v = id(parts[0], /^\d{6,12}$/);
      return v ? { provider: 'Vimeo', url: url.href, embedUrl: `https://player.vimeo.com/video/${v}` } : undefined;
    }
    case 'soundcloud.com': {
      const [artist, track] = [id(parts[0], /^[\w-]{1,100}$/), id(parts[1], /^[\w-]{1,200}$/)];
      if (!artist || !track || parts.length !== 2) return undefined;
      const page = `https://soundcloud.com/${artist}/${track}`;
      return { provider: 'SoundCloud', url: page, embedUrl: `https://w.soundcloud.com/player/?url=${encodeURIComponent(page)}` };
    }
  }
  if (peerTubeHosts.has(host)) {
    const v = parts[0] === 'w' ? id(parts[1], /^[\w-]{8,40}$/) : parts[0] === 'videos' && parts[1] === 'watch' ? id(parts[2], /^[\w-]{8,40}$/) : undefined;
    return v ? { provider: 'PeerTube', url: url.href, embedUrl: `https://${host}/videos/embed/${v}` } : undefined;
  }
  return undefined;
}

/** The embed of a media address from an allowed provider, or nothing. */
export function mediaEmbed(address: string): Embed | undefined {
  const url = new URL(address);
  return url.protocol === 'https:' || url.protocol === 'http:' ? recognise(url) : undefined;
}

/** The embed of a media address, or a 400 naming the field when it is from no allowed provider. */
export function embedOf(address: string, field = 'body.media'): Embed {
  const embed = mediaEmbed(address);
  if (!embed) {
    throw new ValidationError([{ field, message: 'vidéo ou son de YouTube, Dailymotion, Vimeo, SoundCloud ou d’une instance PeerTube connue' }]);
  }
  return embed;
}
