import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTimeline } from '../src/timeline/parse.js';
import {
  cycleProgress,
  daysUntil,
  findEvent,
  nextEvents,
  phaseAt,
  statusOf,
  suggestNames,
  weekLabel,
} from '../src/timeline/query.js';
import type { Timeline } from '../src/timeline/types.js';
import { makeEvent, makeTimeline, ROOT } from './helpers.js';

const juno = (() => {
  const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
  if (!result.ok) throw new Error('bundled timeline invalid');
  return result.timeline;
})();

const event = (t: Timeline, id: string) => {
  const found = findEvent(t, id);
  if (!found) throw new Error(id);
  return found;
};

describe('queries', () => {
  it('counts days until an event, signed', () => {
    const release = event(juno, 'release');
    expect(daysUntil(release, '2014-09-21')).toBe(25);
    expect(daysUntil(release, '2014-10-15')).toBe(1);
    expect(daysUntil(release, '2014-10-16')).toBe(0);
    expect(daysUntil(release, '2014-10-17')).toBe(-1);
    expect(daysUntil(event(juno, 'ff'), '2014-09-21')).toBe(-17);
  });

  it('gives statuses for one-day and multi-day events', () => {
    const summit = makeEvent({ start: '2014-11-03', end: '2014-11-07' });
    expect(statusOf(summit, '2014-11-02')).toBe('upcoming');
    expect(statusOf(summit, '2014-11-03')).toBe('current');
    expect(statusOf(summit, '2014-11-07')).toBe('current');
    expect(statusOf(summit, '2014-11-08')).toBe('past');
    const day = makeEvent({ start: '2014-10-16' });
    expect(statusOf(day, '2014-10-16')).toBe('current');
    expect(statusOf(day, '2014-10-17')).toBe('past');
  });

  it('labels weeks from the release week', () => {
    const rw = juno.releaseWeek;
    expect(rw).toBe('2014-10-13');
    expect(weekLabel(rw, '2014-10-16')).toBe('R+0');
    expect(weekLabel(rw, '2014-10-19')).toBe('R+0');
    expect(weekLabel(rw, '2014-10-12')).toBe('R-1');
    expect(weekLabel(rw, '2014-09-04')).toBe('R-6');
    expect(weekLabel(rw, '2014-05-12')).toBe('R-22');
    expect(weekLabel(rw, '2014-11-03')).toBe('R+3');
    expect(weekLabel(rw, '2014-04-17')).toBe('R-26');
    expect(weekLabel(rw, '2014-04-21')).toBe('R-25');
    expect(weekLabel(null, '2014-04-21')).toBeNull();
  });

  it('has no week labels without a release', () => {
    const t = makeTimeline({ events: [{ id: 'a', name: 'A', kind: 'milestone', start: '2014-01-01' }] });
    expect(t.releaseWeek).toBeNull();
  });

  it('finds events by id or alias, case-insensitively', () => {
    expect(findEvent(juno, 'FF')?.id).toBe('feature-freeze');
    expect(findEvent(juno, 'j-3')?.id).toBe('juno-3');
    expect(findEvent(juno, 'Final')?.id).toBe('release');
    expect(findEvent(juno, 'nope')).toBeUndefined();
  });

  it('suggests close names', () => {
    expect(suggestNames(juno, 'releas')[0]).toBe('release');
    expect(suggestNames(juno, 'feature-frezee')).toContain('feature-freeze');
    expect(suggestNames(juno, 'zzzzzzzzzz')).toEqual([]);
  });

  it('picks next events in schedule order, counting today', () => {
    expect(nextEvents(juno.events, '2014-09-21').map((e) => e.id)).toEqual(['rc1']);
    expect(nextEvents(juno.events, '2014-09-04', 4).map((e) => e.id)).toEqual([
      'juno-3',
      'feature-freeze',
      'string-freeze',
      'dependency-freeze',
    ]);
    expect(nextEvents(juno.events, '2016-01-01')).toEqual([]);
  });

  it.each([
    ['2014-04-16', 'not-started'],
    ['2014-04-17', 'development'],
    ['2014-09-03', 'development'],
    ['2014-09-04', 'feature-freeze'],
    ['2014-09-21', 'feature-freeze'],
    ['2014-09-24', 'feature-freeze'],
    ['2014-09-25', 'release-candidate'],
    ['2014-10-15', 'release-candidate'],
    ['2014-10-16', 'released'],
    ['2015-12-06', 'released'],
    ['2015-12-07', 'end-of-life'],
  ])('on %s the phase is %s', (today, phase) => {
    expect(phaseAt(juno, today)?.phase.id).toBe(phase);
  });

  it('measures progress through the cycle', () => {
    expect(cycleProgress(juno, '2014-04-01')).toBe(0);
    expect(cycleProgress(juno, '2014-10-16')).toBe(1);
    expect(cycleProgress(juno, '2014-07-17')).toBeCloseTo(91 / 182, 5);
  });
});
