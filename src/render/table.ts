// Borderless tables: columns padded to their widest cell and two spaces apart, as terminals show them.
// (A general table library did this before, but laying out juno's 17-row schedule took it longer than the whole
// rest of start-up: per-cell option merging, width regexes built per call, and checks that grow with rows².)
import { eastAsianWidth } from 'get-east-asian-width';

/** SGR escape sequences, the only ones a `Style` puts into text. */
const SGR = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/** Code points that take no column: combining marks, zero-width characters, variation selectors. */
function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** How many terminal columns `text` takes: colour codes take none, East Asian wide characters two. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let width = 0;
  for (const char of plain) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || isZeroWidth(codePoint)) continue;
    width += eastAsianWidth(codePoint, { ambiguousAsWide: false });
  }
  return width;
}

/**
 * Splits plain text into lines of at most `width` columns, at spaces only (a no-break space U+00A0 keeps two
 * words together and comes out as a space); a word longer than `width` is cut.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    if (line === '') line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (displayWidth(line) > width) {
      let cut = '';
      for (const char of line) {
        if (displayWidth(cut + char) > width) break;
        cut += char;
      }
      lines.push(cut);
      line = line.slice(cut.length);
    }
  };
  for (const word of text.split(/[ \t\n]+/)) if (word !== '') push(word);
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replace(/\u00a0/g, ' '));
}

/**
 * A date range that wraps only after its dash ("Thu 25 Sep –" / "Wed 15 Oct 2014"): its other spaces become no-break
 * spaces (see `wrapText`).
 */
export function breakAfterDash(range: string): string {
  return range.replace(/ /g, '\u00a0').replace('\u00a0–\u00a0', '\u00a0– ');
}

/** The widest word of `text` (words as `wrapText` breaks them): the narrowest a column of it can wrap to. */
export function widestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/[ \t\n]+/)) widest = Math.max(widest, displayWidth(word));
  return widest;
}

/**
 * Text wrapped to `width` at spaces, continuation lines indented by `hang` spaces; unchanged (one line) when
 * `width` is null, as for piped output.
 */
export function wrapHanging(text: string, width: number | null, hang = 0): string[] {
  if (width === null || displayWidth(text) <= width) return [text.replace(/\u00a0/g, ' ')];
  // The line's own indent stays on its first line.
  const indent = (/^ */.exec(text)?.[0] ?? '').length;
  return wrapAfterPrefix(
    ' '.repeat(indent),
    text.slice(indent),
    Math.max(1, width - indent),
    Math.max(1, width - hang),
    hang,
  );
}

/**
 * `prefix` (kept as it is, colour codes and all) then `text` wrapped at spaces: its first line to `firstWidth`
 * columns, the rest to `restWidth`, indented by `hang` spaces.
 */
export function wrapAfterPrefix(
  prefix: string,
  text: string,
  firstWidth: number,
  restWidth: number,
  hang: number,
): string[] {
  const [first = '', ...rest] = wrapText(text, firstWidth);
  const more = rest.length === 0 ? [] : wrapText(rest.join(' '), restWidth);
  return [prefix + first, ...more.map((l) => ' '.repeat(hang) + l)];
}

/** A piece of a heading line: its plain text, and how it is painted once laid out. */
export interface Part {
  text: string;
  paint?: (text: string) => string;
}

/**
 * Parts joined by `separator` on as few lines as fit `width` (a part wider than the width wrapped at spaces);
 * all on one line when `width` is null.
 */
export function joinParts(parts: Part[], separator: string, width: number | null): string[] {
  const lines: string[] = [];
  let line = '';
  let plain = '';
  for (const { text, paint = (t: string) => t } of parts) {
    if (plain !== '' && (width === null || displayWidth(plain + separator + text) <= width)) {
      line += separator + paint(text);
      plain += separator + text;
      continue;
    }
    if (plain !== '') lines.push(line);
    const pieces = width === null ? [text] : wrapText(text, width);
    lines.push(...pieces.slice(0, -1).map((l) => paint(l)));
    plain = pieces.at(-1) ?? '';
    line = paint(plain);
  }
  if (plain !== '') lines.push(line);
  return lines;
}

/**
 * Column widths that fit `width`: from the natural widths, each step `[column, floor]` in turn narrows its column
 * towards `floor` (never below what the column's text needs at least, `least`) until the table fits. Returns the
 * widths and how many columns the table is still too wide for (0 when it fits).
 */
export function fitWidths(
  natural: number[],
  least: number[],
  steps: [column: number, floor: number][],
  width: number,
): { widths: number[]; over: number } {
  const widths = [...natural];
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  for (const [column, floor] of steps) {
    const over = total() - width;
    if (over <= 0) break;
    const current = widths[column] ?? 0;
    const target = Math.max(floor, least[column] ?? 0);
    if (current > target) widths[column] = Math.max(target, current - over);
  }
  return { widths, over: Math.max(0, total() - width) };
}

