// Reading an openstack/releases cycle as it is: `doc/source/<series>/schedule.yaml` (named weeks listing event
// labels) and its sibling `schedule.rst` (a titled section per label, with the exact days in prose). The result
// goes through `parseTimeline`, so an upstream cycle becomes the same `Timeline` as a juno file. Pure: the
// loader reads the files and passes their text in.
import { addDays, type Day, isDay, isSupportedDay, mondayOf, unsupportedDay, weekdayOf } from './day.js';
import { type ParseResult, parseTimeline } from './parse.js';
import { weekLabel } from './query.js';
import type { SeriesRecord } from './series.js';
import { cleanText, oneLine } from './text.js';
import type { Confidence, Kind, NamedWeek, PhaseDefinition, Problem } from './types.js';

export interface UpstreamInput {
  /** The parsed schedule.yaml. */
  doc: unknown;
  /** The series: the name of the folder holding schedule.yaml. */
  series: string;
  /** The sibling schedule.rst and the name to cite it by in warnings, or null when there is none. */
  rst: { text: string; file: string } | null;
  /** The bundled series list, for release dates and ids. */
  seriesList: readonly SeriesRecord[];
  /** The line of a node of schedule.yaml (`['cycle', 3]`), when the loader can tell. */
  lineOf?: (path: (string | number)[]) => number | null;
}

const SCHEDULE_PAGE = 'https://releases.openstack.org';
const SERIES_STATUS = 'https://opendev.org/openstack/releases/src/branch/master/data/series_status.yaml';
const LABEL_LISTS = ['x-project', 'project-specific'] as const;
const ROW_KEYS = new Set(['name', 'start', 'end', ...LABEL_LISTS]);

