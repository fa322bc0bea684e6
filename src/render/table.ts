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

/** Splits plain text into lines of at most `width` columns, at spaces; a longer word is cut. */
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
  for (const word of text.split(/\s+/)) if (word !== '') push(word);
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export interface Columns {
  /** Column headings, plain text. */
  head: string[];
  /** Rows of plain-text cells, one per heading. */
  rows: string[][];
  /** Colours for the headings and for each row, applied after the layout. */
  paintHead?: (text: string) => string;
  paintRow?: (row: number) => (text: string) => string;
  /** A column whose text wraps at spaces to this many columns. */
  wrap?: { column: number; width: number };
}

/** Lays out a borderless table; lines carry no trailing spaces and end with a newline. */
export function renderColumns({ head, rows, paintHead, paintRow, wrap }: Columns): string {
  const cellLines = (text: string, column: number): string[] =>
    wrap && wrap.column === column ? wrapText(text, wrap.width) : [text];
  const body = rows.map((row) => row.map(cellLines));
  const widths = head.map(displayWidth);
  for (const row of body) {
    row.forEach((cell, column) => {
      for (const line of cell) widths[column] = Math.max(widths[column] ?? 0, displayWidth(line));
    });
  }
  const lines: string[] = [];
  const emit = (cells: string[][], paint: (text: string) => string) => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      let line = '';
      cells.forEach((cell, column) => {
        const text = cell[i] ?? '';
        const gap =
          column < cells.length - 1 ? ' '.repeat((widths[column] ?? 0) - displayWidth(text) + 2) : '';
        line += (text === '' ? '' : paint(text)) + gap;
      });
      lines.push(line.trimEnd());
    }
  };
  const same = (text: string) => text;
  emit(
    head.map((h) => [h]),
    paintHead ?? same,
  );
  body.forEach((cells, row) => {
    emit(cells, paintRow ? paintRow(row) : same);
  });
  return `${lines.join('\n')}\n`;
}
