/** How presenters emphasise text. The CLI decides colour once and passes one of these down. */
export interface Style {
  readonly color: boolean;
  /** The terminal cannot show UTF-8: juno's own symbols have ASCII stand-ins (see `asciiText`). */
  readonly ascii: boolean;
  /** Human output as this terminal can show it: unchanged, or with the ASCII stand-ins. */
  text(out: string): string;
  dim(text: string): string;
  bold(text: string): string;
  /** The next event, headings. */
  accent(text: string): string;
  /** Something within a week. */
  warn(text: string): string;
  /** Running now; a passing check. */
  good(text: string): string;
  /** A failing check. */
  bad(text: string): string;
  /** The background of highlighted calendar days. */
  highlight(text: string): string;
}

const same = (text: string) => text;

/**
 * ASCII stand-ins for the symbols juno draws, each as wide as what it stands for, so that laid-out columns stay
 * aligned: █ # · ░ . · the separator · | · → > · – and — - · ▶ > · … . · • * · box lines - | +. Renderers that
 * write an ellipsis of their own write "..." instead when `ascii` (weeks, calendar).
 */
const ASCII: Record<string, string> = {
  '█': '#',
  '░': '.',
  '·': '|',
  '→': '>',
  '–': '-',
  '—': '-',
  '▶': '>',
  '…': '.',
  '•': '*',
  '─': '-',
  '│': '|',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
  '├': '+',
  '┤': '+',
  '┬': '+',
  '┴': '+',
  '┼': '+',
};
const ASCII_KEYS = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'g');

/** `out` with the ASCII stand-ins of `ASCII`. */
export function asciiText(out: string): string {
  return out.replace(ASCII_KEYS, (c) => ASCII[c] ?? c);
}

export const plainStyle: Style = {
  color: false,
  ascii: false,
  text: same,
  dim: same,
  bold: same,
  accent: same,
  warn: same,
  good: same,
  bad: same,
  highlight: same,
};
