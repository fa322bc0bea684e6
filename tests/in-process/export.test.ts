import { copyFileSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkLines, parseIcs } from '../calendar.js';
import { FIXTURES, ROOT, runMain, tempDir } from '../helpers.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1413417600' }; // 2014-10-16T00:00:00Z

/** The source names its version "dev"; the build stamps package.json's, which the snapshot holds. */
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;
const stamped = (ics: string) =>
  ics.replace('PRODID:-//juno//juno dev//EN\r\n', `PRODID:-//juno//juno ${VERSION}//EN\r\n`);

describe('juno export', () => {
  it('writes the Juno calendar', async () => {
    const result = await runMain(['export'], EPOCH);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(stamped(result.stdout)).toMatchFileSnapshot('../__snapshots__/juno.ics');
    checkLines(result.stdout);
    const { events } = parseIcs(result.stdout);
    expect(events).toHaveLength(17);
    expect(events.every((e) => e.stamp === '2014-10-16T00:00:00Z')).toBe(true);
  });

  it("takes DTSTAMP from the timeline's updated without SOURCE_DATE_EPOCH", async () => {
    const result = await runMain(['export', '--kind', 'eol']);
    expect(result.stdout).toContain('DTSTAMP:20261124T000000Z\r\n');
  });

  it("takes DTSTAMP from the file's modification time when the timeline has no updated", async () => {
    const dir = tempDir();
    const file = join(dir, 'small.yaml');
    copyFileSync(`${FIXTURES}timelines/small.yaml`, file);
    utimesSync(file, new Date(Date.UTC(2014, 2, 6, 9, 30)), new Date(Date.UTC(2014, 2, 6, 9, 30)));
    const result = await runMain(['export', '--timeline', file]);
    expect(result.code).toBe(0);
    const { events } = parseIcs(result.stdout);
    expect(events.map((e) => [e.uid, e.start, e.end, e.stamp])).toEqual([
      ['kickoff@small.juno.openstack', '2014-01-06', '2014-01-07', '2014-03-06T09:30:00Z'],
      ['sprint@small.juno.openstack', '2014-02-24', '2014-03-01', '2014-03-06T09:30:00Z'],
      ['freeze@small.juno.openstack', '2014-02-27', '2014-02-28', '2014-03-06T09:30:00Z'],
      ['release@small.juno.openstack', '2014-03-06', '2014-03-07', '2014-03-06T09:30:00Z'],
    ]);
  });

  it('writes the same bytes to -o FILE as to stdout, and to stdout with -o -', async () => {
    const dir = tempDir();
    const file = join(dir, 'juno.ics');
    writeFileSync(file, 'an older calendar');
    const written = await runMain(['export', '-o', file]);
    expect(written).toEqual({ stdout: '', stderr: '', code: 0 });
    const stdout = await runMain(['export']);
    const dash = await runMain(['export', '--output', '-']);
    const bytes = readFileSync(file);
    checkBytes(bytes);
    expect(bytes.toString('utf8')).toBe(stdout.stdout);
    expect(dash.stdout).toBe(stdout.stdout);
    expect(readdirSync(dir)).toEqual(['juno.ics']);
  });

  it('filters by kind', async () => {
    const result = await runMain(['export', '--kind', 'release', '-k', 'summit']);
    expect(parseIcs(result.stdout).events.map((e) => e.uid)).toEqual([
      'icehouse-summit@juno.juno.openstack',
      'icehouse-release@juno.juno.openstack',
      'juno-summit@juno.juno.openstack',
      'release@juno.juno.openstack',
      'kilo-summit@juno.juno.openstack',
    ]);
  });

  it('adds a display alarm to every event', async () => {
    const result = await runMain(['export', '--alarm', '1d']);
    const { events } = parseIcs(result.stdout);
    expect(events.every((e) => e.alarms.length === 1 && e.alarms[0]?.trigger === '-P1D')).toBe(true);
    expect(result.stdout).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n');
  });

  it('names the calendar', async () => {
    const result = await runMain(['export', '--name', 'Juno; the release, 2014']);
    expect(result.stdout).toContain('X-WR-CALNAME:Juno\\; the release\\, 2014\r\n');
    expect(parseIcs(result.stdout).props['x-wr-calname']).toBe('Juno; the release, 2014');
  });

  it('shows examples in its help', async () => {
    const result = await runMain(['export', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:\n  $ juno export -o juno.ics');
    expect(result.stdout).toMatch(
      /\(default:\s+the -o file's extension, else ics\) \(choices:\s+"ics",\s+"svg"\)/,
    );
  });
});

describe('juno export failures', () => {
  it('exits 4 on a full disk', async () => {
    const result = await runMain(['export', '-o', '/dev/full']);
    expect(result).toEqual({
      stdout: '',
      stderr: 'juno: /dev/full: cannot write: no space left on the device\n',
      code: 4,
    });
  });

  it('exits 4 when the folder is missing, and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'nope', 'juno.ics');
    const result = await runMain(['export', '-o', file]);
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: ${file}: cannot write: the folder ${join(dir, 'nope')} does not exist\njuno: hint: create the folder first, or give another path to -o\n`,
      code: 4,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 4 when the target is a folder, and leaves it alone', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cal'));
    writeFileSync(join(dir, 'cal', 'keep'), 'keep');
    const result = await runMain(['export', '-o', join(dir, 'cal')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `juno: ${join(dir, 'cal')}: cannot write: is a folder\njuno: hint: give a file name to -o\n`,
    );
    expect(readdirSync(dir)).toEqual(['cal']);
    expect(readdirSync(join(dir, 'cal'))).toEqual(['keep']);
  });

  it.each([
    [
      ['--alarm', '1y'],
      2,
      'juno: --alarm "1y": expected a duration such as 30m, 2h, 1d or 1w\njuno: hint: a number followed by m (minutes), h (hours), d (days) or w (weeks)\n',
    ],
    [
      ['--format', 'vcs'],
      2,
      'juno: unknown format "vcs"\njuno: hint: choose ics or svg (see juno export --help)\n',
    ],
    [
      ['--kind', 'party'],
      2,
      'juno: unknown kind "party"\njuno: hint: kinds are milestone, freeze, deadline, rc, release, summit, eol, other\n',
    ],
    [['--name', ' '], 2, 'juno: --name: the name must not be empty\n'],
    [['--kind', 'other'], 1, 'juno: no events match the filters\njuno: hint: nothing was written\n'],
    [
      ['--timeline', `${FIXTURES}timelines/bad-date.json`],
      3,
      `juno: ${FIXTURES}timelines/bad-date.json: events[0].start: 2014-02-30 is not a calendar date\n`,
    ],
  ])('juno export %j exits %i', async (args, code, stderr) => {
    const result = await runMain(['export', ...(args as string[])]);
    expect(result).toEqual({ stdout: '', stderr, code });
  });

  it('leaves an existing file untouched when nothing matches', async () => {
    const dir = tempDir();
    const file = join(dir, 'juno.ics');
    writeFileSync(file, 'keep me');
    const result = await runMain(['export', '--kind', 'other', '-o', file]);
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});

describe('the revision of the bundled data', () => {
  it.each(['indri', 'austin'])(
    '--series %s export is dated by the snapshot, the same on every machine',
    async (series) => {
      const result = await runMain(['--series', series, 'export']);
      expect(result.code, result.stderr).toBe(0);
      const snapshot = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8')).snapshot.date;
      const stamp = `${snapshot.replaceAll('-', '')}T000000Z`;
      expect(result.stdout).toContain(`DTSTAMP:${stamp}\r\n`);
      const events = parseIcs(result.stdout).events;
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.lastModified).toBe(`${snapshot}T00:00:00Z`);
    },
  );
});

describe('juno export --weeks', () => {
  it('writes one entry per week of the cycle, the empty ones too, each naming the series', async () => {
    const result = await runMain(['export', '--weeks', '--kind', 'release']);
    expect(result.code).toBe(0);
    const events = parseIcs(result.stdout).events;
    // From the Icehouse release (R-26) to the Juno release (R+0): 27 weeks, two of them holding a release.
    expect(events).toHaveLength(27);
    expect(
      events
        .filter((e) => e.description !== 'No events this week.')
        .map((e) => [e.uid, e.summary, e.start, e.end]),
    ).toEqual([
      [
        'week-2014-04-14@juno.weeks.juno.openstack',
        'Juno R-26: Icehouse 2014.1 release',
        '2014-04-14',
        '2014-04-19',
      ],
      [
        'week-2014-10-13@juno.weeks.juno.openstack',
        'Juno R+0: Juno 2014.2 release',
        '2014-10-13',
        '2014-10-18',
      ],
    ]);
    expect(events[1]).toMatchObject({
      uid: 'week-2014-04-21@juno.weeks.juno.openstack',
      summary: 'Juno R-25',
    });
  });

  it('names the weeks of a timeline without a release by ISO week, as juno weeks does', async () => {
    const dir = tempDir();
    const file = join(dir, 'no-release.json');
    writeFileSync(
      file,
      JSON.stringify({ series: 'x', events: [{ id: 'a', name: 'A', kind: 'other', start: '2014-01-01' }] }),
    );
    const result = await runMain(['export', '--weeks', '--timeline', file], EPOCH);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(parseIcs(result.stdout).events.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual([
      ['week-2013-12-30@x.weeks.juno.openstack', 'X 2014-W01: A', '2013-12-30', '2014-01-04'],
    ]);
    const weeks = await runMain(['weeks', '--format', 'json', '--timeline', file, '--date', '2014-01-01']);
    expect(JSON.parse(weeks.stdout).weeks.map((w: { name: string }) => w.name)).toEqual(['2014-W01']);
  });
});

describe('juno export --format svg', () => {
  it('writes the picture of the cycle, the same bytes as the renderer gives', async () => {
    const dir = tempDir();
    const file = join(dir, 'juno.svg');
    const result = await runMain(['export', '--format', 'svg', '-o', file, '--date', '2014-09-21']);
    expect(result).toEqual({ stdout: '', stderr: '', code: 0 });
    const expected = readFileSync(new URL('../__snapshots__/juno-2014-09-21.svg', import.meta.url), 'utf8');
    expect(readFileSync(file, 'utf8')).toBe(expected);
    const stdout = await runMain(['export', '--format', 'svg', '--date', '2014-09-21']);
    expect(stdout.stdout).toBe(expected);
  });

  it('refuses calendar-only options', async () => {
    const result = await runMain(['export', '--format', 'svg', '--weeks']);
    expect(result).toEqual({
      stdout: '',
      stderr: 'juno: --weeks applies to calendars (--format ics), not to --format svg\n',
      code: 2,
    });
  });
});
