// cleanText and oneLine build their costly expressions (Unicode classes around joiners) only when a cheap test
// finds something they could remove: the result must be what the full expressions give on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, oneLine } from '../src/timeline/text.js';

// The expressions as they were applied to every text, kept here as the reference.
const INVISIBLE =
  '\\u061c\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\u{e0000}-\\u{e007f}';
const VISIBLE = '[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]';
const STRAY_JOINER = `(?<!${VISIBLE})[\\u200c\\u200d]|[\\u200c\\u200d](?!${VISIBLE})`;
const UNSAFE = new RegExp(
  `[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}\\ud800-\\udfff]|${STRAY_JOINER}`,
  'gu',
);
const UNSAFE_ANY = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}\\ud800-\\udfff]|${STRAY_JOINER}`,
  'gu',
);
const replacement = (c: string) =>
  c === '\t' ? ' ' : c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : '';
const referenceClean = (text: string) =>
  new RegExp(UNSAFE.source, 'u').test(text)
    ? text.replace(/\r\n?/g, '\n').replace(UNSAFE, replacement)
    : text;
const referenceOneLine = (text: string) => {
  const lines = text.split(/[\r\n\u0085\u2028\u2029]+/);
  const folded = /[\r\n\u0085\u2028\u2029]/.test(text)
    ? lines
        .flatMap((line, i) => {
          if (i === 0) return [line.trimEnd()];
          if (i === lines.length - 1) return [line.trimStart()];
          const middle = line.trim();
          return middle === '' ? [] : [middle];
        })
        .join(' ')
    : text;
  return folded.replace(UNSAFE_ANY, replacement);
};

/** Text rich in what the expressions look at: joiners beside letters, marks, spaces, controls, surrogates. */
const PIECES = [
  'a',
  'ب',
  '👨',
  '\u0301',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u200c',
  '\u200d',
  '\u200b',
  '\u202e',
  '\ufeff',
];
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES, '\ud83d', '\udc68', '\u{e0041}', '\u0085', '\u2028', '\u009f', '\u0000'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

describe('cleanText and oneLine', () => {
  it('give what the full expressions give, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' })), (text) => {
        expect(cleanText(text)).toBe(referenceClean(text));
        expect(oneLine(text)).toBe(referenceOneLine(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keep joiners between visible characters and drop stray ones', () => {
    expect(cleanText('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧');
    expect(cleanText('a\u200c b\u200d')).toBe('a b');
    expect(oneLine('می\u200cخواهم\n next\u200b')).toBe('می\u200cخواهم next');
    expect(cleanText('plain text')).toBe('plain text');
  });
});
