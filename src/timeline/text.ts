// Text from timeline files reaches terminals, spreadsheets and calendars. Control characters (C0 except
// newline, DEL, C1) and the bidirectional overrides that can disguise text are removed when a file is read.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ANY = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Strips control characters, keeping newlines (for multi-line notes). */
export function cleanText(text: string): string {
  // Most text has nothing to clean: one test instead of two replacements, for files of many events.
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}
const NEEDS_CLEANING =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Strips control characters and folds line breaks into single spaces: for one-line cells and messages. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(UNSAFE_ANY, '');
}

/** At most `max` characters, with `…` when cut (never halving a surrogate pair): huge values are not echoed. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
