// Which series a schedule.yaml is. Upstream keeps each in `doc/source/<series>/`, so the folder names it; a copy
// saved elsewhere (~/Downloads/schedule.yaml) is told by its labels' letter (`i-1`, `i-ff`, `i-final`) and the
// series list's release day falling in its weeks. Pure.
import { addDays, type Day, isDay, mondayOf } from '../../day.js';
import type { SeriesRecord } from '../../series.js';
import { slugify } from './labels.js';
import { LABEL_LISTS, RELEASE_WEEK_NAME } from './rows.js';

/** The series' own milestones, freeze, first release candidate and release: `i-1` … `i-final` (`o-release`). */
const OWN_LABEL = /^([a-z])-(1|2|3|ff|rc1|final|release)$/;

export interface SeriesGuess {
  series: string;
  /** Why the folder's name was not taken, when it was not. */
  warning: string | null;
}

/**
 * The letter most of the series' own labels start with, counted in the weeks upstream names (the previous
 * release sits in an unnamed row before them), else in every row; a tie goes to `prefer` (the folder's initial).
 * Null when there are no such labels.
 */
export function labelsLetter(doc: unknown, prefer = ''): string | null {
  const rows = rowsOf(doc);
  const named = rows.filter((row) => typeof row.name === 'string' && row.name.trim() !== '');
  const counts = countLetters(named);
  if (counts.size === 0) for (const [letter, count] of countLetters(rows)) counts.set(letter, count);
  let best: string | null = null;
  for (const [letter, count] of counts) {
    const leader = best === null ? 0 : (counts.get(best) ?? 0);
    if (count > leader || (count === leader && letter === prefer)) best = letter;
  }
  return best;
}

function countLetters(rows: Record<string, unknown>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const key of LABEL_LISTS) {
      const list = row[key];
      if (!Array.isArray(list)) continue;
      for (const label of list) {
        const letter =
          typeof label === 'string' ? OWN_LABEL.exec(label.trim().toLowerCase())?.[1] : undefined;
        if (letter) counts.set(letter, (counts.get(letter) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function rowsOf(doc: unknown): Record<string, unknown>[] {
  const cycle = typeof doc === 'object' && doc !== null ? (doc as { cycle?: unknown }).cycle : undefined;
  return Array.isArray(cycle)
    ? cycle.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    : [];
}

/** The days the rows cover (Monday of the first to Sunday of the last), and the week of the R-0/R+0 row. */
function cycleDays(doc: unknown): { first: Day; last: Day; release: Day | null } | null {
  let first: Day | null = null;
  let last: Day | null = null;
  let release: Day | null = null;
  for (const row of rowsOf(doc)) {
    const { start, end, name } = row;
    if (!isDay(start) || !isDay(end)) continue;
    if (first === null || start < first) first = start;
    if (last === null || end > last) last = end;
    if (typeof name === 'string' && RELEASE_WEEK_NAME.test(name.trim())) release = mondayOf(start);
  }
  return first === null || last === null
    ? null
    : { first: mondayOf(first), last: addDays(mondayOf(last), 6), release };
}

/**
 * The series a schedule is: the folder's name when the series list knows it, the labels agree and no other
 * series with their letter is released in its weeks, or when it is not listed yet but starts with the labels'
 * letter (the next cycle, in its own folder); else the listed series with the labels' letter released in the
 * schedule's weeks (in its R-0/R+0 week first); else, for a next cycle saved outside its folder, the letter alone.
 */
export function guessSeries(doc: unknown, folder: string, seriesList: readonly SeriesRecord[]): SeriesGuess {
  const name = slugify(folder);
  const letter = labelsLetter(doc, name.charAt(0));
  if (letter === null) return { series: name, warning: null };
  const agrees = name.charAt(0) === letter;
  const days = cycleDays(doc);
  const dated = days
    ? seriesList.filter(
        (s) => s.name.charAt(0) === letter && s.initialRelease >= days.first && s.initialRelease <= days.last,
      )
    : [];
  const listed = seriesList.some((s) => s.name === name);
  if (agrees && listed && (dated.length === 0 || dated.some((s) => s.name === name)))
    return { series: name, warning: null };
  const found = dated.find((s) => mondayOf(s.initialRelease) === days?.release) ?? dated[0];
  if (found) {
    return {
      series: found.name,
      warning: `the folder "${folder}" is not this series; read as ${found.name}, whose labels start with ${letter}- and whose release (${found.initialRelease}) falls in these weeks`,
    };
  }
  if (agrees) return { series: name, warning: null };
  return {
    series: letter,
    warning: `the folder "${folder}" is not a series, and no series in the list starting with ${letter} is released in these weeks; read as series "${letter}"`,
  };
}
