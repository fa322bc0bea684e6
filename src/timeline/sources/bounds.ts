// What a document may hold, and how one that holds more, or cannot be read, is refused: with the file's label,
// the place, and never more than a few lines, whatever the file holds.

/** What juno refuses to parse, so that no document can exhaust memory, the stack or the terminal. */
export const DOCUMENT_LIMITS = {
  /** Nested lists and objects (a timeline needs 5: info.projects.integrated[0]). */
  depth: 64,
  /** YAML alias resolutions, weighted by the aliases inside each (yaml's `maxAliasCount`). */
  aliases: 1000,
  /** Problems listed one per line; the rest are counted. */
  problems: 20,
  /**
   * Bytes in a YAML file. YAML costs some thirty times JSON's work per byte, and much more memory; the largest
   * real timeline as YAML is about 10 kB (juno's own; upstream's schedule.yaml files are 3 kB).
   */
  yamlBytes: 4 * 1024 * 1024,
  /**
   * Tokens (words, punctuation, spaces and line breaks) in a YAML file, counted before any value is built:
   * the shape, not the size, sets YAML's cost, and `[1,1,1…]` packs a token into every byte.
   */
  yamlTokens: 250_000,
} as const;

/** A document that cannot be read at all: the first line, further lines, and a hint. The CLI exits 3 on it. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Engine messages (V8, yaml) can quote the input; they are clipped to this many characters. */
export const MAX_ENGINE_MESSAGE = 200;

/** Stack exhaustion inside a parser, however the engine words it. */
export const STACK_OVERFLOW = /call stack|stack overflow|too much recursion/i;

/** The line and column of one offset, scanning only the text before it. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** The first lines of a list of `total` problems, and a count of the others. */
export function capped(lines: string[], total = lines.length): string[] {
  const max = DOCUMENT_LIMITS.problems;
  if (total <= max) return lines;
  const more = total - max;
  return [...lines.slice(0, max), `… and ${more} more problem${more === 1 ? '' : 's'}`];
}

export function tooDeep(label: string, where: string): DocumentError {
  return new DocumentError(
    `${label}: ${where}nested more than ${DOCUMENT_LIMITS.depth} levels deep`,
    [],
    'a timeline needs at most 5 levels; is this the file you meant?',
  );
}