/**
 * Natural and least widths of each column of `head` and `rows` (a cell's lines split at newlines); the least
 * leaves room for the indent `hang` gives a column's continuation lines.
 */
export function measureColumns(
  head: string[],
  rows: string[][],
  hang: number[] = [],
): { natural: number[]; least: number[] } {
  const natural = head.map(displayWidth);
  const least = head.map(displayWidth);
  for (const row of rows) {
    row.forEach((cell, column) => {
      for (const line of cell.split('\n')) {
        natural[column] = Math.max(natural[column] ?? 0, displayWidth(line.replace(/\u00a0/g, ' ')));
        least[column] = Math.max(least[column] ?? 0, widestWord(line) + (hang[column] ?? 0));
      }
    });
  }
  return { natural, least };
}

export interface Columns {
  /** Column headings, plain text; none when absent. */
  head?: string[];
  /** Rows of plain-text cells, one per column; a newline in a cell starts a line of its own. */
  rows: string[][];
  /** Colours for the headings and for each row, applied after the layout. */
  paintHead?: (text: string) => string;
  paintRow?: (row: number) => (text: string) => string;
  /** Colour of one cell, when it differs from its row's. */
  paintCell?: (row: number, column: number) => ((text: string) => string) | undefined;
  /**
   * Columns whose text wraps at spaces to at most this many columns (undefined: never wraps); a no-break space
   * (U+00A0) keeps words together. `hang` indents a cell line's continuation lines.
   */
  wrap?: (number | undefined)[];
  hang?: number[];
}

/** How a table is fitted to a terminal (see `fitColumns`). */
export interface Fit {
  /** The terminal's width; null (piped output) leaves every row on one line. */
  width: number | null;
  /** The order in which columns narrow, as `fitWidths` takes it. */
  steps: [column: number, floor: number][];
  /** How far each column's continuation lines are indented. */
  hang?: number[];
}

/**
 * The `wrap` and `hang` that fit the table of `head` and `rows` to `fit.width` (see `fitWidths`), to spread into
 * `renderColumns`; none when the width is null.
 */
export function fitColumns(
  head: string[] | undefined,
  rows: string[][],
  { width, steps, hang }: Fit,
): Pick<Columns, 'wrap' | 'hang'> {
  if (width === null) return {};
  const { natural, least } = measureColumns(head ?? [], rows, hang);
  const { widths } = fitWidths(natural, least, steps, width);
  return hang ? { wrap: widths, hang } : { wrap: widths };
}

/** Lays out a borderless table; lines carry no trailing spaces and end with a newline. */
export function renderColumns({ head, rows, paintHead, paintRow, paintCell, wrap, hang }: Columns): string {
  const cellLines = (text: string, column: number): string[] => {
    const max = wrap?.[column];
    return text.split('\n').flatMap((line) => wrapHanging(line, max ?? null, hang?.[column] ?? 0));
  };
  const body = rows.map((row) => row.map(cellLines));
  const widths: number[] = head ? head.map(displayWidth) : [];
  for (const row of body) {
    row.forEach((cell, column) => {
      for (const line of cell) widths[column] = Math.max(widths[column] ?? 0, displayWidth(line));
    });
  }
  const lines: string[] = [];
  const emit = (cells: string[][], paint: (column: number) => (text: string) => string) => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      let line = '';
      cells.forEach((cell, column) => {
        const text = cell[i] ?? '';
        const gap =
          column < cells.length - 1 ? ' '.repeat((widths[column] ?? 0) - displayWidth(text) + 2) : '';
        line += (text === '' ? '' : paint(column)(text)) + gap;
      });
      lines.push(line.trimEnd());
    }
  };
  const same = (text: string) => text;
  if (head) {
    emit(
      head.map((h) => [h]),
      () => paintHead ?? same,
    );
  }
  body.forEach((cells, row) => {
    const rowPaint = paintRow ? paintRow(row) : same;
    emit(cells, (column) => paintCell?.(row, column) ?? rowPaint);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Every line of `text` wider than `width` wrapped at spaces, its continuation lines indented as far as the line
 * itself (two more for an example's `$ `): for help text that commander does not wrap (examples, notes).
 */
export function fitLines(text: string, width: number | null): string {
  if (width === null) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      if (displayWidth(line) <= width) return [line];
      const indent = (/^ */.exec(line)?.[0] ?? '').length;
      const hang = indent + (line.slice(indent).startsWith('$ ') ? 4 : 0);
      return wrapAfterPrefix(
        ' '.repeat(indent),
        line.slice(indent),
        Math.max(10, width - indent),
        Math.max(10, width - hang),
        hang,
      );
    })
    .join('\n');
}
