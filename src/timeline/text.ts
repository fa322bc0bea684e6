// Text from timeline files reaches terminals, spreadsheets, calendars and JSON readers. Removed when a file is
// read: control characters (C0 except newline, DEL, C1); the bidirectional overrides, isolates and marks that
// can disguise text; and the invisible characters that can hide text or split a word without a trace
// (zero-width space, word joiner and invisible operators, a byte-order mark inside the text, tag characters).
// The zero-width joiner and non-joiner stay where they join two visible characters, as in 👨‍👩‍👧 or Persian
// words, and go anywhere else. An unpaired UTF-16 surrogate, which no UTF-8 encoder or JSON reader accepts,
// becomes U+FFFD.
//
// The u flag makes `[\ud800-\udfff]` match an unpaired surrogate only, and `\u{e0000}-\u{e007f}` whole pairs.
const INVISIBLE =
  '\\u061c\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\u{e0000}-\\u{e007f}';
const VISIBLE = '[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]';
const STRAY_JOINER = `(?<!${VISIBLE})[\\u200c\\u200d]|[\\u200c\\u200d](?!${VISIBLE})`;
const UNSAFE_SOURCE = `[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}\\ud800-\\udfff]|${STRAY_JOINER}`;
const UNSAFE_ANY_SOURCE = `[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}\\ud800-\\udfff]|${STRAY_JOINER}`;
// The Unicode classes of VISIBLE are costly to build and compile (about 3 ms, a tenth of a start of `juno next`),
// and they matter only around a joiner: each expression that uses them is made on first need, after a test
// without them (any character the expression could match, joiners included) has found something to remove.
const unsafe = onFirstUse(UNSAFE_SOURCE, 'gu');
const unsafeAny = onFirstUse(UNSAFE_ANY_SOURCE, 'gu');
const needsCleaning = onFirstUse(UNSAFE_SOURCE, 'u');
const MAYBE_UNSAFE = new RegExp(
  `[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}\\ud800-\\udfff\\u200c\\u200d]`,
  'u',
);
const MAYBE_UNSAFE_ANY = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}\\ud800-\\udfff\\u200c\\u200d]`,
  'u',
);

function onFirstUse(source: string, flags: string): () => RegExp {
  let made: RegExp | undefined;
  return () => {
    if (made === undefined) made = new RegExp(source, flags);
    return made;
  };
}

/** What an unsafe character becomes: a tab a space, an unpaired surrogate U+FFFD, anything else nothing. */
const replacement = (c: string) =>
  c === '\t' ? ' ' : c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : '';

/** The text with its first letter in capitals: a series' name as people write it (`indri` → "Indri"). */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Strips control and invisible characters, keeping newlines (for multi-line notes). */
export function cleanText(text: string): string {
  // Most text has nothing to clean: one test instead of replacements, for files of many events.
  if (!MAYBE_UNSAFE.test(text) || !needsCleaning().test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(unsafe(), replacement);
}

/**
 * Strips control and invisible characters and folds line breaks (and the spaces around them) into single spaces:
 * for one-line cells, labels and messages.
 */
export function oneLine(text: string): string {
  const folded = foldLines(text);
  if (!MAYBE_UNSAFE_ANY.test(folded)) return folded;
  return folded.replace(unsafeAny(), replacement);
}

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/;

// Split and trimmed rather than by `/\s*\n+\s*/g`, whose backtracking over a long run of spaces with no line
// break after it takes time in the square of the run's length (seconds for an argument of 100,000 spaces).
function foldLines(text: string): string {
  if (!LINE_BREAK.test(text)) return text;
  const lines = text.split(LINE_BREAKS);
  const last = lines.length - 1;
  const kept = lines.flatMap((line, i) => {
    if (i === 0) return [line.trimEnd()];
    if (i === last) return [line.trimStart()];
    const middle = line.trim();
    return middle === '' ? [] : [middle];
  });
  return kept.join(' ');
}

/** At most `max` characters, with `…` when cut (never halving a surrogate pair): huge values are not echoed. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
