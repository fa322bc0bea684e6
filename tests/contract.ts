// juno's JSON output as a script sees it: the documented contract, written from the outside so that the tests
// check what juno prints, not whatever type the source happens to declare today. Only the fields tests read.

export interface PhaseRef {
  id: string;
  name: string;
  start: string | null;
  end: string | null;
}

/** An event as schedule, next and countdown give it. */
export interface EventJson {
  id: string;
  name: string;
  kind: string;
  start: string;
  end: string;
  week: string | null;
  daysUntil: number;
  status: 'past' | 'current' | 'upcoming';
  confidence: string | null;
  project: string | null;
  location: string | null;
  aliases: string[];
  sources: string[];
  notes: string | null;
}

export interface ScheduleJson {
  schemaVersion: 1;
  series: string;
  title: string | null;
  today: string;
  phase: PhaseRef | null;
  events: EventJson[];
}

export interface WeeksJson {
  schemaVersion: 1;
  series: string;
  today: string;
  weeks: { name: string; start: string; end: string; current: boolean; events: string[] }[];
}

export interface SeriesJson {
  schemaVersion: 1;
  today: string;
  series: {
    name: string;
    releaseId: string | null;
    release: string;
    eol: string | null;
    status: string;
    slurp: boolean;
    planned: { release: boolean; eol: boolean };
  }[];
}

export interface ValidateJson {
  schemaVersion: 1;
  valid: boolean;
  files: {
    file: string;
    format: string;
    series: string;
    entries: number;
    weeks: number;
    problems: { file: string; path: string; message: string }[];
    warnings: { file: string; path: string; message: string }[];
  }[];
}

export interface CountdownJson {
  schemaVersion: 1;
  series: string;
  today: string;
  event: EventJson;
}

export interface NextJson {
  schemaVersion: 1;
  series: string;
  today: string;
  event?: EventJson;
  events?: EventJson[];
}

export interface PhaseJson {
  schemaVersion: 1;
  series: string;
  today: string;
  phase: PhaseRef;
  next: { id: string; name: string; start: string | null } | null;
}

export interface CheckJson {
  schemaVersion: 1;
  series: string;
  today: string;
  ok: boolean;
  results: {
    condition: string;
    event: string;
    ok: boolean;
    warning: boolean;
    daysLeft: number;
    message: string;
  }[];
}
