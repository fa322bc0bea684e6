// Reading an openstack/releases cycle as it is: `doc/source/<series>/schedule.yaml` (named weeks listing event
// labels) and its sibling `schedule.rst` (a titled section per label, with the exact days in prose). The result
// goes through `parseTimeline`, so an upstream cycle becomes the same `Timeline` as a juno file. Pure: the
// caller reads the files and passes their text in.
import { type ParseResult, parseTimeline } from '../../parse.js';
import type { SeriesRecord } from '../../series.js';
import type { NamedWeek, PhaseDefinition, Problem } from '../../types.js';
import { readEvents } from './events.js';
import { capitalise, slugify } from './labels.js';
import { type Findings, isRecord, nameRows, readCycleWeeks, readRows, releaseWeekOf } from './rows.js';
import { parseRst } from './rst.js';

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

  const ordered = [...input.seriesList].sort((a, b) => (a.initialRelease < b.initialRelease ? -1 : 1));
  const ownIndex = ordered.findIndex((s) => s.name === series);
  const own = ownIndex >= 0 ? (ordered[ownIndex] as SeriesRecord) : null;
  const previous = ownIndex > 0 ? (ordered[ownIndex - 1] as SeriesRecord) : null;
  const releaseWeek = releaseWeekOf(rows, releaseWeekGiven, own?.initialRelease ?? null, findings);
  const weekNames = nameRows(rows, { releaseWeek, startWeek, previous }, findings);
  const rst = input.rst ? parseRst(input.rst.text) : null;
  const { events, eventAt } = readEvents(
    {
      series,
      rows,
      rst,
      rstFile: input.rst?.file ?? 'schedule.rst',
      ordered,
      own,
      weekName: (row) => weekNames.get(row)?.name ?? null,
    },
    findings,
  );

  const ids = new Set(events.map((e) => e.id as string));
  const initial = series.charAt(0);
  const prevFinal = [...ids].find((id) => /^[a-z]-final$/.test(id) && id !== `${initial}-final`) ?? null;
  const parsed = parseTimeline({
    series,
    title: rst?.title ?? `OpenStack ${capitalise(series)}`,
    releaseId: own?.releaseId ?? null,
    ...(releaseWeek ? { releaseWeek } : {}),
    phases: derivePhases(ids, initial, prevFinal),
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
