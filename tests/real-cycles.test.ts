// Every real cycle read right: each openstack/releases schedule from ocata (2017) to indri (2027.1), and a made-up
// next cycle whose release the series list does not have yet, gives the answers a release manager expects. The
// real files are read where they are (tests/external.ts); nothing of their prose is copied here, only dates,
// labels, week names and release ids. Each rule is checked on every cycle, through `main` as a user runs juno.
// The calendar's bytes across two git checkouts are checked among the end-to-end tests, which start git.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addDays, type Day, weekdayOf } from '../src/timeline/day.js';
import { parseIcs } from './calendar.js';
import type {
  CheckJson,
  CountdownJson,
  EventJson,
  PhaseJson,
  ScheduleJson,
  ValidateJson,
  WeeksJson,
} from './contract.js';
import { hasReleases, RELEASES } from './external.js';
import { FIXTURES, MONTHS, runMain } from './helpers.js';

/** A made-up checkout of openstack/releases holding the cycle after indri (see its README). */
const NEXT_CHECKOUT = join(FIXTURES, 'upstream/releases');

interface Cycle {
  series: string;
  /** The checkout holding doc/source/<series>/schedule.yaml and data/series_status.yaml. */
  checkout: string;
  /** The series released just before, whose release sits in the schedule's first row. */
  previousSeries: string;
  /** The release day: the series list's `initial-release`, or for the next cycle its own R+0 row and prose. */
  release: Day;
  previousRelease: Day;
  /** The Monday of the week of the X-3 milestone and feature freeze. */
  ffMonday: Day;
  releaseId: string | null;
}

// series, previous series, release, previous release, Monday of the feature-freeze week, release id.
const REAL_TABLE: [string, string, Day, Day, Day, string | null][] = [
  ['ocata', 'newton', '2017-02-22', '2016-10-06', '2017-01-23', null],
  ['pike', 'ocata', '2017-08-30', '2017-02-22', '2017-07-24', null],
  ['queens', 'pike', '2018-02-28', '2017-08-30', '2018-01-22', null],
  ['rocky', 'queens', '2018-08-30', '2018-02-28', '2018-07-23', null],
  ['stein', 'rocky', '2019-04-10', '2018-08-30', '2019-03-04', null],
  ['train', 'stein', '2019-10-16', '2019-04-10', '2019-09-09', null],
  ['ussuri', 'train', '2020-05-13', '2019-10-16', '2020-04-06', null],
  ['victoria', 'ussuri', '2020-10-14', '2020-05-13', '2020-09-07', null],
  ['wallaby', 'victoria', '2021-04-14', '2020-10-14', '2021-03-08', null],
  ['xena', 'wallaby', '2021-10-06', '2021-04-14', '2021-08-30', null],
  ['yoga', 'xena', '2022-03-30', '2021-10-06', '2022-02-21', null],
  ['zed', 'yoga', '2022-10-05', '2022-03-30', '2022-08-29', null],
  ['antelope', 'zed', '2023-03-22', '2022-10-05', '2023-02-13', '2023.1'],
  ['bobcat', 'antelope', '2023-10-04', '2023-03-22', '2023-08-28', '2023.2'],
  ['caracal', 'bobcat', '2024-04-03', '2023-10-04', '2024-02-26', '2024.1'],
  ['dalmatian', 'caracal', '2024-10-02', '2024-04-03', '2024-08-26', '2024.2'],
  ['epoxy', 'dalmatian', '2025-04-02', '2024-10-02', '2025-02-24', '2025.1'],
  ['flamingo', 'epoxy', '2025-10-01', '2025-04-02', '2025-08-25', '2025.2'],
  ['gazpacho', 'flamingo', '2026-04-01', '2025-10-01', '2026-02-23', '2026.1'],
  ['hibiscus', 'gazpacho', '2026-09-30', '2026-04-01', '2026-08-24', '2026.2'],
  ['indri', 'hibiscus', '2027-03-24', '2026-09-30', '2027-02-15', '2027.1'],
];

const REAL: Cycle[] = hasReleases()
  ? REAL_TABLE.map(([series, previousSeries, release, previousRelease, ffMonday, releaseId]) => ({
      series,
      checkout: RELEASES,
      previousSeries,
      release,
      previousRelease,
      ffMonday,
      releaseId,
    }))
  : [];

const NEXT: Cycle = {
  series: 'jacaranda',
  checkout: NEXT_CHECKOUT,
  previousSeries: 'indri',
  release: '2027-09-29',
  previousRelease: '2027-03-24',
  ffMonday: '2027-08-23',
  releaseId: '2027.2',
};

const CYCLES: Cycle[] = [...REAL, NEXT];

const scheduleFile = (cycle: Cycle): string =>
  join(cycle.checkout, 'doc/source', cycle.series, 'schedule.yaml');

// ---- what the files say, read here without juno ----

interface Row {
  name: string | null;
  start: Day;
  end: Day;
  labels: string[];
}

const rowCache = new Map<string, Row[]>();

