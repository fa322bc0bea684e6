// Reading an openstack/releases cycle as it is: `doc/source/<series>/schedule.yaml` (named weeks listing event
// labels) and its sibling `schedule.rst` (a titled section per label, with the exact days in prose). The result
// goes through `parseTimeline`, so an upstream cycle becomes the same `Timeline` as a juno file. Pure: the
// caller reads the files and passes their text in.
import type { Day } from '../../day.js';
import { type ParseResult, parseTimeline } from '../../parse.js';
import { weekLabel } from '../../query.js';
import type { SeriesRecord } from '../../series.js';
import type { NamedWeek, PhaseDefinition, Problem } from '../../types.js';
import { readEvents } from './events.js';
import { capitalise, slugify } from './labels.js';
import { type Findings, isRecord, type Row, readCycleWeeks, readRows } from './rows.js';
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
  const { releaseWeek, startWeek } = readCycleWeeks(doc, findings);
  const rows = readRows(doc.cycle, findings);
  if (findings.problems.length > 0) return { ok: false, problems: findings.problems, warnings };

  const ordered = [...input.seriesList].sort((a, b) => (a.initialRelease < b.initialRelease ? -1 : 1));
  const ownIndex = ordered.findIndex((s) => s.name === series);
  const own = ownIndex >= 0 ? (ordered[ownIndex] as SeriesRecord) : null;
  const previous = ownIndex > 0 ? (ordered[ownIndex - 1] as SeriesRecord) : null;
  const weekNames = nameWeeks(rows, { releaseWeek, startWeek, previous }, findings);
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

/**
 * Each row's name: upstream's, else the previous release's week for a row before the cycle, else counted from
 * the release week. A row in the cycle without a name is warned of.
 */
function nameWeeks(
  rows: Row[],
  cycle: { releaseWeek: Day | null; startWeek: Day | null; previous: SeriesRecord | null },
  { warnings, at }: Findings,
): Map<Row, { name: string; upstream: boolean }> {
  const names = new Map<Row, { name: string; upstream: boolean }>();
  for (const row of rows) {
    if (row.name !== null) {
      names.set(row, { name: row.name, upstream: true });
      continue;
    }
    const beforeCycle = cycle.startWeek !== null ? row.start < cycle.startWeek : row === rows[0];
    const counted = weekLabel(cycle.releaseWeek, row.start);
    const name =
      beforeCycle && cycle.previous
        ? `${capitalise(cycle.previous.name)} R+0`
        : (counted ?? `week of ${row.start}`);
    names.set(row, { name, upstream: false });
    if (!beforeCycle)
      warnings.push({ path: at(['cycle', row.index]), message: `a week without a name; shown as ${name}` });
  }
  return names;
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
