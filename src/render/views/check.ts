// What `juno check` reports: each condition on today, whether it holds, and why, in a sentence.
import { type CheckOutcome, type CheckRequest, type Condition, evaluate } from '../../timeline/check.js';
import { type Day, daysBetween, longDay } from '../../timeline/day.js';
import type { Timeline } from '../../timeline/types.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import { days, daysAgo, daysAhead } from '../format.js';

/** `juno check --format json`: the view is the contract. */
export interface CheckView {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  ok: boolean;
  results: CheckResult[];
}

export type CheckJson = CheckView;

export interface CheckResult {
  condition: Condition;
  event: string;
  ok: boolean;
  warning: boolean;
  daysLeft: number;
  message: string;
}

/** Why a condition holds or not, in a sentence. */
export function checkMessage(outcome: CheckOutcome, today: Day): string {
  const { event, daysLeft } = outcome;
  const name = event.name;
  switch (outcome.condition) {
    case 'before':
      return outcome.ok
        ? `${name} is ${daysAhead(daysLeft)} (${longDay(event.start)}): ${days(daysLeft)} left before it`
        : `${name} began ${daysAgo(-daysLeft)} (${longDay(event.start)})`;
    case 'until':
      return outcome.ok
        ? `${name} ${event.end === event.start ? 'is' : 'lasts until'} ${longDay(event.end)}: ${days(daysLeft)} left, today included`
        : `${name} ended ${daysAgo(-daysBetween(today, event.end))} (${longDay(event.end)})`;
    case 'after':
      return outcome.ok
        ? `${name} began ${daysAgo(-daysLeft)} (${longDay(event.start)})`
        : `${name} has not begun: it is ${daysAhead(daysLeft)} (${longDay(event.start)})`;
  }
}

export function checkResult(outcome: CheckOutcome, today: Day): CheckResult {
  const { condition, ok, warning, daysLeft } = outcome;
  return { condition, event: outcome.event.id, ok, warning, daysLeft, message: checkMessage(outcome, today) };
}

/** Every condition in the order given; `warnWithin` days is the warning window (null: never warn). */
export function checkView(
  timeline: Timeline,
  today: Day,
  requests: CheckRequest[],
  warnWithin: number | null,
): CheckView {
  const results = requests.map((r) => checkResult(evaluate(r, today, warnWithin), today));
  return {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    today,
    ok: results.every((r) => r.ok),
    results,
  };
}
