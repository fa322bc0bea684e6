/** How presenters emphasise text. The CLI decides colour once and passes one of these down. */
export interface Style {
  readonly color: boolean;
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

export const plainStyle: Style = {
  color: false,
  dim: same,
  bold: same,
  accent: same,
  warn: same,
  good: same,
  bad: same,
  highlight: same,
};
