// Reading an openstack/releases cycle as it is: `doc/source/<series>/schedule.yaml` (named weeks listing event
// labels) and its sibling `schedule.rst` (a titled section per label, with the exact days in prose). The result
// goes through `parseTimeline`, so an upstream cycle becomes the same `Timeline` as a juno file. Pure: the
// caller reads the files and passes their text in.
import { isRecord } from '../../fields.js';
import { type ParseResult, parseTimeline, phaseChain } from '../../parse.js';
import { byRelease, type SeriesRecord } from '../../series.js';
import { capitalise } from '../../text.js';
import type { NamedWeek, PhaseDefinition, Problem } from '../../types.js';
import { readEvents } from './events.js';
import { isReleaseLabel, slugify, splitLabel } from './labels.js';
import { type Findings, LABEL_LISTS, nameRows, readCycleWeeks, readRows, releaseWeekOf } from './rows.js';
import { parseRst, type RstDocument, type RstSection } from './rst.js';

export interface UpstreamInput {
  /** The parsed schedule.yaml. */
  doc: unknown;
  /** The series: the name of the folder holding schedule.yaml. */
  series: string;
  /** The sibling schedule.rst and the name to cite it by in warnings, or null when there is none. */
  rst: { text: string; file: string } | null;
  /** The bundled series list, for release dates and ids. */
  seriesList: readonly SeriesRecord[];
  /**
   * The schedule.rst of neighbouring series (see `neighbourPagesWanted`), searched in this order for a label's
   * section when this cycle's page has none; `text` null when the series has no such page.
   */
  neighbours?: readonly NeighbourPage[];
  /** False to leave the sections' prose out of the events' notes (the bundled data); kept by default. */
  prose?: boolean;
  /** The line of a node of schedule.yaml (`['cycle', 3]`), when the loader can tell. */
  lineOf?: (path: (string | number)[]) => number | null;
}

/** The schedule.rst of another series, as read for the sections this cycle's page lacks. */
export interface NeighbourPage {
  series: string;
  file: string;
  text: string | null;
}

/**
 * The series before and after this one in the series list. A series the list does not know yet (the next cycle
 * upstream publishes) follows the latest series of the letter before its own: `j…` follows indri.
 */
function neighboursOf(
  series: string,
  ordered: readonly SeriesRecord[],
): { own: SeriesRecord | null; previous: SeriesRecord | null; next: SeriesRecord | null } {
  const index = ordered.findIndex((s) => s.name === series);
  if (index >= 0) {
    return {
      own: ordered[index] as SeriesRecord,
      previous: ordered[index - 1] ?? null,
      next: ordered[index + 1] ?? null,
    };
  }
  const letter = series.charCodeAt(0);
  const before = String.fromCharCode(letter === 97 ? 122 : letter - 1);
  const previous = ordered.findLast((s) => s.name.charAt(0) === before) ?? null;
  return { own: null, previous, next: null };
}

/** The last pages parsed: the source asks which neighbours' pages it lacks before reading, each page parsed once. */
const parsedPages: { text: string; doc: RstDocument }[] = [];
function parsePage(text: string): RstDocument {
  const hit = parsedPages.find((page) => page.text === text);
  if (hit) return hit.doc;
  const doc = parseRst(text);
  parsedPages.unshift({ text, doc });
  parsedPages.length = Math.min(parsedPages.length, 4);
  return doc;
}

/** The labels schedule.yaml lists, as they are read (slugs), without checking the rows. */
function labelsListed(doc: unknown): Set<string> {
  const labels = new Set<string>();
  if (!isRecord(doc) || !Array.isArray(doc.cycle)) return labels;
  for (const row of doc.cycle) {
    if (!isRecord(row)) continue;
    for (const list of LABEL_LISTS) {
      const items = row[list];
      if (!Array.isArray(items)) continue;
      for (const item of items) if (typeof item === 'string') labels.add(slugify(item));
    }
  }
  return labels;
}

/** This cycle's page and the neighbours' pages read so far, in the order a label's section is searched. */
function pagesOf(input: UpstreamInput): RstDocument[] {
  const texts = [input.rst?.text ?? null, ...(input.neighbours ?? []).map((page) => page.text)];
  return texts.filter((text): text is string => text !== null).map(parsePage);
}

const sectionIn = (pages: RstDocument[], label: string): RstSection | null => {
  for (const page of pages) {
    const section = page.sections.get(label);
    if (section) return section;
  }
  return null;
};

/**
 * The series whose schedule.rst the reader still wants, nearest first (the previous series, then the next): none
 * once every label has its section, or every neighbour's page has been asked for. A cycle's page lacks the
 * previous release's section, which is in the previous page, and now and then a section moved to a neighbour's
 * (`p-ptg0` in ocata's page, `v-summit` in victoria's).
 */
export function neighbourPagesWanted(input: UpstreamInput): string[] {
  const series = slugify(input.series);
  const { previous, next } = neighboursOf(series, byRelease(input.seriesList));
  const asked = new Set((input.neighbours ?? []).map((page) => page.series));
  const wanted = [previous, next]
    .filter((s): s is SeriesRecord => s !== null && !asked.has(s.name))
    .map((s) => s.name);
  if (wanted.length === 0) return [];
  const pages = pagesOf(input);
  for (const label of labelsListed(input.doc)) if (!sectionIn(pages, label)) return wanted;
  return [];
}

