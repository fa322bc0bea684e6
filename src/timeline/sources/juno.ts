// juno's own format (data/juno.json, data/timeline.schema.json): a document of dated events, read by
// `parseTimeline`. Any document no other source claims is read as one, so that its problems are named.
import { parseTimeline } from '../parse.js';
import type { TimelineSource } from './source.js';

export const junoSource: TimelineSource = {
  format: 'juno',
  detect: () => true,
  read: async ({ value }) => parseTimeline(value),
};
