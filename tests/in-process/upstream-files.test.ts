// The files `--timeline` is given: a series folder of openstack/releases, an RST page or an RST-only series (one
// line each, not a screen of YAML errors), a schedule.yaml saved outside its folder (its series told by its labels
// and dates), and a calendar's DTSTAMP from git, the same from every checkout.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastCommitDate } from '../../src/cli/git.js';
import type { SeriesRecord } from '../../src/timeline/series.js';
import { guessSeries, labelsLetter } from '../../src/timeline/sources/upstream/series-guess.js';
import { parseIcs } from '../calendar.js';
import type { WeeksJson } from '../contract.js';
import { hasProgram, hasReleases, RELEASES } from '../external.js';
import { FIXTURES, ROOT, runMain, tempDir } from '../helpers.js';

const SOURCE = `${RELEASES}/doc/source`;
const FOUND = hasReleases() ? readdirSync(SOURCE).sort() : [];
const REAL = FOUND.filter((series) => existsSync(`${SOURCE}/${series}/schedule.yaml`));
const RST_ONLY = FOUND.filter((series) => !REAL.includes(series));
const NEXT = join(FIXTURES, 'upstream/weeks/juniper');
const MITAKA = join(FIXTURES, 'upstream/rst-only/mitaka');
const SERIES_LIST = (
  JSON.parse(readFileSync(join(ROOT, 'data/series.json'), 'utf8')) as { series: SeriesRecord[] }
).series;

/** exit code and the lines of stderr. */
async function failure(args: string[]): Promise<{ code: number; lines: string[]; stdout: string }> {
  const result = await runMain(args);
  return {
    code: result.code,
    lines: result.stderr.split('\n').filter((l) => l !== ''),
    stdout: result.stdout,
  };
}

describe('--timeline given a folder or an RST page', () => {
  it("reads a series folder's schedule.yaml", async () => {
    const args = ['countdown', 'release', '--date', '2027-09-01', '--timeline'];
    const fromFolder = await runMain([...args, NEXT]);
    expect(fromFolder).toEqual(await runMain([...args, join(NEXT, 'schedule.yaml')]));
    expect(fromFolder.code).toBe(0);
  });

  it('says in one line that an RST-only series has no schedule.yaml, given its folder or its page (exit 3)', async () => {
    expect(await failure(['schedule', '--timeline', MITAKA])).toEqual({
      code: 3,
      lines: [
        `juno: ${MITAKA}: mitaka has no schedule.yaml, which juno reads (its schedule is only an RST table)`,
      ],
      stdout: '',
    });
    const page = join(MITAKA, 'schedule.rst');
    expect(await failure(['schedule', '--timeline', page])).toEqual({
      code: 3,
      lines: [
        `juno: ${page}: an RST page; mitaka has no schedule.yaml, which juno reads (its schedule is only an RST table)`,
      ],
      stdout: '',
    });
  });

  it('points from schedule.rst to the schedule.yaml beside it', async () => {
    const page = join(FIXTURES, 'upstream/indri/schedule.rst');
    const yaml = join(FIXTURES, 'upstream/indri/schedule.yaml');
    expect(await failure(['weeks', '--timeline', page])).toEqual({
      code: 3,
      lines: [`juno: ${page}: an RST page; juno reads the schedule.yaml beside it: --timeline ${yaml}`],
      stdout: '',
    });
  });

  it('says in one line that a folder holds no schedule', async () => {
    const folder = join(FIXTURES, 'upstream/rst-only');
    expect(await failure(['next', '--timeline', folder])).toEqual({
      code: 3,
      lines: [
        `juno: ${folder}: a folder without schedule.yaml; give a timeline file, or a series folder of openstack/releases (doc/source/<series>)`,
      ],
      stdout: '',
    });
  });

  it('validates a folder as its schedule.yaml, and an RST page as one problem', async () => {
    const folder = await runMain(['validate', NEXT]);
    expect(folder.code).toBe(0);
    expect(folder.stdout).toContain(
      `${join(NEXT, 'schedule.yaml')}: valid openstack/releases schedule (series juniper`,
    );
    const page = await runMain(['validate', join(MITAKA, 'schedule.rst'), '--format', 'json']);
    expect(page.code).toBe(3);
    const report = JSON.parse(page.stdout) as { files: { problems: unknown[] }[] };
    expect(report.files[0]?.problems).toHaveLength(1);
  });

  it.each(RST_ONLY)('says so in one line for the real %s, by folder and by page', async (series) => {
    for (const target of [`${SOURCE}/${series}`, `${SOURCE}/${series}/schedule.rst`]) {
      const { code, lines } = await failure(['schedule', '--timeline', target]);
      expect([code, lines.length], lines.join('\n')).toEqual([3, 1]);
      expect(lines[0]).toContain(`${series} has no schedule.yaml`);
    }
  });

  it.each(REAL)('reads the real %s from its folder as from its schedule.yaml', async (series) => {
    const args = ['countdown', 'release', '--format', 'json', '--date', '2010-01-01', '--timeline'];
    const fromFolder = await runMain([...args, `${SOURCE}/${series}`]);
    expect(fromFolder.code, fromFolder.stderr).toBe(0);
    expect(fromFolder).toEqual(await runMain([...args, `${SOURCE}/${series}/schedule.yaml`]));
  });
});

