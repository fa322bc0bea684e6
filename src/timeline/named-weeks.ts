// Weeks as a source names them. An upstream schedule carries its named weeks (`Timeline.weeks`); a juno
// timeline's weeks are counted from the release week.
import { addDays, type Day, mondayOf } from './day.js';
import { weekLabel } from './query.js';
import type { Timeline, TimelineEvent } from './types.js';

/** The name of the week holding `day`: the named week that covers it (Monday to Sunday), else R±N. */
export function weekNameAt(timeline: Timeline, day: Day): string | null {
  const week = timeline.weeks?.find((w) => mondayOf(w.start) <= day && day <= addDays(mondayOf(w.end), 6));
  return week ? week.name : weekLabel(timeline.releaseWeek, day);
}

export interface NamedWeekView {
  name: string;
  upstream: boolean;
  start: Day;
  end: Day;
  events: TimelineEvent[];
}

/**
 * Upstream's named weeks with their events, in date order, as releases.openstack.org's calendar shows them
 * (one all-day entry per week, its events in the summary). Empty for a timeline without named weeks.
 */
export function upstreamWeeks(timeline: Timeline): NamedWeekView[] {
  const byId = new Map(timeline.events.map((e) => [e.id, e]));
  return (timeline.weeks ?? []).map((week) => ({
    name: week.name,
    upstream: week.upstream,
    start: week.start,
    end: week.end,
    events: week.events.flatMap((id) => byId.get(id) ?? []),
  }));
}
