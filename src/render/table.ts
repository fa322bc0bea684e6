// Borderless, column-aligned tables for terminals, laid out by cli-table3.
import Table from 'cli-table3';
import type { Style } from './style.js';
import { columnWidths } from './width.js';

export { columnWidths };

const CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/**
 * cli-table3's layout takes time quadratic in the number of rows; tables are laid out in blocks of this many
 * rows with the same column widths, so that 100,000 rows take seconds, not hours.
 */
const BLOCK = 200;

export interface TableOptions {
  style: Style;
  /** Paints row `index` (a cell at a time); widths are measured before painting. */
  paint?: (index: number) => (text: string) => string;
  /** A column's width when it must wrap (null: as wide as its widest cell). */
  widths?: (number | null)[];
}

/** The table as lines of text, trailing spaces trimmed, without a final newline. */
export function renderTextTable(head: string[], rows: string[][], options: TableOptions): string {
  const natural = columnWidths(head, rows);
  const wraps = options.widths?.some((w, i) => w !== null && w < (natural[i] as number)) ?? false;
  const colWidths = natural.map((w, i) => options.widths?.[i] ?? w);
  const blocks: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += BLOCK) {
    const table = new Table({
      head: start === 0 ? head.map((h) => options.style.bold(h)) : [],
      chars: CHARS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colWidths,
      wordWrap: wraps,
    });
    const block = rows.slice(start, start + BLOCK).map((row, offset) => {
      const paint = options.paint?.(start + offset) ?? ((text: string) => text);
      return row.map((cell) => paint(cell));
    });
    if (block.length > 0) table.push(...block);
    blocks.push(table.toString());
  }
  return blocks
    .filter((b) => b !== '')
    .join('\n')
    .replace(/[ \t]+$/gm, '');
}
