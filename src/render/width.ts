// Widths of text as a terminal shows it: CJK characters and emoji take two cells.
import stringWidth from 'string-width';

export { stringWidth };

/** Display widths of each column: the widest cell, in terminal cells (CJK and emoji count two). */
export function columnWidths(head: string[], rows: string[][]): number[] {
  const widths = head.map((h) => stringWidth(h));
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const w = stringWidth(row[i] ?? '');
      if (w > (widths[i] as number)) widths[i] = w;
    }
  }
  return widths;
}
