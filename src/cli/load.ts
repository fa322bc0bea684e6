// Reading a timeline file: bytes → text → document (JSON or YAML) → validated `Timeline`.
// Synchronous reads: a CLI has nothing else to do meanwhile, and node:fs/promises costs start-up time to load.
import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseResult, parseTimeline } from '../timeline/parse.js';
import { parseSeriesList, type SeriesRecord } from '../timeline/series.js';
import { clip, oneLine } from '../timeline/text.js';
import type { Problem, Timeline } from '../timeline/types.js';
import { DataError, UsageError } from './errors.js';
import { loadYaml } from './lazy.js';

/** True in the bundle (scripts/build.mjs defines it), which sits in `dist/` beside `data/`. */
declare const __JUNO_BUNDLE__: boolean | undefined;

/**
 * The bundled data folder: `data/` beside `dist/` in the package, or beside `src/` when run from source. The
 * bundle finds it from its own folder, without turning its path into a URL and back at every start.
 */
export const DATA_DIR =
  typeof __JUNO_BUNDLE__ === 'boolean'
    ? `${resolve(__dirname, '..', 'data')}/`
    : fileURLToPath(new URL('../../data/', import.meta.url));
export const BUNDLED_TIMELINE = `${DATA_DIR}juno.json`;

export interface LoadedTimeline {
  timeline: Timeline;
  warnings: Problem[];
  /** The path as given (or the bundled file's), for messages. */
  file: string;
  /** Modification time of the file, a fallback for export time stamps. */
  modified: Date;
}

/** Where in a file a problem is, for messages: "juno.json: events[3].start". */
export function fileLabel(file: string): string {
  return oneLine(file.startsWith(DATA_DIR) ? basename(file) : file);
}

const YAML_BYTES = 4 * 1024 * 1024;
const YAML_TOKENS = 250_000;

/** What juno refuses to read, so that no file can exhaust memory, the stack or the terminal. */
export const READ_LIMITS = {
  /** Bytes in a timeline file: room for some 300,000 events (the bundled file is about 25 kB). */
  bytes: 100 * 1024 * 1024,
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
  yamlBytes: YAML_BYTES,
  /**
   * Tokens (words, punctuation, spaces and line breaks) in a YAML file, counted before any value is built:
   * the shape, not the size, sets YAML's cost, and `[1,1,1…]` packs a token into every byte.
   */
  yamlTokens: YAML_TOKENS,
} as const;

/** Engine messages (V8, yaml) can quote the input; they are clipped to this many characters. */
const MAX_ENGINE_MESSAGE = 200;

/**
 * The line and column (both from 1) of character offsets in one text. The line starts are found once, when
 * the first position is asked for, so that a file with thousands of problems is not scanned for each.
 */
function positions(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    // The last line start at or before the offset.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  };
}

/** The line and column of one offset, scanning only the text before it. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** The first lines of a list of `total` problems, and a count of the others. */
function capped(lines: string[], total = lines.length): string[] {
  const max = READ_LIMITS.problems;
  if (total <= max) return lines;
  const more = total - max;
  return [...lines.slice(0, max), `… and ${more} more problem${more === 1 ? '' : 's'}`];
}

function tooDeep(label: string, where: string): DataError {
  return new DataError(
    `${label}: ${where}nested more than ${READ_LIMITS.depth} levels deep`,
    [],
    'a timeline needs at most 5 levels; is this the file you meant?',
  );
}

/** Stack exhaustion inside a parser, however the engine words it. */
const STACK_OVERFLOW = /call stack|stack overflow|too much recursion/i;

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

type YamlLib = typeof import('yaml');
type YamlNode = import('yaml').Node;

/** The refusal of a YAML file whose tokens outnumber the limit. */
function tooManyTokens(label: string): DataError {
  return new DataError(
    `${label}: holds more than ${READ_LIMITS.yamlTokens.toLocaleString('en')} YAML tokens, more than any timeline needs`,
    [],
    'is this the file you meant? A larger timeline can be written as JSON',
  );
}

/**
 * Parser states deeper than this are refused while the text is read, before yaml builds (recursively) any
 * node: each level of nesting opens at least one parser state, and the exact depth is checked on the document.
 */
const YAML_PARSER_DEPTH = 4 * READ_LIMITS.depth;

/**
 * yaml's concrete syntax tree of `text`, read token by token so that a file is refused as soon as it holds too
 * many tokens or nests too deep: before the tree, then the document, take their memory and time.
 */
