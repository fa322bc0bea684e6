// What `juno countdown EVENT` shows: one event and how far it is from today.
import type { Day } from '../../timeline/day.js';
import type { Timeline, TimelineEvent } from '../../timeline/types.js';
import { type EventView, SCHEMA_VERSION, viewEvent } from '../../timeline/view.js';

/** `juno countdown --format json`: the view is the contract. */
export interface CountdownView {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  event: EventView;
}

export type CountdownJson = CountdownView;

export function countdownView(timeline: Timeline, event: TimelineEvent, today: Day): CountdownView {
  return {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    today,
    event: viewEvent(timeline, event, today),
  };
}
