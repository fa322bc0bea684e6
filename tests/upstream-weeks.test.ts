// Upstream's weeks, as every view shows them: named by upstream's rows, each name once; an unnamed row named
// honestly and uniquely; a week listed twice merged; a short or long row keeping its days; weeks counted from the
// row upstream names R-0/R+0 where `release-week` disagrees. Each rule alone on made-up rows, then on every real
// openstack/releases cycle found and on a made-up next cycle.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkTimeline } from '../src/cli/load.js';
import { addDays, type Day, mondayOf } from '../src/timeline/day.js';
import type { SeriesRecord } from '../src/timeline/series.js';
import { readUpstreamSchedule } from '../src/timeline/sources/upstream/cycle.js';
import type { Problem, Timeline } from '../src/timeline/types.js';
import { cycleWeeks, sourceWeeks, type Week, weekName } from '../src/timeline/weeks.js';
import { parseIcs } from './calendar.js';
import type { WeeksJson } from './contract.js';
import { hasReleases, RELEASES } from './external.js';
import { FIXTURES, ROOT, runMain } from './helpers.js';

const SERIES: SeriesRecord[] = [
  {
    name: 'xylem',
    releaseId: '2029.2',
    status: 'maintained',
    initialRelease: '2029-10-03',
    eolDate: null,
    nextPhase: null,
  },
  {
    name: 'yew',
    releaseId: '2030.1',
    status: 'development',
    initialRelease: '2030-04-03',
    eolDate: null,
    nextPhase: null,
  },
];

type Row = { name?: string; start: Day; end: Day; 'x-project'?: string[] };

/** A Monday–Friday row (or with the days given). */
const row = (name: string | null, start: Day, more: Partial<Row> = {}): Row => ({
  ...(name === null ? {} : { name }),
  start,
  end: addDays(start, 4),
  ...more,
});

function read(doc: Record<string, unknown>, series = 'yew'): { timeline: Timeline; warnings: Problem[] } {
  const result = readUpstreamSchedule({ doc, series, rst: null, seriesList: SERIES });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { timeline: result.timeline, warnings: result.warnings };
}

const names = (weeks: Week[]) => weeks.map((w) => w.name);
const days = (weeks: Week[]) => weeks.map((w) => [w.name, w.start, w.end]);
const messages = (warnings: Problem[]) => warnings.map((w) => `${w.path}: ${w.message}`);

describe('a release-week or start-week that is not a Monday', () => {
  it('is warned of under its own key, even when both give the same day', () => {
    const doc = {
      'start-week': '2030-04-03',
      'release-week': '2030-04-03',
      cycle: [row('R-0', '2030-04-01', { 'x-project': ['y-final'] })],
    };
    expect(messages(read(doc).warnings).filter((m) => m.includes('not a Monday'))).toEqual([
      'release-week: 2030-04-03 is not a Monday; its week is used',
      'start-week: 2030-04-03 is not a Monday; its week is used',
    ]);
  });
});

describe('the week weeks are counted from', () => {
  // Upstream names R-2 … R-0 from its rows; release-week says three weeks later.
  const doc = {
    'start-week': '2030-03-11',
    'release-week': '2030-04-22',
    cycle: [
      row('R-2', '2030-03-18', { 'x-project': ['y-rc1'] }),
      row('R-1', '2030-03-25'),
      row('R-0', '2030-04-01', { 'x-project': ['y-final'] }),
      row('R+2', '2030-04-15', { 'x-project': ['y-trailing'] }),
    ],
  };

  it('is the week of the row upstream names R-0, not a release-week that disagrees with it, and validate says so', () => {
    const { timeline, warnings } = read(doc);
    expect(timeline.releaseWeek).toBe('2030-04-01');
    expect(messages(warnings)).toContain(
      'release-week: the week of 2030-04-22 is 3 weeks after the week upstream names R-0 (cycle[2]); weeks are counted from 2030-04-01',
    );
    // An empty week between named ones is counted from the rows, as upstream counts.
    expect(weekName(timeline, '2030-04-08')).toBe('R+1');
    expect(names(cycleWeeks(timeline, '2030-03-20'))).toEqual(['R-2', 'R-1', 'R-0', 'R+1', 'R+2']);
  });

  it('is the R+0 row too, and nothing is said when release-week agrees', () => {
    const agreeing = {
      ...doc,
      'release-week': '2030-04-03',
      cycle: doc.cycle.map((r) => (r.name === 'R-0' ? { ...r, name: 'R+0' } : r)),
    };
    const { timeline, warnings } = read(agreeing);
    expect(timeline.releaseWeek).toBe('2030-04-01');
    expect(messages(warnings).filter((m) => m.includes('weeks are counted from'))).toEqual([]);
  });

  it("is the week of the release day (the series list's) when no row is named R-0 or R+0", () => {
    const unnamed = { ...doc, cycle: doc.cycle.filter((r) => r.name !== 'R-0') };
    const { timeline, warnings } = read(unnamed);
    expect(timeline.releaseWeek).toBe('2030-04-01');
    expect(messages(warnings)).toContain(
      'release-week: the week of 2030-04-22 is 3 weeks after the release (2030-04-03); weeks are counted from 2030-04-01',
    );
    // Neither: release-week as given.
    expect(read(unnamed, 'zinnia').timeline.releaseWeek).toBe('2030-04-22');
  });
});

