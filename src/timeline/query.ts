// Pure questions about a timeline on a given day. `today` is always passed in; nothing here reads a clock.
import { addDays, type Day, dayNumber, daysBetween, mondayNumber } from './day.js';
import type { Kind, Timeline, TimelineEvent } from './types.js';

export type Status = 'past' | 'current' | 'upcoming';

/** The schedule's order: by start, then end, then position in the file. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.index - b.index;
}

/** Calendar days from `today` to the event's first day: 1 the day before, 0 on the day, -1 the day after. */
export function daysUntil(event: TimelineEvent, today: Day): number {
  return daysBetween(today, event.start);
}

export function statusOf(event: TimelineEvent, today: Day): Status {
  if (event.end < today) return 'past';
  if (event.start <= today) return 'current';
  return 'upcoming';
}

/** Length in days, counting both ends. */
export function lengthInDays(event: { start: Day; end: Day }): number {
  return daysBetween(event.start, event.end) + 1;
}

/** "R-6", "R+0", "R+3": Mondays counted from the release week; null without a release. */
export function weekLabel(releaseWeek: Day | null, day: Day): string | null {
  if (releaseWeek === null) return null;
  const weeks = Math.round((mondayNumber(dayNumber(day)) - dayNumber(releaseWeek)) / 7);
  return weeks < 0 ? `R${weeks}` : `R+${weeks}`;
}

export function filterByKind(events: TimelineEvent[], kinds: readonly Kind[]): TimelineEvent[] {
  return kinds.length === 0 ? events : events.filter((e) => kinds.includes(e.kind));
}

/** Events that have not ended: running or still to come. */
export function upcomingEvents(events: TimelineEvent[], today: Day): TimelineEvent[] {
  return events.filter((e) => e.end >= today);
}

/** Events that begin on or after today, in schedule order. */
export function nextEvents(events: TimelineEvent[], today: Day, count = 1): TimelineEvent[] {
  return events.filter((e) => e.start >= today).slice(0, count);
}

export function normaliseName(text: string): string {
  return text.trim().toLowerCase();
}

/** Finds an event by id or alias, case-insensitively. */
export function findEvent(timeline: Timeline, name: string): TimelineEvent | undefined {
  const wanted = normaliseName(name);
  return (
    timeline.events.find((e) => e.id === wanted) ?? timeline.events.find((e) => e.aliases.includes(wanted))
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The ids and aliases closest to `name`, best first, for "did you mean ...?". */
export function suggestNames(timeline: Timeline, name: string, limit = 3): string[] {
  return closestNames(
    timeline.events.flatMap((e) => [e.id, ...e.aliases]),
    name,
    limit,
  );
}

/** The candidates closest to `name` (by edit distance, or sharing a prefix), best first. */
export function closestNames(candidates: string[], name: string, limit = 3): string[] {
  const wanted = normaliseName(name);
  return candidates
    .map((candidate) => {
      let score = editDistance(wanted, candidate);
      if (wanted.length >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate))) {
        score = Math.min(score, 1);
      }
      return { candidate, score };
    })
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

export interface PhaseSpan {
  id: string;
  name: string;
  /** First day; null for an open beginning. */
  start: Day | null;
  /** Last day (inclusive); null for an open end. */
  end: Day | null;
  /** The event that ends the phase, if any. */
  until: TimelineEvent | null;
}

/** The phases with their dates, in order. */
export function phaseSpans(timeline: Timeline): PhaseSpan[] {
  if (timeline.phases.length === 0) return [];
  const byId = new Map(timeline.events.map((e) => [e.id, e]));
  return timeline.phases.map((phase) => {
    const from = phase.from ? (byId.get(phase.from) ?? null) : null;
    const until = phase.until ? (byId.get(phase.until) ?? null) : null;
    return {
      id: phase.id,
      name: phase.name,
      start: from ? from.start : null,
      end: until ? addDays(until.start, -1) : null,
      until,
    };
  });
}

/** The phase holding `today`, and the one after it. */
export function phaseAt(timeline: Timeline, today: Day): { phase: PhaseSpan; next: PhaseSpan | null } | null {
  const spans = phaseSpans(timeline);
  const index = spans.findIndex(
    (s) => (s.start === null || s.start <= today) && (s.end === null || today <= s.end),
  );
  if (index < 0) return null;
  return { phase: spans[index] as PhaseSpan, next: spans[index + 1] ?? null };
}

/** The cycle's release: the event whose id or alias is `release`. */
export function releaseEvent(events: readonly TimelineEvent[]): TimelineEvent | undefined {
  return events.find((e) => e.id === 'release' || e.aliases.includes('release'));
}

/** The first day of the first dated phase (Juno: the Icehouse release), or null. */
export function firstPhaseDay(timeline: Timeline): Day | null {
  return phaseSpans(timeline).find((s) => s.start !== null)?.start ?? null;
}

/** The cycle from the opening of its first dated phase to its release; null when the timeline lacks either. */
export function cycleSpan(timeline: Timeline): { start: Day; end: Day } | null {
  const release = releaseEvent(timeline.events);
  const opening = firstPhaseDay(timeline);
  if (!release || opening === null || opening >= release.start) return null;
  return { start: opening, end: release.start };
}

/** How far through the cycle (see `cycleSpan`) `today` is, from 0 to 1; null without a cycle. */
export function cycleProgress(timeline: Timeline, today: Day): number | null {
  const span = cycleSpan(timeline);
  if (!span) return null;
  const fraction = daysBetween(span.start, today) / daysBetween(span.start, span.end);
  return Math.min(1, Math.max(0, fraction));
}
