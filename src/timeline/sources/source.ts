// What a timeline source is: a way of reading one kind of document into a `Timeline`. Sources are pure; the CLI
// reads every file they need (see src/cli/load.ts) and hands them over through `SourceFiles`.
import type { ParseResult } from '../parse.js';
import type { SeriesRecord } from '../series.js';
import type { ParsedDocument } from './document.js';

export type TimelineFormat = 'juno' | 'upstream' | 'bundled';

/** The files around a document that a source may ask for. */
export interface SourceFiles {
  /** The name of the folder holding the document (upstream names a cycle's folder after its series). */
  folder: string;
  /** A file in the same folder: the name to cite it by, and its text, or null when there is no such file. */
  sibling(name: string): Promise<{ label: string; text: string | null }>;
  /**
   * A file in the folder of another series beside this one (`../<series>/<name>`), as `sibling` gives it: upstream
   * keeps some of a cycle's sections in its neighbours' pages. Null text when there is no such file, or it cannot
   * be read: a neighbour is looked at, never required.
   */
  neighbour(series: string, name: string): Promise<{ label: string; text: string | null }>;
  /** The bundled series list. */
  seriesList(): Promise<readonly SeriesRecord[]>;
}

export interface TimelineSource {
  format: TimelineFormat;
  /** True for a document in this source's shape; cheap, since every document read is offered to each source. */
  detect(value: unknown): boolean;
  /** The timeline, or every problem found, and the warnings either way. */
  read(document: ParsedDocument, files: SourceFiles): Promise<ParseResult>;
}
