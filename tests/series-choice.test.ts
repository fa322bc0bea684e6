// --series, JUNO_SERIES, the first-run note and the outdated-data warning: the pure choice, then whole runs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeriesList } from '../src/cli/load.js';
import { firstRunNote, resolveSeries, seriesInDevelopment } from '../src/timeline/choose.js';
import type { SeriesRecord } from '../src/timeline/series.js';
import { runMain, tempDir } from './helpers.js';

const list = await loadSeriesList({});

function chosen(given: string, today: string): string {
  const choice = resolveSeries(list, given, today);
  if (!choice.ok) throw new Error(`${given} on ${today}: ${choice.reason}`);
  return choice.series.name;
}

function record(name: string, initialRelease: string, eolDate: string | null = null): SeriesRecord {
  return { name, releaseId: null, status: 'maintained', initialRelease, eolDate, nextPhase: null };
}

describe('resolveSeries', () => {
  it('takes a name or a release id in any case, and current as the series in development', () => {
    for (const given of ['2027.1', 'Indri', 'INDRI', ' indri ', 'current', 'Current'])
      expect(chosen(given, '2026-11-29')).toBe('indri');
    expect(chosen('current', '2020-06-01')).toBe('victoria');
    expect(chosen('current', '2014-09-21')).toBe('juno');
    expect(chosen('2014.2', '2026-11-29')).toBe('juno');
    expect(chosen('kilo', '2026-11-29')).toBe('kilo');
  });

  it('is on the release day still in development, the day after the next one is', () => {
    const two = [record('a', '2020-01-01'), record('b', '2020-06-01'), record('c', '2020-12-01')];
    expect(seriesInDevelopment(two, '2020-06-01')?.name).toBe('b');
    expect(seriesInDevelopment(two, '2020-06-02')?.name).toBe('c');
    expect(seriesInDevelopment(two, '2020-12-02')).toBeNull();
    // Before the first release, the first series: the list is not outdated.
    expect(seriesInDevelopment(two, '2019-01-01')?.name).toBe('a');
  });

  it('suggests the closest names for a typo, and says when the list knows no series in development', () => {
    expect(resolveSeries(list, 'indir', '2026-11-29')).toMatchObject({
      ok: false,
      reason: 'unknown',
      suggestions: expect.arrayContaining(['indri']),
    });
    expect(resolveSeries(list, 'curent', '2026-11-29')).toMatchObject({
      reason: 'unknown',
      suggestions: ['current'],
    });
    expect(resolveSeries(list, 'current', '2031-06-01')).toEqual({
      ok: false,
      reason: 'outdated',
      today: '2031-06-01',
    });
  });

  it('notes the series in development once the bundled one is over, and nothing before', () => {
    expect(firstRunNote(list, 'juno', '2015-12-06', null)).toBeNull();
    expect(firstRunNote(list, 'juno', '2026-11-29', null)).toBe(
      'note: Juno ended in 2015; 2027.1 Indri is in development: juno --series current',
    );
    expect(firstRunNote(list, 'juno', '2031-06-01', '2026-08-21')).toBe(
      'warning: the series data (openstack/releases of 2026-08-21) knows no series in development on 2031-06-01; juno update fetches newer data',
    );
  });
});

interface Schedule {
  series: string;
  events: { id: string; kind: string; start: string }[];
}