describe('a row upstream leaves unnamed', () => {
  it("is the previous release's week when that release falls in it", () => {
    const { timeline, warnings } = read({
      'start-week': '2029-10-08',
      'release-week': '2030-04-01',
      cycle: [row(null, '2029-10-01', { 'x-project': ['x-final'] }), row('R-25', '2029-10-08')],
    });
    expect(timeline.weeks?.map((w) => [w.name, w.upstream])).toEqual([
      ['Xylem R+0', false],
      ['R-25', true],
    ]);
    expect(messages(warnings).filter((m) => m.includes('without a name'))).toEqual([]);
  });

  it('is counted from the release week when the previous release is not in it (ocata before Newton)', () => {
    const { timeline, warnings } = read({
      'start-week': '2029-11-05',
      'release-week': '2030-04-01',
      cycle: [
        // The previous release (2029-10-03) is weeks earlier; these rows are the new cycle's.
        row(null, '2029-10-29', { 'x-project': ['y-goals'] }),
        row(null, '2029-10-15'),
        row(null, '2029-10-22', { 'x-project': ['y-design-summit'] }),
        row(null, '2029-10-29', { 'x-project': ['y-goals', 'y-kickoff'] }),
        row('R-21', '2029-11-05', { 'x-project': ['y-1'] }),
        row('R+0', '2030-04-01', { 'x-project': ['y-final'] }),
      ],
    });
    expect(timeline.weeks?.map((w) => [w.name, w.start])).toEqual([
      ['R-24', '2029-10-15'],
      ['R-23', '2029-10-22'],
      ['R-22', '2029-10-29'],
      ['R-22', '2029-10-29'],
      ['R-21', '2029-11-05'],
      ['R+0', '2030-04-01'],
    ]);
    // Listed twice: one week, warned of, its labels together in every view.
    expect(messages(warnings)).toContain(
      'cycle[3]: the week of 2029-10-29 is listed again (first at cycle[0]); one week, its labels together',
    );
    const all = cycleWeeks(timeline, '2029-10-30', { all: true });
    expect(new Set(names(all)).size).toBe(all.length);
    expect(all.filter((w) => w.start === '2029-10-29').map((w) => w.events.map((e) => e.id))).toEqual([
      ['y-goals', 'y-kickoff'],
    ]);
    const grouped = sourceWeeks(timeline, '2029-10-30');
    expect(grouped.map((w) => [w.name, w.events.map((e) => e.id).join(' ')])).toContainEqual([
      'R-22',
      'y-goals y-kickoff',
    ]);
    expect(grouped.filter((w) => w.name === 'R-22')).toHaveLength(1);
  });

  it('is the ISO week where its count is a name upstream gives another week, and warned of inside the cycle', () => {
    const { timeline, warnings } = read({
      'start-week': '2030-03-04',
      'release-week': '2030-04-01',
      cycle: [
        // Upstream calls this week R-3 although it counts as R-4 …
        row('R-3', '2030-03-04', { 'x-project': ['y-rc1'] }),
        // … so the next, unnamed row, counted R-3, is shown by its ISO week instead.
        row(null, '2030-03-11', { 'x-project': ['y-extra'] }),
        row('R+0', '2030-04-01', { 'x-project': ['y-final'] }),
      ],
    });
    expect(timeline.weeks?.map((w) => w.name)).toEqual(['R-3', '2030-W11', 'R+0']);
    expect(messages(warnings)).toContain('cycle[1]: a week without a name; shown as 2030-W11');
    // A week no row lists is counted too, never taking upstream's name of another week.
    expect(weekName(timeline, '2030-03-18')).toBe('R-2');
    expect(weekName(timeline, '2030-02-25')).toBe('R-5');
    const weeks = cycleWeeks(timeline, '2030-03-12');
    expect(new Set(names(weeks)).size).toBe(weeks.length);
  });
});

