import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(`${ROOT}data/timeline.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

describe('data/timeline.schema.json', () => {
  it('accepts the bundled Juno timeline, which points at it', () => {
    const juno = JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8'));
    expect(juno.$schema).toBe('./timeline.schema.json');
    expect(validate(juno), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the YAML fixture', () => {
    const doc = parse(readFileSync(`${FIXTURES}timelines/small.yaml`, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    [{ events: [] }],
    [{ series: 'x', events: [{ id: 'a', name: 'A', kind: 'party', start: '2014-01-01' }] }],
    [{ series: 'x', events: [{ id: 'a', name: 'A', kind: 'other', start: '1 Jan 2014' }] }],
    [{ series: 'x', events: [{ id: 'a', name: 'A', kind: 'other', start: '2014-01-01', colour: 'red' }] }],
  ])('rejects %j', (doc) => {
    expect(validate(doc)).toBe(false);
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
