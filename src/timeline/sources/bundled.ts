// The schedules juno bundles (data/series/<series>.json) and `juno update` writes: an upstream cycle as juno's
// importer read it, without upstream's prose, in a versioned shape. The timeline is juno's own format, read by
// `parseTimeline`; the weeks upstream names sit beside it. Also the timeline of a series without a week-by-week
// schedule, made from its entry in the series list alone.
import { seriesTitle } from '../choose.js';
import { type Day, isDay, mondayOf } from '../day.js';
import { isRecord } from '../fields.js';
import { type ParseResult, parseTimeline, phaseChain } from '../parse.js';
import { byRelease, eolOf, SERIES_STATUS_LINK, type SeriesRecord } from '../series.js';
import type { NamedWeek, Problem, Timeline, TimelineEvent } from '../types.js';
import type { TimelineSource } from './source.js';

export const BUNDLED_FORMAT = 'juno-series';
export const BUNDLED_VERSION = 1;

/** True for a bundled schedule: `{"format": "juno-series", …}`, whatever its version. */
export function isBundledSeries(value: unknown): boolean {
  return isRecord(value) && value.format === BUNDLED_FORMAT;
}

/** An event as juno's format writes it, leaving out what is empty and the position, which order gives. */
function compactEvent(event: TimelineEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === 'index' || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'sequence' && value === 0) continue;
    out[key] = value;
  }
  return out;
}

/**
 * A timeline as a bundled file's content: compact JSON, one event and one week to a line. The caller keeps prose
 * out of the timeline (the importer's `prose: false`); this writes what it is given.
 */
export function serializeBundled(timeline: Timeline): string {
  const { series, title, releaseId, updated, releaseWeek, phases, events, weeks } = timeline;
  const head = {
    series,
    title,
    releaseId,
    ...(updated ? { updated } : {}),
    ...(releaseWeek ? { releaseWeek } : {}),
    phases,
  };
  const lines = (items: unknown[]) => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  const weekList = (weeks ?? []).map(({ upstream, ...week }) => (upstream ? week : { ...week, upstream }));
  return [
    `{"format":"${BUNDLED_FORMAT}","version":${BUNDLED_VERSION},`,
    ` "timeline":${JSON.stringify(head).slice(0, -1)},"events":[`,
    lines(events.map(compactEvent)),
    '  ]},',
    ' "weeks":[',
    lines(weekList),
    ' ]}',
    '',
  ].join('\n');
}

/** The weeks of a bundled file, checked against the timeline's events. */
function readWeeks(raw: unknown, ids: Set<string>, problems: Problem[]): NamedWeek[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) {
    problems.push({ path: 'weeks', message: 'expected a list of weeks' });
    return null;
  }
  const weeks: NamedWeek[] = [];
  raw.forEach((week: unknown, i) => {
    const path = `weeks[${i}]`;
    if (
      !isRecord(week) ||
      typeof week.name !== 'string' ||
      !isDay(week.start) ||
      !isDay(week.end) ||
      week.end < week.start ||
      !Array.isArray(week.events) ||
      (week.upstream !== undefined && typeof week.upstream !== 'boolean')
    ) {
      problems.push({ path, message: 'expected { name, start, end: YYYY-MM-DD, events: [ids], upstream? }' });
      return;
    }
    const unknown = week.events.find((id) => typeof id !== 'string' || !ids.has(id));
    if (unknown !== undefined) {
      problems.push({ path: `${path}.events`, message: `no event "${String(unknown)}" in the timeline` });
      return;
    }
    const { name, start, end } = week;
    weeks.push({ name, upstream: week.upstream !== false, start, end, events: week.events as string[] });
  });
  return weeks;
}

/** A bundled file's content as a timeline, or every problem found. */
export function readBundled(value: unknown): ParseResult {
  if (!isRecord(value) || value.format !== BUNDLED_FORMAT)
    return {
      ok: false,
      problems: [{ path: 'format', message: `expected "${BUNDLED_FORMAT}"` }],
      warnings: [],
    };
  if (value.version !== BUNDLED_VERSION) {
    const message = `version ${JSON.stringify(value.version)} is not one this juno reads (${BUNDLED_VERSION}); update juno, or run juno update --reset`;
    return { ok: false, problems: [{ path: 'version', message }], warnings: [] };
  }
  const parsed = parseTimeline(value.timeline);
  const prefix = (p: Problem): Problem => ({ ...p, path: p.path ? `timeline.${p.path}` : 'timeline' });
  if (!parsed.ok)
    return { ok: false, problems: parsed.problems.map(prefix), warnings: parsed.warnings.map(prefix) };
  const problems: Problem[] = [];
  const weeks = readWeeks(value.weeks, new Set(parsed.timeline.events.map((e) => e.id)), problems);
  if (problems.length > 0) return { ok: false, problems, warnings: parsed.warnings.map(prefix) };
  return { ok: true, timeline: { ...parsed.timeline, weeks }, warnings: parsed.warnings.map(prefix) };
}

export const bundledSource: TimelineSource = {
  format: 'bundled',
  detect: isBundledSeries,
  read: async ({ value }) => readBundled(value),
};

/** A series' release as an event: `<initial>-release`, as upstream labels releases up to stein. */
function releaseEvent(series: SeriesRecord, own: boolean): Record<string, unknown> {
  return {
    id: `${series.name.charAt(0)}-release`,
    name: `${seriesTitle(series)} release`,
    kind: 'release',
    start: series.initialRelease,
    end: series.initialRelease,
    confidence: 'confirmed',
    ...(own ? { aliases: ['release', 'final'] } : {}),
    sources: [SERIES_STATUS_LINK],
  };
}

/**
 * The timeline of a series upstream gives no week-by-week schedule for (austin … newton): the previous series'
 * release, which opens its development, its own release and its end of life, from the series list alone. Null
 * when the list has no such series.
 */
export function listedTimeline(list: readonly SeriesRecord[], name: string): Timeline | null {
  const ordered = byRelease(list);
  const index = ordered.findIndex((s) => s.name === name);
  const series = ordered[index];
  if (series === undefined) return null;
  const previous = ordered[index - 1];
  // Two series of one initial (a future one wrapping the alphabet) would share an id: the previous one's goes.
  const before = previous && previous.name.charAt(0) !== series.name.charAt(0) ? previous : undefined;
  const eol: Day | null = eolOf(series);
  const own = releaseEvent(series, true);
  const events: Record<string, unknown>[] = [
    ...(before ? [releaseEvent(before, false)] : []),
    own,
    ...(eol
      ? [
          {
            id: `${series.name}-eol`,
            name: `${seriesTitle(series)} end of life`,
            kind: 'eol',
            start: eol,
            end: eol,
            confidence: 'confirmed',
            aliases: ['eol'],
            sources: [SERIES_STATUS_LINK],
          },
        ]
      : []),
  ];
  const phases = phaseChain([
    { id: 'not-started', name: 'Not started', from: null },
    ...(before ? [{ id: 'development', name: 'Development', from: `${before.name.charAt(0)}-release` }] : []),
    { id: 'released', name: 'Released', from: own.id as string },
    ...(eol ? [{ id: 'end-of-life', name: 'End of life', from: `${series.name}-eol` }] : []),
  ]);
  const parsed = parseTimeline({
    series: series.name,
    title: `OpenStack ${seriesTitle(series)}`,
    releaseId: series.releaseId,
    releaseWeek: mondayOf(series.initialRelease),
    phases,
    events,
  });
  return parsed.ok ? { ...parsed.timeline, weeks: null } : null;
}
