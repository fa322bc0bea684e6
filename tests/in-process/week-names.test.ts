// Every view names a week the same way. For the bundled Juno timeline, a juno file that names its own weeks, the
// upstream fixture and every real openstack/releases cycle, the week names are collected from each view that shows
// them (weeks JSON with --all, the schedule table's Week column and its JSON, the headings of schedule, weeks and
// calendar, the calendar's rows, export --weeks and the picture's axis), each under the Monday of its week, and a
// Monday named two ways by two views fails.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, type Day, longDay, mondayOf } from '../../src/timeline/day.js';
import { parseIcs } from '../calendar.js';
import type { ScheduleJson, WeeksJson } from '../contract.js';
import { hasReleases, RELEASES } from '../external.js';
import { FIXTURES, MONTHS, runMain, tempDir } from '../helpers.js';

const SOURCE = `${RELEASES}/doc/source`;
const REAL = hasReleases()
  ? readdirSync(SOURCE)
      .filter((series) => existsSync(`${SOURCE}/${series}/schedule.yaml`))
      .sort()
  : [];

/** A juno timeline naming its own weeks, one name for two weeks and two names for one, and one with no release. */
function ownFiles(): { named: string; unreleased: string } {
  const dir = tempDir();
  const named = join(dir, 'named.json');
  writeFileSync(
    named,
    JSON.stringify({
      series: 'named',
      releaseWeek: '2014-10-13',
      events: [
        { id: 'a', name: 'A', kind: 'milestone', start: '2014-09-02', week: 'Week one' },
        { id: 'b', name: 'B', kind: 'milestone', start: '2014-09-04', week: 'Another name' },
        { id: 'c', name: 'C', kind: 'freeze', start: '2014-09-10', end: '2014-09-24', week: '第二周' },
        { id: 'e', name: 'E', kind: 'other', start: '2014-09-15', week: 'Third' },
        { id: 'd', name: 'D', kind: 'deadline', start: '2014-09-17', week: '第二周' },
        { id: 'release', name: 'Release', kind: 'release', start: '2014-10-16' },
      ],
    }),
  );
  const unreleased = join(dir, 'unreleased.json');
  writeFileSync(
    unreleased,
    JSON.stringify({
      series: 'unreleased',
      events: [
        { id: 'a', name: 'A', kind: 'milestone', start: '2014-12-23' },
        { id: 'b', name: 'B', kind: 'milestone', start: '2015-01-08' },
      ],
    }),
  );
  return { named, unreleased };
}

/** The names one view gives, by Monday. */
type Names = Map<Day, string>;

/** Records `name` for the week of `day` as `view` shows it, failing when the view names that week two ways. */
function note(names: Names, view: string, day: Day, name: string): void {
  const monday = mondayOf(day);
  const earlier = names.get(monday);
  expect(earlier === undefined || earlier === name, `${view} names the week of ${monday} twice`).toBe(true);
  names.set(monday, name);
}

async function run(args: string[]): Promise<string> {
  const result = await runMain(args, { SOURCE_DATE_EPOCH: '1413417600' });
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}