/** True for a document shaped like upstream's schedule.yaml: a `cycle` list and `release-week` or `start-week`. */
export function isUpstreamSchedule(raw: unknown): boolean {
  return (
    isRecord(raw) &&
    Array.isArray(raw.cycle) &&
    !Object.hasOwn(raw, 'events') &&
    (Object.hasOwn(raw, 'release-week') || Object.hasOwn(raw, 'start-week'))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A slug from a folder or label name: lowercase letters, digits and hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// schedule.rst

export interface RstSection {
  title: string | null;
  /** The section's prose, markup reduced, paragraphs separated by blank lines. */
  text: string;
  /** 1-based line of the anchor. */
  line: number;
}

export interface RstDocument {
  title: string | null;
  sections: Map<string, RstSection>;
}

const UNDERLINE = /^([=\-~^"'`#*+:.])\1*\s*$/;

/** A title: a line of text underlined by punctuation at least as long (or at least three characters). */
function isTitleAt(lines: string[], i: number): boolean {
  const text = lines[i]?.trim() ?? '';
  const under = (lines[i + 1] ?? '').trim();
  return (
    text !== '' &&
    !text.startsWith('..') &&
    !UNDERLINE.test(text) &&
    UNDERLINE.test(under) &&
    under.length >= Math.min(text.length, 3)
  );
}

/** The text of a role or link, without the spaces before its `<target>`. */
const markupText = (_match: string, text: string) => text.trimEnd();

/**
 * Inline markup to plain text: roles (:ref:`x <y>`), links (`x <y>`_), literals, emphasis. No part of a pattern
 * can match what a neighbouring part matches, and none reaches past the next backtick (or asterisk), so each
 * attempt scans a stretch of text no other attempt scans: linear in the text, whatever it holds.
 */
function plainRst(text: string): string {
  return text
    .replace(/:[a-z-]+:`([^`<]*)(?:<[^`>]*>)?`/g, markupText)
    .replace(/`([^`<]*)<[^`>]*>`_+/g, markupText)
    .replace(/``([^`]*)``/g, '$1')
    .replace(/\*\*([^*]+)\*\*|\*([^*]+)\*/g, '$1$2')
    .replace(/`([^`]*)`_*/g, '$1');
}

/**
 * Characters of prose kept for a section: a real one holds a few hundred, and its notes are cut to a thousand.
 * The rest of a longer section is not read.
 */
export const MAX_SECTION = 20_000;

/** Anchors stacked together and the one section they share, read once for all of them. */
interface SectionGroup {
  title: string | null;
  lines: string[];
  length: number;
  anchors: { label: string; line: number }[];
}

/** The top title and the section after each `.. _label:` anchor. Anchors stacked together share a section. */
export function parseRst(text: string): RstDocument {
  const lines = cleanText(text).split('\n');
  const groups: SectionGroup[] = [];
  let title: string | null = null;
  let pending: { label: string; line: number }[] = [];
  let current: SectionGroup | null = null;
  const open = (heading: string | null): SectionGroup => {
    const group = { title: heading, lines: [], length: 0, anchors: pending };
    groups.push(group);
    pending = [];
    return group;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const anchor = /^\.\. _([^:`]+):\s*$/.exec(line);
    if (anchor) {
      current = null;
      pending.push({ label: (anchor[1] as string).trim().toLowerCase(), line: i + 1 });
      continue;
    }
    if (isTitleAt(lines, i)) {
      const heading = oneLine(plainRst(line.trim()));
      if (pending.length > 0) current = open(heading);
      else if (title === null && groups.length === 0) title = heading;
      else current = null;
      i++;
      continue;
    }
    // An anchor followed by prose rather than a title: the section has no title.
    if (pending.length > 0 && line.trim() !== '') current = open(null);
    if (UNDERLINE.test(line) && line.trim().length >= 3) continue;
    if (current !== null && current.length < MAX_SECTION) {
      current.lines.push(line);
      current.length += line.length + 1;
    }
  }
  const sections = new Map<string, RstSection>();
  for (const group of groups) {
    const prose = plainRst(group.lines.join('\n').slice(0, MAX_SECTION))
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '' && !p.startsWith('.. '))
      .join('\n\n');
    for (const { label, line } of group.anchors)
      sections.set(label, { title: group.title, text: prose, line });
  }
  for (const { label, line } of pending) sections.set(label, { title: null, text: '', line });
  return { title, sections };
}

// ---------------------------------------------------------------------------------------------------------
// Days named in prose: "November 16, 2023", "by 7 December, 2023", "Nov 16", "2023-11-16", "March 4-8".

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
const MONTH_FIRST = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:\\s*(?:-|–|to|and)\\s*(\\d{1,2})${ORDINAL}\\b)?(?:,?\\s+(\\d{4}))?\\b`,
  'gi',
);
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function toDay(year: number, month: number, day: number): Day | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isDay(text) ? text : null;
}

/**
 * The days named in `text` that fall within `start`–`end`. A day without a year takes the year that puts it in
 * the span. A range ("March 4-8") names both ends.
 */
export function daysNamedIn(text: string, start: Day, end: Day): Day[] {
  const years = [...new Set([Number(start.slice(0, 4)), Number(end.slice(0, 4))])];
  const found = new Set<Day>();
  const add = (year: string | undefined, month: number, day: number) => {
    for (const y of year ? [Number(year)] : years) {
      const candidate = toDay(y, month, day);
      if (candidate && candidate >= start && candidate <= end) found.add(candidate);
    }
  };
  for (const m of text.matchAll(MONTH_FIRST)) {
    const month = monthNumber(m[1] as string);
    add(m[4], month, Number(m[2]));
    if (m[3]) add(m[4], month, Number(m[3]));
  }
  for (const m of text.matchAll(DAY_FIRST)) add(m[3], monthNumber(m[2] as string), Number(m[1]));
  for (const m of text.matchAll(ISO)) add(m[1], Number(m[2]), Number(m[3]));
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------------------
// Labels

/** The series initial and the rest: `c-nova-spec-freeze` → `c`, `nova-spec-freeze`. */
function splitLabel(label: string): { initial: string | null; slug: string } {
  const m = /^([a-z])-(.+)$/.exec(label);
  return m ? { initial: m[1] as string, slug: m[2] as string } : { initial: null, slug: label };
}

/** The kind a label's suffix says. */
export function kindOfLabel(label: string): Kind {
  const { slug } = splitLabel(label);
  if (/^[123]$/.test(slug)) return 'milestone';
  if (/^(ff|sf|soft-sf|hard-sf|rf|mf)$/.test(slug)) return 'freeze';
  if (slug === 'rc1' || slug === 'finalrc') return 'rc';
  if (slug === 'final') return 'release';
  if (/(^|-)(v?ptg|summit)(-\d+)?$/.test(slug)) return 'summit';
  if (/deadline|freeze|checkpoint|final-lib|final-clientlib|highlights|declaration/.test(slug))
    return 'deadline';
  return 'other';
}

/** A readable name for a label without a titled section: `c-1` → "Caracal-1 milestone". */
export function fallbackName(label: string, series: string, released: string | null = null): string {
  const { initial, slug } = splitLabel(label);
  const own = initial === series.charAt(0);
  const name = capitalise(series);
  const known: Record<string, string> = {
    ff: 'Feature freeze',
    sf: 'String freeze',
    'soft-sf': 'Soft string freeze',
    'hard-sf': 'Hard string freeze',
    rf: 'Requirements freeze',
    mf: 'Membership freeze',
    rc1: 'RC1 target week',
    finalrc: 'Final RCs and intermediary releases',
    'final-lib': 'Final release for non-client libraries',
    'final-clientlib': 'Final release for client libraries',
    ptg: 'Project Team Gathering',
    vptg: 'Virtual Project Team Gathering',
    summit: 'Summit',
  };
  if (/^[123]$/.test(slug)) return own ? `${name}-${slug} milestone` : `Milestone ${slug}`;
  if (slug === 'final')
    return own ? `${name} release` : released ? `${capitalise(released)} release` : 'Release';
  return known[slug] ?? capitalise(slug.replace(/-/g, ' '));
}

/** Aliases that let the same commands work on every cycle. */
function aliasesOf(label: string, series: string): string[] {
  const { initial, slug } = splitLabel(label);
  if (initial !== series.charAt(0)) return [];
  const map: Record<string, string[]> = {
    final: ['release'],
    ff: ['feature-freeze', 'ff'],
    rc1: ['rc1'],
    '1': ['milestone-1'],
    '2': ['milestone-2'],
    '3': ['milestone-3'],
  };
  return (map[slug] ?? []).filter((alias) => alias !== label);
}

/** The project a project-specific label names: `c-nova-spec-freeze` → nova. */
function projectOf(label: string): string | null {
  const { slug } = splitLabel(label);
  const parts = slug.split('-');
  return parts.length > 1 ? (parts[0] as string) : null;
}

// ---------------------------------------------------------------------------------------------------------
// The cycle

interface Row {
  index: number;
  name: string | null;
  start: Day;
  end: Day;
  /** Each label, the list that names it and its place in that list. */
  labels: { label: string; list: (typeof LABEL_LISTS)[number]; position: number }[];
}

interface Occurrence {
  row: Row;
  list: (typeof LABEL_LISTS)[number];
  position: number;
}

/** Reads an upstream cycle into a `Timeline`, with every problem and quirk found (quirks are warnings). */
export function readUpstreamSchedule(input: UpstreamInput): ParseResult {
  const { doc, seriesList } = input;
  const series = slugify(input.series) || 'upstream';
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (path: (string | number)[]): string => {
    const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    const line = input.lineOf?.(path) ?? null;
    return line === null ? text : `${text} (line ${line})`;
  };
  const rstFile = input.rst?.file ?? 'schedule.rst';

  if (!isRecord(doc) || !Array.isArray(doc.cycle)) {
    return fail([{ path: 'cycle', message: 'expected a list of weeks' }]);
  }
  const topDay = (key: string): Day | null => {
    const value = doc[key];
    if (value === undefined || value === null) return null;
    if (isDay(value)) {
      if (isSupportedDay(value)) return value;
      problems.push({ path: at([key]), message: unsupportedDay(value) });
      return null;
    }
    problems.push({ path: at([key]), message: `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}` });
    return null;
  };
  const releaseWeekGiven = topDay('release-week');
  const startWeek = topDay('start-week');
  for (const key of [releaseWeekGiven, startWeek]) {
    if (key !== null && weekdayOf(key) !== 1) {
      const which = key === releaseWeekGiven ? 'release-week' : 'start-week';
      warnings.push({ path: at([which]), message: `${key} is not a Monday; its week is used` });
    }
  }
  const releaseWeek = releaseWeekGiven ? mondayOf(releaseWeekGiven) : null;

  // Rows: the named weeks.
  const rows: Row[] = [];
  doc.cycle.forEach((raw: unknown, index: number) => {
    const path: (string | number)[] = ['cycle', index];
    if (!isRecord(raw)) {
      problems.push({ path: at(path), message: 'expected a week with start, end and name' });
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!ROW_KEYS.has(key))
        warnings.push({ path: at([...path, key]), message: 'unknown property, ignored' });
    }
    const day = (key: 'start' | 'end'): Day | null => {
      const value = raw[key];
      if (isDay(value)) {
        if (isSupportedDay(value)) return value;
        problems.push({ path: at([...path, key]), message: unsupportedDay(value) });
        return null;
      }
      problems.push({
        path: at([...path, key]),
        message:
          value === undefined ? 'is required' : `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
      });
      return null;
    };
    const start = day('start');
    const end = day('end');
    let name: string | null = null;
    if (typeof raw.name === 'string' && raw.name.trim() !== '') name = oneLine(raw.name.trim());
    else if (typeof raw.name === 'number' && Number.isFinite(raw.name)) name = String(raw.name);
    else if (raw.name !== undefined && raw.name !== null)
      problems.push({ path: at([...path, 'name']), message: 'expected text' });
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
    if (start === null || end === null) return;
    if (end < start) {
      problems.push({ path: at([...path, 'end']), message: `${end} is before the start ${start}` });
      return;
    }
    if (weekdayOf(start) !== 1 || end !== addDays(start, 4)) {
      warnings.push({
        path: at(path),
        message: `${name ?? 'the week'} runs ${start} (${weekdayName(start)}) to ${end} (${weekdayName(end)}), not Monday to Friday of one week; its days are kept`,
      });
    }
    rows.push({ index, name, start, end, labels });
  });
  if (problems.length > 0) return fail(problems);
  rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index));

  const ordered = [...seriesList].sort((a, b) => (a.initialRelease < b.initialRelease ? -1 : 1));
  const ownIndex = ordered.findIndex((s) => s.name === series);
  const own = ownIndex >= 0 ? (ordered[ownIndex] as SeriesRecord) : null;
  const previous = ownIndex > 0 ? (ordered[ownIndex - 1] as SeriesRecord) : null;

  // Week names: upstream's, else the previous release's week for a row before the cycle, else counted.
  const weekNames = new Map<Row, { name: string; upstream: boolean }>();
  for (const row of rows) {
    if (row.name !== null) {
      weekNames.set(row, { name: row.name, upstream: true });
      continue;
    }
    const beforeCycle = startWeek !== null ? row.start < startWeek : row === rows[0];
    const counted = weekLabel(releaseWeek, row.start);
    const name =
      beforeCycle && previous ? `${capitalise(previous.name)} R+0` : (counted ?? `week of ${row.start}`);
    weekNames.set(row, { name, upstream: false });
    if (!beforeCycle)
      warnings.push({ path: at(['cycle', row.index]), message: `a week without a name; shown as ${name}` });
  }

  const rst = input.rst ? parseRst(input.rst.text) : null;

  // Occurrences of each label in date order, then runs of consecutive weeks.
  const occurrences = new Map<string, Occurrence[]>();
  for (const row of rows) {
    for (const { label, list, position } of row.labels) {
      const list_ = occurrences.get(label) ?? [];
      list_.push({ row, list, position });
      occurrences.set(label, list_);
    }
  }
  /** A release (`<initial>-final`): this series, or the one with that initial released in those weeks. */
  const releaseOf = (label: string, spanStart: Day, spanEnd: Day): SeriesRecord | null => {
    const { initial, slug } = splitLabel(label);
    if (slug !== 'final') return null;
    if (initial === series.charAt(0) && own) return own;
    return (
      ordered.find(
        (s) =>
          s.name.charAt(0) === initial &&
          s.initialRelease >= mondayOf(spanStart) &&
          s.initialRelease <= addDays(mondayOf(spanEnd), 6),
      ) ?? null
    );
  };
  /** The event each label of each row became. */
  const eventAt = new Map<Row, Map<string, string>>(rows.map((r) => [r, new Map()]));
  const usedIds = new Set<string>(occurrences.keys());
  const events: Record<string, unknown>[] = [];
  const warnedLabels = new Set<string>();

  for (const [label, list] of occurrences) {
    const runs: Occurrence[][] = [];
    for (const occurrence of list) {
      const run = runs[runs.length - 1];
      const last = run?.[run.length - 1];
      if (run && last && mondayOf(occurrence.row.start) <= addDays(mondayOf(last.row.end), 7))
        run.push(occurrence);
      else runs.push([occurrence]);
    }
    const section = rst?.sections.get(label) ?? null;
    const firstRun = runs[0] as Occurrence[];
    const readable = fallbackName(
      label,
      series,
      releaseOf(
        label,
        (firstRun[0] as Occurrence).row.start,
        (firstRun[firstRun.length - 1] as Occurrence).row.end,
      )?.name ?? null,
    );
    const firstUse = list[0] as Occurrence;
    const usePath = ['cycle', firstUse.row.index, firstUse.list, firstUse.position];
    if (rst && !section && !warnedLabels.has(label)) {
      warnedLabels.add(label);
      warnings.push({
        path: at(usePath),
        message: `"${label}" has no section in ${rstFile}; named "${readable}"`,
      });
    } else if (section && section.title === null) {
      warnings.push({
        file: rstFile,
        path: `line ${section.line}`,
        message: `the section of "${label}" has no title; named "${readable}"`,
      });
    }
    const name = section?.title ?? readable;
    const kind = kindOfLabel(label);

    runs.forEach((run, n) => {
      let id = label;
      if (n > 0) {
        let k = n + 1;
        while (usedIds.has(`${label}-${k}`)) k++;
        id = `${label}-${k}`;
        usedIds.add(id);
      }
      const first = run[0] as Occurrence;
      const last = run[run.length - 1] as Occurrence;
      const spanStart = first.row.start;
      const spanEnd = last.row.end;
      let start = spanStart;
      let end = spanEnd;
      let confidence: Confidence = 'approximate';
      const sources = [`${SCHEDULE_PAGE}/${series}/schedule.html#${label}`];
      const released = releaseOf(label, spanStart, spanEnd);
      if (released) {
        start = end = released.initialRelease;
        confidence = 'confirmed';
        sources.push(SERIES_STATUS);
        if (
          released.initialRelease < mondayOf(spanStart) ||
          released.initialRelease > addDays(mondayOf(spanEnd), 6)
        ) {
          warnings.push({
            path: at(['cycle', first.row.index]),
            message: `${label}: the series list says ${released.name} was released on ${released.initialRelease}, outside this week; that day is used`,
          });
        }
      } else if (section) {
        const days = daysNamedIn(section.text, spanStart, spanEnd);
        if (days.length === 1) {
          start = end = days[0] as Day;
          confidence = 'confirmed';
        }
      }
      const holding =
        run.find((o) => mondayOf(o.row.start) <= start && start <= addDays(mondayOf(o.row.end), 6)) ?? first;
      for (const o of run) eventAt.get(o.row)?.set(label, id);
      events.push({
        id,
        name,
        kind,
        start,
        end,
        week: weekNames.get(holding.row)?.name ?? null,
        confidence,
        aliases: n === 0 ? aliasesOf(label, series) : [],
        project: run.some((o) => o.list === 'project-specific') ? projectOf(label) : null,
        sources,
        notes: section?.text ? truncate(section.text, 1000) : null,
      });
    });
  }

  const ids = new Set(events.map((e) => e.id as string));
  const initial = series.charAt(0);
  const prevFinal = [...ids].find((id) => /^[a-z]-final$/.test(id) && id !== `${initial}-final`) ?? null;
  const phases = derivePhases(ids, initial, prevFinal);
  const title = rst?.title ?? `OpenStack ${capitalise(series)}`;

  const parsed = parseTimeline({
    series,
    title,
    releaseId: own?.releaseId ?? null,
    ...(releaseWeek ? { releaseWeek } : {}),
    phases,
    events,
  });
  const weeks: NamedWeek[] = rows.map((row) => ({
    name: weekNames.get(row)?.name ?? row.start,
    upstream: weekNames.get(row)?.upstream ?? false,
    start: row.start,
    end: row.end,
    events: row.labels.flatMap(({ label }) => eventAt.get(row)?.get(label) ?? []),
  }));
  if (!parsed.ok) return { ...parsed, warnings: [...warnings, ...parsed.warnings] };
  return { ok: true, timeline: { ...parsed.timeline, weeks }, warnings: [...warnings, ...parsed.warnings] };

  function fail(list: Problem[]): ParseResult {
    return { ok: false, problems: list, warnings };
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function weekdayName(day: Day): string {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
    weekdayOf(day)
  ] as string;
}

/** Development until feature freeze, feature freeze until RC1, release candidates until the release, released. */
function derivePhases(ids: Set<string>, initial: string, prevFinal: string | null): PhaseDefinition[] {
  const steps: { id: string; name: string; event: string | null }[] = [
    { id: 'development', name: 'Development', event: prevFinal },
    { id: 'feature-freeze', name: 'Feature freeze', event: `${initial}-ff` },
    { id: 'release-candidate', name: 'Release candidates', event: `${initial}-rc1` },
    { id: 'released', name: 'Released', event: `${initial}-final` },
  ].filter((s) => s.event === null || ids.has(s.event));
  const phases: PhaseDefinition[] = [];
  if (prevFinal) phases.push({ id: 'not-started', name: 'Not started', from: null, until: prevFinal });
  steps.forEach((step, i) => {
    phases.push({ id: step.id, name: step.name, from: step.event, until: steps[i + 1]?.event ?? null });
  });
  return phases;
}
