// What `juno validate` reports: every problem and warning of the files checked, and a verdict per file.
import type { Problem } from '../../timeline/types.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';

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
  format: 'juno' | 'upstream' | 'bundled' | 'series' | null;
  valid: boolean;
  series: string | null;
  /** How many entries were read (a timeline's events, the series list's series), when it could be read. */
  entries: number | null;
  weeks: number | null;
  problems: ReportedProblem[];
  warnings: ReportedProblem[];
}

/** `juno validate --format json`: the view is the contract. */
export interface ValidateView {
  schemaVersion: typeof SCHEMA_VERSION;
  valid: boolean;
  files: FileReport[];
}

export type ValidateJson = ValidateView;

export function reported(file: string, problem: Problem): ReportedProblem {
  return { file: problem.file ?? file, path: problem.path, message: problem.message };
}

export function validateView(reports: FileReport[]): ValidateView {
  return { schemaVersion: SCHEMA_VERSION, valid: reports.every((r) => r.valid), files: reports };
}
