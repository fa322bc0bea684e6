// "Nothing matched" across every command and format that can match nothing: exit 1 with the reason on stderr,
// JSON always one whole document (its list empty, its object null), other formats as they have always been.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOf } from '../src/cli/failure.js';
import { exportSelection } from '../src/render/views/export.js';
import { nextView } from '../src/render/views/next.js';
import { phaseView } from '../src/render/views/phase.js';
import { scheduleView } from '../src/render/views/schedule.js';
import { seriesListView } from '../src/render/views/series.js';
import { FIXTURES, makeTimeline, runMain } from './helpers.js';

const SMALL = `${FIXTURES}timelines/small.yaml`;

const dir = mkdtempSync(join(tmpdir(), 'juno-nothing-'));
const bare = join(dir, 'bare.yaml');
writeFileSync(
  bare,
  'series: bare\nevents:\n  - { id: kickoff, name: Kick-off, kind: other, start: "2014-01-06" }\n',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs juno and checks that stdout, whatever the exit code, is one JSON document; returns it parsed. */
async function json(args: string[]): Promise<{ code: number; stderr: string; json: unknown }> {
  const result = await runMain([...args, '--format', 'json']);
  return { code: result.code, stderr: result.stderr, json: JSON.parse(result.stdout) };
}

describe('juno next with no event ahead', () => {
  const message = 'juno: no event begins on or after Tue 1 Jan 2030 in juno\n';

  it('prints nothing as text and exits 1 with the reason', async () => {
    const result = await runMain(['next', '--date', '2030-01-01']);
    // The reason, then (table output of the bundled Juno) the warning that the series data is older than 2030.
    expect(result).toEqual({ stdout: '', stderr: expect.stringMatching(/^juno: warning: /m), code: 1 });
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr.split('\n')[1]).toMatch(/knows no series in development on 2030-01-01; juno update/);
  });

  it('prints a whole JSON document with a null event', async () => {
    expect(await json(['next', '--date', '2030-01-01'])).toEqual({
      code: 1,
      stderr: message,
      json: { schemaVersion: 1, series: 'juno', today: '2030-01-01', event: null },
    });
  });

  it('with --count, prints an empty list', async () => {
    expect(await json(['next', '--date', '2030-01-01', '--count', '3'])).toEqual({
      code: 1,
      stderr: message,
      json: { schemaVersion: 1, series: 'juno', today: '2030-01-01', events: [] },
    });
  });

  it('names the kinds asked for', async () => {
    const result = await json(['next', '--kind', 'other,summit', '--date', '2014-11-08']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('juno: no other or summit event begins on or after Sat 8 Nov 2014 in juno\n');
    expect(result.json).toMatchObject({ event: null });
  });

  it('still gives the event when one is ahead, and exits 0', async () => {
    const result = await json(['next', '--date', '2014-09-21']);
    expect(result).toMatchObject({ code: 0, stderr: '', json: { event: { id: 'rc1' } } });
  });
});

describe('juno phase when no phase covers today', () => {
  const hint = 'juno: hint: phases are listed under "phases" in the timeline file\n';

  it.each([
    [bare, '2014-09-21', 'juno: the bare timeline defines no phases\n'],
    [SMALL, '2013-01-01', 'juno: no phase of small covers 2013-01-01\n'],
  ])('%s on %s: nothing as text, a null phase as JSON, exit 1', async (file, date, message) => {
    const args = ['phase', '--timeline', file, '--date', date];
    expect(await runMain(args)).toEqual({ stdout: '', stderr: message + hint, code: 1 });
    const result = await json(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(message + hint);
    expect(result.json).toEqual({
      schemaVersion: 1,
      series: file === bare ? 'bare' : 'small',
      today: date,
      phase: null,
      next: null,
    });
  });
});

describe('juno schedule with filters that match nothing', () => {
  const args = ['schedule', '--kind', 'summit', '--upcoming', '--date', '2015-01-01'];
  const stderr = 'juno: no events match the filters\n';

  it('prints the heading and "No events." as a table', async () => {
    const result = await runMain(args);
    expect(result).toMatchObject({ code: 1, stderr });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'OpenStack Juno (2014.2) · today Thu 1 Jan 2015 (R+11) · phase: Released (stable maintenance)',
    );
    expect(lines.slice(-3)).toEqual(['', 'No events.', '']);
  });

  it('prints the JSON document with an empty list', async () => {
    const result = await json(args);
    expect(result).toMatchObject({ code: 1, stderr });
    expect(result.json).toMatchObject({ schemaVersion: 1, series: 'juno', today: '2015-01-01', events: [] });
    expect((result.json as { phase: { id: string } }).phase.id).toBe('released');
  });

  it.each([
    ['csv', 'id,name,kind,start,end,week,daysUntil,status,confidence,project,location\r\n'],
    ['tsv', 'id\tname\tkind\tstart\tend\tweek\tdaysUntil\tstatus\tconfidence\tproject\tlocation\n'],
    ['markdown', '| Date | Week | Event | Kind | When |\n| --- | --- | --- | --- | --- |\n'],
  ])('prints the %s header alone', async (format, stdout) => {
    expect(await runMain([...args, '--format', format])).toEqual({ stdout, stderr, code: 1 });
  });

  it('exits 0 when the filters leave events', async () => {
    expect((await runMain(['schedule', '--kind', 'summit', '--date', '2014-09-21'])).code).toBe(0);
  });
});

describe('juno series with a filter that matches nothing', () => {
  const stderr =
    'juno: juno is not at end of life on 2014-09-21: it is in development\n' +
    'juno: hint: juno series --eol lists them\n';
  const args = ['series', 'juno', '--eol', '--date', '2014-09-21'];

  it.each(['table', 'csv', 'tsv', 'markdown'])('prints nothing as %s', async (format) => {
    expect(await runMain([...args, '--format', format])).toEqual({ stdout: '', stderr, code: 1 });
  });

  it('prints the JSON document with an empty list', async () => {
    expect(await json(args)).toEqual({
      code: 1,
      stderr,
      json: { schemaVersion: 1, today: '2014-09-21', series: [] },
    });
  });

  it('says which filter found nothing, with --days too', async () => {
    const result = await json(['series', '--unmaintained', '--days', 'eol', '--date', '2010-01-01']);
    expect(result).toEqual({
      code: 1,
      stderr: 'juno: no series is unmaintained on 2010-01-01\n',
      json: { schemaVersion: 1, today: '2010-01-01', series: [] },
    });
  });
});

describe('juno export with filters that match nothing', () => {
  it.each(['ics', 'svg'])('writes nothing as %s, not even to -o, and exits 1', async (format) => {
    const file = join(dir, `none.${format}`);
    const result = await runMain(['export', '--format', format, '--kind', 'other', '-o', file]);
    expect(result).toEqual({
      stdout: '',
      stderr: 'juno: no events match the filters\njuno: hint: nothing was written\n',
      code: 1,
    });
    expect(existsSync(file)).toBe(false);
  });
});

describe('commands that report rather than select', () => {
  it('check: a failing condition is still one JSON document, and exit 1', async () => {
    const result = await json(['check', '--before', 'ff', '--date', '2014-09-21']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.json).toMatchObject({
      schemaVersion: 1,
      ok: false,
      results: [{ event: 'feature-freeze' }],
    });
  });

  it('weeks and calendar: a stretch without events is not a failure', async () => {
    const calendar = await runMain(['calendar', '--month', '2030-01', '--date', '2030-01-01']);
    expect(calendar.code).toBe(0);
    expect(calendar.stdout).toContain('  No events this month.\n');
    const weeks = await json(['weeks', '--timeline', bare, '--date', '2014-09-21']);
    expect(weeks.code).toBe(0);
    expect(weeks.json).toMatchObject({ schemaVersion: 1, series: 'bare' });
  });

  it('info: a timeline without release information gives empty lists, and exit 0', async () => {
    const result = await json(['info', '--timeline', bare]);
    expect(result.code).toBe(0);
    expect(result.json).toEqual({
      schemaVersion: 1,
      series: 'bare',
      title: null,
      releaseId: null,
      description: null,
      data: expect.objectContaining({ origin: 'bundled' }),
      projects: { integrated: [], incubated: [], applied: [], notes: null },
      highlights: [],
      summits: [],
      context: [],
    });
    const text = await runMain(['info', '--timeline', bare]);
    expect(text.stdout).toMatch(
      /^bare\n\nThis timeline carries no release information.\n\nSeries data: .*\n$/,
    );
  });
});

describe('every command with JSON output, when it matches nothing or fails after choosing', () => {
  const empty = join(dir, 'empty.yaml');
  writeFileSync(empty, 'series: empty\nevents: []\n');
  const broken = join(dir, 'broken.json');
  writeFileSync(
    broken,
    '{"series": "broken", "events": [{"id": "a", "name": "A", "kind": "x", "start": "2014-02-30"}]}',
  );
  // [arguments, exit code, what the document holds]: stdout is always one whole JSON document.
  const TABLE: [string[], number, Record<string, unknown>][] = [
    [['next', '--date', '2030-01-01'], 1, { event: null }],
    [['next', '--count', '2', '--timeline', empty], 1, { events: [] }],
    [['countdown', 'release', '--date', '2030-01-01'], 0, { event: { id: 'release' } }],
    [['phase', '--timeline', bare], 1, { phase: null, next: null }],
    [['schedule', '--kind', 'summit', '--upcoming', '--date', '2015-01-01'], 1, { events: [] }],
    [['schedule', '--timeline', empty], 0, { events: [] }],
    [['weeks', '--timeline', empty], 0, { weeks: [] }],
    [['weeks', '--all', '--timeline', empty], 0, { weeks: [] }],
    [['series', '--latest', '--date', '2000-01-01'], 1, { series: [] }],
    [['series', '--development', '--date', '2031-01-01'], 1, { series: [] }],
    [['series', 'juno', '--eol', '--date', '2014-09-21'], 1, { series: [] }],
    [['check', '--before', 'ff', '--date', '2014-09-21'], 1, { ok: false }],
    [['validate', broken], 3, { valid: false }],
    [['validate', join(dir, 'missing.yaml')], 3, { valid: false }],
    [['info', '--timeline', empty], 0, { highlights: [] }],
  ];

  it.each(TABLE)('juno %j --format json: exit %i, one document', async (args, code, holds) => {
    const result = await json(args);
    expect(result.code, result.stderr).toBe(code);
    expect(result.json).toMatchObject({ schemaVersion: 1, ...holds });
  });

  // --series current on a day the series data knows no series in development on: exit 1 before any command ran.
  it.each([
    ['schedule'],
    ['weeks'],
    ['next'],
    ['countdown', 'release'],
    ['phase'],
    ['info'],
    ['check', '--before', 'release'],
  ])('juno --series current %s with no series in development: one document, exit 1', async (...args) => {
    const result = await json(['--series', 'current', ...args, '--date', '2031-06-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^juno: --series current: the series data .* knows no series in development on 2031-06-01/,
    );
    expect(result.json).toEqual({
      schemaVersion: 1,
      series: null,
      nothing: {
        message: expect.stringMatching(/knows no series in development on 2031-06-01/),
        hint: 'or name a series: juno series lists them',
      },
    });
    // As text: nothing on stdout.
    const text = await runMain(['--series', 'current', ...args, '--date', '2031-06-01']);
    expect(text).toMatchObject({ stdout: '', code: 1 });
  });

  it.each<[string[], string | null]>([
    [['next', '--format', 'json'], 'json'],
    [['--series', 'current', 'phase', '-fjson'], 'json'],
    [['schedule', '--format=json', '-f', 'csv'], 'csv'],
    [['--timeline', '--format', 'next'], null],
    [['next', '--', '--format', 'json'], null],
  ])('reads the format from %j: %s', (argv, format) => {
    expect(formatOf(argv)).toBe(format);
  });

  it('prints no document for a usage error (exit 2), as for other formats', async () => {
    expect(await runMain(['next', '--bogus', '--format', 'json'])).toMatchObject({ stdout: '', code: 2 });
    expect(await runMain(['--series', 'nosuch', 'next', '--format=json'])).toMatchObject({
      stdout: '',
      code: 2,
    });
  });

  it('calendar and export have no JSON: nothing in a month is exit 0, an export of nothing writes nothing', async () => {
    expect((await runMain(['calendar', '--format', 'json'])).code).toBe(2);
    expect((await runMain(['export', '--format', 'json'])).code).toBe(2);
  });
});

describe('views decide whether they matched nothing', () => {
  const timeline = makeTimeline({
    phases: [{ id: 'open', name: 'Open', from: 'a', until: null }],
    events: [
      { id: 'a', name: 'A', kind: 'milestone', start: '2014-09-04' },
      { id: 'b', name: 'B', kind: 'freeze', start: '2014-09-11' },
    ],
  });

  it('schedule: only a filter can match nothing', () => {
    expect(scheduleView(timeline, '2014-09-01', { kinds: [], upcoming: false }).nothing).toBeNull();
    expect(scheduleView(timeline, '2014-09-01', { kinds: ['rc'], upcoming: false }).nothing).toEqual({
      message: 'no events match the filters',
      hint: null,
    });
    expect(scheduleView(timeline, '2014-09-20', { kinds: [], upcoming: true }).events).toEqual([]);
    expect(scheduleView(timeline, '2014-09-20', { kinds: [], upcoming: true }).nothing).not.toBeNull();
  });

  it('next: one event or a list, null or empty when none is ahead', () => {
    const one = nextView(timeline, '2014-09-05', { kinds: [], count: undefined });
    expect(one).toMatchObject({ event: { id: 'b' }, nothing: null });
    expect(one).not.toHaveProperty('events');
    const none = nextView(timeline, '2014-09-12', { kinds: [], count: 2 });
    expect(none).toMatchObject({
      events: [],
      nothing: { message: 'no event begins on or after Fri 12 Sep 2014 in test' },
    });
    expect(none).not.toHaveProperty('event');
  });

  it('phase: the phase, or null with the reason', () => {
    expect(phaseView(timeline, '2014-09-05')).toMatchObject({ phase: { id: 'open' }, nothing: null });
    expect(phaseView(timeline, '2014-09-01')).toMatchObject({
      phase: null,
      next: null,
      nothing: { message: 'no phase of test covers 2014-09-01' },
    });
  });

  it('series: the filter decides', () => {
    const series = [
      {
        name: 'juno',
        releaseId: '2014.2',
        release: '2014-10-16',
        eol: '2015-12-07',
        status: 'maintained' as const,
        slurp: false,
      },
    ];
    expect(seriesListView(series, '2014-11-01', { filter: 'maintained', days: null }).nothing).toBeNull();
    expect(seriesListView(series, '2014-11-01', { filter: 'eol', days: 'eol' })).toMatchObject({
      series: [],
      nothing: { message: 'no series is at end of life on 2014-11-01', hint: null },
    });
  });

  it('export: the kinds decide, and the events kept are those of the kinds', () => {
    expect(exportSelection(timeline, ['freeze']).timeline.events.map((e) => e.id)).toEqual(['b']);
    expect(exportSelection(timeline, []).nothing).toBeNull();
    expect(exportSelection(timeline, ['summit']).nothing).toEqual({
      message: 'no events match the filters',
      hint: 'nothing was written',
    });
  });
});