function* yamlSyntax(
  yaml: YamlLib,
  text: string,
  label: string,
  where: (offset: number) => string,
): Generator<import('yaml').CST.Token> {
  const parser = new yaml.Parser();
  let tokens = 0;
  for (const lexeme of new yaml.Lexer().lex(text)) {
    if (++tokens > READ_LIMITS.yamlTokens) throw tooManyTokens(label);
    const offset = parser.offset;
    yield* parser.next(lexeme);
    if (parser.stack.length > YAML_PARSER_DEPTH) throw tooDeep(label, where(offset));
  }
  yield* parser.end();
}

/** A problem in a YAML document and where it starts. */
interface YamlProblem {
  offset: number | undefined;
  message: string;
}

/**
 * Walks the document without recursion (aliases are not followed): the first collection more than `max`
 * levels deep, and every key repeated in its map. A Set per map keeps this linear; yaml's own `uniqueKeys`
 * compares each key with every earlier one.
 */
function yamlShape(
  yaml: YamlLib,
  root: unknown,
  max: number,
): { deep: YamlNode | null; duplicates: YamlProblem[] } {
  const duplicates: YamlProblem[] = [];
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!yaml.isCollection(node)) continue;
    if (depth > max) return { deep: node, duplicates };
    const keys = yaml.isMap(node) ? new Set<unknown>() : null;
    for (const item of node.items) {
      if (yaml.isPair(item)) {
        // Keys are equal as yaml's uniqueKeys has them: scalars of the same value.
        if (keys !== null && yaml.isScalar(item.key)) {
          if (keys.has(item.key.value))
            duplicates.push({ offset: item.key.range?.[0], message: 'Map keys must be unique' });
          else keys.add(item.key.value);
        }
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return { deep: null, duplicates };
}

/** yaml's message, reworded where it speaks to programmers rather than to the author of the file. */
function yamlMessage(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS')
    return 'holds more than one YAML document (a second "---"); a timeline is one';
  // Messages that would quote the file: which file is not yet known to be a timeline.
  return oneLine(error.message).replace(
    /^(Block scalar header includes extra characters|Not a YAML token): .*$/,
    '$1',
  );
}

/** A parsed document, and where a node of it sits in the text (YAML only). */
export interface ParsedDocument {
  value: unknown;
  lineOf: ((path: (string | number)[]) => number | null) | null;
}

/**
 * The first document of a YAML text, as yaml's `parseDocument` composes it, from bounded tokens; yaml's own
 * check of duplicate keys is off (see `yamlShape`). A second document is an error, as there.
 */
function composeYaml(yaml: YamlLib, text: string, tokens: Iterable<import('yaml').CST.Token>) {
  const composer = new yaml.Composer({
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    // yaml's warnings would go to stderr through process.emitWarning, unformatted and quoting the file.
    logLevel: 'error',
  });
  let doc: import('yaml').Document.Parsed | null = null;
  // yaml makes an Error of every problem, and a file can hold one in every byte: without the stack trace each
  // would capture, they cost a tenth of the time and memory.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const next of composer.compose(tokens, true, text.length)) {
      if (doc === null) doc = next;
      else {
        doc.errors.push(
          new yaml.YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'more than one document'),
        );
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return doc as import('yaml').Document.Parsed;
}

async function parseYaml(text: string, label: string): Promise<ParsedDocument> {
  if (Buffer.byteLength(text) > READ_LIMITS.yamlBytes) {
    throw new DataError(
      `${label}: is larger than ${READ_LIMITS.yamlBytes / 1024 / 1024} MB, more than any YAML timeline needs`,
      [],
      'is this the file you meant? A larger timeline can be written as JSON (up to 100 MB)',
    );
  }
  const yaml = await loadYaml();
  const position = positions(text);
  const where = (offset: number | undefined) => {
    if (offset === undefined) return '';
    const { line, column } = position(offset);
    return `line ${line}, column ${column}: `;
  };
  let doc: ReturnType<typeof composeYaml>;
  try {
    doc = composeYaml(yaml, text, yamlSyntax(yaml, text, label, where));
  } catch (error) {
    if (error instanceof DataError) throw error;
    if (error instanceof RangeError) throw tooDeep(label, '');
    throw new DataError(
      `${label}: cannot be read as YAML: ${clip(oneLine(String(error)), MAX_ENGINE_MESSAGE)}`,
    );
  }
  const overflow = doc.errors.find((e) => STACK_OVERFLOW.test(e.message));
  if (overflow) throw tooDeep(label, where(overflow.pos?.[0]));
  const { deep, duplicates } = yamlShape(yaml, doc.contents, READ_LIMITS.depth);
  const problems: YamlProblem[] = [
    ...doc.errors.map((e) => ({ offset: e.pos?.[0], message: yamlMessage(e) })),
    ...duplicates,
  ];
  if (problems.length > 0) {
    // In the order of the text; only the lines shown are given a position.
    problems.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
    const lines = capped(
      problems
        .slice(0, READ_LIMITS.problems)
        .map((p) => `${label}: ${where(p.offset)}${clip(p.message, MAX_ENGINE_MESSAGE)}`),
      problems.length,
    );
    throw new DataError(lines[0] as string, lines.slice(1));
  }
  if (deep) throw tooDeep(label, where(deep.range?.[0]));
  let value: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    value = doc.toJS({ maxAliasCount: READ_LIMITS.aliases });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new DataError(
        `${label}: YAML aliases expand too far (more than ${READ_LIMITS.aliases} alias uses)`,
        [],
        'write the repeated parts out, or use fewer nested aliases',
      );
    }
    if (error instanceof RangeError) throw tooDeep(label, '');
    throw new DataError(
      `${label}: cannot be read as YAML: ${clip(oneLine((error as Error).message), MAX_ENGINE_MESSAGE)}`,
    );
  }
  return { value, lineOf: yamlLines(yaml, doc, position) };
}