describe('--series and JUNO_SERIES', () => {
  it('reads the chosen series: by id, by name in any case, and current', async () => {
    for (const given of ['2027.1', 'Indri', 'current']) {
      const result = await runMain([
        '--series',
        given,
        'schedule',
        '--format',
        'json',
        '--date',
        '2026-11-29',
      ]);
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect((JSON.parse(result.stdout) as Schedule).series).toBe('indri');
    }
    const victoria = await runMain([
      '--series=current',
      '--date',
      '2020-06-01',
      'schedule',
      '--format',
      'json',
    ]);
    expect((JSON.parse(victoria.stdout) as Schedule).series).toBe('victoria');
    // runMain's today is 2014-09-21; juno is the bundled, hand-curated timeline.
    const juno = await runMain(['--series', 'current', 'schedule', '--format', 'json']);
    expect((JSON.parse(juno.stdout) as Schedule).series).toBe('juno');
    expect((JSON.parse(juno.stdout) as Schedule).events.some((e) => e.id === 'feature-proposal-freeze')).toBe(
      true,
    );
  });

  it('takes JUNO_SERIES as the default, and --series and --timeline over it', async () => {
    const env = { JUNO_SERIES: 'indri' };
    const next = await runMain(['next', '--format', 'json', '--date', '2026-11-29'], env);
    expect(next.code).toBe(0);
    const event = (JSON.parse(next.stdout) as { series: string; event: { start: string } }).event;
    expect((JSON.parse(next.stdout) as { series: string }).series).toBe('indri');
    expect(event.start >= '2026-11-29' && event.start <= '2027-03-24').toBe(true);
    const kilo = await runMain(['--series', 'kilo', 'schedule', '--format', 'json'], env);
    expect((JSON.parse(kilo.stdout) as Schedule).series).toBe('kilo');
    const file = await runMain(['--timeline', 'data/juno.json', 'schedule', '--format', 'json'], env);
    expect((JSON.parse(file.stdout) as Schedule).series).toBe('juno');
  });

  it('gives kilo, a series without a week-by-week schedule, its release from the series list', async () => {
    const result = await runMain(['--series', 'kilo', 'schedule', '--format', 'json']);
    expect(result.code).toBe(0);
    const releases = (JSON.parse(result.stdout) as Schedule).events.filter((e) => e.kind === 'release');
    expect(releases.map((e) => e.start)).toContain('2015-04-30');
  });

  it('refuses --series with --timeline, a typo with a suggestion, and an empty name', async () => {
    const both = await runMain(['--series', 'indri', '--timeline', 'data/juno.json', 'next']);
    expect(both).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'juno: choose one of --series and --timeline\njuno: hint: --series names a bundled series, --timeline reads a file\n',
    });
    const typo = await runMain(['--series', 'indir', 'next']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'juno: --series: unknown series "indir"\njuno: hint: did you mean indri? (juno series lists them all)\n',
    );
    const fromEnv = await runMain(['next'], { JUNO_SERIES: 'kilp' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('JUNO_SERIES: unknown series "kilp"');
    expect(fromEnv.stderr).toContain('did you mean kilo');
    expect((await runMain(['--series', '', 'next'])).code).toBe(2);
  });

  it('takes JUNO_SERIES as a default for the commands that read a series only', async () => {
    const stale = { JUNO_SERIES: 'current' };
    const next = await runMain(['next', '--date', '2031-06-01'], stale);
    expect(next.code).toBe(1);
    expect(next.stderr).toMatch(
      /^juno: JUNO_SERIES current: the series data .* knows no series in development/,
    );
    // juno series, which lists them all, is not stopped by a default it does not use.
    const series = await runMain(['series', '--format', 'names', '--date', '2031-06-01'], stale);
    expect(series.code, series.stderr).toBe(0);
    expect(series.stdout.split('\n')).toContain('indri');
    const published = await runMain(['publish', join(tempDir(), 'feeds'), '--date', '2031-06-01'], stale);
    expect(published.code, published.stderr).toBe(0);
    const unknown = await runMain(['series', '--format', 'names'], { JUNO_SERIES: 'kilp' });
    expect(unknown.code, unknown.stderr).toBe(0);
    // --series given on the command line is checked whatever the command.
    expect((await runMain(['--series', 'kilp', 'series'])).code).toBe(2);
  });

  it('says the data is outdated when current names no series, exit 1', async () => {
    const result = await runMain(['--series', 'current', 'next', '--date', '2031-06-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^juno: --series current: the series data \(openstack\/releases of \d{4}-\d\d-\d\d\) knows no series in development on 2031-06-01; juno update fetches newer data\n/,
    );
  });
});

describe('juno series current', () => {
  it('shows the series in development, as --series current means it', async () => {
    const current = await runMain(['series', 'current', '--format', 'names', '--date', '2026-11-29']);
    expect(current.code, current.stderr).toBe(0);
    expect(current.stderr).toBe('');
    const indri = await runMain(['series', 'indri', '--format', 'names', '--date', '2026-11-29']);
    expect(current.stdout).toBe(indri.stdout);
    expect(current.stdout).toBe('indri\n');
  });

  it('says the data is outdated on a day it knows no series in development, exit 1', async () => {
    const result = await runMain(['series', 'current', '--date', '2031-06-01']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^juno: series current: the series data \(openstack\/releases of \d{4}-\d\d-\d\d\) knows no series in development on 2031-06-01; juno update fetches newer data\n/,
    );
  });

  it('still says unknown series, with the closest names, for any other name', async () => {
    const typo = await runMain(['series', 'indir']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'juno: unknown series "indir"\njuno: hint: did you mean indri? (juno series lists them all)\n',
    );
  });
});

describe('what juno says on stderr about the data', () => {
  const note = 'juno: note: Juno ended in 2015; 2027.1 Indri is in development: juno --series current\n';

  it('notes the series in development once, after table or text output of the bundled Juno', async () => {
    const table = await runMain(['schedule', '--date', '2026-11-29']);
    expect([table.code, table.stderr]).toEqual([0, note]);
    expect((await runMain(['schedule', '--date', '2015-12-06'])).stderr).toBe('');
    // Nothing on stdout changes.
    const withSeries = await runMain(['schedule', '--date', '2026-11-29'], { JUNO_SERIES: 'juno' });
    expect(withSeries.stderr).toBe('');
    expect(withSeries.stdout).toBe(table.stdout);
    const next = await runMain(['next', '--date', '2026-11-29']);
    expect([next.code, next.stderr.endsWith(note)]).toEqual([1, true]);
    expect(next.stderr.split(note).length).toBe(2);
    const phase = await runMain(['phase', '--date', '2026-11-29']);
    expect(phase.stderr).toBe(note);
  });

  it('prints no note for programs (JSON, CSV, a bare number, a calendar), nor with a choice made', async () => {
    for (const args of [
      ['schedule', '--format', 'json'],
      ['schedule', '--format', 'csv'],
      ['schedule', '--format', 'tsv'],
      ['schedule', '--format', 'markdown'],
      ['countdown', 'release', '--plain'],
      ['export'],
      ['--series', 'current', 'schedule'],
      ['--series', 'juno', 'schedule'],
      ['--timeline', 'data/juno.json', 'schedule'],
      ['series'],
      ['completion', 'bash'],
    ]) {
      const result = await runMain([...args, '--date', '2026-11-29']);
      expect([args, result.stderr]).toEqual([args, '']);
    }
  });

  it('warns that the data is outdated when no series is in development on today', async () => {
    const series = await runMain(['series', '--date', '2031-06-01']);
    expect(series.code).toBe(0);
    expect(series.stderr).toMatch(
      /^juno: warning: the series data \(openstack\/releases of \d{4}-\d\d-\d\d\) knows no series in development on 2031-06-01; juno update fetches newer data\n$/,
    );
    const json = await runMain(['series', '--format', 'json', '--date', '2031-06-01']);
    expect(json.stderr).toBe(series.stderr);
    const first = await runMain(['schedule', '--date', '2031-06-01']);
    expect(first.stderr).toBe(series.stderr);
    expect((await runMain(['series', '--date', '2026-11-29'])).stderr).toBe('');
  });
});

describe('completion-ids', () => {
  it('prints the ids and aliases of the chosen timeline, hidden from help', async () => {
    const indri = await runMain(['--series', 'indri', 'completion-ids']);
    expect(indri.code).toBe(0);
    expect(indri.stdout.split('\n')).toContain('release');
    const juno = await runMain(['completion-ids']);
    expect(juno.stdout.split('\n')).toEqual(expect.arrayContaining(['fpf', 'j-3', 'release']));
    expect(indri.stdout).not.toBe(juno.stdout);
    expect((await runMain(['--help'])).stdout).not.toContain('completion-ids');
  });
});
