import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weekDates } from '../src/render/weeks.js';
import { addDays } from '../src/timeline/day.js';
import { parseTimeline } from '../src/timeline/parse.js';
import type { NamedWeek, Timeline } from '../src/timeline/types.js';
import { cycleOpening, cycleWeeks, sourceWeeks, type Week, weekName } from '../src/timeline/weeks.js';
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

/** An upstream-like timeline: its events, and the rows naming its weeks. */
function withRows(raw: Record<string, unknown>, rows: [string, string, string, string[]?][]): Timeline {
  const weeks: NamedWeek[] = rows.map(([name, start, end, events]) => ({
    name,
    upstream: !name.includes(' '),
    start,
    end,
    events: events ?? [],
  }));
  return { ...makeTimeline(raw), weeks };
}

describe('the name of a week', () => {
  const rows = withRows(
    {
      releaseWeek: '2030-04-01',
      events: [
        { id: 'p-final', name: 'Previous release', kind: 'release', start: '2029-10-03' },
        { id: 'ff', name: 'Feature freeze', kind: 'freeze', start: '2030-02-21' },
        { id: 'release', name: 'Release', kind: 'release', start: '2030-04-03' },
      ],
    },
    [
      ['Previous R+0', '2029-10-01', '2029-10-05', ['p-final']],
      ['R-25', '2029-10-08', '2029-10-12'],
      // Upstream's own count, off by one from releaseWeek: the row's name wins.
      ['R-6', '2030-02-18', '2030-02-22', ['ff']],
      // A holiday row running two weeks names both.
      ['R-13', '2029-12-24', '2030-01-04'],
      ['R-11', '2030-01-07', '2030-01-11'],
    ],
  );

  it("is the source's name for the week a row starts in, on any day of it", () => {
    expect(weekName(rows, '2029-10-01')).toBe('Previous R+0');
    expect(weekName(rows, '2029-10-07')).toBe('Previous R+0');
    expect(weekName(rows, '2030-02-20')).toBe('R-6');
  });

  it('is the name of a row running into the week when none starts in it', () => {
    expect(weekName(rows, '2029-12-31')).toBe('R-13');
    expect(weekName(rows, '2030-01-07')).toBe('R-11');
  });

  it('is counted from the release week where the source names no week, and ISO without a release', () => {
    expect(weekName(rows, '2029-10-15')).toBe('R-24');
    expect(weekName(rows, '2030-04-08')).toBe('R+1');
    expect(weekName({ ...rows, releaseWeek: null }, '2030-04-08')).toBe('2030-W15');
  });

  it('finds the row running into a week among many rows, however long it runs', () => {
    const long = withRows({ events: [{ id: 'a', name: 'A', kind: 'other', start: '2030-01-01' }] }, [
      ...Array.from({ length: 2000 }, (_, i): [string, string, string] => {
        const monday = addDays('2000-01-03', 7 * i);
        return [`W${i}`, monday, addDays(monday, 4)];
      }),
      ['Ages', '1000-01-06', '9996-12-31'],
    ]);
    expect(weekName(long, '2000-01-12')).toBe('W1');
    expect(weekName(long, '1500-06-01')).toBe('Ages');
    expect(weekName(long, '9000-06-01')).toBe('Ages');
  });

  it("in juno's format, is the first week name its events give for the week of their first day", () => {
    const named = makeTimeline({
      releaseWeek: '2014-10-13',
      events: [
        { id: 'b', name: 'B', kind: 'other', start: '2014-09-04', week: 'Second' },
        { id: 'a', name: 'A', kind: 'other', start: '2014-09-02', end: '2014-09-20', week: 'First' },
      ],
    });
    expect(weekName(named, '2014-09-05')).toBe('First');
    // The event runs on, but names only the week it begins in.
    expect(weekName(named, '2014-09-08')).toBe('R-5');
  });
});

describe('the week list of an upstream cycle', () => {
  const phases = [
    { id: 'development', name: 'Development', from: null, until: 'ff' },
    { id: 'feature-freeze', name: 'Feature freeze', from: 'ff', until: null },
  ];
  const events = [
    { id: 'ff', name: 'Feature freeze', kind: 'freeze', start: '2017-01-26' },
    { id: 'release', name: 'Release', kind: 'release', start: '2017-02-22' },
  ];

  it("opens at upstream's first named week when the first dated phase is feature freeze", () => {
    const ocata = withRows({ releaseWeek: '2017-02-20', phases, events }, [
      ['Newton R+0', '2016-10-31', '2016-11-04'],
      ['R-15', '2016-11-07', '2016-11-11'],
      ['R-4', '2017-01-23', '2017-01-27', ['ff']],
    ]);
    expect(cycleOpening(ocata)).toBe('2016-11-07');
    const weeks = cycleWeeks(ocata, '2016-12-01');
    expect(weeks[0]).toMatchObject({ name: 'R-15', start: '2016-11-07' });
    expect(weeks.map((w) => w.name)).toContain('R-10');
    expect(weeks.at(-1)?.name).toBe('R+0');
  });

  it('opens at the previous release when a phase begins there, before the first named week', () => {
    const later = withRows(
      {
        releaseWeek: '2017-02-20',
        phases: [{ id: 'development', name: 'Development', from: 'prev', until: null }],
        events: [{ id: 'prev', name: 'Previous release', kind: 'release', start: '2016-10-05' }, ...events],
      },
      [
        ['Previous R+0', '2016-10-03', '2016-10-07', ['prev']],
        ['R-15', '2016-11-07', '2016-11-11'],
      ],
    );
    expect(cycleOpening(later)).toBe('2016-10-03');
    expect(cycleWeeks(later, '2016-12-01')[0]?.name).toBe('Previous R+0');
  });
});

describe('the weeks as the source groups them (export --weeks)', () => {
  it("keeps upstream's rows with their events and days, one week per Monday", () => {
    const timeline = withRows(
      {
        releaseWeek: '2022-03-28',
        events: [
          { id: 'a', name: 'A', kind: 'other', start: '2022-03-14' },
          { id: 'b', name: 'B', kind: 'other', start: '2022-03-15' },
          { id: 'release', name: 'Release', kind: 'release', start: '2022-03-30' },
        ],
      },
      [
        ['R-2', '2022-03-14', '2022-03-18', ['a']],
        // The same Monday listed again: one week, its events once each.
        ['R-2', '2022-03-14', '2022-03-18', ['a', 'b']],
        ['R-1', '2022-03-21', '2022-03-25'],
        // Upstream's R+0 ends on Wednesday; its days are kept.
        ['R+0', '2022-03-28', '2022-03-30', ['release', 'gone']],
      ],
    );
    expect(
      sourceWeeks(timeline, '2022-03-29').map((w) => [w.name, w.start, w.end, w.current, ids(w).join(' ')]),
    ).toEqual([
      ['R-2', '2022-03-14', '2022-03-18', false, 'a b'],
      ['R+0', '2022-03-28', '2022-03-30', true, 'release'],
    ]);
  });

  it('puts an event of a juno timeline in the week it begins in, Monday to Friday', () => {
    expect(
      sourceWeeks(juno, '2014-09-21').map((w) => [w.name, w.start, w.end, ids(w).length]),
    ).toContainEqual(['R-3', '2014-09-22', '2014-09-26', 2]);
    const rc = sourceWeeks(juno, '2014-09-21').filter((w) => ids(w).includes('release-candidates'));
    expect(rc.map((w) => w.name)).toEqual(['R-3']);
  });
});
