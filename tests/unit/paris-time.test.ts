import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  instantOfParisWallClock,
  parisClock,
  parisDay,
  parisIso,
  parisWallClock,
  parisWallClockToIso,
  sayParisTime,
  sayWhen,
  startOfParisDay,
} from '../../functions/src/contracts/paris-time';

// The one Paris-time module (ADR 0019), around the changes of hour: in 2031 clocks go forward on
// Sunday 30 March at 02:00 (to 03:00) and back on Sunday 26 October at 03:00 (to 02:00).
const at = (local: string) => instantOfParisWallClock(local)?.toISOString();

describe('a Paris wall-clock time typed in a form becomes an instant', () => {
  test('on each side of the last Sunday of March, winter then summer time', () => {
    assert.equal(at('2031-03-29T09:00'), '2031-03-29T08:00:00.000Z'); // UTC+1
    assert.equal(at('2031-03-30T01:59'), '2031-03-30T00:59:00.000Z'); // the last minute of winter time
    assert.equal(at('2031-03-30T03:00'), '2031-03-30T01:00:00.000Z'); // the first of summer time
    assert.equal(at('2031-03-31T09:00'), '2031-03-31T07:00:00.000Z'); // UTC+2
  });

  test('on each side of the last Sunday of October, summer then winter time', () => {
    assert.equal(at('2031-10-25T09:00'), '2031-10-25T07:00:00.000Z');
    assert.equal(at('2031-10-26T01:59'), '2031-10-25T23:59:00.000Z');
    assert.equal(at('2031-10-26T03:00'), '2031-10-26T02:00:00.000Z');
    assert.equal(at('2031-10-27T09:00'), '2031-10-27T08:00:00.000Z');
  });

  test('a time that does not exist (the hour skipped in March) is refused, not moved', () => {
    for (const skipped of ['2031-03-30T02:00', '2031-03-30T02:30', '2031-03-30T02:59']) {
      assert.equal(instantOfParisWallClock(skipped), undefined, skipped);
      assert.equal(parisWallClockToIso(skipped), undefined, skipped);
    }
  });

  test('a time that exists twice (the hour repeated in October) is its first occurrence, still summer time', () => {
    assert.equal(at('2031-10-26T02:00'), '2031-10-26T00:00:00.000Z');
    assert.equal(at('2031-10-26T02:30'), '2031-10-26T00:30:00.000Z');
    assert.equal(parisWallClockToIso('2031-10-26T02:30'), '2031-10-26T02:30:00+02:00');
    // The second occurrence is still said as 02:30, with winter time's offset.
    assert.equal(parisIso('2031-10-26T01:30:00Z'), '2031-10-26T02:30:00+01:00');
  });

  test('what is not a date and time is refused: impossible dates and hours, other shapes', () => {
    for (const bad of ['2031-02-29T10:00', '2031-04-31T10:00', '2031-01-01T24:00', '2031-01-01T10:60', 'demain', '', '2031-05-17', '2031-05-17 09:00']) {
      assert.equal(instantOfParisWallClock(bad), undefined, bad);
    }
    assert.equal(at('2032-02-29T10:00'), '2032-02-29T09:00:00.000Z'); // a leap day is a day
  });

  test('seconds, when a form sends them, are kept', () => {
    assert.equal(parisWallClockToIso('2031-06-01T12:00:30'), '2031-06-01T12:00:30+02:00');
    assert.equal(parisWallClock('2031-06-01T10:00:30Z'), '2031-06-01T12:00:30');
  });
});

describe('an instant read back in Paris time', () => {
  test('as a form value, a clock time and a day, across midnight and the new year', () => {
    assert.equal(parisWallClock('2031-06-30T22:30:00Z'), '2031-07-01T00:30');
    assert.equal(parisClock('2031-06-30T22:30:00Z'), '00:30');
    assert.equal(parisDay('2031-12-31T23:30:00Z'), '2032-01-01');
  });

  test('with the offset of that instant, as the web sends it to the API', () => {
    assert.equal(parisIso('2031-03-30T00:59:00Z'), '2031-03-30T01:59:00+01:00');
    assert.equal(parisIso('2031-03-30T01:00:00Z'), '2031-03-30T03:00:00+02:00');
    // Each round trip gives the instant back.
    for (const iso of ['2031-01-15T12:00:00.000Z', '2031-03-30T01:00:00.000Z', '2031-10-26T00:30:00.000Z', '2031-10-26T01:30:00.000Z']) {
      assert.equal(new Date(parisIso(iso)).toISOString(), iso);
    }
  });

  test('a Paris day begins at its midnight, whichever the offset that day', () => {
    assert.equal(startOfParisDay('2031-03-30').toISOString(), '2031-03-29T23:00:00.000Z');
    assert.equal(startOfParisDay('2031-03-31').toISOString(), '2031-03-30T22:00:00.000Z');
    assert.equal(startOfParisDay('2031-10-26').toISOString(), '2031-10-25T22:00:00.000Z');
  });

  test('in French, as pages and mails say it', () => {
    assert.equal(sayParisTime('2031-03-29T08:00:00Z'), 'samedi 29 mars à 9 h');
    assert.equal(sayParisTime('2031-05-17T07:05:00Z'), 'samedi 17 mai à 9 h 05');
    assert.equal(sayWhen('2031-05-17T07:00:00Z', '2031-05-17T11:00:00Z'), 'samedi 17 mai 2031, 9 h – 13 h');
    assert.equal(sayWhen('2031-05-17T18:00:00Z', '2031-05-18T08:00:00Z'), 'samedi 17 mai 2031, 20 h – dimanche 18 mai 2031, 10 h');
  });
});
