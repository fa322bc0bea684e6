// `juno validate`: every problem and warning of the files checked, then one verdict per file.
import { oneLine } from '../timeline/text.js';
import type { Problem } from '../timeline/types.js';
import { SCHEMA_VERSION } from '../timeline/view.js';
import { plural, toJson } from './format.js';
import type { ValidateFormat } from './formats.js';
import type { Style } from './style.js';

export type { ValidateFormat };

/** A problem or warning as reported: the file it is in and where in it. */
export interface ReportedProblem {
  file: string;
  /** A path (`events[3].start`, `cycle[12]`) and/or a line; empty when it concerns the whole file. */
  path: string;
  message: string;
}

export interface FileReport {
  file: string;
  /** What the file was read as. */
  format: 'juno' | 'upstream' | 'series' | null;
  valid: boolean;
  series: string | null;
  /** How many entries were read (a timeline's events, the series list's series), when it could be read. */
  entries: number | null;
  weeks: number | null;
  problems: ReportedProblem[];
  warnings: ReportedProblem[];
}

export interface ValidateJson {
  schemaVersion: typeof SCHEMA_VERSION;
  valid: boolean;
  files: FileReport[];
}

export function reported(file: string, problem: Problem): ReportedProblem {
  return { file: problem.file ?? file, path: problem.path, message: problem.message };
}

const FORMAT_NAMES = {
  juno: 'juno timeline',
  upstream: 'openstack/releases schedule',
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

export function renderValidate(reports: FileReport[], format: ValidateFormat, style: Style): string {
  if (format === 'json') {
    return toJson({
      schemaVersion: SCHEMA_VERSION,
      valid: reports.every((r) => r.valid),
      files: reports,
    } satisfies ValidateJson);
  }
  const lines = reports.flatMap((report) => [
    ...report.problems.map((p) => line(p, style.bad('error'))),
    ...report.warnings.map((p) => line(p, style.warn('warning'))),
    verdict(report, style),
  ]);
  return `${lines.join('\n')}\n`;
}