/**
 * The line of the node at a path (`['cycle', 3, 'start']`). A map's keys are indexed the first time a path
 * passes through it: warnings about thousands of keys of one map must not each search the map.
 */
function yamlLines(
  yaml: YamlLib,
  doc: import('yaml').Document.Parsed,
  position: (offset: number) => { line: number },
): (path: (string | number)[]) => number | null {
  const indexes = new Map<unknown, Map<unknown, unknown>>();
  return (path) => {
    let node: unknown = doc.contents;
    for (const key of path) {
      if (yaml.isSeq(node) && typeof key === 'number') node = node.items[key];
      else if (yaml.isMap(node)) {
        let index = indexes.get(node);
        if (index === undefined) {
          index = new Map();
          for (const pair of node.items) {
            const k = yaml.isScalar(pair.key) ? pair.key.value : pair.key;
            if (!index.has(k)) index.set(k, pair.value);
          }
          indexes.set(node, index);
        }
        node = index.get(key);
      } else return null;
    }
    const offset = yaml.isNode(node) ? node.range?.[0] : undefined;
    return offset === undefined ? null : position(offset).line;
  };
}

function isYaml(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return true;
  if (ext === '.json') return false;
  return !/^\s*[[{]/.test(text);
}

/**
 * Where a JSON syntax error is: V8 names the offset in most messages; yaml (a JSON superset) often can, within
 * the bounds it reads YAML in.
 */
async function jsonErrorOffset(text: string, message: string): Promise<number | undefined> {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (Buffer.byteLength(text) > READ_LIMITS.yamlBytes) return undefined;
  try {
    const yaml = await loadYaml();
    return composeYaml(
      yaml,
      text,
      yamlSyntax(yaml, text, '', () => ''),
    ).errors[0]?.pos?.[0];
  } catch {
    return undefined;
  }
}

/**
 * Parses a document, JSON or YAML by extension (or by its first character when the extension says neither).
 * Every failure is a `DataError` naming the file and the place.
 */
export async function parseDocumentText(text: string, file: string): Promise<unknown> {
  return (await parseDocumentWithLines(text, file)).value;
}

async function parseDocumentWithLines(text: string, file: string): Promise<ParsedDocument> {
  const label = fileLabel(file);
  if (isYaml(file, text)) return parseYaml(text, label);
  // The files juno ships are checked by its tests; scanning them would cost every start-up a few milliseconds.
  const deepAt = file.startsWith(DATA_DIR) ? null : jsonTooDeepAt(text, READ_LIMITS.depth);
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
    throw new DataError(`${label}: not valid JSON${at}: ${clip(message, MAX_ENGINE_MESSAGE)}`);
  }
}

/** Why a file cannot be opened, in words (errno messages repeat the path and the system call). */
function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'is a folder, not a timeline file';
    default:
      return error.code ? `error ${error.code}` : clip(oneLine(error.message), MAX_ENGINE_MESSAGE);
  }
}

/** Reads at most `max` bytes; null when the file holds more. Devices such as /dev/zero never end. */
function readBounded(file: string, max: number): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > max) return null;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
  } finally {
    closeSync(fd);
  }
}