describe('the days of a week', () => {
  const { timeline } = read({
    'start-week': '2029-12-10',
    'release-week': '2030-04-01',
    cycle: [
      // Runs Monday to Monday, into a week upstream names: it ends on its own Friday.
      { start: '2029-10-01', end: '2029-10-15', 'x-project': ['x-final'] },
      row('R-25', '2029-10-08'),
      row('R-24', '2029-10-15'),
      // A holiday row of two weeks, no row in its second week: one week of the cycle.
      { name: 'R-15', start: '2029-12-17', end: '2029-12-28', 'x-project': ['y-holiday'] },
      row('R-13', '2029-12-31', { 'x-project': ['y-2'] }),
      // A short R+0, Monday to Wednesday.
      { name: 'R+0', start: '2030-04-01', end: '2030-04-03', 'x-project': ['y-final'] },
    ],
  });

  it('are the days the row gives, in the week list and in export --weeks alike', () => {
    const listed = days(cycleWeeks(timeline, '2029-12-26', { all: true }));
    expect(listed).toContainEqual(['Xylem R+0', '2029-10-01', '2029-10-05']);
    expect(listed).toContainEqual(['R-25', '2029-10-08', '2029-10-12']);
    expect(listed).toContainEqual(['R-15', '2029-12-17', '2029-12-28']);
    expect(listed).toContainEqual(['R+0', '2030-04-01', '2030-04-03']);
    expect(listed.filter(([name]) => name === 'R-15')).toHaveLength(1);
    expect(listed.map(([, start]) => start)).not.toContain('2029-12-24');
    const grouped = days(sourceWeeks(timeline, '2029-12-26'));
    expect(grouped).toEqual(listed.filter(([name]) => grouped.some(([other]) => other === name)));
    expect(grouped).toContainEqual(['R+0', '2030-04-01', '2030-04-03']);
  });

  it("mark the two-week row's week as today's in either of its weeks", () => {
    const current = (today: Day) =>
      cycleWeeks(timeline, today)
        .filter((w) => w.current)
        .map((w) => w.name);
    expect(current('2029-12-19')).toEqual(['R-15']);
    expect(current('2029-12-27')).toEqual(['R-15']);
    expect(weekName(timeline, '2029-12-27')).toBe('R-15');
  });
});

// --- Every real cycle and a made-up next one ---

const SOURCE = `${RELEASES}/doc/source`;
const REAL = hasReleases()
  ? readdirSync(SOURCE)
      .filter((series) => existsSync(`${SOURCE}/${series}/schedule.yaml`))
      .sort()
  : [];
const SERIES_LIST = (
  JSON.parse(readFileSync(join(ROOT, 'data/series.json'), 'utf8')) as { series: SeriesRecord[] }
).series;
const NEXT = join(FIXTURES, 'upstream/weeks/juniper/schedule.yaml');
const CYCLES: [string, string][] = [
  ...REAL.map((series): [string, string] => [series, `${SOURCE}/${series}/schedule.yaml`]),
  ['juniper (made up, not in the series list)', NEXT],
];

/** Upstream's own rows: name (or null), days, and where in the file. */
function rowsOf(file: string): { name: string | null; start: Day; end: Day; index: number }[] {
  const doc = parse(readFileSync(file, 'utf8')) as { cycle: Record<string, unknown>[] };
  return doc.cycle.map((r, index) => ({
    name: typeof r.name === 'string' ? r.name : null,
    start: String(r.start),
    end: String(r.end),
    index,
  }));
}