describe('the series of a schedule.yaml', () => {
  const list: SeriesRecord[] = [
    {
      name: 'dahlia',
      releaseId: null,
      status: 'end of life',
      initialRelease: '2011-09-22',
      eolDate: null,
      nextPhase: null,
    },
    {
      name: 'daisy',
      releaseId: '2030.2',
      status: 'development',
      initialRelease: '2030-10-02',
      eolDate: null,
      nextPhase: null,
    },
  ];
  const doc = (letter: string, release: string) => ({
    'release-week': release,
    cycle: [
      { start: '2030-03-25', end: '2030-03-29', 'x-project': ['c-final'] },
      { name: 'R-5', start: '2030-08-26', end: '2030-08-30', 'x-project': [`${letter}-3`, `${letter}-ff`] },
      {
        name: 'R+0',
        start: release,
        end: '2030-10-04',
        'x-project': [`${letter}-final`, 'e-election-close'],
      },
    ],
  });

  it("is told by the letter of the series' own labels", () => {
    expect(labelsLetter(doc('d', '2030-09-30'))).toBe('d');
    expect(labelsLetter({ cycle: [] })).toBeNull();
    // The previous release in its unnamed row does not count against the weeks upstream names …
    const two = {
      cycle: [
        { start: '2030-03-25', end: '2030-03-29', 'x-project': ['c-final'] },
        { name: 'R+0', start: '2030-09-30', end: '2030-10-04', 'x-project': ['d-final'] },
      ],
    };
    expect(labelsLetter(two)).toBe('d');
    // … and a tie goes to the folder's initial.
    const tie = { cycle: two.cycle.map((row) => ({ ...row, name: 'R' })) };
    expect([labelsLetter(tie, 'c'), labelsLetter(tie, 'd')]).toEqual(['c', 'd']);
  });

  it('is the folder when the series list knows it and the labels agree', () => {
    expect(guessSeries(doc('d', '2030-09-30'), 'daisy', list)).toEqual({ series: 'daisy', warning: null });
  });

  it('is the listed series with that letter released in its weeks when the folder is not a series', () => {
    // "Downloads" starts with the right letter, but the series list has daisy released in these weeks.
    expect(guessSeries(doc('d', '2030-09-30'), 'Downloads', list)).toEqual({
      series: 'daisy',
      warning:
        'the folder "Downloads" is not this series; read as daisy, whose labels start with d- and whose release (2030-10-02) falls in these weeks',
    });
    // A known series' folder holding another series' schedule.
    expect(guessSeries(doc('d', '2030-09-30'), 'dahlia', list).series).toBe('daisy');
    expect(guessSeries(doc('d', '2030-09-30'), 'tmp', list).series).toBe('daisy');
  });

  it('is the folder of a next cycle the list does not know yet, else the letter alone', () => {
    const next = doc('e', '2031-03-31');
    next.cycle[2] = { name: 'R+0', start: '2031-03-31', end: '2031-04-04', 'x-project': ['e-final'] };
    expect(guessSeries(next, 'elder', list)).toEqual({ series: 'elder', warning: null });
    expect(guessSeries(next, 'downloads', list)).toEqual({
      series: 'e',
      warning:
        'the folder "downloads" is not a series, and no series in the list starting with e is released in these weeks; read as series "e"',
    });
  });

  it.each([...REAL.map((s): [string, string] => [s, `${SOURCE}/${s}`]), ['juniper (made up)', NEXT]])(
    'of %s saved in Downloads is still that series: countdown release and ff work',
    async (series, folder) => {
      const downloads = join(tempDir(), 'Downloads');
      mkdirSync(downloads);
      copyFileSync(join(folder, 'schedule.yaml'), join(downloads, 'schedule.yaml'));
      const copy = join(downloads, 'schedule.yaml');
      const weeks = await runMain(['weeks', '--format', 'json', '--date', '2010-01-01', '--timeline', copy]);
      expect(weeks.code, weeks.stderr).toBe(0);
      const name = (JSON.parse(weeks.stdout) as WeeksJson).series;
      expect(name).toBe(series.startsWith('juniper') ? 'j' : series);
      for (const event of ['release', 'ff']) {
        const result = await runMain([
          'countdown',
          event,
          '--format',
          'json',
          '--date',
          '2010-01-01',
          '--timeline',
          copy,
        ]);
        expect(result.code, `${event}: ${result.stderr}`).toBe(0);
      }
      if (!series.startsWith('juniper')) {
        const release = JSON.parse(
          (
            await runMain([
              'countdown',
              'release',
              '--format',
              'json',
              '--date',
              '2010-01-01',
              '--timeline',
              copy,
            ])
          ).stdout,
        ) as { event: { start: string } };
        expect(release.event.start).toBe(SERIES_LIST.find((s) => s.name === series)?.initialRelease);
      }
      const validate = await runMain(['validate', copy]);
      expect(validate.stdout).toContain('the folder "Downloads" is not');
    },
  );
});

