import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weekDates } from '../src/render/weeks.js';
import { parseTimeline } from '../src/timeline/parse.js';
import { cycleWeeks, type Week } from '../src/timeline/weeks.js';
import { makeTimeline, ROOT } from './helpers.js';

const juno = (() => {
  const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
  if (!result.ok) throw new Error('bundled timeline invalid');
  return result.timeline;
})();

const byName = (weeks: Week[], name: string) => {
  const week = weeks.find((w) => w.name === name);
  if (!week) throw new Error(`no week ${name}`);
  return week;
};
const ids = (week: Week) => week.events.map((e) => e.id);

describe('cycle weeks', () => {
  const weeks = cycleWeeks(juno, '2014-09-21');

  it('runs from the week the cycle opens (R-26) to the Paris summit (R+3), not to the end of life', () => {
    expect(weeks.map((w) => w.name)).toEqual([
      ...Array.from({ length: 26 }, (_, i) => `R-${26 - i}`),
      'R+0',
      'R+1',
      'R+2',
      'R+3',
    ]);
    expect(weeks.every((w, i) => i === 0 || w.start > (weeks[i - 1] as Week).start)).toBe(true);
  });

  it('gives each week its Monday and Friday', () => {
    expect(byName(weeks, 'R-25')).toMatchObject({ start: '2014-04-21', end: '2014-04-25' });
    expect(byName(weeks, 'R-22')).toMatchObject({ start: '2014-05-12', end: '2014-05-16' });
    expect(byName(weeks, 'R+0')).toMatchObject({ start: '2014-10-13', end: '2014-10-17' });
  });

  it('puts the events in their weeks', () => {
    expect(ids(byName(weeks, 'R-26'))).toEqual(['icehouse-release']);
    expect(ids(byName(weeks, 'R-22'))).toEqual(['juno-summit']);
    expect(ids(byName(weeks, 'R-6'))).toEqual([
      'juno-3',
      'feature-freeze',
      'string-freeze',
      'dependency-freeze',
    ]);
    expect(ids(byName(weeks, 'R-3'))).toEqual(['rc1', 'release-candidates']);
    expect(ids(byName(weeks, 'R+0'))).toEqual(['release-candidates', 'release']);
    expect(ids(byName(weeks, 'R+3'))).toEqual(['kilo-summit']);
    expect(ids(byName(weeks, 'R-25'))).toEqual([]);
  });

  it('lists a multi-day event in every week it touches', () => {
    const holding = weeks.filter((w) => ids(w).includes('release-candidates')).map((w) => w.name);
    expect(holding).toEqual(['R-3', 'R-2', 'R-1', 'R+0']);
  });

  it('flags the week holding today, Monday to Sunday', () => {
    expect(weeks.filter((w) => w.current).map((w) => w.name)).toEqual(['R-4']);
    expect(cycleWeeks(juno, '2014-09-15').find((w) => w.current)?.name).toBe('R-4');
    expect(cycleWeeks(juno, '2014-09-22').find((w) => w.current)?.name).toBe('R-3');
    expect(cycleWeeks(juno, '2015-01-01').some((w) => w.current)).toBe(false);
  });

  it('adds the weeks outside the cycle that hold events with all', () => {
    const all = cycleWeeks(juno, '2014-09-21', { all: true });
    expect(all[0]).toMatchObject({ name: 'R-49', start: '2013-11-04', end: '2013-11-08' });
    expect(ids(all[0] as Week)).toEqual(['icehouse-summit']);
    expect(all.at(-1)).toMatchObject({ name: 'R+60', start: '2015-12-07' });
    expect(all.length).toBe(weeks.length + 2);
  });

  it('keeps a week name the source gives, and names weeks by ISO week without a release', () => {
    const upstream = makeTimeline({
      releaseWeek: '2014-10-13',
      events: [
        { id: 'ff', name: 'Freeze', kind: 'freeze', start: '2014-09-04', week: 'J-3 week' },
        { id: 'release', name: 'Release', kind: 'release', start: '2014-10-16' },
      ],
    });
    const named = cycleWeeks(upstream, '2014-09-21');
    expect(named[0]).toMatchObject({ name: 'J-3 week', start: '2014-09-01' });
    expect(named.at(-1)?.name).toBe('R+0');
    const plain = makeTimeline({
      events: [
        { id: 'a', name: 'A', kind: 'milestone', start: '2014-12-30' },
        { id: 'b', name: 'B', kind: 'milestone', start: '2015-01-06' },
      ],
    });
    expect(cycleWeeks(plain, '2014-12-31').map((w) => [w.name, w.current])).toEqual([
      ['2015-W01', true],
      ['2015-W02', false],
    ]);
  });

  it('is empty for a timeline holding only an end of life', () => {
    const eol = makeTimeline({ events: [{ id: 'eol', name: 'EOL', kind: 'eol', start: '2015-12-07' }] });
    expect(cycleWeeks(eol, '2015-12-07')).toEqual([]);
  });

  it('writes week dates compactly', () => {
    expect(weekDates('2014-09-15', '2014-09-19')).toBe('15–19 Sep 2014');
    expect(weekDates('2014-09-29', '2014-10-03')).toBe('29 Sep – 3 Oct 2014');
    expect(weekDates('2014-09-29', '2014-10-03', false)).toBe('29 Sep – 3 Oct');
    expect(weekDates('2014-12-29', '2015-01-02', false)).toBe('29 Dec 2014 – 2 Jan 2015');
  });
});
