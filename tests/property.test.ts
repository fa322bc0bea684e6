// Properties that must hold for any input, checked with generated cases (fast-check).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DataError } from '../src/cli/errors.js';
import { parseDocumentText } from '../src/cli/load.js';
import { safeCell, toCsv, toTsv } from '../src/render/format.js';
import { eventUid, renderIcs } from '../src/render/ics.js';
import { addDays, type Day, isDay, mondayOf } from '../src/timeline/day.js';
import { parseTimeline } from '../src/timeline/parse.js';
import { daysUntil, weekLabel } from '../src/timeline/query.js';
import { jsonTooDeepAt } from '../src/timeline/sources/document.js';
import { cleanText, clip, oneLine } from '../src/timeline/text.js';
import { checkLines, parseIcs } from './calendar.js';
import { makeEvent, TIME_ZONES } from './helpers.js';

/** Control characters no output may carry (newline, and CR/tab where a format uses them, are checked apart). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Loads `text` as the file `name` would be: a timeline, or a DataError; anything else is a crash. */
async function load(text: string, name: string): Promise<'ok' | 'invalid'> {
  let raw: unknown;
  try {
    raw = await parseDocumentText(text, name);
  } catch (error) {
    if (error instanceof DataError) {
      expect(error.message.startsWith(`${name}: `)).toBe(true);
      return 'invalid';
    }
    throw error;
  }
  const result = parseTimeline(raw);
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    return 'invalid';
  }
  for (const event of result.timeline.events) {
    expect(isDay(event.start) && isDay(event.end) && event.start <= event.end).toBe(true);
    expect(event.name).not.toMatch(CONTROL);
  }
  return 'ok';
}

const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10) as Day);

