// The timeline sources, most particular first: a document is read by the first whose `detect` accepts it, and
// juno's own format accepts any. A new source is one module here and one entry in this list.
import { bundledSource } from './bundled.js';
import { junoSource } from './juno.js';
import type { TimelineSource } from './source.js';
import { upstreamSource } from './upstream/index.js';

export const SOURCES: readonly TimelineSource[] = [bundledSource, upstreamSource, junoSource];

/** The source that reads a parsed document. */
export function sourceOf(value: unknown): TimelineSource {
  return SOURCES.find((source) => source.detect(value)) ?? junoSource;
}

export type { SourceFiles, TimelineFormat, TimelineSource } from './source.js';
