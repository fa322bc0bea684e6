import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(`${ROOT}data/timeline.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
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
