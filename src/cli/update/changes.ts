// What an update changes, as a release manager would say it: series added or gone, a release or end of life
// moved, a schedule published, events moved (`indri i-2: Thu 7 Jan 2027 → Thu 14 Jan 2027`), added or dropped.
// Pure: both sides are given whole.
import { dayRange, longDay } from '../../timeline/day.js';
import { eventsById } from '../../timeline/revise.js';
import type { SeriesRecord } from '../../timeline/series.js';
import type { Timeline, TimelineEvent } from '../../timeline/types.js';

/** The data on one side of an update: the series list and the week-by-week schedules, by series. */
export interface DataSide {
  series: readonly SeriesRecord[];
  schedules: ReadonlyMap<string, Timeline>;
}

const when = (event: Pick<TimelineEvent, 'start' | 'end'>) => dayRange(event.start, event.end);
const dayOrNone = (day: string | null) => (day === null ? 'none' : longDay(day));
const seriesLabel = (s: SeriesRecord) => (s.releaseId ? `${s.releaseId} ${s.name}` : s.name);

/** The events of one series that moved, came or went. */
export function scheduleChanges(series: string, before: Timeline, after: Timeline): string[] {
  const lines: string[] = [];
  const old = eventsById(before.events);
  const fresh = eventsById(after.events);
  for (const [id, events] of fresh) {
    const was = old.get(id) ?? [];
    events.forEach((event, i) => {
      const previous = was[i];
      if (previous === undefined) lines.push(`${series} ${id}: new, ${when(event)}`);
      else if (previous.start !== event.start || previous.end !== event.end)
        lines.push(`${series} ${id}: ${when(previous)} → ${when(event)}`);
    });
    for (const gone of was.slice(events.length)) lines.push(`${series} ${id}: ${when(gone)}, dropped`);
  }
  for (const [id, events] of old) {
    if (fresh.has(id)) continue;
    for (const gone of events) lines.push(`${series} ${id}: ${when(gone)}, dropped`);
  }
  return lines;
}

/** A series' own dates and status as the list gives them, changed. */
function recordChanges(before: SeriesRecord, after: SeriesRecord): string[] {
  const lines: string[] = [];
  const name = after.name;
  if (before.initialRelease !== after.initialRelease)
    lines.push(`${name} release: ${longDay(before.initialRelease)} → ${longDay(after.initialRelease)}`);
  if (before.eolDate !== after.eolDate)
    lines.push(`${name} end of life: ${dayOrNone(before.eolDate)} → ${dayOrNone(after.eolDate)}`);
  if (before.status !== after.status) lines.push(`${name} status: ${before.status} → ${after.status}`);
  if (before.releaseId !== after.releaseId)
    lines.push(`${name} release id: ${before.releaseId ?? 'none'} → ${after.releaseId ?? 'none'}`);
  return lines;
}

/** Every change from `before` to `after`, one line each, newest series first as upstream lists them. */
export function dataChanges(before: DataSide, after: DataSide): string[] {
  const lines: string[] = [];
  const oldSeries = new Map(before.series.map((s) => [s.name, s]));
  const newNames = new Set(after.series.map((s) => s.name));
  for (const record of after.series) {
    const was = oldSeries.get(record.name);
    if (was === undefined)
      lines.push(`series added: ${seriesLabel(record)}, release ${longDay(record.initialRelease)}`);
    else lines.push(...recordChanges(was, record));
    const schedule = after.schedules.get(record.name);
    const previous = before.schedules.get(record.name);
    if (schedule && previous) lines.push(...scheduleChanges(record.name, previous, schedule));
    else if (schedule) lines.push(`${record.name}: schedule published, ${schedule.events.length} events`);
    else if (previous) lines.push(`${record.name}: schedule withdrawn upstream`);
  }
  for (const record of before.series)
    if (!newNames.has(record.name)) lines.push(`series removed: ${seriesLabel(record)}`);
  return lines;
}