export async function readText(file: string): Promise<{ text: string; modified: Date }> {
  const label = fileLabel(file);
  const tooBig = () =>
    new DataError(
      `${label}: is larger than ${READ_LIMITS.bytes / 1024 / 1024} MB, more than any timeline needs`,
      [],
      'check the path given to --timeline',
    );
  let bytes: Buffer | null;
  let modified: Date;
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new DataError(`${label}: is a folder, not a timeline file`);
    if (info.isFile()) {
      if (info.size > READ_LIMITS.bytes) throw tooBig();
      bytes = readFileSync(file);
    } else {
      // A device or a pipe says nothing of its size: read at most the limit.
      bytes = readBounded(file, READ_LIMITS.bytes);
    }
    modified = info.mtime;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(
      `${label}: cannot read the timeline: ${readFailure(error as NodeJS.ErrnoException)}`,
      [],
      'check the path given to --timeline',
    );
  }
  if (bytes === null) throw tooBig();
  // Checked, then decoded: together a fifth faster than a fatal TextDecoder. A byte-order mark is dropped.
  if (!isUtf8(bytes)) throw new DataError(`${label}: is not UTF-8 text`, [], 'save the file as UTF-8');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul !== -1)
    throw new DataError(`${label}: ${lineAndColumn(text, nul)}: holds a NUL byte; a timeline is text`);
  if (text.trim() === '') throw new DataError(`${label}: is empty`);
  return { text, modified };
}

/** A timeline file read and checked: the timeline, or every problem, and the warnings either way. */
export interface CheckedTimeline {
  file: string;
  /** juno's own format, or an openstack/releases schedule.yaml recognised by its shape. */
  format: 'juno' | 'upstream';
  result: ParseResult;
  modified: Date;
}

/**
 * Reads a timeline in either format and checks it, returning problems rather than throwing them; only a file
 * that cannot be read or parsed at all (including a duplicate YAML key) throws a `DataError`.
 */
export async function checkTimeline(file: string = BUNDLED_TIMELINE): Promise<CheckedTimeline> {
  const { text, modified } = await readText(file);
  const { value, lineOf } = await parseDocumentWithLines(text, file);
  // Loaded only for upstream files; the shape test is repeated here so that juno files never load it.
  const upstreamShape =
    typeof value === 'object' && value !== null && Array.isArray((value as { cycle?: unknown }).cycle);
  const upstream = upstreamShape ? await import('../timeline/upstream.js') : null;
  if (!upstream?.isUpstreamSchedule(value)) {
    return { file, format: 'juno', result: parseTimeline(value), modified };
  }
  const { readUpstreamSchedule } = upstream;
  const folder = dirname(resolve(file));
  const rstPath = join(folder, 'schedule.rst');
  const rstLabel = fileLabel(join(dirname(file), 'schedule.rst'));
  let rst: { text: string; file: string } | null = null;
  const warnings: Problem[] = [];
  if (existsSync(rstPath)) {
    rst = { text: (await readText(rstPath)).text, file: rstLabel };
  } else {
    warnings.push({
      file: rstLabel,
      path: '',
      message:
        'no such file beside the schedule; events are named from their labels and dated by their weeks',
    });
  }
  const seriesList = await loadSeriesList();
  const result = readUpstreamSchedule({
    doc: value,
    series: basename(folder),
    rst,
    seriesList,
    ...(lineOf ? { lineOf } : {}),
  });
  return {
    file,
    format: 'upstream',
    result: { ...result, warnings: [...warnings, ...result.warnings] },
    modified,
  };
}

/** One line per problem: "juno.json: events[3].start: 2014-02-30 is not a calendar date". */
export function problemLine(file: string, problem: Problem, severity = ''): string {
  const where = [problem.file ?? fileLabel(file), problem.path, severity].filter((part) => part !== '');
  return `${where.join(': ')}: ${problem.message}`;
}

/** Reads and validates a timeline; every problem found becomes one line of the error. */
export async function loadTimeline(file: string = BUNDLED_TIMELINE): Promise<LoadedTimeline> {
  if (file === '') throw new UsageError('--timeline needs a file name', 'e.g. --timeline my-cycle.yaml');
  const { result, modified } = await checkTimeline(file);
  if (!result.ok) {
    const details = capped(result.problems.map((p) => problemLine(file, p)));
    throw new DataError(details[0] ?? `${fileLabel(file)}: invalid timeline`, details.slice(1));
  }
  return { timeline: result.timeline, warnings: result.warnings, file, modified };
}

export const BUNDLED_SERIES = `${DATA_DIR}series.json`;

/** The bundled series list (data/series.json). */
export async function loadSeriesList(file: string = BUNDLED_SERIES): Promise<SeriesRecord[]> {
  const { text } = await readText(file);
  const result = parseSeriesList(await parseDocumentText(text, file));
  if (!result.ok) {
    const details = result.problems.map((p) => problemLine(file, p));
    throw new DataError(details[0] as string, details.slice(1));
  }
  return result.series;
}
