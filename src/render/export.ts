// What `juno export` can write. Kept apart from the renderers so that declaring the command loads none of them.
import type { Day } from '../timeline/day.js';
import type { Timeline } from '../timeline/types.js';

export const EXPORT_FORMATS = ['ics', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Everything a file format may need, resolved by the CLI; renderers read no clock, file or environment. */
export interface ExportInput {
  /** The timeline, already narrowed to the events to export. */
  timeline: Timeline;
  /** Today, for the picture's "today" line. */
  today: Day;
  /** The calendar's name; null for the timeline's title. */
  name: string | null;
  /** When the data was produced (iCalendar DTSTAMP): never the wall clock, so that output is reproducible. */
  stamp: Date;
  /** A reminder this many seconds before each event starts, or null for none. */
  alarmSeconds: number | null;
  /** juno's version, for PRODID. */
  version: string;
  /** One entry per week holding events (releases.openstack.org's style) instead of one per event. */
  weeks: boolean;
}
