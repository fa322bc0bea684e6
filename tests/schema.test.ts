import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EVENT_PROPERTIES, parseTimeline, TIMELINE_PROPERTIES } from '../src/timeline/parse.js';
import { timelineSchema } from '../src/timeline/sources/juno-schema.js';
import { CONFIDENCES, KINDS } from '../src/timeline/types.js';
import { FIXTURES, ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(`${ROOT}data/timeline.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

describe('data/timeline.schema.json', () => {
  it('is the schema built from the parser’s own lists and limits (npx vitest run tests/schema.test.ts -u writes it)', async () => {
    await expect(`${JSON.stringify(timelineSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../data/timeline.schema.json',
    );
  });

  it('accepts the bundled Juno timeline, which points at it', () => {
    const juno = JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8'));
    expect(juno.$schema).toBe('./timeline.schema.json');
    expect(validate(juno), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the YAML fixture', () => {
    const doc = parse(readFileSync(`${FIXTURES}timelines/small.yaml`, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });
});

const EVENT = { id: 'a', name: 'A', kind: 'other', start: '2014-01-01' };

/** A timeline of one event, with the event's and the timeline's properties replaced or added. */
function doc(
  event: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
): Record<string, unknown> {
  return { series: 'x', events: [{ ...EVENT, ...event }], ...top };
}

/** The event without `key`. */
function without(key: string): Record<string, unknown> {
  const { [key]: _, ...rest } = EVENT as Record<string, unknown>;
  return { series: 'x', events: [rest] };
}

const phase = (p: Record<string, unknown>) => doc({}, { phases: [{ from: null, until: null, ...p }] });

describe('the schema and the parser agree', () => {
  const cases: [string, unknown, boolean][] = [
    ['a timeline of one event', doc(), true],
    // Unknown properties: read past by the parser (with a warning at the top and in events), allowed by the schema.
    ['an unknown top-level property', doc({}, { colour: 'red' }), true],
    ['an unknown event property', doc({ colour: 'red' }), true],
    ['an unknown phase property', phase({ id: 'p', name: 'P', colour: 'red' }), true],
    ['an unknown info property', doc({}, { info: { colour: 'red' } }), true],
    [
      'an unknown project property',
      doc({}, { info: { projects: { integrated: [{ name: 'n', x: 1 }] } } }),
      true,
    ],
    ['an unknown summit property', doc({}, { info: { summits: [{ event: 'e', x: 1 }] } }), true],
    // Kinds and confidences.
    ...KINDS.map((kind): [string, unknown, boolean] => [`kind ${kind}`, doc({ kind }), true]),
    ['an unknown kind', doc({ kind: 'party' }), false],
    ['a null kind', doc({ kind: null }), false],
    ...CONFIDENCES.map((c): [string, unknown, boolean] => [`confidence ${c}`, doc({ confidence: c }), true]),
    ['a null confidence', doc({ confidence: null }), true],
    ['an unknown confidence', doc({ confidence: 'sure' }), false],
    ['a confidence that is a number', doc({ confidence: 1 }), false],
    // Required fields.
    ['no series', { events: [EVENT] }, false],
    ['no events', { series: 'x' }, false],
    ['a null series', doc({}, { series: null }), false],
    ...['id', 'name', 'kind', 'start'].map((key): [string, unknown, boolean] => [
      `no event ${key}`,
      without(key),
      false,
    ]),
    ['a null event name', doc({ name: null }), false],
    ['a blank event name', doc({ name: '   ' }), false],
    ['a phase without an id', phase({ name: 'P' }), false],
    ['a phase without a name', phase({ id: 'p' }), false],
    ['a project without a name', doc({}, { info: { projects: { applied: [{ description: 'd' }] } } }), false],
    ['a summit with only its event', doc({}, { info: { summits: [{ event: 'e' }] } }), true],
    // Optional properties left empty (`title:` in YAML is null).
    ...['title', 'description', 'updated', 'releaseId', 'phases', 'info'].map(
      (key): [string, unknown, boolean] => [`a null ${key}`, doc({}, { [key]: null }), true],
    ),
    ...[
      'title',
      'notes',
      'location',
      'project',
      'url',
      'updated',
      'description',
      'week',
      'aliases',
      'sources',
      'sequence',
    ].map((key): [string, unknown, boolean] => [`a null event ${key}`, doc({ [key]: null }), true]),
    ['a null releaseWeek', doc({}, { releaseWeek: null }), false],
    ['a null end', doc({ end: null }), false],
    // Days, lengths and numbers.
    ['the first supported day', doc({ start: '1000-01-01' }), true],
    ['the day before it', doc({ start: '0999-12-31' }), false],
    ['the last supported day', doc({ start: '9996-12-31' }), true],
    ['the day after it', doc({ start: '9997-01-01' }), false],
    ['a day that is not in the calendar', doc({ start: '2014-02-30' }), false],
    ['a day not written YYYY-MM-DD', doc({ start: '1 Jan 2014' }), false],
    ['a name of 1,000 characters', doc({ name: 'n'.repeat(1000) }), true],
    ['a name of 1,001 characters', doc({ name: 'n'.repeat(1001) }), false],
    ['an id of 100 characters', doc({ id: 'a'.repeat(100) }), true],
    ['an id of 101 characters', doc({ id: 'a'.repeat(101) }), false],
    ['an id that is not a slug', doc({ id: 'A b' }), false],
    ['an alias in capitals', doc({ aliases: ['FF'] }), true],
    ['an alias with a space', doc({ aliases: ['f f'] }), false],
    ['a source that is not http(s)', doc({ sources: ['ftp://example.org'] }), false],
    ['the largest sequence', doc({ sequence: 2_147_483_647 }), true],
    ['a sequence past it', doc({ sequence: 2_147_483_648 }), false],
    ['a negative sequence', doc({ sequence: -1 }), false],
    ['a fractional sequence', doc({ sequence: 1.5 }), false],
    ['a release id as a number', doc({}, { releaseId: 2014.2 }), true],
    ['a release id of 41 characters', doc({}, { releaseId: '1'.repeat(41) }), false],
  ];

  it.each(cases)('%s', (_name, document, valid) => {
    expect(parseTimeline(document).ok, 'parser').toBe(valid);
    expect(validate(document), `schema: ${JSON.stringify(validate.errors)}`).toBe(valid);
  });

  it('names the properties the parser reads, and the parser warns of any other', () => {
    expect(Object.keys(schema.properties)).toEqual([...TIMELINE_PROPERTIES]);
    expect(Object.keys(schema.$defs.event.properties)).toEqual([...EVENT_PROPERTIES]);
    for (const key of TIMELINE_PROPERTIES) {
      const { warnings } = parseTimeline(doc({}, { [key]: undefined, colour: 1 }));
      expect(warnings.map((w) => w.path)).toEqual(['colour']);
    }
    for (const key of EVENT_PROPERTIES) {
      const { warnings } = parseTimeline(doc({ [key]: null, colour: 1 }));
      expect(warnings.map((w) => w.path)).toEqual(['events[0].colour']);
    }
  });
});

describe('data/series.schema.json', () => {
  const seriesSchema = JSON.parse(readFileSync(`${ROOT}data/series.schema.json`, 'utf8'));
  const validateSeries = ajv.compile(seriesSchema);

  it('accepts the bundled series list, which points at it', () => {
    const list = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8'));
    expect(list.$schema).toBe('./series.schema.json');
    expect(validateSeries(list), JSON.stringify(validateSeries.errors)).toBe(true);
  });

  it.each([
    [
      {
        series: [
          {
            name: 'x',
            releaseId: 2027.1,
            status: 'future',
            initialRelease: '2027-03-24',
            eolDate: null,
            nextPhase: null,
          },
        ],
      },
    ],
    [
      {
        series: [
          {
            name: 'x',
            releaseId: null,
            status: 'alive',
            initialRelease: '2027-03-24',
            eolDate: null,
            nextPhase: null,
          },
        ],
      },
    ],
    [{ series: [{ name: 'x', releaseId: null, status: 'future', initialRelease: '2027-03-24' }] }],
  ])('rejects %j', (doc) => {
    expect(validateSeries(doc)).toBe(false);
  });
});
