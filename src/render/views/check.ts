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
  /** The check passed (exit 0): every condition holds, and with `strict` nothing warned either. */
  ok: boolean;
  /** `--strict`: a warning (a condition within the warning window, a warning about the timeline) fails the check. */
  strict: boolean;
  results: CheckResult[];
  /** What reading the timeline warned about (an unknown key, …), each with the file and the place in it. */
  warnings: TimelineWarning[];
}

export interface TimelineWarning {
  file: string;
  path: string;
  message: string;
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
function checkMessage(outcome: CheckOutcome, today: Day): string {
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

function checkResult(outcome: CheckOutcome, today: Day): CheckResult {
  const { condition, ok, warning, daysLeft } = outcome;
  return { condition, event: outcome.event.id, ok, warning, daysLeft, message: checkMessage(outcome, today) };
}

/** How many warnings a check carries: conditions within the warning window and warnings about the timeline. */
export function warningCount(view: Pick<CheckView, 'results' | 'warnings'>): number {
  return view.results.filter((r) => r.warning).length + view.warnings.length;
}

/**
 * Every condition in the order given; `warnWithin` days is the warning window (null: never warn). With `strict`,
 * any warning fails the check.
 */
export function checkView(
  timeline: Timeline,
  today: Day,
  requests: CheckRequest[],
  warnWithin: number | null,
  { strict = false, warnings = [] }: { strict?: boolean; warnings?: TimelineWarning[] } = {},
): CheckView {
  const results = requests.map((r) => checkResult(evaluate(r, today, warnWithin), today));
  const held = results.every((r) => r.ok);
  return {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    today,
    ok: held && !(strict && warningCount({ results, warnings }) > 0),
    strict,
    results,
    warnings,
  };
}