describe.runIf(hasProgram('git'))('the DTSTAMP of a calendar made from a git checkout', () => {
  const COMMITTED = '2030-02-03T04:05:06Z';
  /** git with a clean environment: no user or system configuration, fixed dates and author. */
  const git = (cwd: string, args: string[], date = COMMITTED) => {
    const result = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: cwd,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Juno Test',
        GIT_AUTHOR_EMAIL: 'test@example.invalid',
        GIT_COMMITTER_NAME: 'Juno Test',
        GIT_COMMITTER_EMAIL: 'test@example.invalid',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
    expect(result.status, result.stderr).toBe(0);
  };

  /** A made-up repository holding a series folder, committed, and two clones of it. */
  function checkouts(): { origin: string; clones: [string, string] } {
    const root = tempDir();
    const origin = join(root, 'origin');
    mkdirSync(join(origin, 'doc/source/juniper'), { recursive: true });
    copyFileSync(join(NEXT, 'schedule.yaml'), join(origin, 'doc/source/juniper/schedule.yaml'));
    git(origin, ['init', '-q']);
    git(origin, ['add', '.']);
    git(origin, ['commit', '-q', '-m', 'a made-up cycle']);
    const clones: [string, string] = [join(root, 'one'), join(root, 'two')];
    for (const clone of clones) git(root, ['clone', '-q', '--no-hardlinks', origin, clone]);
    // Files of two checkouts carry different times.
    utimesSync(
      join(clones[0], 'doc/source/juniper/schedule.yaml'),
      new Date('2031-01-01'),
      new Date('2031-01-01'),
    );
    utimesSync(
      join(clones[1], 'doc/source/juniper/schedule.yaml'),
      new Date('2032-06-15'),
      new Date('2032-06-15'),
    );
    return { origin, clones };
  }

  const withGit = { PATH: process.env.PATH ?? '' };
  const exportFrom = async (
    checkout: string,
    env: Record<string, string> = withGit,
    extra: string[] = [],
  ) => {
    const result = await runMain(
      ['export', '--date', '2027-06-01', '--timeline', join(checkout, 'doc/source/juniper'), ...extra],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };
  const stamps = (ics: string) => [...new Set(parseIcs(ics).events.map((e) => e.stamp))];

  it('is the last commit of the schedule: two checkouts export the same bytes', async () => {
    const { clones } = checkouts();
    const [one, two] = [await exportFrom(clones[0]), await exportFrom(clones[1])];
    expect(one).toBe(two);
    expect(stamps(one)).toEqual(['2030-02-03T04:05:06Z']);
    const weeks = [
      await exportFrom(clones[0], withGit, ['--weeks']),
      await exportFrom(clones[1], withGit, ['--weeks']),
    ];
    expect(weeks[0]).toBe(weeks[1]);
  });

  it('is the later commit of schedule.yaml and the schedule.rst beside it', async () => {
    const { clones } = checkouts();
    const folder = join(clones[0], 'doc/source/juniper');
    writeFileSync(join(folder, 'schedule.rst'), 'Juniper, made up\n================\n');
    git(clones[0], ['add', '.']);
    git(clones[0], ['commit', '-q', '-m', 'its page'], '2030-05-06T07:08:09Z');
    expect(stamps(await exportFrom(clones[0]))).toEqual(['2030-05-06T07:08:09Z']);
  });

  it("marks a committed edit newer without `updated` touched: the later of it and the file's last commit", async () => {
    const repo = tempDir();
    const file = join(repo, 'cycle.json');
    const timeline = (day: string) =>
      JSON.stringify({
        series: 'mine',
        updated: '2030-01-01T00:00:00Z',
        events: [
          { id: 'a', name: 'A', kind: 'milestone', start: day },
          { id: 'release', name: 'Release', kind: 'release', start: '2030-09-05' },
        ],
      });
    writeFileSync(file, timeline('2030-06-05'));
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'a cycle'], '2030-02-03T04:05:06Z');
    const exported = async () => {
      const result = await runMain(['export', '--timeline', file], withGit);
      expect(result.code, result.stderr).toBe(0);
      return parseIcs(result.stdout).events.map((e) => [e.uid, e.start, e.lastModified, e.stamp]);
    };
    expect(await exported()).toEqual([
      ['a@mine.juno.openstack', '2030-06-05', '2030-02-03T04:05:06Z', '2030-02-03T04:05:06Z'],
      ['release@mine.juno.openstack', '2030-09-05', '2030-02-03T04:05:06Z', '2030-02-03T04:05:06Z'],
    ]);
    writeFileSync(file, timeline('2030-06-12'));
    git(repo, ['commit', '-q', '-am', 'a moved'], '2030-05-06T07:08:09Z');
    expect(await exported()).toEqual([
      ['a@mine.juno.openstack', '2030-06-12', '2030-05-06T07:08:09Z', '2030-05-06T07:08:09Z'],
      ['release@mine.juno.openstack', '2030-09-05', '2030-05-06T07:08:09Z', '2030-05-06T07:08:09Z'],
    ]);
  });

  it("never asks git of juno's own data: bundled, or written by juno update into the cache folder", () => {
    const repo = tempDir();
    const env = { ...withGit, XDG_CACHE_HOME: join(repo, 'cache') };
    const update = join(repo, 'cache/juno/data/series/mine.json');
    const other = join(repo, 'mine.json');
    mkdirSync(join(repo, 'cache/juno/data/series'), { recursive: true });
    for (const file of [update, other]) writeFileSync(file, '{}');
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'both'], '2030-02-03T04:05:06Z');
    expect(lastCommitDate([other], env)?.toISOString()).toBe('2030-02-03T04:05:06.000Z');
    expect(lastCommitDate([update], env)).toBeNull();
    expect(lastCommitDate([join(ROOT, 'data/juno.json')], env)).toBeNull();
  });

  it('gives way to SOURCE_DATE_EPOCH', async () => {
    const { clones } = checkouts();
    const ics = await exportFrom(clones[0], { ...withGit, SOURCE_DATE_EPOCH: '1413417600' });
    expect(stamps(ics)).toEqual(['2014-10-16T00:00:00Z']);
  });

  it("is the file's modification time, silently, without git or outside a repository", async () => {
    const { clones } = checkouts();
    expect(stamps(await exportFrom(clones[0], { PATH: '/nonexistent' }))).toEqual(['2031-01-01T00:00:00Z']);
    const outside = join(tempDir(), 'juniper');
    mkdirSync(outside);
    copyFileSync(join(NEXT, 'schedule.yaml'), join(outside, 'schedule.yaml'));
    utimesSync(join(outside, 'schedule.yaml'), new Date('2033-03-03'), new Date('2033-03-03'));
    const result = await runMain(['export', '--date', '2027-06-01', '--timeline', outside], withGit);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(stamps(result.stdout)).toEqual(['2033-03-03T00:00:00Z']);
  });
});