/** The schedule's rows, as upstream wrote them. */
function rowsOf(cycle: Cycle): Row[] {
  const file = scheduleFile(cycle);
  let rows = rowCache.get(file);
  if (!rows) {
    const doc = parse(readFileSync(file, 'utf8')) as { cycle: Record<string, unknown>[] };
    rows = doc.cycle.map((row) => ({
      name: typeof row.name === 'string' ? row.name : null,
      start: String(row.start),
      end: String(row.end),
      labels: [...((row['x-project'] as string[]) ?? []), ...((row['project-specific'] as string[]) ?? [])],
    }));
    rowCache.set(file, rows);
  }
  return rows;
}

/** Labels and anchors compare alike: Sphinx turns `_` into `-` in ids. */
const normalLabel = (label: string): string => label.replace(/_/g, '-').toLowerCase();

/** The rows holding `label`. */
function rowsWith(cycle: Cycle, label: string): Row[] {
  return rowsOf(cycle).filter((row) => row.labels.some((l) => normalLabel(l) === normalLabel(label)));
}

/** The label an event id comes from: the id itself, or without the `-2`, `-3` of a repeat. */
function labelOf(cycle: Cycle, id: string): string {
  const labels = new Set(rowsOf(cycle).flatMap((row) => row.labels.map(normalLabel)));
  if (labels.has(id)) return id;
  const base = id.replace(/-\d+$/, '');
  if (labels.has(base)) return base;
  throw new Error(`${cycle.series}: event ${id} comes from no label of the schedule`);
}

const pageCache = new Map<string, Map<string, string[]>>();

/** Every schedule.rst of a checkout, by series, as lines. */
function pagesOf(checkout: string): Map<string, string[]> {
  let pages = pageCache.get(checkout);
  if (!pages) {
    pages = new Map();
    const source = join(checkout, 'doc/source');
    for (const series of readdirSync(source).sort()) {
      try {
        pages.set(series, readFileSync(join(source, series, 'schedule.rst'), 'utf8').split(/\r?\n/));
      } catch {
        // a folder without a page
      }
    }
    pageCache.set(checkout, pages);
  }
  return pages;
}

const ANCHOR = /^\.\. _([^:]+):\s*$/;

/** The title of the section after `.. _label:` in one page: a string, null for a section without one, or
 * undefined when the page has no such anchor. */
