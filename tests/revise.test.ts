// A schedule's revision carried from one import to the next (src/timeline/revise.ts): what changed is stamped with
// the new data's date and its SEQUENCE grows; what did not keeps its stamps; the schedule's own date moves only
// when something in it changed.
import { describe, expect, it } from 'vitest';
import { revise } from '../src/timeline/revise.js';
import { makeTimeline } from './helpers.js';

const event = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Event ${id}`,
  kind: 'milestone',
  start,
  ...extra,
});
const timeline = (events: Record<string, unknown>[], updated?: string) =>
  makeTimeline({ ...(updated ? { updated } : {}), events });
const stamps = (t: ReturnType<typeof timeline>) => t.events.map((e) => [e.id, e.updated, e.sequence]);

describe('revise', () => {
  const before = timeline(
    [event('a', '2027-01-07'), event('b', '2027-02-04', { sequence: 2, updated: '2026-05-01' })],
    '2026-05-01',
  );

  it('stamps a schedule seen for the first time with the date, and leaves its events as they are', () => {
    const after = timeline([event('a', '2027-01-07')]);
    const revised = revise(null, after, '2026-08-21');
    expect(revised.updated).toBe('2026-08-21');
    expect(stamps(revised)).toEqual([['a', null, 0]]);
  });

  it('keeps everything when nothing changed', () => {
    const same = timeline([event('a', '2027-01-07'), event('b', '2027-02-04')]);
    const revised = revise(before, same, '2026-08-21');
    expect(revised.updated).toBe('2026-05-01');
    expect(stamps(revised)).toEqual([
      ['a', null, 0],
      ['b', '2026-05-01', 2],
    ]);
  });

  it('revises a moved or renamed event, and a new one, and dates the schedule', () => {
    const after = timeline([
      event('a', '2027-01-14'),
      { ...event('b', '2027-02-04'), name: 'Renamed' },
      event('c', '2027-03-01'),
    ]);
    const revised = revise(before, after, '2026-08-21');
    expect(revised.updated).toBe('2026-08-21');
    expect(stamps(revised)).toEqual([
      ['a', '2026-08-21', 1],
      ['b', '2026-08-21', 3],
      ['c', '2026-08-21', 0],
    ]);
  });

  it('dates the schedule when an event was dropped, keeping the others', () => {
    const after = timeline([event('a', '2027-01-07')]);
    const revised = revise(before, after, '2026-08-21');
    expect(revised.updated).toBe('2026-08-21');
    expect(stamps(revised)).toEqual([['a', null, 0]]);
  });

  it('matches an id given twice by position (upstream lists one event in two weeks)', () => {
    // juno's format refuses a duplicate id; upstream's schedules have them.
    const sameId = (t: ReturnType<typeof timeline>) => ({
      ...t,
      events: t.events.map((e) => ({ ...e, id: 'x' })),
    });
    const twice = sameId(timeline([event('x', '2027-01-07'), event('y', '2027-01-14')], '2026-05-01'));
    const moved = sameId(timeline([event('x', '2027-01-07'), event('y', '2027-01-21')]));
    expect(stamps(revise(twice, moved, '2026-08-21'))).toEqual([
      ['x', null, 0],
      ['x', '2026-08-21', 1],
    ]);
  });
});
