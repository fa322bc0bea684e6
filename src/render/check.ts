// `juno check`: the report of a CI gate, as text, JSON or GitHub Actions annotations.
import type { CheckOutcome, Condition } from '../timeline/check.js';
import { type Day, daysBetween, longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import type { SCHEMA_VERSION } from '../timeline/view.js';
import { days, daysAgo, daysAhead, toJson } from './format.js';
import type { CheckFormat } from './formats.js';
import type { Style } from './style.js';

export interface CheckJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  ok: boolean;
  results: CheckResult[];
}

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

const label = (r: CheckResult) => `--${r.condition} ${r.event}`;

/** GitHub Actions workflow-command data escaping. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function renderText(json: CheckJson, style: Style): string {
  const lines = json.results.map((r) => {
    const status = !r.ok ? style.bad('FAIL') : r.warning ? style.warn('WARN') : style.good('PASS');
    return `${status}  ${label(r)}: ${oneLine(r.message)}`;
  });
  const failed = json.results.filter((r) => !r.ok).length;
  const warned = json.results.filter((r) => r.warning).length;
  const summary = json.ok
    ? `${style.good('ok')}: ${json.results.length === 1 ? 'the condition holds' : `all ${json.results.length} conditions hold`} on ${json.today}${warned ? `, ${warned} within the warning window` : ''}`
    : `${style.bad('failed')}: ${failed} of ${json.results.length} condition${json.results.length === 1 ? '' : 's'} do${failed === 1 ? 'es' : ''} not hold on ${json.today}`;
  return `${[...lines, summary].join('\n')}\n`;
}

function renderGithub(json: CheckJson): string {
  return json.results
    .map((r) => {
      const command = !r.ok ? 'error' : r.warning ? 'warning' : 'notice';
      const title = escapeProperty(`juno check ${label(r)}`);
      return `::${command} title=${title}::${escapeData(oneLine(r.message))}\n`;
    })
    .join('');
}

export const checkRenderers = {
  text: renderText,
  json: (json) => toJson(json),
  github: (json) => renderGithub(json),
} satisfies Record<CheckFormat, (json: CheckJson, style: Style) => string>;