/** The week named in a heading: "… · today Sun 21 Sep 2014 · …". */
function headingWeek(output: string, today: Day): string {
  const heading = (output.split('\n')[0] as string).replace(/\x1b\[[0-9;]*m/g, '');
  const marker = `today ${longDay(today)} (`;
  const at = heading.indexOf(marker);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const rest = heading.slice(at + marker.length);
  const end = rest.indexOf(') · ');
  return end >= 0 ? rest.slice(0, end) : rest.slice(0, rest.lastIndexOf(')'));
}

/** The schedule table's Week column, found under its heading, for each row (one row per event when piped). */
function tableWeeks(output: string): string[] {
  const lines = output.split('\n');
  const head = lines.findIndex((line) => /^Date +Week +Event/.test(line));
  const header = lines[head] as string;
  const from = header.indexOf('Week');
  const rows = lines.slice(head + 1, lines.indexOf('', head));
  // Up to the gap before the Event column: a wide name (第二周) takes fewer characters than columns.
  return rows.map((row) => ([...row].slice(from).join('').split(/ {2,}/)[0] as string).trim());
}

/** The calendar's grid rows, each under its Monday, with the name at the end of the row. */
function calendarWeeks(output: string, names: Names): void {
  let monday: Day | null = null;
  for (const line of output.split('\n')) {
    const month =
      /^ +(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$/.exec(
        line,
      );
    if (month) {
      const first = `${month[2]}-${String(MONTHS.indexOf(month[1] as string) + 1).padStart(2, '0')}-01`;
      monday = mondayOf(first);
      continue;
    }
    // Grid rows start with a day's cell ("  4*", " 21", "[21]") or an empty one; legend lines with "  * ".
    if (monday === null || !/^(\s{5}|[ [][ \d]\d)/.test(line)) continue;
    const name = [...line].slice(35).join('').trim();
    note(names, 'the calendar', monday, name);
    monday = addDays(monday, 7);
  }
}

/** The axis of the picture: each week's tick, and the names drawn under some of them, matched to their ticks. */
function axisWeeks(svg: string, opening: Day, names: Names): number {
  const axis = svg.slice(svg.indexOf('<g id="axis">'), svg.indexOf('</g>', svg.indexOf('<g id="axis">')));
  const ticks = [...axis.matchAll(/<path d="M([\d.]+) [\d.]+v6"/g)].map((m) => Number(m[1]));
  const labels = [...axis.matchAll(/<text x="([\d.]+)"[^>]*class="week"[^>]*>([^<]*)<\/text>/g)];
  const week = (ticks[1] as number) - (ticks[0] as number);
  for (const [, x, name] of labels) {
    const index = Math.round((Number(x) - week * (2.5 / 7) - (ticks[0] as number)) / week);
    note(names, 'the picture', addDays(opening, 7 * index), unescapeXml(name as string));
  }
  return labels.length;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : '&',
  );
}

/** Every view's names for one timeline on one day, checked against each other. */
async function compare(timelineArgs: string[], today: Day): Promise<Record<string, Names>> {
  const at = [...timelineArgs, '--date', today];
  const views: Record<string, Names> = {};
  const view = (name: string) => {
    views[name] = views[name] ?? new Map();
    return views[name];
  };

  const weeks = JSON.parse(await run(['weeks', '--all', '--format', 'json', ...at])) as WeeksJson;
  for (const w of weeks.weeks) note(view('weeks --all'), 'weeks', w.start, w.name);
  const cycle = JSON.parse(await run(['weeks', '--format', 'json', ...at])) as WeeksJson;
  const opening = (cycle.weeks[0] as { start: Day }).start;

  const schedule = JSON.parse(await run(['schedule', '--format', 'json', ...at])) as ScheduleJson;
  for (const e of schedule.events) note(view('schedule JSON'), 'schedule JSON', e.start, e.week as string);
  const table = await run(['schedule', ...at]);
  tableWeeks(table).forEach((name, i) => {
    note(view('schedule table'), 'the schedule table', (schedule.events[i] as { start: Day }).start, name);
  });
  note(view('headings'), 'the schedule heading', today, headingWeek(table, today));
  note(view('headings'), 'the weeks heading', today, headingWeek(await run(['weeks', ...at]), today));
  const months = String(Math.min(24, Math.ceil(weeks.weeks.length / 4) + 2));
  const calendar = await run(['calendar', '--month', opening.slice(0, 7), '--months', months, ...at]);
  note(view('headings'), 'the calendar heading', today, headingWeek(calendar, today));
  calendarWeeks(calendar, view('calendar'));

  const ics = parseIcs(await run(['export', '--weeks', ...at]));
  for (const entry of ics.events) {
    // A week of the cycle is known by its Monday, one outside it by its first event: its Monday is its start's.
    const series = /@([a-z0-9-]+)\.weeks\./.exec(entry.uid)?.[1];
    const monday = mondayOf(entry.start as Day);
    const name = views['weeks --all']?.get(monday as Day) ?? '';
    // The week's name after its series' ("Juno R-4"), unless it names the series already; then its events, if any.
    const label = `${series?.charAt(0).toUpperCase()}${series?.slice(1)}`;
    const title = new RegExp(`(^|[^a-z0-9])${series}($|[^a-z0-9])`, 'i').test(name)
      ? name
      : `${label} ${name}`;
    expect(
      entry.summary === title || entry.summary.startsWith(`${title}: `),
      `${entry.summary} starts with ${title}`,
    ).toBe(true);
    note(view('export --weeks'), 'export --weeks', monday as Day, name);
  }

  const labels = axisWeeks(await run(['export', '--format', 'svg', ...at]), opening, view('picture'));
  expect(labels).toBeGreaterThan(0);

  // Any two views that name the same week give it the same name.
  const all = new Map<Day, { name: string; view: string }>();
  for (const [name, names] of Object.entries(views)) {
    for (const [monday, week] of names) {
      const seen = all.get(monday);
      if (seen) expect(`${monday}: ${week} (${name})`).toBe(`${monday}: ${seen.name} (${name})`);
      else all.set(monday, { name: week, view: name });
    }
  }
  return views;
}

describe('every view names a week the same way', () => {
  it('the bundled Juno timeline: R-N from the release week', async () => {
    const views = await compare([], '2014-09-21');
    expect(views.headings?.get('2014-09-15')).toBe('R-4');
    expect(views.picture?.get('2014-10-13')).toBe('R+0');
    expect(views.picture?.size).toBeGreaterThan(30);
    expect(views['export --weeks']?.get('2013-11-04')).toBe('R-49');
  });

  it('a juno timeline naming its own weeks: the first name given for a week is its name', async () => {
    const { named, unreleased } = ownFiles();
    const views = await compare(['--timeline', named], '2014-09-18');
    expect(views['weeks --all']?.get('2014-09-01')).toBe('Week one');
    expect(views['schedule JSON']?.get('2014-09-01')).toBe('Week one');
    expect(views['weeks --all']?.get('2014-09-08')).toBe('第二周');
    expect(views['weeks --all']?.get('2014-09-15')).toBe('Third');
    // Exporting only the deadline keeps the name the whole timeline gives its week.
    const deadline = parseIcs(await run(['export', '--weeks', '--kind', 'deadline', '--timeline', named]));
    expect(deadline.events.map((e) => e.summary)).toEqual(['Named Third: D']);
    // A week the source does not name is counted from the release week.
    expect(views['weeks --all']?.get('2014-09-22')).toBe('R-3');
    const iso = await compare(['--timeline', unreleased], '2014-12-31');
    expect(iso['export --weeks']?.get('2014-12-22')).toBe('2014-W52');
    expect(iso.headings?.get('2014-12-29')).toBe('2015-W01');
  });

  it("the upstream fixture: upstream's row names, a two-week row naming both weeks", async () => {
    const views = await compare(['--timeline', `${FIXTURES}upstream/indri/schedule.yaml`], '2026-12-30');
    expect(views['weeks --all']?.get('2026-12-21')).toBe('R-13');
    expect(views.headings?.get('2026-12-28')).toBe('R-13');
    expect(views['weeks --all']?.get('2026-09-28')).toBe('Hibiscus R+0');
  });

  it.runIf(REAL.length > 0).each(REAL)('openstack/releases %s', async (series) => {
    const file = `${SOURCE}/${series}/schedule.yaml`;
    const first = JSON.parse(
      await run(['weeks', '--format', 'json', '--timeline', file, '--date', '2000-01-03']),
    );
    const weeks = (first as WeeksJson).weeks;
    // A day in the middle of the cycle, so that today's week is named by the headings too.
    const today = (weeks[Math.floor(weeks.length / 2)] as { start: Day }).start;
    const views = await compare(['--timeline', file], addDays(today, 2));
    // The week list opens before feature freeze: upstream names every week of it.
    const names = [...(views['weeks --all']?.values() ?? [])];
    expect(names.some((name) => /^R-(1\d|2\d)$/.test(name))).toBe(true);
    expect(views.picture?.size).toBeGreaterThan(10);
  });
});
