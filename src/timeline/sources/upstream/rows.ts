// The weeks of schedule.yaml, checked: `release-week`, `start-week` and each row of `cycle` with its labels; and
// the name each row is shown by.
import {
  addDays,
  type Day,
  daysBetween,
  isDay,
  isSupportedDay,
  mondayOf,
  unsupportedDay,
  WEEKDAY_NAMES,
  weekdayOf,
} from '../../day.js';
import { describe, isRecord } from '../../fields.js';
import { capitalise, oneLine } from '../../text.js';
import type { Problem } from '../../types.js';
import { countedWeekName } from '../../weeks.js';
import { slugify } from './labels.js';

export const LABEL_LISTS = ['x-project', 'project-specific'] as const;
export type LabelList = (typeof LABEL_LISTS)[number];
const ROW_KEYS = new Set(['name', 'start', 'end', ...LABEL_LISTS]);

/** A week of the cycle as schedule.yaml lists it. */
export interface Row {
  index: number;
  name: string | null;
  start: Day;
  end: Day;
  /** Each label, the list that names it and its place in that list. */
  labels: { label: string; list: LabelList; position: number }[];
}

/** Problems and warnings found while reading, and the path of a node as they cite it (with its line if known). */
export interface Findings {
  problems: Problem[];
  warnings: Problem[];
  at(path: (string | number)[]): string;
}

/** A top-level day (`release-week`, `start-week`), or null when it is absent or not a supported day. */
function topDay(doc: Record<string, unknown>, key: string, findings: Findings): Day | null {
  const value = doc[key];
  if (value === undefined || value === null) return null;
  if (isDay(value)) {
    if (isSupportedDay(value)) return value;
    findings.problems.push({ path: findings.at([key]), message: unsupportedDay(value) });
    return null;
  }
  findings.problems.push({
    path: findings.at([key]),
    message: `expected a date YYYY-MM-DD, got ${describe(value)}`,
  });
  return null;
}

/** The Monday of the release week, and the start week as given; a day that is not a Monday is warned of. */
export function readCycleWeeks(
  doc: Record<string, unknown>,
  findings: Findings,
): { releaseWeek: Day | null; startWeek: Day | null } {
  const releaseWeekGiven = topDay(doc, 'release-week', findings);
  const startWeek = topDay(doc, 'start-week', findings);
  const given = [
    ['release-week', releaseWeekGiven],
    ['start-week', startWeek],
  ] as const;
  for (const [key, day] of given) {
    if (day !== null && weekdayOf(day) !== 1) {
      findings.warnings.push({
        path: findings.at([key]),
        message: `${day} is not a Monday; its week is used`,
      });
    }
  }
  return { releaseWeek: releaseWeekGiven ? mondayOf(releaseWeekGiven) : null, startWeek };
}

/** The rows of `cycle` that could be read, in date order (then in the order listed); the rest are problems. */
export function readRows(cycle: unknown[], findings: Findings): Row[] {
  const rows: Row[] = [];
  cycle.forEach((raw: unknown, index: number) => {
    const row = readRow(raw, index, findings);
    if (row !== null) rows.push(row);
  });
  return rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index));
}

function readRow(raw: unknown, index: number, findings: Findings): Row | null {
  const { problems, warnings, at } = findings;
  const path: (string | number)[] = ['cycle', index];
  if (!isRecord(raw)) {
    problems.push({ path: at(path), message: 'expected a week with start, end and name' });
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!ROW_KEYS.has(key)) warnings.push({ path: at([...path, key]), message: 'unknown property, ignored' });
  }
  const start = rowDay(raw, 'start', path, findings);
  const end = rowDay(raw, 'end', path, findings);
  let name: string | null = null;
  if (typeof raw.name === 'string' && raw.name.trim() !== '') name = oneLine(raw.name.trim());
  else if (typeof raw.name === 'number' && Number.isFinite(raw.name)) name = String(raw.name);
  else if (raw.name !== undefined && raw.name !== null)
    problems.push({ path: at([...path, 'name']), message: 'expected text' });
  const labels = rowLabels(raw, path, findings);
  if (start === null || end === null) return null;
  if (end < start) {
    problems.push({ path: at([...path, 'end']), message: `${end} is before the start ${start}` });
    return null;
  }
  if (weekdayOf(start) !== 1 || end !== addDays(start, 4)) {
    warnings.push({
      path: at(path),
      message: `${name ?? 'the week'} runs ${start} (${weekdayName(start)}) to ${end} (${weekdayName(end)}), not Monday to Friday of one week; its days are kept`,
    });
  }
  return { index, name, start, end, labels };
}

function rowDay(
  raw: Record<string, unknown>,
  key: 'start' | 'end',
  path: (string | number)[],
  { problems, at }: Findings,
): Day | null {
  const value = raw[key];
  if (isDay(value)) {
    if (isSupportedDay(value)) return value;
    problems.push({ path: at([...path, key]), message: unsupportedDay(value) });
    return null;
  }
  problems.push({
    path: at([...path, key]),
    message: value === undefined ? 'is required' : `expected a date YYYY-MM-DD, got ${describe(value)}`,
  });
  return null;
}

