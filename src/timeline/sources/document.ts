// A document's text to its value: JSON, or YAML by extension (or by its first character when the extension says
// neither). Every failure is a `DocumentError` naming the file and the place; YAML documents also tell the line
// of each node, for warnings.
import { clip, oneLine } from '../text.js';
import { DOCUMENT_LIMITS, DocumentError, lineAndColumn, MAX_ENGINE_MESSAGE, tooDeep } from './bounds.js';
import { firstYamlErrorOffset, parseYaml } from './yaml.js';

/** A parsed document, and where a node of it sits in the text (YAML only). */
export interface ParsedDocument {
  value: unknown;
  lineOf: ((path: (string | number)[]) => number | null) | null;
}

/** The file a text was read from, as the parser needs to know it. */
export interface DocumentFile {
  /** The name to cite it by in messages. */
  label: string;
  /** Its extension, lowercase with the dot (`.yaml`), or ''. */
  extension: string;
  /** A file juno ships, checked by its tests: not scanned for depth, which would cost every start-up. */
  trusted: boolean;
}

export function isYaml(extension: string, text: string): boolean {
  if (extension === '.yaml' || extension === '.yml') return true;
  if (extension === '.json') return false;
  return !/^\s*[[{]/.test(text);
}

export async function parseDocument(text: string, file: DocumentFile): Promise<ParsedDocument> {
  const { label } = file;
  if (isYaml(file.extension, text)) return parseYaml(text, label);
  const deepAt = file.trusted ? null : jsonTooDeepAt(text, DOCUMENT_LIMITS.depth);
  if (deepAt !== null) throw tooDeep(label, `${lineAndColumn(text, deepAt)}: `);
  try {
    return { value: JSON.parse(text), lineOf: null };
  } catch (error) {
    const raw = oneLine((error as Error).message);
    const offset = await jsonErrorOffset(text, raw);
    // V8's wording changes between Node versions: drop the parts that quote the input or restate the offset.
    const message = raw
      .replace(/, \.{0,3}".*" is not valid JSON$/, '')
      .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '');
    const at = offset !== undefined ? ` (${lineAndColumn(text, offset)})` : '';
    throw new DocumentError(`${label}: not valid JSON${at}: ${clip(message, MAX_ENGINE_MESSAGE)}`);
  }
}

/** Where a JSON syntax error is: V8 names the offset in most messages; yaml often can. */
async function jsonErrorOffset(text: string, message: string): Promise<number | undefined> {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  return firstYamlErrorOffset(text);
}

/**
 * The offset of the first `[` or `{` that opens a collection more than `max` levels deep, outside strings;
 * null when there is none. Scans without recursion, so any depth is safe, and before JSON.parse, which takes
 * far longer than this scan over millions of levels.
 */
export function jsonTooDeepAt(text: string, max: number): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Over the string (most of a timeline's text) at native speed: to the next quote that an even run of
      // backslashes, or none, precedes.
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close === -1) return null;
        let slashes = 0;
        while (text.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
        i = close;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
