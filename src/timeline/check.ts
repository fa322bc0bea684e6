// `juno check`: conditions on today relative to events, for CI gates.
import { addDays, type Day, daysBetween } from './day.js';
import type { TimelineEvent } from './types.js';

export const CONDITIONS = ['before', 'until', 'after'] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface CheckRequest {
  condition: Condition;
  event: TimelineEvent;
}

export interface CheckOutcome {
  condition: Condition;
  event: TimelineEvent;
  ok: boolean;
  /** Holds, but its boundary is within the warning window. */
  warning: boolean;
  /**
   * Calendar days from today to the day the answer changes: for `before`, the event's first day; for `until`,
   * the day after its last day; for `after`, its first day (zero or negative once it holds).
   */
  daysLeft: number;
}

/** Evaluates one condition on `today`; `warnWithin` days is the warning window (null: never warn). */
export function evaluate(request: CheckRequest, today: Day, warnWithin: number | null): CheckOutcome {
  const { condition, event } = request;
  const boundary = condition === 'until' ? addDays(event.end, 1) : event.start;
  const daysLeft = daysBetween(today, boundary);
  const ok = condition === 'after' ? daysLeft <= 0 : daysLeft > 0;
  const warning = ok && condition !== 'after' && warnWithin !== null && daysLeft <= warnWithin;
  return { condition, event, ok, warning, daysLeft };
}
