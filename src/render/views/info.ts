// What `juno info` shows: what the cycle brought, from the timeline's `info`.
import type { Day } from '../../timeline/day.js';
import type { Timeline, TimelineInfo } from '../../timeline/types.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import type { SeriesDataOrigin } from './series.js';

/** Where juno's series data came from, as `juno series --about` tells it in full. */
export interface InfoData {
  origin: 'bundled' | 'updated';
  source: string | null;
  commit: string | null;
  date: Day | null;
}

/** `juno info --format json`: the versioned contract; empty lists when the timeline carries no information. */
export interface InfoJson extends TimelineInfo {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  title: string | null;
  releaseId: string | null;
  description: string | null;
  /** The series data in use (the series list and the schedules of `--series`); null when it was not read. */
  data: InfoData | null;
}

export interface InfoView extends InfoJson {
  /** False when the timeline has no `info` at all (the lists are then empty). */
  hasInfo: boolean;
  /** The name of each summit's event, in the order of `summits`; null when the timeline lacks the event. */
  summitEvents: (string | null)[];
}

const EMPTY: TimelineInfo = {
  projects: { integrated: [], incubated: [], applied: [], notes: null },
  highlights: [],
  summits: [],
  context: [],
};

export function infoView(timeline: Timeline, data: SeriesDataOrigin | null = null): InfoView {
  const info = timeline.info ?? EMPTY;
  return {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    title: timeline.title,
    releaseId: timeline.releaseId,
    description: timeline.description,
    data:
      data === null
        ? null
        : {
            origin: data.updated ? 'updated' : 'bundled',
            source: data.snapshot?.source ?? null,
            commit: data.snapshot?.commit ?? null,
            date: data.snapshot?.date ?? null,
          },
    ...info,
    hasInfo: timeline.info !== null,
    summitEvents: info.summits.map((s) => timeline.events.find((e) => e.id === s.event)?.name ?? null),
  };
}

/** The contract: the view without its extras, keys in the same order (parsed `info` has context before summits). */
export function infoJson(view: InfoView): InfoJson {
  const { hasInfo, summitEvents, ...json } = view;
  return json;
}
