// `juno validate`: every problem and warning of the files checked, then one verdict per file.
import { oneLine } from '../timeline/text.js';
import { plural, toJson } from './format.js';
import type { ValidateFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import type { FileReport, ReportedProblem, ValidateView } from './views/validate.js';

export type { ValidateFormat };

const FORMAT_NAMES = {
  juno: 'juno timeline',
  upstream: 'openstack/releases schedule',
  bundled: 'bundled schedule',
  series: 'series list',
} as const;

function line(p: ReportedProblem, severity: string): string {
  return `${[p.file, p.path, severity]
    .filter((part) => part !== '')
    .map(oneLine)
    .join(': ')}: ${oneLine(p.message)}`;
}

function verdict(report: FileReport, style: Style): string {
  const what = report.format ? FORMAT_NAMES[report.format] : 'file';
  const counts: string[] = [];
  if (report.series) counts.push(`series ${report.series}`);
  if (report.entries !== null)
    counts.push(report.format === 'series' ? `${report.entries} series` : plural(report.entries, 'event'));
  if (report.weeks !== null) counts.push(plural(report.weeks, 'named week'));
  const detail = counts.length > 0 ? ` (${counts.join(', ')})` : '';
  const tally = [
    ...(report.valid ? [] : [plural(report.problems.length, 'error')]),
    plural(report.warnings.length, 'warning'),
  ].join(', ');
  return report.valid
    ? `${oneLine(report.file)}: ${style.good('valid')} ${what}${detail}, ${tally}`
    : `${oneLine(report.file)}: ${style.bad('invalid')} ${what}, ${tally}`;
}

function renderText(view: ValidateView, { style }: RenderOptions): string {
  const lines = view.files.flatMap((report) => [
    ...report.problems.map((p) => line(p, style.bad('error'))),
    ...report.warnings.map((p) => line(p, style.warn('warning'))),
    verdict(report, style),
  ]);
  return `${lines.join('\n')}\n`;
}

export const validateRenderers = {
  text: renderText,
  json: (view) => toJson(view),
} satisfies Record<ValidateFormat, Render<ValidateView>>;
