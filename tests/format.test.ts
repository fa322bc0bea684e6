import { describe, expect, it } from 'vitest';
import { toJson, toJsonPieces } from '../src/render/format.js';
import { displayWidth, renderColumns, wrapText } from '../src/render/table.js';

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
      wrap: { column: 1, width: 10 },
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