function titleIn(lines: string[], label: string): string | null | undefined {
  const at = lines.findIndex((line) => {
    const anchor = ANCHOR.exec(line);
    return anchor !== null && normalLabel(anchor[1] as string) === normalLabel(label);
  });
  if (at < 0) return undefined;
  let i = at + 1;
  while (i < lines.length && ((lines[i] as string).trim() === '' || ANCHOR.test(lines[i] as string))) i++;
  const underline = lines[i + 1];
  return underline !== undefined && /^([-=~^"*+#])\1+\s*$/.test(underline)
    ? (lines[i] as string).trim()
    : null;
}

/** The title of a label's section: in the series' own page, else in another series' page of the checkout. */
function sectionTitle(cycle: Cycle, label: string): string | null | undefined {
  const pages = pagesOf(cycle.checkout);
  const own = pages.get(cycle.series);
  const first = own ? titleIn(own, label) : undefined;
  if (first !== undefined) return first;
  for (const [series, lines] of pages) {
    if (series === cycle.series) continue;
    const title = titleIn(lines, label);
    if (title !== undefined) return title;
  }
  return undefined;
}

// ---- juno's answers ----

const timelineArgs = (cycle: Cycle, date: Day): string[] => [
  '--timeline',
  scheduleFile(cycle),
  '--date',
  date,
];

async function json<T>(args: string[]): Promise<T> {
  const result = await runMain(args);
  expect(result.stderr, `juno ${args.join(' ')}`).toBe('');
  expect(result.code, `juno ${args.join(' ')}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

const scheduleCache = new Map<string, Promise<ScheduleJson>>();

/** The whole schedule as JSON (today: the release day; no rule below depends on it). */
function scheduleOf(cycle: Cycle): Promise<ScheduleJson> {
  let schedule = scheduleCache.get(cycle.series);
  if (!schedule) {
    schedule = json<ScheduleJson>([...timelineArgs(cycle, cycle.release), 'schedule', '--format', 'json']);
    scheduleCache.set(cycle.series, schedule);
  }
  return schedule;
}

async function eventsOf(cycle: Cycle): Promise<Map<string, EventJson>> {
  return new Map((await scheduleOf(cycle)).events.map((event) => [event.id, event]));
}

/** The previous series' release label in this schedule: `<initial>-release` up to train, `-final` after. */
function previousLabel(cycle: Cycle): string {
  const initial = cycle.previousSeries[0] as string;
  const label = rowsOf(cycle)
    .flatMap((row) => row.labels)
    .find((l) => l === `${initial}-release` || l === `${initial}-final`);
  if (!label) throw new Error(`${cycle.series}: no release of ${cycle.previousSeries} in the schedule`);
  return label;
}

// ---- the expected readings ----

/**
 * Events whose prose names a span, a week or a day that juno misread: "The week of <day>" is that week
 * (approximate); day ranges in every wording are that span (confirmed); a weekday alone is that day of the
 * labelled week; one day named in each of two consecutive weeks makes two one-day events; a day named in a
 * multi-week run is its first day, the run keeps its end; a run without a day keeps its weeks. null: the
 * confidence is not checked (queens' PTG names the right days of a year off; a run's end is the YAML's).
 */
const SPANS: [string, string, Day, Day, 'confirmed' | 'approximate' | null][] = [
  // ranges
  ['ocata', 'p-ptg0', '2017-02-20', '2017-02-24', 'confirmed'],
  ['pike', 'p-ptg0', '2017-02-20', '2017-02-24', 'confirmed'],
  ['queens', 'q-ptg', '2017-09-11', '2017-09-15', null],
  ['rocky', 'r-ptg', '2018-02-26', '2018-03-02', 'confirmed'],
  ['stein', 's-ptg', '2018-09-10', '2018-09-14', 'confirmed'],
  ['victoria', 'v-summit', '2020-10-19', '2020-10-23', 'confirmed'],
  ['wallaby', 'v-summit', '2020-10-19', '2020-10-23', 'confirmed'],
  ['xena', 'x-ptg', '2021-04-19', '2021-04-23', 'confirmed'],
  ['yoga', 'y-ptg', '2021-10-18', '2021-10-22', 'confirmed'],
  ['zed', 'z-ptg', '2022-04-04', '2022-04-08', 'confirmed'],
  ['zed', 'z-summit', '2022-06-07', '2022-06-09', 'confirmed'],
  ['antelope', 'a-ptg', '2022-10-17', '2022-10-21', 'confirmed'],
  ['bobcat', 'b-vptg', '2023-03-27', '2023-03-31', 'confirmed'],
  ['bobcat', 'b-summit', '2023-06-13', '2023-06-15', 'confirmed'],
  ['caracal', 'c-vptg', '2023-10-23', '2023-10-27', 'confirmed'],
  ['dalmatian', 'd-vptg', '2024-04-08', '2024-04-12', 'confirmed'],
  ['epoxy', 'e-vptg', '2024-10-21', '2024-10-25', 'confirmed'],
  ['flamingo', 'f-vptg', '2025-04-07', '2025-04-11', 'confirmed'],
  ['gazpacho', 'g-vptg', '2025-10-27', '2025-10-31', 'confirmed'],
  ['hibiscus', 'h-ptg', '2026-04-20', '2026-04-24', 'confirmed'],
  ['indri', 'i-vptg', '2026-10-12', '2026-10-16', 'confirmed'],
  ['dalmatian', 'e-election-nominations', '2024-08-14', '2024-08-28', 'confirmed'],
  ['dalmatian', 'e-election-campaigning', '2024-08-28', '2024-09-04', 'confirmed'],
  // "The week of" a range
  ['ocata', 'o-rc1', '2017-01-30', '2017-02-03', 'confirmed'],
  ['ocata', 'o-finalrc', '2017-02-13', '2017-02-17', 'confirmed'],
  ['pike', 'p-rc1', '2017-08-07', '2017-08-11', 'confirmed'],
  ['train', 't-rc1', '2019-09-23', '2019-09-27', 'confirmed'],
  ['train', 't-finalrc', '2019-10-07', '2019-10-11', 'confirmed'],
  ['yoga', 'y-finalrc', '2022-03-21', '2022-03-25', 'confirmed'],
  ['zed', 'z-finalrc', '2022-09-26', '2022-09-30', 'confirmed'],
  ['antelope', 'a-finalrc', '2023-03-13', '2023-03-17', 'confirmed'],
  // "The week of" one day
  ['pike', 'p-finalrc', '2017-08-21', '2017-08-25', 'approximate'],
  ['queens', 'q-rc1', '2018-02-05', '2018-02-09', 'approximate'],
  ['queens', 'q-finalrc', '2018-02-19', '2018-02-23', 'approximate'],
  ['rocky', 'r-rc1', '2018-08-06', '2018-08-10', 'approximate'],
  ['rocky', 'r-finalrc', '2018-08-20', '2018-08-24', 'approximate'],
  ['stein', 's-finalrc', '2019-04-01', '2019-04-05', 'approximate'],
  ['ussuri', 'u-rc1', '2020-04-20', '2020-04-24', 'approximate'],
  ['ussuri', 'u-finalrc', '2020-05-04', '2020-05-08', 'approximate'],
  ['victoria', 'v-rc1', '2020-09-21', '2020-09-25', 'approximate'],
  ['victoria', 'v-finalrc', '2020-10-05', '2020-10-09', 'approximate'],
  ['wallaby', 'w-rc1', '2021-03-22', '2021-03-26', 'approximate'],
  ['wallaby', 'w-finalrc', '2021-04-05', '2021-04-09', 'approximate'],
  ['xena', 'x-rc1', '2021-09-13', '2021-09-17', 'approximate'],
  ['xena', 'x-finalrc', '2021-09-27', '2021-10-01', 'approximate'],
  ['yoga', 'y-rc1', '2022-03-07', '2022-03-11', 'approximate'],
  ['zed', 'z-rc1', '2022-09-12', '2022-09-16', 'approximate'],
  ['antelope', 'a-rc1', '2023-02-27', '2023-03-03', 'approximate'],
  ['bobcat', 'b-rc1', '2023-09-11', '2023-09-15', 'approximate'],
  ['bobcat', 'b-finalrc', '2023-09-25', '2023-09-29', 'approximate'],
  ['caracal', 'c-rc1', '2024-03-11', '2024-03-15', 'approximate'],
  ['caracal', 'c-finalrc', '2024-03-25', '2024-03-29', 'approximate'],
  ['dalmatian', 'd-rc1', '2024-09-09', '2024-09-13', 'approximate'],
  ['dalmatian', 'd-finalrc', '2024-09-23', '2024-09-27', 'approximate'],
  ['epoxy', 'e-rc1', '2025-03-10', '2025-03-14', 'approximate'],
  ['epoxy', 'e-finalrc', '2025-03-24', '2025-03-28', 'approximate'],
  ['flamingo', 'f-rc1', '2025-09-08', '2025-09-12', 'approximate'],
  ['flamingo', 'f-finalrc', '2025-09-22', '2025-09-26', 'approximate'],
  ['gazpacho', 'g-rc1', '2026-03-09', '2026-03-13', 'approximate'],
  ['gazpacho', 'g-finalrc', '2026-03-23', '2026-03-27', 'approximate'],
  ['hibiscus', 'h-rc1', '2026-09-07', '2026-09-11', 'approximate'],
  ['hibiscus', 'h-finalrc', '2026-09-21', '2026-09-25', 'approximate'],
  ['indri', 'i-rc1', '2027-03-01', '2027-03-05', 'approximate'],
  ['indri', 'i-finalrc', '2027-03-15', '2027-03-19', 'approximate'],
  // a weekday alone; one day in each of two consecutive weeks; single days in an election
  ['train', 't-nova-spec-freeze', '2019-07-25', '2019-07-25', 'confirmed'],
  ['gazpacho', 'g-nova-spec-review-day', '2025-11-27', '2025-11-27', 'confirmed'],
  ['gazpacho', 'g-nova-spec-review-day-2', '2025-12-02', '2025-12-02', 'confirmed'],
  ['dalmatian', 'e-election-email-deadline', '2024-08-28', '2024-08-28', 'confirmed'],
  ['dalmatian', 'e-election-close', '2024-09-18', '2024-09-18', 'confirmed'],
  // multi-week runs: one naming its first day, the others their weeks
  ['dalmatian', 'e-election-voting', '2024-09-04', '2024-09-20', null],
  ['bobcat', 'c-election-nominations', '2023-08-21', '2023-09-01', 'approximate'],
  ['bobcat', 'c-election-voting', '2023-09-11', '2023-09-22', 'approximate'],
  ['caracal', 'd-election-nominations', '2024-02-19', '2024-03-01', 'approximate'],
  ['caracal', 'd-election-voting', '2024-03-11', '2024-03-22', 'approximate'],
  ['epoxy', 'f-election-nominations', '2025-02-10', '2025-02-21', 'approximate'],
  ['epoxy', 'f-election-voting', '2025-03-03', '2025-03-21', 'approximate'],
  ['flamingo', 'g-election-nominations', '2025-08-11', '2025-08-22', 'approximate'],
  ['flamingo', 'g-election-voting', '2025-09-01', '2025-09-19', 'approximate'],
  ['gazpacho', 'h-election-nominations', '2026-02-09', '2026-02-20', 'approximate'],
  ['gazpacho', 'h-election-voting', '2026-03-02', '2026-03-20', 'approximate'],
  ['hibiscus', 'i-election-nominations', '2026-08-03', '2026-08-21', 'approximate'],
  ['hibiscus', 'i-election-voting', '2026-08-31', '2026-09-18', 'approximate'],
  // the made-up next cycle
  ['jacaranda', 'j-vptg', '2027-04-19', '2027-04-23', 'confirmed'],
  ['jacaranda', 'j-rc1', '2027-09-06', '2027-09-10', 'approximate'],
  ['jacaranda', 'j-finalrc', '2027-09-20', '2027-09-24', 'confirmed'],
  ['jacaranda', 'j-nova-spec-freeze', '2027-06-09', '2027-06-09', 'confirmed'],
  ['jacaranda', 'j-nova-spec-review-day', '2027-05-18', '2027-05-18', 'confirmed'],
  ['jacaranda', 'j-nova-spec-review-day-2', '2027-05-27', '2027-05-27', 'confirmed'],
  ['jacaranda', 'j-nova-review-day', '2027-06-22', '2027-06-22', 'confirmed'],
  ['jacaranda', 'j-nova-review-day-2', '2027-07-20', '2027-07-20', 'confirmed'],
  ['jacaranda', 'k-election-nominations', '2027-08-09', '2027-08-20', 'approximate'],
  ['jacaranda', 'k-election-voting', '2027-09-01', '2027-09-17', null],
];

/**
 * Prose naming a day outside the labelled week: the event keeps its YAML week, and `validate` warns with the
 * label, the prose day and the week. Series, label, the day the prose names, the labelled week.
 */
const CONFLICTS: [string, string, Day, string][] = [
  ['ocata', 'o-2', '2016-12-15', 'R-11'],
  ['ocata', 'o-cinder-nddeadline', '2016-12-14', 'R-11'],
  ['ocata', 'o-cinder-spec-freeze', '2016-12-14', 'R-11'],
  ['ocata', 'o-manila-spec-frz2', '2016-12-15', 'R-11'],
  ['ussuri', 'v-election-email-deadline', '2020-04-07', 'R-6'],
  ['bobcat', 'c-election-email-deadline', '2023-08-30', 'R-4'],
  ['epoxy', 'f-election-email-deadline', '2025-02-19', 'R-5'],
  ['flamingo', 'g-election-email-deadline', '2025-08-20', 'R-5'],
  ['gazpacho', 'h-election-email-deadline', '2026-02-18', 'R-5'],
  ['jacaranda', 'k-election-email-deadline', '2027-08-18', 'R-5'],
];

/**
 * What else validate may say of a label, one quirk of one file each: ocata's first row holds newton's release
 * weeks after the day the series list gives; queens' PTG and a caracal spec freeze name their days a year off;
 * ussuri writes one label with `_`.
 */
const QUIRKS: Record<string, string[]> = {
  ocata: ['n-release'],
  queens: ['q-ptg'],
  caracal: ['c-cinder-spec-freeze'],
  ussuri: ['u_cycle-highlights'],
};

/** Labels whose kind is a judgement call (a project's library "release" that is a deadline; CI checkpoints). */
const BORDERLINE = /^[a-z]-cinder-(os-brick-release|py37-ci-)/;

/**
 * The kind a label's slug and its section's title give, in this order: the release; an end of life; milestones;
 * release candidates; the five cross-project freezes; gatherings and summits; deadlines, project freezes,
 * checkpoints and trailing releases; else other.
 */
function expectedKind(label: string, title: string): string {
  const slug = label.slice(2);
  if (slug === 'final' || slug === 'release') return 'release';
  if (slug === 'eol' || /\bEOL\b/.test(title)) return 'eol';
  if (/^[123]$/.test(slug)) return 'milestone';
  if (slug === 'rc1' || slug === 'finalrc') return 'rc';
  if (['ff', 'soft-sf', 'hard-sf', 'rf', 'mf'].includes(slug)) return 'freeze';
  if (/(^|-)(v?ptg\d*|summit)(-\d+)?$/.test(slug) || /Project Team Gathering|\bPTG\b|Summit/.test(title))
    return 'summit';
  if (
    /deadline|freeze|checkpoint|declaration|highlights|trailing/i.test(title) ||
    /deadline|freeze|frz|-prop$|trail|checkpoint|final-(client)?lib|highlights/.test(slug)
  )
    return 'deadline';
  return 'other';
}

/** Projects a label may name; `key` is keystone. Anything else in that place (`ptl`, `email`) is no project. */
const PROJECTS: Record<string, string> = {
  cinder: 'cinder',
  glance: 'glance',
  horizon: 'horizon',
  key: 'keystone',
  keystone: 'keystone',
  manila: 'manila',
  nova: 'nova',
  openstackclient: 'openstackclient',
  oslo: 'oslo',
  sahara: 'sahara',
  trove: 'trove',
};

const expectedProject = (label: string): string | null => PROJECTS[label.split('-')[1] as string] ?? null;

/** True when `text` names `day`: as 2016-12-15, 15 Dec, Dec 15, 15 December or December 15. */
function mentionsDay(text: string, day: Day): boolean {
  if (text.includes(day)) return true;
  const month = MONTHS[Number(day.slice(5, 7)) - 1] as string;
  const date = String(Number(day.slice(8)));
  const names = `(${month}|${month.slice(0, 3)})`;
  return new RegExp(`\\b(0?${date}(st|nd|rd|th)? ${names}\\b|${names} 0?${date}\\b)`).test(text);
}

const count = (text: string, part: string): number => text.split(part).length - 1;

const wordCount = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

// ---- the table itself agrees with the files ----

describe.runIf(REAL.length > 0)('the expected values, against the real files', () => {
  it('take each release day from the series list and the feature-freeze week from its row', () => {
    const list = parse(readFileSync(join(RELEASES, 'data/series_status.yaml'), 'utf8')) as {
      name: string;
      'initial-release': string;
      'release-id'?: number | string;
    }[];
    const byName = new Map(list.map((s) => [s.name, s]));
    for (const cycle of REAL) {
      const series = byName.get(cycle.series);
      expect(series?.['initial-release'], cycle.series).toBe(cycle.release);
      expect(byName.get(cycle.previousSeries)?.['initial-release'], cycle.series).toBe(cycle.previousRelease);
      const index = list.findIndex((s) => s.name === cycle.series);
      expect(list[index + 1]?.name, cycle.series).toBe(cycle.previousSeries);
      const id = series?.['release-id'];
      expect(id === undefined ? null : String(id), cycle.series).toBe(cycle.releaseId);
      const initial = cycle.series[0] as string;
      const ff = rowsWith(cycle, `${initial}-ff`);
      expect(
        ff.map((row) => [row.start, rowsWith(cycle, `${initial}-3`)[0]?.start]),
        cycle.series,
      ).toEqual([[cycle.ffMonday, cycle.ffMonday]]);
      expect(weekdayOf(cycle.ffMonday)).toBe(1);
    }
  });

  it('name each expected span in a row of its cycle', () => {
    for (const [series, id, start, end] of SPANS) {
      const cycle = CYCLES.find((c) => c.series === series);
      if (!cycle) continue;
      const rows = rowsWith(cycle, labelOf(cycle, id));
      expect(rows.length, `${series} ${id}`).toBeGreaterThan(0);
      expect(start >= (rows[0] as Row).start && end <= (rows.at(-1) as Row).end, `${series} ${id}`).toBe(
        true,
      );
    }
  });
});

// ---- the rules, on every cycle ----

describe.each(CYCLES)('$series', (cycle) => {
  const at = (date: Day) => timelineArgs(cycle, date);

  it('counts down to the recorded release day, by `release` and by `final`', async () => {
    for (const alias of ['release', 'final']) {
      const countdown = await json<CountdownJson>([
        ...at(cycle.release),
        'countdown',
        alias,
        '--format',
        'json',
      ]);
      expect(
        [countdown.event.start, countdown.event.end, countdown.event.kind, countdown.event.daysUntil],
        alias,
      ).toEqual([cycle.release, cycle.release, 'release', 0]);
    }
  });

  it("pins the previous series' release to its recorded day", async () => {
    const label = previousLabel(cycle);
    const event = (await eventsOf(cycle)).get(label);
    expect([label, event?.start, event?.end, event?.confidence, event?.kind]).toEqual([
      label,
      cycle.previousRelease,
      cycle.previousRelease,
      'confirmed',
      'release',
    ]);
  });

  it('is not started before the previous release, in development until the X-3 Thursday, released from its own', async () => {
    const phase = async (date: Day) =>
      (await json<PhaseJson>([...at(date), 'phase', '--format', 'json'])).phase?.id;
    const thursday = addDays(cycle.ffMonday, 3);
    const days = [
      addDays(cycle.previousRelease, -1),
      cycle.previousRelease,
      addDays(cycle.ffMonday, 2),
      thursday,
      addDays(cycle.release, -1),
      cycle.release,
      addDays(cycle.release, 30),
    ];
    expect(Object.fromEntries(await Promise.all(days.map(async (day) => [day, await phase(day)])))).toEqual(
      Object.fromEntries(
        days.map((day, i) => [
          day,
          [
            'not-started',
            'development',
            'development',
            'feature-freeze',
            'release-candidate',
            'released',
            'released',
          ][i],
        ]),
      ),
    );
  });

  it('holds `check --before ff` Monday to Wednesday of the feature-freeze week and fails from Thursday', async () => {
    const thursday = addDays(cycle.ffMonday, 3);
    // Feature freeze is the day of the X-3 milestone, which every cycle puts on the Thursday.
    const ff = await json<CountdownJson>([...at(cycle.ffMonday), 'countdown', 'ff', '--format', 'json']);
    const x3 = (await eventsOf(cycle)).get(`${cycle.series[0]}-3`);
    expect([ff.event.start, ff.event.end, ff.event.confidence]).toEqual([thursday, thursday, 'confirmed']);
    expect([x3?.start, x3?.end, x3?.confidence]).toEqual([thursday, thursday, 'confirmed']);
    const codes: Record<string, number> = {};
    for (const day of [cycle.ffMonday, addDays(cycle.ffMonday, 2), thursday, addDays(cycle.ffMonday, 4)]) {
      const result = await runMain([...at(day), 'check', '--before', 'ff', '--format', 'json']);
      const check = JSON.parse(result.stdout) as CheckJson;
      codes[day] = result.code;
      expect(check.ok, day).toBe(result.code === 0);
    }
    expect(codes).toEqual({
      [cycle.ffMonday]: 0,
      [addDays(cycle.ffMonday, 2)]: 0,
      [thursday]: 1,
      [addDays(cycle.ffMonday, 4)]: 1,
    });
  });

  it("lists every week upstream names by that name, once, with the row's days; no name or week twice", async () => {
    const weeks = (await json<WeeksJson>([...at(cycle.release), 'weeks', '--all', '--format', 'json'])).weeks;
    const named = rowsOf(cycle).filter((row) => row.name !== null);
    const shown = named.map((row) =>
      weeks.filter((week) => week.name === row.name).map((week) => `${week.name} ${week.start}..${week.end}`),
    );
    expect(shown).toEqual(named.map((row) => [`${row.name} ${row.start}..${row.end}`]));
    const names = weeks.map((week) => week.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    const mondays = weeks.map((week) => week.start);
    expect(mondays.filter((day, i) => mondays.indexOf(day) !== i)).toEqual([]);
    const ics = await runMain([...at(cycle.release), 'export', '--weeks']);
    expect(ics.code).toBe(0);
    const entries = parseIcs(ics.stdout).events;
    const uids = entries.map((event) => event.uid);
    expect(uids.filter((uid, i) => uids.indexOf(uid) !== i)).toEqual([]);
    // One all-day entry per named week holding events, over the row's own days (a short week stays short).
    const labelled = named.filter((row) => row.labels.length > 0);
    expect(
      labelled.map((row) =>
        entries
          .filter((entry) => entry.start === row.start && (entry.summary ?? '').includes(row.name as string))
          .map((entry) => `${row.name} ${entry.start}..${entry.end}`),
      ),
    ).toEqual(labelled.map((row) => [`${row.name} ${row.start}..${addDays(row.end, 1)}`]));
  });

  it('puts a deadline or freeze on one day: its own, else the Thursday of its week with a note saying so', async () => {
    const wrong: string[] = [];
    for (const event of (await scheduleOf(cycle)).events) {
      if (event.kind !== 'deadline' && event.kind !== 'freeze') continue;
      const rows = rowsWith(cycle, labelOf(cycle, event.id));
      const inRow = rows.some((row) => event.start >= row.start && event.end <= row.end);
      const thursday = event.confidence !== 'approximate' || (weekdayOf(event.start) === 4 && !!event.notes);
      if (event.start !== event.end || !inRow || !thursday)
        wrong.push(
          `${event.id} ${event.start}..${event.end} ${event.confidence} ${event.notes ? 'noted' : ''}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it('reads ranges, weeks and days named in prose as their spans', async () => {
    const events = await eventsOf(cycle);
    const expected = SPANS.filter(([series]) => series === cycle.series);
    const got = expected.map(([, id, , , confidence]) => {
      const event = events.get(id);
      if (!event) return `${id} missing`;
      return `${id} ${event.start}..${event.end} ${confidence === null ? '*' : event.confidence}`;
    });
    expect(got).toEqual(
      expected.map(([, id, start, end, confidence]) => `${id} ${start}..${end} ${confidence ?? '*'}`),
    );
  });

  it('gives each event the kind of its slug and title, and a project only for a real one', async () => {
    const wrong: string[] = [];
    for (const event of (await scheduleOf(cycle)).events) {
      const label = labelOf(cycle, event.id);
      const title = sectionTitle(cycle, label) ?? '';
      const kind = BORDERLINE.test(label) ? event.kind : expectedKind(label, title);
      const project = expectedProject(label);
      if (event.kind !== kind || event.project !== project)
        wrong.push(`${event.id}: ${event.kind}/${event.project} want ${kind}/${project}`);
    }
    expect(wrong).toEqual([]);
  });

  it('names each event by its section, in its own page or a neighbour', async () => {
    const previous = previousLabel(cycle);
    const capitalised = `${cycle.previousSeries[0]?.toUpperCase()}${cycle.previousSeries.slice(1)}`;
    const wrong: string[] = [];
    for (const event of (await scheduleOf(cycle)).events) {
      const label = labelOf(cycle, event.id);
      const title = sectionTitle(cycle, label);
      if (typeof title !== 'string') continue;
      const fine = event.name === title || (label === previous && event.name === `${capitalised} release`);
      if (!fine) wrong.push(`${event.id}: ${event.name} want ${title}`);
    }
    expect(wrong).toEqual([]);
  });

  it('carries the release id once in every title: the table heading, the picture, the calendar', async () => {
    const [table, svg, ics] = await Promise.all([
      runMain([...at(cycle.release), 'schedule']),
      runMain([...at(cycle.release), 'export', '--format', 'svg']),
      runMain([...at(cycle.release), 'export']),
    ]);
    const calendar = parseIcs(ics.stdout).props;
    expect([table.code, svg.code, ics.code]).toEqual([0, 0, 0]);
    const titles = {
      heading: (table.stdout.split('\n')[0] ?? '').split(' · ')[0] as string,
      svg: /<title id="juno-title">([^<]*)<\/title>/.exec(svg.stdout)?.[1] ?? '',
      name: calendar.name ?? '',
      calname: calendar['x-wr-calname'] ?? '',
      caldesc: calendar['x-wr-caldesc'] ?? '',
    };
    const counts = Object.fromEntries(
      Object.entries(titles).map(([where, title]) => [
        where,
        [
          cycle.releaseId === null ? 0 : count(title, cycle.releaseId),
          wordCount(title, /release schedule/gi) <= 1,
          title,
        ],
      ]),
    );
    expect([titles.heading, titles.svg, titles.calname].filter((title) => title === '')).toEqual([]);
    const once = cycle.releaseId === null ? 0 : 1;
    expect(counts).toEqual(
      Object.fromEntries(Object.entries(titles).map(([where, title]) => [where, [once, true, title]])),
    );
  });

  it('validates quietly about sections in a neighbouring page and warns of every prose day off its week', async () => {
    const report = await json<ValidateJson>(['validate', scheduleFile(cycle), '--format', 'json']);
    const warnings = (report.files[0]?.warnings ?? []).map((w) => `${w.path}: ${w.message}`);
    const sectionless = rowsOf(cycle)
      .flatMap((row) => row.labels)
      .filter((label) => sectionTitle(cycle, label) !== undefined)
      .flatMap((label) =>
        warnings.filter(
          (w) =>
            /has no section/.test(w) && (w.includes(`"${label}"`) || w.includes(`"${normalLabel(label)}"`)),
        ),
      );
    expect(sectionless).toEqual([]);
    const events = await eventsOf(cycle);
    for (const [, label, day, week] of CONFLICTS.filter(([series]) => series === cycle.series)) {
      const mentions = warnings.filter(
        (w) =>
          new RegExp(`(^|[^\\w-])${label}([^\\w-]|$)`).test(w) && w.includes(week) && mentionsDay(w, day),
      );
      expect(
        mentions.length,
        `a warning naming ${label}, ${day} and ${week} among:\n${warnings.join('\n')}`,
      ).toBeGreaterThan(0);
      const row = rowsWith(cycle, label)[0] as Row;
      const event = events.get(label);
      expect(event && event.start >= row.start && event.end <= row.end, `${label} stays in ${week}`).toBe(
        true,
      );
    }
    // Nothing else is said of any event: not of reference days in prose (a checkpoint "before" the X-3 day).
    const known = new Set([
      ...CONFLICTS.filter(([series]) => series === cycle.series).map(([, label]) => label),
      ...(QUIRKS[cycle.series] ?? []),
    ]);
    const labels = [...new Set(rowsOf(cycle).flatMap((row) => row.labels))];
    const named = labels.filter(
      (label) =>
        !known.has(label) &&
        warnings.some((w) =>
          [label, normalLabel(label)].some((l) => new RegExp(`(^|[^\\w-])${l}([^\\w-]|$)`).test(w)),
        ),
    );
    expect(named, warnings.join('\n')).toEqual([]);
  });
});

// ---- the made-up next cycle, event by event ----

describe('a next cycle not yet in the series list', () => {
  it('reads every event of its own files', async () => {
    // Sorted: the order of events on one day is not what this checks. A run naming its first day: its confidence
    // is not checked.
    const rows = (await scheduleOf(NEXT)).events
      .map((e) =>
        [
          e.id,
          e.start,
          e.end,
          e.week,
          e.id === 'k-election-voting' ? '*' : e.confidence,
          e.kind,
          e.project ?? '-',
        ].join(' '),
      )
      .sort();
    const expected = [
      'i-final 2027-03-24 2027-03-24 Indri R+0 confirmed release -',
      'j-vptg 2027-04-19 2027-04-23 R-23 confirmed summit -',
      'j-1 2027-05-13 2027-05-13 R-20 confirmed milestone -',
      'j-nova-spec-review-day 2027-05-18 2027-05-18 R-19 confirmed other nova',
      'j-nova-spec-review-day-2 2027-05-27 2027-05-27 R-18 confirmed other nova',
      'j-nova-spec-freeze 2027-06-09 2027-06-09 R-16 confirmed deadline nova',
      'j-cycle-trail 2027-06-10 2027-06-10 R-16 approximate deadline -',
      'j-nova-review-day 2027-06-22 2027-06-22 R-14 confirmed other nova',
      'j-2 2027-07-08 2027-07-08 R-12 confirmed milestone -',
      'j-nova-review-day-2 2027-07-20 2027-07-20 R-10 confirmed other nova',
      'j-cinder-driver-deadline 2027-08-05 2027-08-05 R-8 approximate deadline cinder',
      'k-election-nominations 2027-08-09 2027-08-20 R-7 approximate other -',
      'j-final-lib 2027-08-19 2027-08-19 R-6 approximate deadline -',
      'j-3 2027-08-26 2027-08-26 R-5 confirmed milestone -',
      'j-ff 2027-08-26 2027-08-26 R-5 confirmed freeze -',
      'j-soft-sf 2027-08-26 2027-08-26 R-5 approximate freeze -',
      'j-rf 2027-08-26 2027-08-26 R-5 approximate freeze -',
      'k-election-email-deadline 2027-08-26 2027-08-26 R-5 approximate deadline -',
      'k-election-voting 2027-09-01 2027-09-17 R-4 * other -',
      'j-cycle-highlights 2027-09-02 2027-09-02 R-4 approximate deadline -',
      'j-rc1 2027-09-06 2027-09-10 R-3 approximate rc -',
      'j-hard-sf 2027-09-09 2027-09-09 R-3 approximate freeze -',
      'j-finalrc 2027-09-20 2027-09-24 R-1 confirmed rc -',
      'j-final 2027-09-29 2027-09-29 R+0 confirmed release -',
    ];
    expect(rows).toEqual(expected.sort());
  });

  it("names its title from its page and the previous release from that series' page", async () => {
    const schedule = await scheduleOf(NEXT);
    expect(schedule.title).toBe('2027.2 Jacaranda Release Schedule');
    expect(schedule.events.find((e) => e.id === 'i-final')?.name).toBe('Indri coordinated release');
  });
});
