import type { Day } from './day.js';

export const KINDS = ['milestone', 'freeze', 'deadline', 'rc', 'release', 'summit', 'eol', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export const CONFIDENCES = ['confirmed', 'approximate', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface TimelineEvent {
  id: string;
  name: string;
  kind: Kind;
  start: Day;
  /** Inclusive last day; equal to `start` for one-day events. */
  end: Day;
  title: string | null;
  description: string | null;
  confidence: Confidence | null;
  sources: string[];
  notes: string | null;
  aliases: string[];
  location: string | null;
  project: string | null;
  url: string | null;
  sequence: number;
  updated: string | null;
  /**
   * The name the source gives the week this event begins in, or null. Views name weeks by `weekName`
   * (timeline/weeks.ts): in juno's format the first name given for a week is that week's name.
   */
  week: string | null;
  /** Position in the source file, the last tie-breaker of the schedule's order. */
  index: number;
}

export interface PhaseDefinition {
  id: string;
  name: string;
  /** The event whose first day opens the phase; null for the phase before everything. */
  from: string | null;
  /** The event whose first day ends the phase (exclusive); null for the last phase. */
  until: string | null;
}

export interface ProjectInfo {
  name: string;
  description: string;
}

export interface TimelineInfo {
  projects: {
    integrated: ProjectInfo[];
    incubated: ProjectInfo[];
    applied: ProjectInfo[];
    notes: string | null;
  };
  highlights: string[];
  summits: { event: string; city: string; when: string; attendees: string | null }[];
  context: string[];
}

export interface Timeline {
  series: string;
  title: string | null;
  releaseId: string | null;
  description: string | null;
  updated: string | null;
  /** Monday of week R+0, or null when the timeline has no release. */
  releaseWeek: Day | null;
  phases: PhaseDefinition[];
  /** In schedule order: start, end, then position in the file. */
  events: TimelineEvent[];
  info: TimelineInfo | null;
  /**
   * The weeks as the source names them, in date order: upstream schedules list named weeks (`R-25` … `R+0`);
   * null for juno's own format. Every view names weeks by `weekName` (timeline/weeks.ts), these names first.
   */
  weeks: NamedWeek[] | null;
}

/** A week of an upstream schedule (a row of schedule.yaml) with the events it lists. */
export interface NamedWeek {
  /** Upstream's name (`R-5`); for a row without one, the previous release's week (`Bobcat R+0`). */
  name: string;
  /** True when the name is upstream's own. */
  upstream: boolean;
  /** The row's days as upstream wrote them (usually Monday to Friday). */
  start: Day;
  end: Day;
  /** Ids of the events listed in this week; an event spanning weeks is listed in each. */
  events: string[];
}

/** A problem found while reading a timeline, with the path or line it concerns. */
export interface Problem {
  path: string;
  message: string;
  /** Set when the problem is in another file than the one read (schedule.rst beside schedule.yaml). */
  file?: string;
}
