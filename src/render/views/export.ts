// What `juno export` writes: the timeline's events, filtered, with everything a file format needs resolved.
import type { Day } from '../../timeline/day.js';
import { filterByKind } from '../../timeline/query.js';
import type { Kind, Timeline } from '../../timeline/types.js';
import { withEvents } from '../../timeline/weeks.js';
import type { NothingMatched, Selection } from '../render.js';

/** The events to export. */
export interface ExportSelection extends Selection {
  /** The timeline, narrowed to the events to export. */
  timeline: Timeline;
}

/** How the file is made, resolved by the CLI: renderers read no clock, file or environment. */
export interface ExportSettings {
  /** The calendar's name; null for the timeline's title. */
  name: string | null;
  /** When the data was produced (iCalendar DTSTAMP): never the wall clock, so that output is reproducible. */
  stamp: Date;
  /**
   * When the data was last revised (LAST-MODIFIED of an event without an `updated` of its own, and of every week):
   * the timeline's `updated`, else the last commit of its files, so that a subscriber's calendar sees newer data.
   */
  revision: Date;
  /** METHOD:PUBLISH (`--method publish`, for a calendar sent by mail); null for none, as CalDAV servers want. */
  method: 'publish' | null;
  /** A reminder this many seconds before each event starts, or null for none. */
  alarmSeconds: number | null;
  /** juno's version, for PRODID. */
  version: string;
  /** One entry per week of the cycle (releases.openstack.org's style) instead of one per event. */
  weeks: boolean;
}

export interface ExportView extends ExportSelection, ExportSettings {
  /** Today, for the picture's "today" line. */
  today: Day;
}

const NOTHING: NothingMatched = { message: 'no events match the filters', hint: 'nothing was written' };

/** The timeline with only the events of these kinds (all of them when none is given). */
export function exportSelection(timeline: Timeline, kinds: Kind[]): ExportSelection {
  const events = filterByKind(timeline.events, kinds);
  return { timeline: withEvents(timeline, events), nothing: events.length === 0 ? NOTHING : null };
}

export function exportView(selection: ExportSelection, today: Day, settings: ExportSettings): ExportView {
  return { ...selection, ...settings, today };
}