/** Event-shaped objects with any values in the known fields: the parser must sort out every combination. */
const eventLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'release', 'constructor', '__proto__'), fc.jsonValue()),
    name: fc.oneof(fc.string(), fc.jsonValue()),
    kind: fc.oneof(fc.constantFrom('freeze', 'release', 'party'), fc.jsonValue()),
    start: fc.oneof(day, fc.string(), fc.jsonValue()),
    end: fc.oneof(day, fc.jsonValue()),
    aliases: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
    confidence: fc.jsonValue(),
    sequence: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const timelineLike = fc.record(
  {
    series: fc.oneof(fc.constant('x'), fc.jsonValue()),
    events: fc.oneof(fc.array(eventLike, { maxLength: 6 }), fc.jsonValue()),
    phases: fc.jsonValue(),
    info: fc.jsonValue(),
    releaseWeek: fc.oneof(day, fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe('the loader never crashes', () => {
  it('on arbitrary JSON documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), timelineLike), async (value) => {
        await load(JSON.stringify(value) ?? 'null', 'any.json');
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary YAML documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), timelineLike), async (value) => {
        await load(stringify(value), 'any.yaml');
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text, as JSON and as YAML', async () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          '- ',
          ': ',
          '\n',
          '  ',
          '[',
          ']',
          '{',
          '}',
          ',',
          '&a ',
          '*a',
          '!!str ',
          '! ',
          '? ',
          '#',
          '"',
          "'",
          '|',
          '>',
          '---\n',
          '...',
          '%YAML 1.2\n',
          '<<: ',
          'x',
          '1',
          '2014-02-30',
          'series',
          'events',
          '\t',
          '\\',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), yamlish), async (text) => {
        await load(text, 'any.yaml');
        await load(text, 'any.json');
      }),
      { numRuns: 500 },
    );
  });

  it('loads valid timelines however the values are written', async () => {
    const valid = fc.record({
      series: fc.constant('x'),
      events: fc.uniqueArray(
        fc.record({
          id: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
          name: fc.string({ minLength: 1 }).filter((s) => oneLine(s).trim() !== ''),
          kind: fc.constantFrom('milestone', 'freeze', 'release', 'summit'),
          start: day,
        }),
        { selector: (e) => e.id, maxLength: 8 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(valid, async (timeline) => {
        expect(await load(JSON.stringify(timeline), 'valid.json')).toBe('ok');
        expect(await load(stringify(timeline), 'valid.yaml')).toBe('ok');
      }),
      { numRuns: 200 },
    );
  });

  it('never lets __proto__ or constructor keys reach Object.prototype', async () => {
    for (const file of ['proto.json', 'proto.yaml']) {
      const text = readFileSync(new URL(`./hostile/files/${file}`, import.meta.url), 'utf8');
      const raw = await parseDocumentText(text, file);
      const result = parseTimeline(raw);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.timeline.events.map((e) => [e.id, e.kind])).toEqual([['constructor', 'other']]);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });

  it('counts JSON nesting outside strings only', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        const depth = (v: unknown): number =>
          v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0;
        const actual = depth(value);
        expect(jsonTooDeepAt(text, actual)).toBeNull();
        if (actual > 0) expect(jsonTooDeepAt(text, actual - 1)).not.toBeNull();
      }),
    );
  });

  it('skips strings full of quotes, backslashes and brackets', () => {
    const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        tricky,
        fc.array(tie('node')),
        fc.dictionary(tricky, tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v);
        const depth = (x: unknown): number =>
          x !== null && typeof x === 'object' ? 1 + Math.max(0, ...Object.values(x).map(depth)) : 0;
        const actual = depth(v);
        expect(jsonTooDeepAt(text, actual)).toBeNull();
        if (actual > 0) expect(jsonTooDeepAt(text, actual - 1)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('days and weeks', () => {
  it('daysUntil falls by one each day, in every time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of TIME_ZONES) {
        process.env.TZ = zone;
        fc.assert(
          fc.property(day, day, (start, today) => {
            const event = makeEvent({ start });
            expect(daysUntil(event, addDays(today, 1))).toBe(daysUntil(event, today) - 1);
            expect(daysUntil(event, start)).toBe(0);
          }),
          { numRuns: 200 },
        );
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('week labels advance by one every 7 days and hold within a week', () => {
    const weekNumber = (label: string | null) => Number((label as string).slice(1));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 6 }), (release, today, offset) => {
        const week = weekNumber(weekLabel(mondayOf(release), today));
        expect(weekNumber(weekLabel(mondayOf(release), addDays(today, 7)))).toBe(week + 1);
        expect(weekNumber(weekLabel(mondayOf(release), addDays(mondayOf(today), offset)))).toBe(week);
        expect(weekLabel(mondayOf(release), release)).toBe('R+0');
      }),
    );
  });

  it('an ICS export of an arbitrary valid timeline parses back to the same events and dates', () => {
    const timelines = fc.record({
      series: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
      events: fc.uniqueArray(
        fc.record(
          {
            id: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
            name: fc
              .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
              .filter((s) => oneLine(s).trim() !== ''),
            kind: fc.constantFrom(
              'milestone',
              'freeze',
              'deadline',
              'rc',
              'release',
              'summit',
              'eol',
              'other',
            ),
            start: day,
            length: fc.integer({ min: 0, max: 20 }),
            notes: fc.string({ maxLength: 300, unit: 'grapheme' }),
            location: fc.string({ maxLength: 80 }),
          },
          { requiredKeys: ['id', 'name', 'kind', 'start', 'length'] },
        ),
        { selector: (e) => e.id, minLength: 1, maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(timelines, ({ series, events }) => {
        const raw = {
          series,
          events: events.map(({ length, ...e }) => ({ ...e, end: addDays(e.start, length) })),
        };
        const parsed = parseTimeline(raw);
        if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
        const ics = renderIcs({
          timeline: parsed.timeline,
          today: '2014-09-21',
          name: null,
          stamp: new Date(Date.UTC(2014, 9, 16)),
          revision: new Date(Date.UTC(2014, 9, 16)),
          method: null,
          alarmSeconds: null,
          version: '0.0.0',
          weeks: false,
          nothing: null,
        });
        checkLines(ics);
        const back = parseIcs(ics).events;
        expect(back.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual(
          parsed.timeline.events.map((e) => [
            eventUid(series, e.id),
            // Named after the series unless the name has the series' name as a word of its own.
            new RegExp(`(^|[^a-z0-9])${series}($|[^a-z0-9])`, 'i').test(oneLine(e.name))
              ? oneLine(e.name)
              : `${series.charAt(0).toUpperCase()}${series.slice(1)}: ${oneLine(e.name)}`,
            e.start,
            addDays(e.end, 1),
          ]),
        );
      }),
      { numRuns: 150 },
    );
  });
});

const FORMULA = /^\s*[=+\-@＝＋－＠]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

describe('text that reaches terminals and spreadsheets', () => {
  it('cleanText and oneLine leave no control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(cleanText(text)).not.toMatch(CONTROL);
        expect(oneLine(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
    );
  });

  it('clip never exceeds its bound nor splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 2, max: 50 }), (text, max) => {
        const clipped = clip(text, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(clipped).not.toMatch(/[\ud800-\udbff]…$/);
        if (text.length <= max) expect(clipped).toBe(text);
      }),
    );
  });

  it('no CSV or TSV cell can start a formula', () => {
    const risky = fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '\t', '\r', '\n', '\u0000', '\u001b', '\u00a0', '\u3000'),
        fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', 'a', '1'),
        fc.string(),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(risky, fc.string({ unit: 'binary' })), (text) => {
        const cell = safeCell(text);
        expect(cell).not.toMatch(CONTROL);
        if (NUMBER.test(cell)) return;
        expect(cell).not.toMatch(FORMULA);
        for (const output of [toCsv(['h'], [[text]]), toTsv(['h'], [[text]])]) {
          const body = output.replace(/^h\r?\n"?/, '');
          expect(body).not.toMatch(FORMULA);
        }
      }),
      { numRuns: 500 },
    );
  });
});
