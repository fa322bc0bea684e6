// The fields a timeline's table view opens with (`juno schedule`, `juno weeks`): whose cycle it is, and today.
import type { Day } from '../../timeline/day.js';
import type { Timeline } from '../../timeline/types.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import { weekName } from '../../timeline/weeks.js';

export interface TimelineHeading {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  title: string | null;
  releaseId: string | null;
  today: Day;
  /** The name of today's week (see `weekName`). */
  todayWeek: string;
}

export function timelineHeading(timeline: Timeline, today: Day): TimelineHeading {
  return {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    title: timeline.title,
    releaseId: timeline.releaseId,
    today,
    todayWeek: weekName(timeline, today),
  };
}
