// YAML documents, read within bounds: token by token (refused as soon as they hold too many tokens or nest too
// deep), duplicate keys found in one pass, aliases bounded. The yaml library is loaded on first use, so that
// JSON files never load it.
import { clip, oneLine } from '../text.js';
import {
  capped,
  DOCUMENT_LIMITS,
  DocumentError,
  MAX_ENGINE_MESSAGE,
  STACK_OVERFLOW,
  tooDeep,
} from './bounds.js';
import type { ParsedDocument } from './document.js';

type YamlLib = typeof import('yaml');
type YamlNode = import('yaml').Node;

/** The yaml library. Bundled, a CommonJS module's dynamic import yields only a default export. */
async function loadYaml(): Promise<YamlLib> {
  const mod = await import('yaml');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

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

/** The refusal of a YAML file whose tokens outnumber the limit. */
function tooManyTokens(label: string): DocumentError {
  return new DocumentError(
    `${label}: holds more than ${DOCUMENT_LIMITS.yamlTokens.toLocaleString('en')} YAML tokens, more than any timeline needs`,
    [],
    'is this the file you meant? A larger timeline can be written as JSON',
  );
}

/**
 * Parser states deeper than this are refused while the text is read, before yaml builds (recursively) any
 * node: each level of nesting opens at least one parser state, and the exact depth is checked on the document.
 */
const YAML_PARSER_DEPTH = 4 * DOCUMENT_LIMITS.depth;

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
    if (++tokens > DOCUMENT_LIMITS.yamlTokens) throw tooManyTokens(label);
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

/** Parses a YAML document; every failure is a `DocumentError` naming the file (`label`) and the place. */
export async function parseYaml(text: string, label: string): Promise<ParsedDocument> {
  if (Buffer.byteLength(text) > DOCUMENT_LIMITS.yamlBytes) {
    throw new DocumentError(
      `${label}: is larger than ${DOCUMENT_LIMITS.yamlBytes / 1024 / 1024} MB, more than any YAML timeline needs`,
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
    if (error instanceof DocumentError) throw error;
    if (error instanceof RangeError) throw tooDeep(label, '');
    throw new DocumentError(
      `${label}: cannot be read as YAML: ${clip(oneLine(String(error)), MAX_ENGINE_MESSAGE)}`,
    );
  }
  const overflow = doc.errors.find((e) => STACK_OVERFLOW.test(e.message));
  if (overflow) throw tooDeep(label, where(overflow.pos?.[0]));
  const { deep, duplicates } = yamlShape(yaml, doc.contents, DOCUMENT_LIMITS.depth);
  const problems: YamlProblem[] = [
    ...doc.errors.map((e) => ({ offset: e.pos?.[0], message: yamlMessage(e) })),
    ...duplicates,
  ];
  if (problems.length > 0) {
    // In the order of the text; only the lines shown are given a position.
    problems.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
    const lines = capped(
      problems
        .slice(0, DOCUMENT_LIMITS.problems)
        .map((p) => `${label}: ${where(p.offset)}${clip(p.message, MAX_ENGINE_MESSAGE)}`),
      problems.length,
    );
    throw new DocumentError(lines[0] as string, lines.slice(1));
  }
  if (deep) throw tooDeep(label, where(deep.range?.[0]));
  return { value: yamlValue(doc, label), lineOf: yamlLines(yaml, doc, position) };
}

/** The document's value, with alias expansion bounded ("billion laughs"). */
function yamlValue(doc: import('yaml').Document.Parsed, label: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: DOCUMENT_LIMITS.aliases });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new DocumentError(
        `${label}: YAML aliases expand too far (more than ${DOCUMENT_LIMITS.aliases} alias uses)`,
        [],
        'write the repeated parts out, or use fewer nested aliases',
      );
    }
    if (error instanceof RangeError) throw tooDeep(label, '');
    throw new DocumentError(
      `${label}: cannot be read as YAML: ${clip(oneLine((error as Error).message), MAX_ENGINE_MESSAGE)}`,
    );
  }
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

/**
 * Where the first syntax error of a text is, as yaml (a JSON superset) reads it within its bounds; undefined
 * when it finds none or cannot tell. Used to place JSON syntax errors V8 does not place.
 */
export async function firstYamlErrorOffset(text: string): Promise<number | undefined> {
  if (Buffer.byteLength(text) > DOCUMENT_LIMITS.yamlBytes) return undefined;
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
