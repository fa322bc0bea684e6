// The weeks of schedule.yaml, checked: `release-week`, `start-week` and each row of `cycle` with its labels.
import { addDays, type Day, isDay, isSupportedDay, mondayOf, unsupportedDay, weekdayOf } from '../../day.js';
import { oneLine } from '../../text.js';
import type { Problem } from '../../types.js';
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
    message: `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
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
  for (const key of [releaseWeekGiven, startWeek]) {
    if (key !== null && weekdayOf(key) !== 1) {
      const which = key === releaseWeekGiven ? 'release-week' : 'start-week';
      findings.warnings.push({
        path: findings.at([which]),
        message: `${key} is not a Monday; its week is used`,
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
    message: value === undefined ? 'is required' : `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
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
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
    weekdayOf(day)
  ] as string;
}
