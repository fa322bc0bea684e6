// Upstream's labels become events: a label listed in consecutive weeks is one event (unless its prose names one
// day in each of them), in separate weeks one each (numbered); each is dated by the series list (releases), else
// by its section's prose and its weeks (./days.ts).
import { addDays, type Day, daysBetween, mondayOf } from '../../day.js';
import { SERIES_STATUS_LINK, type SeriesRecord } from '../../series.js';
import { clip } from '../../text.js';
import type { Confidence } from '../../types.js';
import { dateRun, splitByNamedDays } from './days.js';
import { aliasesOf, fallbackName, isReleaseLabel, kindOfLabel, projectOf, splitLabel } from './labels.js';
import type { Findings, LabelList, Row } from './rows.js';
import type { RstDocument, RstSection } from './rst.js';

const SCHEDULE_PAGE = 'https://releases.openstack.org';

interface Occurrence {
  row: Row;
  list: LabelList;
  position: number;
}

/** What the events are read with: the cycle, its schedule.rst and the series around it. */
export interface EventSources {
  series: string;
  rows: Row[];
  rst: RstDocument | null;
  /** A label's section: in this cycle's schedule.rst, else in a neighbouring series' page. */
  sectionOf(label: string): RstSection | null;
  /** The name schedule.rst is cited by in warnings. */
  rstFile: string;
  /** Every series, oldest release first, and this one when the list knows it. */
  ordered: SeriesRecord[];
  own: SeriesRecord | null;
  /** The name of the week each row is, for the events it holds. */
  weekName(row: Row): string | null;
  /** False to keep upstream's prose (the sections' text) out of the notes: what juno bundles. */
  prose: boolean;
}

/** The events (juno documents, checked by parseTimeline later), and the event each label of each row became. */
export function readEvents(
  sources: EventSources,
  findings: Findings,
): { events: Record<string, unknown>[]; eventAt: Map<Row, Map<string, string>> } {
  const occurrences = occurrencesOf(sources.rows);
  const eventAt = new Map<Row, Map<string, string>>(sources.rows.map((r) => [r, new Map()]));
  const usedIds = new Set<string>(occurrences.keys());
  const events: Record<string, unknown>[] = [];
  for (const [label, list] of occurrences) {
    const whole = runsOf(list);
    const { name, section } = nameOf(label, list, whole[0] as Occurrence[], sources, findings);
    const runs = whole.flatMap((run) =>
      splitByNamedDays(
        run.map((o) => o.row),
        section,
      ).map((rows) => run.filter((o) => rows.includes(o.row))),
    );
    runs.forEach((run, n) => {
      let id = label;
      if (n > 0) {
        let k = n + 1;
        while (usedIds.has(`${label}-${k}`)) k++;
        id = `${label}-${k}`;
        usedIds.add(id);
      }
      for (const o of run) eventAt.get(o.row)?.set(label, id);
      const others = runs.filter((r) => r !== run).map(spanOf);
      events.push(eventOf({ id, label, name, section, run, others, first: n === 0 }, sources, findings));
    });
  }
  return { events, eventAt };
}

/** Occurrences of each label, in date order. */
function occurrencesOf(rows: Row[]): Map<string, Occurrence[]> {
  const occurrences = new Map<string, Occurrence[]>();
  for (const row of rows) {
    for (const { label, list, position } of row.labels) {
      const found = occurrences.get(label) ?? [];
      found.push({ row, list, position });
      occurrences.set(label, found);
    }
  }
  return occurrences;
}

/** Occurrences in consecutive weeks, together. */
function runsOf(list: Occurrence[]): Occurrence[][] {
  const runs: Occurrence[][] = [];
  for (const occurrence of list) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && mondayOf(occurrence.row.start) <= addDays(mondayOf(last.row.end), 7))
      run.push(occurrence);
    else runs.push([occurrence]);
  }
  return runs;
}

/**
 * How far from its labelled weeks a release the series list records may lie: ocata's rows put Newton's release
 * 25 days after the day it shipped.
 */
const RELEASE_SLACK_DAYS = 42;

/**
 * A release (`<initial>-final`, or `-release` up to stein) as the series list records it: this series, or the
 * series with that initial released nearest those weeks (within six weeks: `j-final` in a cycle after indri is
 * not juno's).
 */
