// `juno series` as distro-info and more: --latest, --development, --supported (also with a name), --format names,
// the SLURP flag, planned dates, and where the data came from (--about, juno info).
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SeriesJson } from '../contract.js';
import { ROOT, runMain, tempDir } from '../helpers.js';

const TODAY = '2026-11-29';
const at = (day: string, ...args: string[]) => runMain(['series', ...args, '--date', day]);
const names = async (day: string, ...args: string[]) => (await at(day, ...args, '--format', 'names')).stdout;
const json = async (day: string, ...args: string[]) =>
  JSON.parse((await at(day, ...args, '--format', 'json')).stdout) as SeriesJson;

/** The snapshot the bundled data/series.json records. */
const bundled = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8')) as {
  snapshot: { commit: string; date: string; source: string };
};

describe('--latest: the newest released series', () => {
  it.each([
    ['2026-11-29', 'hibiscus'],
    ['2027-03-23', 'hibiscus'],
    ['2027-03-24', 'indri'],
    ['2014-10-16', 'juno'],
    ['2014-10-15', 'icehouse'],
  ])('on %s is %s', async (day, name) => {
    expect(await names(day, '--latest')).toBe(`${name}\n`);
  });

  it('is none before the first release, exit 1', async () => {
    const result = await at('2010-01-01', '--latest');
    expect(result).toMatchObject({ stdout: '', code: 1 });
    expect(result.stderr).toMatch(/^juno: no series was released on or before 2010-01-01\n/);
  });

  it('says which series is the newest when the one named is not', async () => {
    expect(await at(TODAY, 'juno', '--latest')).toEqual({
      stdout: '',
      stderr: 'juno: juno is not the newest released series on 2026-11-29: hibiscus is\n',
      code: 1,
    });
    expect(await names(TODAY, 'hibiscus', '--latest')).toBe('hibiscus\n');
  });
});

describe('--development and --supported', () => {
  it('names the series in development and the supported ones, one a line', async () => {
    expect(await names(TODAY, '--development')).toBe('indri\n');
    expect(await names('2020-06-01', '--development')).toBe('victoria\n');
    expect(await names(TODAY, '--supported')).toBe('flamingo\ngazpacho\nhibiscus\nindri\n');
  });

  it('filters the series named rather than saying no series is supported', async () => {
    expect(await at(TODAY, 'juno', '--supported')).toEqual({
      stdout: '',
      stderr:
        'juno: juno is not supported on 2026-11-29: it is at end of life\n' +
        'juno: hint: juno series --supported lists them\n',
      code: 1,
    });
    expect(await names(TODAY, 'gazpacho', '--supported')).toBe('gazpacho\n');
    expect(await names(TODAY, '2027.1', '--development')).toBe('indri\n');
    expect((await at('2014-09-21', 'juno', '--maintained')).stderr).toBe(
      'juno: juno is not maintained on 2014-09-21: it is in development\n' +
        'juno: hint: juno series --maintained lists them\n',
    );
    expect((await json(TODAY, 'juno', '--supported')).series).toEqual([]);
  });
});

describe('--format names', () => {
  it('lists every series, oldest first, one name a line and nothing else', async () => {
    const all = (await names(TODAY)).split('\n');
    expect(all.slice(0, 3)).toEqual(['austin', 'bexar', 'cactus']);
    expect(all.slice(-3)).toEqual(['hibiscus', 'indri', '']);
    expect(all).toHaveLength(36);
    expect(await names(TODAY, '--unmaintained')).toBe('yoga\nzed\nantelope\ncaracal\nepoxy\n');
  });

  it('prints nothing when nothing matches, and exits 1', async () => {
    expect(await at('2026-09-30', '--development', '--format', 'names')).toEqual({
      stdout: '',
      stderr: 'juno: no series is in development on 2026-09-30\n',
      code: 1,
    });
  });
});

describe('SLURP', () => {
  it('is every .1 release from 2023.1 antelope on, in JSON', async () => {
    const series = (await json(TODAY)).series;
    expect(series.filter((s) => s.slurp).map((s) => s.name)).toEqual([
      'antelope',
      'caracal',
      'epoxy',
      'gazpacho',
      'indri',
    ]);
    expect(series.find((s) => s.name === 'icehouse')).toMatchObject({ releaseId: '2014.1', slurp: false });
    expect(series.find((s) => s.name === 'zed')).toMatchObject({ releaseId: null, slurp: false });
  });

  it('is written beside the version in the table, and as a column in CSV', async () => {
    const table = (await at(TODAY, '--unmaintained')).stdout.split('\n');
    expect(table[3]).toMatch(/^antelope {2}2023\.1 SLURP {2}Wed 22 Mar 2023 /);
    expect(table[1]).toMatch(/^yoga {6}– {13}Wed 30 Mar 2022 /);
    expect((await at(TODAY, 'bobcat', '--format', 'csv')).stdout).toBe(
      'name,releaseId,release,eol,status,slurp\r\nbobcat,2023.2,2023-10-04,2025-04-30,end of life,false\r\n',
    );
  });
});

