// `juno check`: the report of a CI gate, as text, JSON or GitHub Actions annotations, and the short Markdown
// summary a GitHub Actions job shows on its page (GITHUB_STEP_SUMMARY).
import { oneLine } from '../timeline/text.js';
import { escapeMarkdown, plural, toJson, toMarkdown } from './format.js';
import type { CheckFormat } from './formats.js';
import { type AnnotationLevel, annotation } from './github.js';
import type { Render, RenderOptions } from './render.js';
import { displayWidth, wrapAfterPrefix } from './table.js';
import { type CheckResult, type CheckView, type TimelineWarning, warningCount } from './views/check.js';

const label = (r: CheckResult) => `--${r.condition} ${r.event}`;
const warningText = (w: TimelineWarning) => oneLine(`${w.file}: ${w.path ? `${w.path}: ` : ''}${w.message}`);

/** The last line of the text report: passed or failed, and why. */
function verdict(view: CheckView): string {
  const total = view.results.length;
  const failed = view.results.filter((r) => !r.ok).length;
  if (failed > 0)
    return `${failed} of ${plural(total, 'condition')} do${failed === 1 ? 'es' : ''} not hold on ${view.today}`;
  const holds = total === 1 ? 'the condition holds' : `all ${total} conditions hold`;
  const warned = view.results.filter((r) => r.warning).length;
  const notes = [
    ...(warned > 0 ? [`${warned} within the warning window`] : []),
    ...(view.warnings.length > 0 ? [plural(view.warnings.length, 'timeline warning')] : []),
  ];
  if (!view.ok)
    return `${holds} on ${view.today}, but --strict fails on ${plural(warningCount(view), 'warning')}`;
  return `${holds} on ${view.today}${notes.length > 0 ? `, ${notes.join(', ')}` : ''}`;
}

/**
 * `prefix` then `text`, on a terminal wrapped at word boundaries: the continuation indented by `hang`, the prefix
 * kept as it is (two spaces after a status).
 */
function wrapped(prefix: string, text: string, width: number | null, hang: number): string[] {
  if (width === null) return [`${prefix}${text}`];
  return wrapAfterPrefix(
    prefix,
    text,
    Math.max(10, width - displayWidth(prefix)),
    Math.max(10, width - hang),
    hang,
  );
}

function renderText(view: CheckView, { style, width }: RenderOptions): string {
  const lines = view.results.flatMap((r) => {
    const status = !r.ok ? style.bad('FAIL') : r.warning ? style.warn('WARN') : style.good('PASS');
    return wrapped(`${status}  `, `${label(r)}: ${oneLine(r.message)}`, width, 6);
  });
  for (const w of view.warnings)
    lines.push(...wrapped(`${style.warn('WARN')}  `, `timeline: ${warningText(w)}`, width, 6));
  lines.push(...wrapped(`${view.ok ? style.good('ok') : style.bad('failed')}: `, verdict(view), width, 2));
  return `${lines.join('\n')}\n`;
}

function renderGithub(view: CheckView): string {
  // Under --strict a warning fails the job, and is annotated as the error it then is.
  const warning: AnnotationLevel = view.strict ? 'error' : 'warning';
  const results = view.results.map((r) =>
    annotation(
      !r.ok ? 'error' : r.warning ? warning : 'notice',
      `juno check ${label(r)}`,
      oneLine(r.message),
    ),
  );
  const warnings = view.warnings.map((w) => annotation(warning, 'juno check: timeline', warningText(w)));
  return [...results, ...warnings].join('');
}

/** The Markdown a GitHub Actions job shows on its summary page: the verdict, then a row per condition. */
export function renderStepSummary(view: CheckView): string {
  const heading = `### juno check ${view.ok ? 'passed' : 'failed'}: ${escapeMarkdown(verdict(view))} (${escapeMarkdown(view.series)})`;
  const rows = [
    ...view.results.map((r) => [
      !r.ok ? 'FAIL' : r.warning ? 'WARN' : 'PASS',
      { markdown: `\`--${r.condition}\` ${escapeMarkdown(r.event)}` },
      r.message,
    ]),
    ...view.warnings.map((w) => ['WARN', 'timeline', warningText(w)]),
  ];
  return `${heading}\n\n${toMarkdown(['Result', 'Condition', 'Why'], rows)}\n`;
}

export const checkRenderers = {
  text: renderText,
  json: (view) => toJson(view),
  github: (view) => renderGithub(view),
} satisfies Record<CheckFormat, Render<CheckView>>;
