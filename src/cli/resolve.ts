import { findEvent, suggestNames } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { Timeline, TimelineEvent } from '../timeline/types.js';
import { UsageError } from './errors.js';
import { orList } from './usage.js';

/** The event named by an id or alias, or a usage error that suggests the closest names. */
export function resolveEvent(timeline: Timeline, name: string): TimelineEvent {
  if (name.trim() === '') {
    throw new UsageError(
      'an event name is required',
      'e.g. release, ff or j-3; juno schedule --format json lists them',
    );
  }
  const event = findEvent(timeline, name);
  if (event) return event;
  const close = suggestNames(timeline, name);
  throw new UsageError(
    `unknown event "${oneLine(name)}" in ${timeline.series}`,
    close.length > 0
      ? `did you mean ${orList(close)}?`
      : 'juno schedule --format json lists every id and alias',
  );
}