async function json<T>(args: string[]): Promise<T> {
  const result = await runMain(args, { SOURCE_DATE_EPOCH: '1413417600' });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe.each(CYCLES)('the weeks of %s', (_series, file) => {
  const rows = rowsOf(file);
  const named = rows.filter((r) => r.name !== null);
  const zero = named.find((r) => /^R[+-]0$/.test(r.name as string));

  it('are counted from the R-0/R+0 row, and validate warns only where release-week disagrees with it', async () => {
    const { result } = await checkTimeline(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(zero).toBeDefined();
    expect(result.timeline.releaseWeek).toBe(mondayOf((zero as { start: Day }).start));
    const given = (parse(readFileSync(file, 'utf8')) as Record<string, string>)['release-week'] as string;
    const disagrees = mondayOf(given) !== result.timeline.releaseWeek;
    const counting = result.warnings.filter((w) => w.message.includes('weeks are counted from'));
    expect(counting.map((w) => w.path.replace(/ \(line \d+\)$/, ''))).toEqual(
      disagrees ? ['release-week'] : [],
    );
    // Unnamed rows: honest names, one per week, never a name upstream gives.
    const upstreamNames = new Set(named.map((r) => r.name));
    const byMonday = new Map<Day, string>();
    for (const week of result.timeline.weeks ?? []) {
      const monday = mondayOf(week.start);
      expect(byMonday.get(monday) ?? week.name, `${monday} named two ways`).toBe(week.name);
      byMonday.set(monday, week.name);
      if (week.upstream) continue;
      expect(upstreamNames.has(week.name), week.name).toBe(false);
      const previous = /^([A-Z][a-z]+) R\+0$/.exec(week.name);
      if (previous) {
        const released = SERIES_LIST.find((s) => s.name === previous[1]?.toLowerCase())?.initialRelease;
        expect(
          released !== undefined && released >= monday && released <= addDays(mondayOf(week.end), 6),
        ).toBe(true);
      }
    }
    expect(new Set(byMonday.values()).size).toBe(byMonday.size);
  });

  it('are listed by `weeks`, every upstream-named week by its name once, with the days its row gives', async () => {
    const today = (zero as { start: Day }).start;
    for (const all of [false, true]) {
      const view = await json<WeeksJson>([
        'weeks',
        ...(all ? ['--all'] : []),
        '--format',
        'json',
        '--timeline',
        file,
        '--date',
        today,
      ]);
      const listed = view.weeks.map((w) => w.name);
      expect(new Set(listed).size, listed.join(' ')).toBe(listed.length);
      for (const r of named) {
        const week = view.weeks.find((w) => w.name === r.name);
        expect(week, `${r.name} listed`).toBeDefined();
        // A row running into a week another row starts in ends on its own Friday.
        const runsOn = rows.some((o) => o.start > r.start && mondayOf(o.start) <= mondayOf(r.end));
        expect([week?.start, week?.end]).toEqual([r.start, runsOn ? addDays(mondayOf(r.start), 4) : r.end]);
      }
    }
  });

  it('are exported by `export --weeks` with unique UIDs and the same names and days as `weeks`', async () => {
    const today = (zero as { start: Day }).start;
    const view = await json<WeeksJson>([
      'weeks',
      '--all',
      '--format',
      'json',
      '--timeline',
      file,
      '--date',
      today,
    ]);
    const result = await runMain(['export', '--weeks', '--timeline', file, '--date', today], {
      SOURCE_DATE_EPOCH: '1413417600',
    });
    expect(result.code, result.stderr).toBe(0);
    const entries = parseIcs(result.stdout).events.filter((e) => e.categories.includes('week'));
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.uid)).size).toBe(entries.length);
    // Every week the weeks view shows, empty ones too, and no other.
    expect(entries.map((e) => e.start)).toEqual(view.weeks.map((w) => w.start));
    for (const entry of entries) {
      const series = /@([a-z0-9-]+)\.weeks\./.exec(entry.uid)?.[1] ?? '';
      const label = `${series.charAt(0).toUpperCase()}${series.slice(1)}`;
      const colon = entry.summary.indexOf(': ');
      const title = colon === -1 ? entry.summary : entry.summary.slice(0, colon);
      const week = view.weeks.find((w) => w.start === entry.start);
      expect(week, `${entry.summary} at ${entry.start}`).toBeDefined();
      // The week's name after its series' ("Indri R-5"), unless it names the series already.
      const expected = week?.name.toLowerCase().includes(series) ? week.name : `${label} ${week?.name}`;
      expect([title, entry.end]).toEqual([expected, addDays(week?.end as Day, 1)]);
      // A week listing no events says so (one whose only events began in an earlier row lists none).
      expect(colon === -1).toBe(entry.description === 'No events this week.');
    }
  });
});
