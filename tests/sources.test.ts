// The sources seam: a document's text becomes a value (JSON or YAML, with lines), the source that claims its
// shape reads it, and the files it needs beside it are asked for, not read by the source itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeriesRecord } from '../src/timeline/series.js';
import { DocumentError } from '../src/timeline/sources/bounds.js';
import { parseDocument } from '../src/timeline/sources/document.js';
import { SOURCES, type SourceFiles, sourceOf } from '../src/timeline/sources/index.js';
import { FIXTURES } from './helpers.js';

const json = { label: 'x.json', extension: '.json', trusted: false };
const yaml = { label: 'x.yaml', extension: '.yaml', trusted: false };

/** Files as a source sees them: `siblings` by name, and the series list; every request is recorded. */
function files(siblings: Record<string, string> = {}, series: SeriesRecord[] = []) {
  const asked: string[] = [];
  const given: SourceFiles = {
    folder: 'indri',
    sibling: async (name) => {
      asked.push(name);
      return { label: `indri/${name}`, text: siblings[name] ?? null };
    },
    neighbour: async (series, name) => {
      asked.push(`${series}/${name}`);
      return { label: `${series}/${name}`, text: null };
    },
    seriesList: async () => {
      asked.push('series list');
      return series;
    },
  };
  return { given, asked };
}

describe('parseDocument', () => {
  it('reads JSON without lines and YAML with the line of each node', async () => {
    expect(await parseDocument('{"a": [1]}', json)).toEqual({ value: { a: [1] }, lineOf: null });
    const doc = await parseDocument('a:\n  - 1\n  - b: 2\n', yaml);
    expect(doc.value).toEqual({ a: [1, { b: 2 }] });
    expect(doc.lineOf?.(['a', 1, 'b'])).toBe(3);
    expect(doc.lineOf?.(['a', 5])).toBeNull();
  });

  it('takes a file whose extension says neither as JSON when it starts with [ or {, else as YAML', async () => {
    const other = { label: 'x', extension: '', trusted: false };
    expect((await parseDocument('  {"a": 1}', other)).lineOf).toBeNull();
    expect((await parseDocument('a: 1', other)).value).toEqual({ a: 1 });
  });

  it('refuses with a DocumentError naming the file and the place', async () => {
    // V8's wording after the place differs between Node lines.
    await expect(parseDocument('{"a": 1}\n}', json)).rejects.toThrow(
      /^x\.json: not valid JSON \(line 2, column 1\): Unexpected non-whitespace character after JSON/,
    );
    await expect(parseDocument('a: 1\na: 2\n', yaml)).rejects.toThrow(
      new DocumentError('x.yaml: line 2, column 1: Map keys must be unique'),
    );
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    const refusal = await parseDocument(deep, json).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DocumentError);
    expect(refusal).toMatchObject({
      message: 'x.json: line 1, column 65: nested more than 64 levels deep',
      hint: 'a timeline needs at most 5 levels; is this the file you meant?',
    });
  });

  it('does not scan a trusted file for depth (the files juno ships)', async () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    await expect(parseDocument(deep, { ...json, trusted: true })).resolves.toMatchObject({ lineOf: null });
  });
});

describe('sourceOf', () => {
  it('gives a bundled schedule to the bundled source, an upstream schedule.yaml to the upstream source and anything else to the juno format', () => {
    expect(SOURCES.map((s) => s.format)).toEqual(['bundled', 'upstream', 'juno']);
    expect(sourceOf({ format: 'juno-series', version: 1, timeline: {} }).format).toBe('bundled');
    expect(sourceOf({ cycle: [], 'release-week': '2030-04-01' }).format).toBe('upstream');
    expect(sourceOf({ series: 'x', events: [] }).format).toBe('juno');
    expect(sourceOf({ cycle: [], 'release-week': '2030-04-01', events: [] }).format).toBe('juno');
    expect(sourceOf('a password').format).toBe('juno');
  });
});

describe('the upstream source', () => {
  const schedule = readFileSync(`${FIXTURES}upstream/indri/schedule.yaml`, 'utf8');
  const rst = readFileSync(`${FIXTURES}upstream/indri/schedule.rst`, 'utf8');

  it('asks for schedule.rst beside the schedule, then the series list, and names the series after the folder', async () => {
    const document = await parseDocument(schedule, { ...yaml, label: 'indri/schedule.yaml' });
    const { given, asked } = files({ 'schedule.rst': rst });
    const result = await sourceOf(document.value).read(document, given);
    expect(asked).toEqual(['schedule.rst', 'series list']);
    expect(result.ok && result.timeline.series).toBe('indri');
    expect(result.warnings.some((w) => w.message.startsWith('no such file'))).toBe(false);
  });

  it('warns, first, when there is no schedule.rst, and names events from their labels', async () => {
    const document = await parseDocument(schedule, yaml);
    const result = await sourceOf(document.value).read(document, files().given);
    expect(result.warnings[0]).toEqual({
      file: 'indri/schedule.rst',
      path: '',
      message:
        'no such file beside the schedule; events are named from their labels and dated by their weeks',
    });
    expect(result.ok).toBe(true);
  });

  it('cites rows of schedule.yaml with their line', async () => {
    const text =
      'release-week: 2030-04-01\ncycle:\n  - name: R+0\n    start: 2030-04-01\n    end: 2030-04-05\n    colour: red\n';
    const document = await parseDocument(text, yaml);
    const result = await sourceOf(document.value).read(document, files({ 'schedule.rst': '' }).given);
    expect(result.warnings).toContainEqual({
      path: 'cycle[0].colour (line 6)',
      message: 'unknown property, ignored',
    });
  });
});

describe('the juno source', () => {
  it('reads a document with parseTimeline and asks for no other file', async () => {
    const { given, asked } = files();
    const value = { series: 'x', events: [{ id: 'a', name: 'A', kind: 'other', start: '2014-01-01' }] };
    const result = await sourceOf(value).read({ value, lineOf: null }, given);
    expect(result.ok && result.timeline.events.map((e) => e.id)).toEqual(['a']);
    expect(asked).toEqual([]);
  });
});
