// What `juno phase` shows: the phase of the cycle today, since when, and what ends it.
import type { Day } from '../../timeline/day.js';
import { phaseAt } from '../../timeline/query.js';
import type { Timeline } from '../../timeline/types.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import type { Selection } from '../render.js';

/** `juno phase --format json`: the versioned contract; `phase` is null when no phase covers today. */
export interface PhaseJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  phase: { id: string; name: string; start: Day | null; end: Day | null } | null;
  next: { id: string; name: string; start: Day | null } | null;
}

export interface PhaseView extends PhaseJson, Selection {
  /** The event that ends today's phase, for the sentence: "RC1 target on … begins release candidates". */
  until: { name: string; start: Day } | null;
}

export function phaseView(timeline: Timeline, today: Day): PhaseView {
  const head = { schemaVersion: SCHEMA_VERSION, series: timeline.series, today };
  const found = phaseAt(timeline, today);
  if (!found) {
    const message =
      timeline.phases.length === 0
        ? `the ${timeline.series} timeline defines no phases`
        : `no phase of ${timeline.series} covers ${today}`;
    const hint = 'phases are listed under "phases" in the timeline file';
    return { ...head, phase: null, next: null, until: null, nothing: { message, hint } };
  }
  const { phase, next } = found;
  return {
    ...head,
    phase: { id: phase.id, name: phase.name, start: phase.start, end: phase.end },
    next: next ? { id: next.id, name: next.name, start: next.start } : null,
    until: phase.until ? { name: phase.until.name, start: phase.until.start } : null,
    nothing: null,
  };
}

export function phaseJson(view: PhaseView): PhaseJson {
  return {
    schemaVersion: view.schemaVersion,
    series: view.series,
    today: view.today,
    phase: view.phase,
    next: view.next,
  };
}
