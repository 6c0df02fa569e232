import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointOfMapLink } from '../../web/lib/map-link';

// The secretary pastes a map link instead of typing coordinates: the point is read from the link.
const at = (lat: number, lon: number) => ({ ok: true, point: { lat, lon } });

test('OpenStreetMap: the marker, else the view', () => {
  assert.deepEqual(pointOfMapLink('https://www.openstreetmap.org/?mlat=47.7467&mlon=7.3389#map=17/47.7460/7.3380'), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('https://www.openstreetmap.org/#map=17/47.74670/7.33890'), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('https://www.openstreetmap.org/search?query=Mulhouse#map=13/47.7508/-7.3359&layers=N'), at(47.7508, -7.3359));
});

test('Google Maps: a place’s own point before the view, and the query forms', () => {
  assert.deepEqual(
    pointOfMapLink('https://www.google.com/maps/place/March%C3%A9+du+Canal+Couvert/@47.7480,7.3400,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d47.7472!4d7.3418!16s'),
    at(47.7472, 7.3418),
  );
  assert.deepEqual(pointOfMapLink('https://www.google.fr/maps/@48.8566,2.3522,15z'), at(48.8566, 2.3522));
  assert.deepEqual(pointOfMapLink('https://maps.google.com/?q=43.2965,5.3698'), at(43.2965, 5.3698));
  assert.deepEqual(pointOfMapLink('https://www.google.com/maps/search/?api=1&query=47.7467%2C7.3389'), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('https://www.google.com/maps/dir/?api=1&destination=50.6292,3.0573'), at(50.6292, 3.0573));
});

test('Apple Maps, Bing, geo: URIs and plain coordinates', () => {
  assert.deepEqual(pointOfMapLink('https://maps.apple.com/?ll=48.1173,-1.6778&q=Rennes'), at(48.1173, -1.6778));
  assert.deepEqual(pointOfMapLink('https://www.bing.com/maps?cp=47.7467~7.3389&lvl=16'), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('geo:47.7467,7.3389;u=35'), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('geo:0,0?q=47.7467,7.3389(March%C3%A9)'), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('  47.7467, 7.3389 '), at(47.7467, 7.3389));
  assert.deepEqual(pointOfMapLink('-21.1151 55.5364'), at(-21.1151, 55.5364));
});

test('links without a point are refused, short links with what to do instead', () => {
  assert.deepEqual(pointOfMapLink('https://maps.app.goo.gl/AbCdEf123'), { ok: false, reason: 'short-link' });
  assert.deepEqual(pointOfMapLink('https://osm.org/go/0Cr1Nz--'), { ok: false, reason: 'short-link' });
  assert.deepEqual(pointOfMapLink('https://www.openstreetmap.org/node/123456'), { ok: false, reason: 'no-point' });
  assert.deepEqual(pointOfMapLink('Marché du Canal couvert'), { ok: false, reason: 'no-point' });
  assert.deepEqual(pointOfMapLink('geo:95,200'), { ok: false, reason: 'no-point' });
  assert.deepEqual(pointOfMapLink('https://www.google.com/maps/@91.5,7.3,15z'), { ok: false, reason: 'no-point' });
});
