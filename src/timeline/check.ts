// `juno check`: conditions on today relative to events, for CI gates.
import { addDays, type Day, daysBetween, longDay } from './day.js';
import type { TimelineEvent } from './types.js';

export const CONDITIONS = ['before', 'until', 'after'] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface CheckRequest {
  condition: Condition;
  event: TimelineEvent;
}

export interface CheckResult {
  condition: Condition;
  event: string;
  ok: boolean;
  /** Holds, but its boundary is within the warning window. */
  warning: boolean;
  /**
   * Calendar days from today to the day the answer changes: for `before`, the event's first day; for `until`,
   * the day after its last day; for `after`, its first day (zero or negative once it holds).
   */
  daysLeft: number;
  message: string;
}

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

function ago(count: number): string {
  return count === 0 ? 'today' : count === 1 ? 'yesterday' : `${days(count)} ago`;
}

function ahead(count: number): string {
  return count === 1 ? 'tomorrow' : `in ${days(count)}`;
}

/** Evaluates one condition on `today`; `warnWithin` days is the warning window (null: never warn). */
export function evaluate(request: CheckRequest, today: Day, warnWithin: number | null): CheckResult {
  const { condition, event } = request;
  const name = event.name;
  let ok: boolean;
  let daysLeft: number;
  let message: string;
  switch (condition) {
    case 'before':
      daysLeft = daysBetween(today, event.start);
      ok = daysLeft > 0;
      message = ok
        ? `${name} is ${ahead(daysLeft)} (${longDay(event.start)}): ${days(daysLeft)} left before it`
        : `${name} began ${ago(-daysLeft)} (${longDay(event.start)})`;
      break;
    case 'until':
      daysLeft = daysBetween(today, addDays(event.end, 1));
      ok = daysLeft > 0;
      message = ok
        ? `${name} ${event.end === event.start ? 'is' : 'lasts until'} ${longDay(event.end)}: ${days(daysLeft)} left, today included`
        : `${name} ended ${ago(-daysBetween(today, event.end))} (${longDay(event.end)})`;
      break;
    case 'after':
      daysLeft = daysBetween(today, event.start);
      ok = daysLeft <= 0;
      message = ok
        ? `${name} began ${ago(-daysLeft)} (${longDay(event.start)})`
        : `${name} has not begun: it is ${ahead(daysLeft)} (${longDay(event.start)})`;
      break;
  }
  const warning = ok && condition !== 'after' && warnWithin !== null && daysLeft <= warnWithin;
  return { condition, event: event.id, ok, warning, daysLeft, message };
}
