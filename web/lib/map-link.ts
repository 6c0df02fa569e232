/**
 * The point of a map link an organizer pastes (instead of typing a latitude and a longitude): read
 * from the link itself, never fetched. Understands OpenStreetMap (`?mlat=&mlon=`, `#map=z/lat/lon`),
 * Google Maps (`/@lat,lon,z`, a place's `!3d…!4d…`, `?q=` / `?query=` / `?ll=` / `?center=`), Apple
 * Maps (`?ll=`, `?coordinate=`, `?q=`), Bing (`?cp=lat~lon`), `geo:` URIs (RFC 5870) and plain
 * « 47.7467, 7.3389 ». Short links (maps.app.goo.gl, goo.gl/maps, osm.org/go) hold no coordinates:
 * they are refused with what to do instead.
 */
export type MapPoint = { lat: number; lon: number };
export type MapLinkOutcome = { ok: true; point: MapPoint } | { ok: false; reason: 'short-link' | 'no-point' };

const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d+)?`;
const PAIR = new RegExp(String.raw`^\s*(${NUMBER})\s*[,;~ ]\s*(${NUMBER})\s*$`);

function point(lat: string | number, lon: string | number): MapPoint | null {
  const p = { lat: Number(lat), lon: Number(lon) };
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) return null;
  if (Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) return null;
  return p;
}

/** « 47.7467,7.3389 », « 47.7467, 7.3389 », « 47.7467~7.3389 » (a French decimal comma is not a pair separator here). */
function pair(text: string | null | undefined): MapPoint | null {
  if (!text) return null;
  const match = PAIR.exec(text);
  return match ? point(match[1]!, match[2]!) : null;
}

/** A query value that may start with a pair and go on with a label: `47.7,7.3(Marché)` or `47.7,7.3 Marché`. */
function leadingPair(text: string | null): MapPoint | null {
  if (!text) return null;
  const match = new RegExp(String.raw`^\s*(${NUMBER})\s*,\s*(${NUMBER})`).exec(text);
  return match ? point(match[1]!, match[2]!) : null;
}

const SHORT_LINK_HOSTS = ['maps.app.goo.gl', 'goo.gl', 'osm.org', 'bit.ly'];

function fromGeoUri(text: string): MapPoint | null {
  // geo:47.7467,7.3389;u=35 or geo:0,0?q=47.7467,7.3389(label)
  const body = text.slice(4);
  const [path = '', query = ''] = body.split('?');
  const q = new URLSearchParams(query).get('q');
  const fromQuery = leadingPair(q);
  const coordinates = path.split(';')[0]!.split(',');
  const fromPath = coordinates.length >= 2 ? point(coordinates[0]!, coordinates[1]!) : null;
  if (fromPath && (fromPath.lat !== 0 || fromPath.lon !== 0)) return fromPath;
  return fromQuery ?? fromPath;
}

function fromUrl(url: URL): MapPoint | null {
  const params = url.searchParams;
  // A place's own point first (Google's `!3d<lat>!4d<lon>`), then marker parameters, then the view.
  const place = /!3d(-?\d+(?:\.\d+)?)!4d(-?\d+(?:\.\d+)?)/.exec(url.href);
  if (place) return point(place[1]!, place[2]!);
  const marker = params.get('mlat') !== null && params.get('mlon') !== null ? point(params.get('mlat')!, params.get('mlon')!) : null;
  if (marker) return marker;
  for (const name of ['q', 'query', 'll', 'sll', 'coordinate', 'center', 'destination', 'daddr']) {
    const found = leadingPair(params.get(name));
    if (found) return found;
  }
  const bing = params.get('cp');
  if (bing) {
    const found = pair(bing.replace('~', ','));
    if (found) return found;
  }
  const lat = params.get('lat') ?? params.get('latitude');
  const lon = params.get('lon') ?? params.get('lng') ?? params.get('longitude');
  if (lat !== null && lon !== null) {
    const found = point(lat, lon);
    if (found) return found;
  }
  const at = /\/@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(url.pathname);
  if (at) return point(at[1]!, at[2]!);
  const view = /(?:^|[#&])map=\d+(?:\.\d+)?\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(url.hash);
  if (view) return point(view[1]!, view[2]!);
  return null;
}

export function pointOfMapLink(raw: string): MapLinkOutcome {
  const text = raw.trim();
  const plain = pair(text);
  if (plain) return { ok: true, point: plain };
  if (/^geo:/i.test(text)) {
    const found = fromGeoUri(text);
    return found ? { ok: true, point: found } : { ok: false, reason: 'no-point' };
  }
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'no-point' };
  }
  const found = fromUrl(url);
  if (found) return { ok: true, point: found };
  const host = url.hostname.replace(/^www\./, '');
  if (SHORT_LINK_HOSTS.includes(host) || (host === 'openstreetmap.org' && url.pathname.startsWith('/go/'))) return { ok: false, reason: 'short-link' };
  return { ok: false, reason: 'no-point' };
}
