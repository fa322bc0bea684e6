// Every usage error juno reports, with its exact words: one sentence in juno's voice (never commander's), values
// echoed in double quotes, a hint that points to the help of the command concerned, exit code 2.
import { describe, expect, it } from 'vitest';
import { runMain, tempDir } from '../helpers.js';

const DATE = ['--date', '2014-09-21'];

/** argv (after `--date 2014-09-21`), then the whole of stderr. */
const USAGE_ERRORS: [string[], string][] = [
  // A mistyped command, whatever follows it.
  [['countdwon', 'release'], 'unknown command "countdwon"\nhint: did you mean countdown? (see juno --help)'],
  [['nxt', '--count', '3'], 'unknown command "nxt"\nhint: did you mean next? (see juno --help)'],
  [
    ['nxt', '-n', '3', '--format', 'json'],
    'unknown command "nxt"\nhint: did you mean next? (see juno --help)',
  ],
  [['countdwon'], 'unknown command "countdwon"\nhint: did you mean countdown? (see juno --help)'],
  [
    ['--series', 'juno', 'scheduel', 'x'],
    'unknown command "scheduel"\nhint: did you mean schedule? (see juno --help)',
  ],
  [['help', 'nxt'], 'unknown command "nxt"\nhint: did you mean next? (see juno --help)'],
  [['frobnicate', 'x'], 'unknown command "frobnicate"\nhint: see juno --help'],
  // Arguments.
  [['next', 'x'], 'next takes no arguments, got "x"\nhint: see juno next --help'],
  [['schedule', 'foo'], 'schedule takes no arguments, got "foo"\nhint: see juno schedule --help'],
  [
    ['countdown', 'release', 'x'],
    'countdown takes one argument, <event>; also got "x"\nhint: see juno countdown --help',
  ],
  [
    ['validate', 'a', 'b', 'c'],
    'validate takes one argument, [file]; also got "b", "c"\nhint: see juno validate --help',
  ],
  [['countdown'], 'countdown needs an argument, <event>\nhint: see juno countdown --help'],
  [['completion'], 'completion needs an argument, <shell>\nhint: see juno completion --help'],
  [
    ['completion', 'tcsh'],
    'unknown shell "tcsh"\nhint: choose bash, zsh or fish (see juno completion --help)',
  ],
  // Options.
  [['next', '--bogus'], 'next has no option "--bogus"\nhint: see juno next --help'],
  [
    ['next', '--cout', '3'],
    'next has no option "--cout"\nhint: did you mean --count? (see juno next --help)',
  ],
  [['--bogus'], 'unknown option "--bogus"\nhint: see juno --help'],
  [['--formt', 'json'], 'unknown option "--formt"\nhint: did you mean --format? (see juno --help)'],
  [['next', '--count'], '--count needs a value: <n>\nhint: see juno next --help'],
  [['next', '--date'], '--date needs a value: <YYYY-MM-DD>\nhint: see juno --help'],
  [['next', '-n', '0'], '--count "0": expected a whole number, at least 1\nhint: see juno next --help'],
  [
    ['check', '--before', 'ff', '-w', 'soon'],
    '--warn-within "soon": expected a whole number, at least 0\nhint: see juno check --help',
  ],
  [['info', '--format', 'csv'], 'unknown format "csv"\nhint: choose text or json (see juno info --help)'],
  [['export', '-f', 'vcs'], 'unknown format "vcs"\nhint: choose ics or svg (see juno export --help)'],
  [
    ['series', '--days', 'x'],
    'unknown --days value "x"\nhint: choose release or eol (see juno series --help)',
  ],
  [
    ['--color', 'sometimes', 'next'],
    'unknown --color value "sometimes"\nhint: choose auto, always or never (see juno --help)',
  ],
  [
    ['next', '--kind', 'party'],
    'unknown kind "party"\nhint: kinds are milestone, freeze, deadline, rc, release, summit, eol, other',
  ],
  // Values juno checks itself.
  [
    ['calendar', '--months', '37'],
    '--months "37": out of range, 1 to 36\nhint: e.g. --months 3 (see juno calendar --help)',
  ],
  [
    ['calendar', '--months', '0'],
    '--months "0": out of range, 1 to 36\nhint: e.g. --months 3 (see juno calendar --help)',
  ],
  [
    ['calendar', '--months', '2.5'],
    '--months "2.5": not a whole number\nhint: give a whole number from 1 to 36, e.g. --months 3',
  ],
  [
    ['calendar', '--month', '2014-13'],
    '--month "2014-13": not a month\nhint: give a month as YYYY-MM, e.g. --month 2014-09',
  ],
  [
    ['export', '--alarm', 'soon'],
    '--alarm "soon": expected a duration such as 30m, 2h, 1d or 1w\nhint: a number followed by m (minutes), h (hours), d (days) or w (weeks)',
  ],
  [['update', '--timeout', 'ages'], '--timeout "ages": expected a duration up to 10m, e.g. 30s, 2s, 500ms'],
  [
    ['countdown', 'releas'],
    'unknown event "releas" in juno\nhint: did you mean release or release-candidates?',
  ],
  [['series', 'junoo'], 'unknown series "junoo"\nhint: did you mean juno? (juno series lists them all)'],
  // Options that contradict each other.
  [
    ['countdown', 'release', '--plain', '--format', 'json'],
    '--plain prints a bare number, --format json a document: choose one\nhint: see juno countdown --help',
  ],
  [
    ['next', '--kind', ''],
    '--kind "": names no kind\nhint: kinds are milestone, freeze, deadline, rc, release, summit, eol, other; leave out --kind for all of them',
  ],
  [
    ['schedule', '--kind', ' , '],
    '--kind " , ": names no kind\nhint: kinds are milestone, freeze, deadline, rc, release, summit, eol, other; leave out --kind for all of them',
  ],
  [
    ['export', '-o', 'juno.svg', '--format', 'ics'],
    '--format ics contradicts -o "juno.svg", an SVG file name\nhint: leave out --format, or name the file .ics (see juno export --help)',
  ],
  [
    ['export', '-o', 'juno.ICS', '--format', 'svg'],
    '--format svg contradicts -o "juno.ICS", an iCalendar file name\nhint: leave out --format, or name the file .svg (see juno export --help)',
  ],
  [
    ['export', '--format', 'svg', '--alarm', '1d'],
    '--alarm applies to calendars (--format ics), not to --format svg',
  ],
  [
    ['series', '--eol', '--supported'],
    'choose one filter, not --supported and --eol\nhint: e.g. juno series --supported',
  ],
];

