// The event object of the JSON contract, shared by every command that prints events.
import type { Day } from './day.js';
import { daysUntil, type Status, statusOf } from './query.js';
import type { Confidence, Kind, Timeline, TimelineEvent } from './types.js';
import { eventWeek } from './weeks.js';

export const SCHEMA_VERSION = 1 as const;

export interface EventView {
  id: string;
  name: string;
  kind: Kind;
  start: Day;
  end: Day;
  week: string;
  daysUntil: number;
  status: Status;
  confidence: Confidence | null;
  project: string | null;
  location: string | null;
  aliases: string[];
  sources: string[];
  notes: string | null;
}

export function viewEvent(timeline: Timeline, event: TimelineEvent, today: Day): EventView {
  return {
    id: event.id,
    name: event.name,
    kind: event.kind,
    start: event.start,
    end: event.end,
    week: eventWeek(timeline, event),
    daysUntil: daysUntil(event, today),
    status: statusOf(event, today),
    confidence: event.confidence,
    project: event.project,
    location: event.location,
    aliases: event.aliases,
    sources: event.sources,
    notes: event.notes,
  };
}
