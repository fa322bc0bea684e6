// `juno check`: the report of a CI gate, as text, JSON or GitHub Actions annotations.
import { oneLine } from '../timeline/text.js';
import { toJson } from './format.js';
import type { CheckFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { CheckResult, CheckView } from './views/check.js';

const label = (r: CheckResult) => `--${r.condition} ${r.event}`;

/** GitHub Actions workflow-command data escaping. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function renderText(view: CheckView, { style }: RenderOptions): string {
  const lines = view.results.map((r) => {
    const status = !r.ok ? style.bad('FAIL') : r.warning ? style.warn('WARN') : style.good('PASS');
    return `${status}  ${label(r)}: ${oneLine(r.message)}`;
  });
  const failed = view.results.filter((r) => !r.ok).length;
  const warned = view.results.filter((r) => r.warning).length;
  const summary = view.ok
    ? `${style.good('ok')}: ${view.results.length === 1 ? 'the condition holds' : `all ${view.results.length} conditions hold`} on ${view.today}${warned ? `, ${warned} within the warning window` : ''}`
    : `${style.bad('failed')}: ${failed} of ${view.results.length} condition${view.results.length === 1 ? '' : 's'} do${failed === 1 ? 'es' : ''} not hold on ${view.today}`;
  return `${[...lines, summary].join('\n')}\n`;
}

function renderGithub(view: CheckView): string {
  return view.results
    .map((r) => {
      const command = !r.ok ? 'error' : r.warning ? 'warning' : 'notice';
      const title = escapeProperty(`juno check ${label(r)}`);
      return `::${command} title=${title}::${escapeData(oneLine(r.message))}\n`;
    })
    .join('');
}

export const checkRenderers = {
  text: renderText,
  json: (view) => toJson(view),
  github: (view) => renderGithub(view),
} satisfies Record<CheckFormat, Render<CheckView>>;