const stderrOf = (text: string) =>
  `${text
    .split('\n')
    .map((line) => `juno: ${line}`)
    .join('\n')}\n`;

describe('usage errors', () => {
  it.each(USAGE_ERRORS)('juno %j', async (argv, message) => {
    const run = await runMain([...DATE, ...argv]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: stderrOf(message) });
  });

  it('never speak commander: no sentence of its own, no single-quoted value', async () => {
    for (const [argv] of USAGE_ERRORS) {
      const { stderr } = await runMain([...DATE, ...argv]);
      expect(stderr).not.toMatch(
        /too many arguments|is invalid|Allowed choices|argument missing|missing required|'/,
      );
    }
  });
});

describe('what the words say', () => {
  it('series juno --supported says why juno is left out, on a day it is at end of life', async () => {
    const run = await runMain(['--date', '2026-11-29', 'series', 'juno', '--supported']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'juno: juno is not supported on 2026-11-29: it is at end of life\njuno: hint: juno series --supported lists them\n',
    );
  });

  it('-o in a folder that exists but takes no new file says so, not that the folder is missing', async () => {
    const run = await runMain([...DATE, 'export', '-o', '/proc/juno.ics']);
    expect(run).toEqual({
      code: 4,
      stdout: '',
      stderr:
        'juno: /proc/juno.ics: cannot write: the folder /proc does not take new files\njuno: hint: give a path in an ordinary folder to -o\n',
    });
  });
});

describe('export chooses its format from -o', () => {
  it.each([
    ['juno.svg', '<svg '],
    ['JUNO.SVG', '<svg '],
    ['juno.ics', 'BEGIN:VCALENDAR'],
    ['juno.txt', 'BEGIN:VCALENDAR'],
  ])('-o %s', async (name, start) => {
    const file = `${tempDir()}/${name}`;
    const run = await runMain([...DATE, 'export', '-o', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toContain(start);
  });

  it('--format agreeing with the extension is fine', async () => {
    const file = `${tempDir()}/juno.svg`;
    expect((await runMain([...DATE, 'export', '-o', file, '--format', 'svg'])).code).toBe(0);
  });

  it('--name titles the picture', async () => {
    const run = await runMain([...DATE, 'export', '--format', 'svg', '--name', 'Our <cycle>']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<title id="juno-title">Our &lt;cycle&gt;</title>');
    expect(run.stdout).not.toContain('release cycle</title>');
  });
});
