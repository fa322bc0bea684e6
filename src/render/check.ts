// `juno check`: the report of a CI gate, as text, JSON or GitHub Actions annotations.
import type { CheckResult } from '../timeline/check.js';
import type { Day } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import type { SCHEMA_VERSION } from '../timeline/view.js';
import { toJson } from './format.js';
import type { CheckFormat } from './formats.js';
import type { Style } from './style.js';

export interface CheckJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  ok: boolean;
  results: CheckResult[];
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