/** Reads an upstream cycle into a `Timeline`, with every problem and quirk found (quirks are warnings). */
export function readUpstreamSchedule(input: UpstreamInput): ParseResult {
  const { doc } = input;
  const series = slugify(input.series) || 'upstream';
  const findings: Findings = {
    problems: [],
    warnings: [],
    at: (path) => {
      const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
      const line = input.lineOf?.(path) ?? null;
      return line === null ? text : `${text} (line ${line})`;
    },
  };
  const { warnings } = findings;
  if (!isRecord(doc) || !Array.isArray(doc.cycle)) {
    return { ok: false, problems: [{ path: 'cycle', message: 'expected a list of weeks' }], warnings };
  }
  const { releaseWeek: releaseWeekGiven, startWeek } = readCycleWeeks(doc, findings);
  const rows = readRows(doc.cycle, findings);
  if (findings.problems.length > 0) return { ok: false, problems: findings.problems, warnings };

  const ordered = byRelease(input.seriesList);
  const { own, previous } = neighboursOf(series, ordered);
  const releaseWeek = releaseWeekOf(rows, releaseWeekGiven, own?.initialRelease ?? null, findings);
  const weekNames = nameRows(rows, { releaseWeek, startWeek, previous }, findings);
  const rst = input.rst ? parsePage(input.rst.text) : null;
  const pages = pagesOf(input);
  const { events, eventAt } = readEvents(
    {
      series,
      rows,
      rst,
      sectionOf: (label) => sectionIn(pages, label),
      rstFile: input.rst?.file ?? 'schedule.rst',
      ordered,
      own,
      weekName: (row) => weekNames.get(row)?.name ?? null,
      prose: input.prose !== false,
    },
    findings,
  );

  const ids = new Set(events.map((e) => e.id as string));
  const parsed = parseTimeline({
    series,
    title: rst?.title ?? `OpenStack ${capitalise(series)}`,
    releaseId: own?.releaseId ?? releaseIdIn(rst?.title ?? null, series),
    ...(releaseWeek ? { releaseWeek } : {}),
    phases: derivePhases(ids, series.charAt(0), releasesOf(events, series)),
    events,
  });
  const weeks: NamedWeek[] = rows.map((row) => ({
    name: weekNames.get(row)?.name ?? row.start,
    upstream: weekNames.get(row)?.upstream ?? false,
    start: row.start,
    end: row.end,
    events: row.labels.flatMap(({ label }) => eventAt.get(row)?.get(label) ?? []),
  }));
  const allWarnings: Problem[] = [...warnings, ...parsed.warnings];
  if (!parsed.ok) return { ...parsed, warnings: allWarnings };
  return { ok: true, timeline: { ...parsed.timeline, weeks }, warnings: allWarnings };
}

/**
 * The release id a page's title gives its series ("2027.2 Jacaranda Release Schedule"), for a cycle the series
 * list does not have yet.
 */
function releaseIdIn(title: string | null, series: string): string | null {
  const id = title === null ? null : /^(\d{4}\.\d)\s+(\S+)/.exec(title);
  return id && slugify(id[2] as string) === series ? (id[1] as string) : null;
}

/**
 * This series' release (`-final`, or `-release` up to stein) and the previous series' (another initial's, the
 * latest before this one's), as event ids.
 */
function releasesOf(
  events: Record<string, unknown>[],
  series: string,
): { own: string | null; previous: string | null } {
  const releases = events.filter((e) => isReleaseLabel(e.id as string));
  const own = releases.find((e) => splitLabel(e.id as string).initial === series.charAt(0)) ?? null;
  const before = releases
    .filter((e) => e !== own && (own === null || (e.start as string) < (own.start as string)))
    .sort((a, b) => ((a.start as string) < (b.start as string) ? -1 : 1));
  return { own: (own?.id as string) ?? null, previous: (before[before.length - 1]?.id as string) ?? null };
}

/**
 * Not started until the previous release, development until feature freeze, feature freeze until RC1, release
 * candidates until this release, then released.
 */
function derivePhases(
  ids: Set<string>,
  initial: string,
  releases: { own: string | null; previous: string | null },
): PhaseDefinition[] {
  const prevFinal = releases.previous;
  const steps: { id: string; name: string; event: string | null }[] = [
    { id: 'development', name: 'Development', event: prevFinal },
    { id: 'feature-freeze', name: 'Feature freeze', event: `${initial}-ff` },
    { id: 'release-candidate', name: 'Release candidates', event: `${initial}-rc1` },
    { id: 'released', name: 'Released', event: releases.own },
  ].filter((s, i) => (s.event === null ? i === 0 : ids.has(s.event)));
  // The previous release is an event, so Development (opened by it) is never left out when there is one.
  return phaseChain([
    ...(prevFinal ? [{ id: 'not-started', name: 'Not started', from: null }] : []),
    ...steps.map((step) => ({ id: step.id, name: step.name, from: step.event })),
  ]);
}