describe('planned dates', () => {
  it('marks the dates after today in JSON', async () => {
    const series = (await json(TODAY, '--supported')).series;
    expect(series.map((s) => [s.name, s.planned])).toEqual([
      ['flamingo', { release: false, eol: true }],
      ['gazpacho', { release: false, eol: false }],
      ['hibiscus', { release: false, eol: false }],
      ['indri', { release: true, eol: false }],
    ]);
    expect((await json('2014-09-21', 'juno')).series[0]?.planned).toEqual({ release: true, eol: true });
  });

  it('marks them ~ in the table, with a legend only when one is shown', async () => {
    expect((await at(TODAY, '--development')).stdout).toBe(
      [
        'Series  Version       Released           End of life  Status',
        'indri   2027.1 SLURP  Wed 24 Mar 2027 ~  –            development',
        '',
        '~ planned date (after today)',
        '',
      ].join('\n'),
    );
    expect((await at(TODAY, 'juno')).stdout).toBe(
      [
        'Series  Version  Released         End of life     Status',
        'juno    2014.2   Thu 16 Oct 2014  Mon 7 Dec 2015  end of life',
        '',
      ].join('\n'),
    );
  });
});

describe('--about: where the data came from', () => {
  it('names the bundled snapshot: source, commit and date', async () => {
    const { snapshot } = bundled;
    const result = await at(TODAY, '--about');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Series data: bundled with juno (data/series.json)\n');
    expect(result.stdout).toContain(`Source:      ${snapshot.source}\n`);
    expect(result.stdout).toContain(`Commit:      ${snapshot.commit}\n`);
    expect(result.stdout).toMatch(
      /\nDate: {8}\w{3} \d+ \w{3} \d{4} \(\d+ (days|months) ago, on 2026-11-29\)\n/,
    );
    expect(result.stdout).toContain('Series:      35, austin to indri\n');
    expect(result.stdout).toContain('Refresh:     juno update\n');
    const about = JSON.parse((await at(TODAY, '--about', '--format', 'json')).stdout);
    expect(about).toEqual({
      schemaVersion: 1,
      today: TODAY,
      data: {
        origin: 'bundled',
        file: 'data/series.json',
        source: snapshot.source,
        commit: snapshot.commit,
        date: snapshot.date,
        age: expect.any(Number),
        series: 35,
        first: 'austin',
        last: 'indri',
      },
    });
  });

  it('names the data juno update wrote when that is in use', async () => {
    const cache = tempDir('juno-about-');
    const folder = join(cache, 'juno', 'data');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const dir of [cache, join(cache, 'juno'), folder]) chmodSync(dir, 0o700);
    const list = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8'));
    list.snapshot = { commit: 'abc1234', date: '2026-11-28', source: 'https://example.org/releases' };
    writeFileSync(join(folder, 'series.json'), JSON.stringify(list));
    const env = { XDG_CACHE_HOME: cache };
    const about = await runMain(['series', '--about', '--format', 'json', '--date', TODAY], env);
    expect(JSON.parse(about.stdout).data).toMatchObject({
      origin: 'updated',
      file: join(folder, 'series.json'),
      source: 'https://example.org/releases',
      commit: 'abc1234',
      date: '2026-11-28',
      age: 1,
    });
    const text = await runMain(['series', '--about', '--date', TODAY], env);
    expect(text.stdout).toContain(`Series data: written by juno update (${join(folder, 'series.json')})\n`);
    expect(text.stdout).toContain('Refresh:     juno update (juno update --reset: bundled)\n');
    const info = await runMain(['info', '--format', 'json', '--date', TODAY], env);
    expect(JSON.parse(info.stdout).data).toEqual({
      origin: 'updated',
      source: 'https://example.org/releases',
      commit: 'abc1234',
      date: '2026-11-28',
    });
    copyFileSync(`${ROOT}data/series.json`, join(folder, 'series.json'));
  });

  it.each([
    [
      ['--about', 'juno'],
      'juno: --about tells where the data came from: no series, filter or --days with it\n',
    ],
    [
      ['--about', '--supported'],
      'juno: --about tells where the data came from: no series, filter or --days with it\n',
    ],
    [['--about', '--format', 'names'], 'juno: --about is written as table or json, not names\n'],
    [['--about', '--format', 'csv'], 'juno: --about is written as table or json, not csv\n'],
  ])('refuses %j, exit 2', async (args, stderr) => {
    expect(await at(TODAY, ...args)).toEqual({ stdout: '', stderr, code: 2 });
  });
});

describe('juno info names the data', () => {
  it('in text and in JSON', async () => {
    const { snapshot } = bundled;
    const text = await runMain(['info', '--date', '2014-09-21']);
    const line = text.stdout.trimEnd().split('\n').at(-1);
    expect(line).toMatch(
      new RegExp(
        `^Series data: openstack/releases ${snapshot.commit} of \\w{3} \\d+ \\w{3} \\d{4}, bundled \\(juno series --about\\)$`,
      ),
    );
    const json = JSON.parse((await runMain(['info', '--format', 'json', '--date', '2014-09-21'])).stdout);
    expect(json.data).toEqual({
      origin: 'bundled',
      source: snapshot.source,
      commit: snapshot.commit,
      date: snapshot.date,
    });
  });
});