/** The labels of a row's lists, as slugs, each once. */
function rowLabels(
  raw: Record<string, unknown>,
  path: (string | number)[],
  findings: Findings,
): Row['labels'] {
  const { problems, warnings, at } = findings;
  const labels: Row['labels'] = [];
  const seen = new Set<string>();
  for (const list of LABEL_LISTS) {
    const value = raw[list];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      problems.push({ path: at([...path, list]), message: 'expected a list of labels' });
      continue;
    }
    value.forEach((item: unknown, j: number) => {
      if (typeof item !== 'string' || slugify(item) === '') {
        problems.push({ path: at([...path, list, j]), message: 'expected a label' });
        return;
      }
      const label = slugify(item);
      if (label !== item)
        warnings.push({
          path: at([...path, list, j]),
          message: `label "${oneLine(item)}" read as "${label}"`,
        });
      if (seen.has(label)) {
        warnings.push({ path: at([...path, list, j]), message: `"${label}" is listed twice in this week` });
        return;
      }
      seen.add(label);
      labels.push({ label, list, position: j });
    });
  }
  return labels;
}

function weekdayName(day: Day): string {
  return WEEKDAY_NAMES[weekdayOf(day)] as string;
}

/** The name upstream gives its release week: `R-0` or `R+0`. */
export const RELEASE_WEEK_NAME = /^R[+-]0$/;

/** The row upstream names as its release week, if any. */
function releaseRow(rows: Row[]): Row | null {
  return rows.find((row) => row.name !== null && RELEASE_WEEK_NAME.test(row.name)) ?? null;
}

/**
 * The Monday weeks are counted from: the row upstream names R-0 or R+0, else the week of the release day (the
 * series list's), else `release-week` as given. Upstream's names come from its rows, so where `release-week`
 * disagrees with them (wallaby's is three weeks after its R-0 row), the rows win and the disagreement is warned of.
 */
export function releaseWeekOf(
  rows: Row[],
  given: Day | null,
  releaseDay: Day | null,
  { warnings, at }: Findings,
): Day | null {
  const row = releaseRow(rows);
  const counted = row ? mondayOf(row.start) : releaseDay ? mondayOf(releaseDay) : null;
  if (counted === null || given === null || counted === given) return counted ?? given;
  const weeks = Math.round(daysBetween(counted, given) / 7);
  const apart = `${Math.abs(weeks)} week${Math.abs(weeks) === 1 ? '' : 's'} ${weeks > 0 ? 'after' : 'before'}`;
  const which = row
    ? `the week upstream names ${row.name} (cycle[${row.index}])`
    : `the release (${releaseDay})`;
  warnings.push({
    path: at(['release-week']),
    message: `the week of ${given} is ${apart} ${which}; weeks are counted from ${counted}`,
  });
  return counted;
}

/** The name a row is shown by, and whether it is upstream's own. */
export interface RowName {
  name: string;
  upstream: boolean;
}

/** What naming the rows needs to know of the cycle. */
export interface CycleWeeks {
  /** The Monday weeks are counted from (see `releaseWeekOf`). */
  releaseWeek: Day | null;
  startWeek: Day | null;
  /** The previous series and its release day, when the series list knows them. */
  previous: { name: string; initialRelease: Day } | null;
}

/**
 * Each row's name, unique to its week: upstream's; else, for a row holding the day the previous series was
 * released, that release's week (`Hibiscus R+0`); else counted from the release week (`R-19`); else, or when
 * upstream gives that name to another week, the ISO week (`2016-W41`). Rows of one week (listed twice) share its
 * name and are warned of, as is a row without a name inside the cycle.
 */
export function nameRows(rows: Row[], cycle: CycleWeeks, findings: Findings): Map<Row, RowName> {
  const byMonday = new Map<Day, Row[]>();
  for (const row of rows) {
    const monday = mondayOf(row.start);
    const same = byMonday.get(monday);
    if (same) {
      const first = same[0] as Row;
      findings.warnings.push({
        path: findings.at(['cycle', row.index]),
        message: `the week of ${monday} is listed again (first at cycle[${first.index}]); one week, its labels together`,
      });
      same.push(row);
    } else byMonday.set(monday, [row]);
  }
  const taken = new Set(rows.flatMap((row) => (row.name === null ? [] : [row.name])));
  const names = new Map<Row, RowName>();
  for (const [monday, same] of byMonday) {
    const named = same.find((row) => row.name !== null);
    const name: RowName = named
      ? { name: named.name as string, upstream: true }
      : { name: unnamedWeek(monday, same, cycle, taken), upstream: false };
    taken.add(name.name);
    for (const row of same) {
      names.set(row, name);
      const beforeCycle = cycle.startWeek !== null ? row.start < cycle.startWeek : row === rows[0];
      if (row.name === null && !named && !beforeCycle)
        findings.warnings.push({
          path: findings.at(['cycle', row.index]),
          message: `a week without a name; shown as ${name.name}`,
        });
    }
  }
  return names;
}

/** The name of a week upstream leaves unnamed (see `nameRows`); never one already `taken`. */
function unnamedWeek(monday: Day, same: Row[], cycle: CycleWeeks, taken: Set<string>): string {
  const { previous, releaseWeek } = cycle;
  const lastDay = addDays(mondayOf(same.reduce((end, row) => (row.end > end ? row.end : end), monday)), 6);
  if (previous && monday <= previous.initialRelease && previous.initialRelease <= lastDay) {
    const name = `${capitalise(previous.name)} R+0`;
    if (!taken.has(name)) return name;
  }
  return countedWeekName(releaseWeek, monday, taken);
}
