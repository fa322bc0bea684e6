// `juno phase`: where the cycle is today.
import { type Day, daysBetween, longDay } from '../timeline/day.js';
import type { PhaseSpan } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import { SCHEMA_VERSION } from '../timeline/view.js';
import { daysAgo, daysAhead } from './format.js';
import type { Style } from './style.js';

export interface PhaseJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  phase: { id: string; name: string; start: Day | null; end: Day | null };
  next: { id: string; name: string; start: Day | null } | null;
}

export function phaseJson(series: string, today: Day, phase: PhaseSpan, next: PhaseSpan | null): PhaseJson {
  return {
    schemaVersion: SCHEMA_VERSION,
    series,
    today,
    phase: { id: phase.id, name: phase.name, start: phase.start, end: phase.end },
    next: next ? { id: next.id, name: next.name, start: next.start } : null,
  };
}

/** The phase id alone on the first line (for scripts), then a sentence for people. */
export function renderPhaseText(json: PhaseJson, until: PhaseSpan['until'], style: Style): string {
  const { phase, today } = json;
  const parts: string[] = [style.bold(oneLine(phase.name))];
  if (phase.start !== null) {
    const since = daysBetween(phase.start, today);
    parts.push(`since ${longDay(phase.start)} (${daysAgo(since)})`);
  }
  if (phase.end !== null) parts.push(`until ${longDay(phase.end)}`);
  let line = parts.join(' ');
  if (until && json.next) {
    const left = daysBetween(today, until.start);
    line += `; ${oneLine(until.name)} on ${longDay(until.start)} (${daysAhead(left)}) begins ${oneLine(json.next.name).toLowerCase()}`;
  }
  return `${json.phase.id}\n${line}.\n`;
}