function releaseOf(label: string, spanStart: Day, spanEnd: Day, sources: EventSources): SeriesRecord | null {
  const { initial } = splitLabel(label);
  if (!isReleaseLabel(label)) return null;
  if (initial === sources.series.charAt(0) && sources.own) return sources.own;
  const from = addDays(mondayOf(spanStart), -RELEASE_SLACK_DAYS);
  const to = addDays(mondayOf(spanEnd), 6 + RELEASE_SLACK_DAYS);
  const distance = (day: Day) => (day < spanStart ? daysBetween(day, spanStart) : daysBetween(spanEnd, day));
  const near = sources.ordered.filter(
    (s) => s.name.charAt(0) === initial && s.initialRelease >= from && s.initialRelease <= to,
  );
  near.sort((a, b) => distance(a.initialRelease) - distance(b.initialRelease));
  return near[0] ?? null;
}

/** A label's name: its section's title, else one made from the label (warned of when schedule.rst has none). */
function nameOf(
  label: string,
  list: Occurrence[],
  firstRun: Occurrence[],
  sources: EventSources,
  { warnings, at }: Findings,
): { name: string; section: RstSection | null } {
  const section = sources.sectionOf(label);
  const released = releaseOf(
    label,
    (firstRun[0] as Occurrence).row.start,
    (firstRun[firstRun.length - 1] as Occurrence).row.end,
    sources,
  );
  const readable = fallbackName(label, sources.series, released?.name ?? null);
  const firstUse = list[0] as Occurrence;
  // A release the series list records needs no section: the previous release's is in the previous page.
  if (sources.rst && !section && !released) {
    warnings.push({
      path: at(['cycle', firstUse.row.index, firstUse.list, firstUse.position]),
      message: `"${label}" has no section in ${sources.rstFile}; named "${readable}"`,
    });
  } else if (section && section.title === null) {
    warnings.push({
      file: sources.rstFile,
      path: `line ${section.line}`,
      message: `the section of "${label}" has no title; named "${readable}"`,
    });
  }
  return { name: section?.title ?? readable, section };
}

/** A run of a label, the event's id and name, and whether it is the label's first run. */
interface Run {
  id: string;
  label: string;
  name: string;
  section: RstSection | null;
  run: Occurrence[];
  /** The first and last days of the label's other runs. */
  others: { start: Day; end: Day }[];
  first: boolean;
}

const spanOf = (run: Occurrence[]) => ({
  start: (run[0] as Occurrence).row.start,
  end: (run[run.length - 1] as Occurrence).row.end,
});

/** One run of a label as an event, dated as exactly as its sources allow. */
function eventOf(
  { id, label, name, section, run, others, first }: Run,
  sources: EventSources,
  findings: Findings,
): Record<string, unknown> {
  const { warnings, at } = findings;
  const kind = kindOfLabel(label, section?.title ?? null);
  const head = run[0] as Occurrence;
  const spanStart = head.row.start;
  const spanEnd = (run[run.length - 1] as Occurrence).row.end;
  let start = spanStart;
  let end = spanEnd;
  let confidence: Confidence = 'approximate';
  let note: string | null = null;
  const links = [`${SCHEDULE_PAGE}/${sources.series}/schedule.html#${label}`];
  const released = releaseOf(label, spanStart, spanEnd, sources);
  if (released) {
    start = end = released.initialRelease;
    confidence = 'confirmed';
    links.push(SERIES_STATUS_LINK);
    if (
      released.initialRelease < mondayOf(spanStart) ||
      released.initialRelease > addDays(mondayOf(spanEnd), 6)
    ) {
      warnings.push({
        path: at(['cycle', head.row.index]),
        message: `${label}: the series list says ${released.name} was released on ${released.initialRelease}, outside this week; that day is used`,
      });
    }
  } else {
    const rows = run.map((o) => o.row);
    const { weekName, sectionOf } = sources;
    ({ start, end, confidence, note } = dateRun(
      { label, kind, rows, section, others, weekName, sectionOf },
      findings,
    ));
  }
  const holding =
    run.find((o) => mondayOf(o.row.start) <= start && start <= addDays(mondayOf(o.row.end), 6)) ?? head;
  return {
    id,
    name,
    kind,
    start,
    end,
    week: sources.weekName(holding.row),
    confidence,
    aliases: first ? aliasesOf(label, sources.series) : [],
    project: run.some((o) => o.list === 'project-specific') ? projectOf(label) : null,
    sources: links,
    notes:
      [note, sources.prose && section?.text ? truncate(section.text, 1000) : null]
        .filter(Boolean)
        .join('\n\n') || null,
  };
}

/** `clip`, without the spaces its cut leaves before the ellipsis. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : clip(text, max).replace(/\s+\u2026$/, '\u2026');
}
