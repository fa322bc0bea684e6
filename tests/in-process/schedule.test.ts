import { describe, expect, it } from 'vitest';
import { asciiText } from '../../src/render/style.js';
import type { ScheduleJson } from '../contract.js';
import { FIXTURES, runMain } from '../helpers.js';

const SCHEDULE_0921 = `OpenStack Juno (2014.2) · today Sun 21 Sep 2014 (R-4) · phase: Feature freeze
██████████████████████████░░░░ 86% of the cycle, Thu 17 Apr 2014 → Thu 16 Oct 2014

Date                          Week  Event                                             Kind       When
Tue 5 – Fri 8 Nov 2013        R-49  Icehouse Design Summit, Hong Kong                 summit     11 months ago
Thu 17 Apr 2014               R-26  Icehouse 2014.1 release                           release    5 months ago
Mon 12 – Fri 16 May 2014      R-22  Juno Design Summit, Atlanta                       summit     4 months ago
Thu 12 Jun 2014               R-18  juno-1 milestone (2014.2.b1)                      milestone  3 months ago
Thu 10 Jul 2014 ~             R-14  Nova spec approval freeze                         deadline   2 months ago
Thu 24 Jul 2014               R-12  juno-2 milestone (2014.2.b2)                      milestone  59 days ago
Thu 21 Aug 2014 ?             R-8   Feature proposal freeze (projects that opted in)  freeze     31 days ago
Thu 4 Sep 2014                R-6   juno-3 milestone (2014.2.b3)                      milestone  17 days ago
Thu 4 Sep 2014                R-6   Feature freeze                                    freeze     17 days ago
Thu 4 Sep 2014                R-6   String freeze                                     freeze     17 days ago
Thu 4 Sep 2014                R-6   Dependency (requirements) freeze                  freeze     17 days ago
Fri 12 Sep 2014               R-5   Nova feature freeze exceptions expire             deadline   9 days ago
Thu 25 Sep 2014 ~             R-3   RC1 target                                        rc         in 4 days
Thu 25 Sep – Wed 15 Oct 2014  R-3   Release candidates (RC1 to final RCs)             rc         in 4 days
Thu 16 Oct 2014               R+0   Juno 2014.2 release                               release    in 25 days
Mon 3 – Fri 7 Nov 2014        R+3   Kilo Design Summit, Paris                         summit     in 43 days
Mon 7 Dec 2015                R+60  Juno end of life                                  eol        in 15 months

~ approximate date · ? unverified date
`;

async function scheduleJson(args: string[], env: Record<string, string> = {}): Promise<ScheduleJson> {
  const result = await runMain(['schedule', '--format', 'json', ...args], env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScheduleJson;
}

describe('juno schedule', () => {
  it('prints the table', async () => {
    const result = await runMain(['schedule', '--date', '2014-09-21', '--color', 'never']);
    expect(result).toEqual({ stdout: SCHEDULE_0921, stderr: '', code: 0 });
  });

  it('is the default command', async () => {
    const result = await runMain(['--date', '2014-09-21']);
    expect(result.stdout).toBe(SCHEDULE_0921);
  });

  it('gives the JSON contract', async () => {
    const json = await scheduleJson(['--date', '2014-09-21']);
    expect(json.schemaVersion).toBe(1);
    expect(json.series).toBe('juno');
    expect(json.today).toBe('2014-09-21');
    expect(json.phase).toEqual({
      id: 'feature-freeze',
      name: 'Feature freeze',
      start: '2014-09-04',
      end: '2014-09-24',
    });
    const byId = Object.fromEntries(json.events.map((e) => [e.id, e]));
    expect(byId.release).toMatchObject({
      start: '2014-10-16',
      end: '2014-10-16',
      week: 'R+0',
      daysUntil: 25,
      status: 'upcoming',
    });
    expect(byId['feature-freeze']).toMatchObject({
      start: '2014-09-04',
      week: 'R-6',
      daysUntil: -17,
      status: 'past',
    });
    expect(byId['kilo-summit']).toMatchObject({
      start: '2014-11-03',
      end: '2014-11-07',
      week: 'R+3',
      location: 'Palais des Congrès, Paris',
    });
    expect(byId['juno-summit']?.week).toBe('R-22');
    expect(byId['icehouse-release']?.week).toBe('R-26');
    expect(Object.keys(byId.release ?? {})).toEqual([
      'id',
      'name',
      'kind',
      'start',
      'end',
      'week',
      'daysUntil',
      'status',
      'confidence',
      'project',
      'location',
      'aliases',
      'sources',
      'notes',
    ]);
  });

  it('marks a running summit as current', async () => {
    const json = await scheduleJson(['--date', '2014-11-05']);
    expect(json.events.find((e) => e.id === 'kilo-summit')?.status).toBe('current');
    const table = await runMain(['--date', '2014-11-05']);
    expect(table.stdout).toMatch(/Kilo Design Summit, Paris\s+summit\s+day 3 of 5/);
  });

  it('filters by kind and upcoming', async () => {
    const json = await scheduleJson([
      '--date',
      '2014-09-21',
      '--kind',
      'freeze',
      '-k',
      'summit,release',
      '--upcoming',
    ]);
    expect(json.events.map((e) => e.id)).toEqual(['release', 'kilo-summit']);
    const none = await runMain(['--date', '2016-01-01', '--upcoming']);
    expect(none.code).toBe(1);
    // After Juno's end of life, the note naming the series in development follows.
    expect(none.stderr).toBe(
      'juno: no events match the filters\njuno: note: Juno ended in 2015; Mitaka is in development: juno --series current\n',
    );
  });

  it('writes CSV, TSV and Markdown', async () => {
    const csv = await runMain(['--date', '2014-09-21', '--format', 'csv', '--kind', 'summit']);
    expect(csv.stdout).toBe(
      'id,name,kind,start,end,week,daysUntil,status,confidence,project,location\r\n' +
        'icehouse-summit,"Icehouse Design Summit, Hong Kong",summit,2013-11-05,2013-11-08,R-49,-320,past,confirmed,,"AsiaWorld-Expo, Hong Kong"\r\n' +
        'juno-summit,"Juno Design Summit, Atlanta",summit,2014-05-12,2014-05-16,R-22,-132,past,confirmed,,"Georgia World Congress Center, Atlanta"\r\n' +
        'kilo-summit,"Kilo Design Summit, Paris",summit,2014-11-03,2014-11-07,R+3,43,upcoming,confirmed,,"Palais des Congrès, Paris"\r\n',
    );
    const tsv = await runMain(['--date', '2014-09-21', '--format', 'tsv', '--kind', 'eol']);
    expect(tsv.stdout).toBe(
      'id\tname\tkind\tstart\tend\tweek\tdaysUntil\tstatus\tconfidence\tproject\tlocation\n' +
        'juno-eol\tJuno end of life\teol\t2015-12-07\t2015-12-07\tR+60\t442\tupcoming\tconfirmed\t\t\n',
    );
    const md = await runMain(['--date', '2014-09-21', '--format', 'markdown', '--kind', 'release']);
    expect(md.stdout).toBe(
      '| Date | Week | Event | Kind | When |\n| --- | --- | --- | --- | --- |\n' +
        '| Thu 17 Apr 2014 | R-26 | Icehouse 2014.1 release | release | 5 months ago |\n' +
        '| Thu 16 Oct 2014 | R+0 | Juno 2014.2 release | release | in 25 days |\n',
    );
  });

  it('colours only when asked or on a terminal', async () => {
    const plain = await runMain(['--date', '2014-09-21']);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runMain(['--date', '2014-09-21'], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[2mThu 17 Apr 2014');
    const noColor = await runMain(['--date', '2014-09-21'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(noColor.stdout).not.toContain('\u001b[');
    const always = await runMain(['--date', '2014-09-21', '--color', 'always'], { NO_COLOR: '1' });
    expect(always.stdout).toContain('\u001b[');
    const off = await runMain(['--date', '2014-09-21', '--no-color'], { FORCE_COLOR: '1' });
    expect(off.stdout).not.toContain('\u001b[');
    // A terminal wide enough for the table: coloured by default, and the same text under the colour.
    const terminal = await runMain(['--date', '2014-09-21'], {}, { columns: 200 });
    expect(terminal.stdout).toContain('\u001b[2mThu 17 Apr 2014');
    expect(terminal.stdout.replace(/\u001b\[\d+m/g, '')).toBe(SCHEDULE_0921);
    const dumb = await runMain(['--date', '2014-09-21'], { TERM: 'dumb' }, { columns: 200 });
    // A dumb terminal gets no colour, and ASCII stand-ins for juno's symbols.
    expect(dumb.stdout).toBe(asciiText(SCHEDULE_0921));
  });

  it('takes today from JUNO_DATE', async () => {
    const json = await scheduleJson([], { JUNO_DATE: '2014-09-21' });
    expect(json.today).toBe('2014-09-21');
  });

  it('loads YAML timelines of the same shape', async () => {
    const json = await scheduleJson([
      '--timeline',
      `${FIXTURES}timelines/small.yaml`,
      '--date',
      '2014-02-25',
    ]);
    expect(json.events.map((e) => `${e.id}:${e.status}:${e.week}`)).toEqual([
      'kickoff:past:R-8',
      'sprint:current:R-1',
      'freeze:upcoming:R-1',
      'release:upcoming:R+0',
    ]);
    expect(json.phase?.id).toBe('development');
  });
});

describe('errors and exit codes', () => {
  it.each([
    [
      ['--date', '2014-02-30'],
      2,
      'juno: --date "2014-02-30": not a calendar date\njuno: hint: give a real date, e.g. --date 2014-09-21\n',
    ],
    [
      ['--date', '2014-10-16T00:00'],
      2,
      'juno: --date "2014-10-16T00:00": expected YYYY-MM-DD\njuno: hint: e.g. --date 2014-09-21\n',
    ],
    [
      ['--date', '20141016'],
      2,
      'juno: --date "20141016": expected YYYY-MM-DD\njuno: hint: e.g. --date 2014-09-21\n',
    ],
    [
      ['--date', '2014-1-6'],
      2,
      'juno: --date "2014-1-6": expected YYYY-MM-DD\njuno: hint: e.g. --date 2014-09-21\n',
    ],
    [
      ['--date', 'yesterday'],
      2,
      'juno: --date "yesterday": expected YYYY-MM-DD\njuno: hint: e.g. --date 2014-09-21\n',
    ],
    [['--bogus'], 2, 'juno: unknown option "--bogus"\njuno: hint: see juno --help\n'],
    [
      ['schedule', '--format', 'xml'],
      2,
      'juno: unknown format "xml"\njuno: hint: choose table, json, csv, tsv or markdown (see juno schedule --help)\n',
    ],
    [
      ['schedule', '--kind', 'party'],
      2,
      'juno: unknown kind "party"\njuno: hint: kinds are milestone, freeze, deadline, rc, release, summit, eol, other\n',
    ],
    [['schedl'], 2, 'juno: unknown command "schedl"\njuno: hint: did you mean schedule? (see juno --help)\n'],
    [
      ['shedule'],
      2,
      'juno: unknown command "shedule"\njuno: hint: did you mean schedule? (see juno --help)\n',
    ],
    [
      ['schedule', 'extra'],
      2,
      'juno: schedule takes no arguments, got "extra"\njuno: hint: see juno schedule --help\n',
    ],
    [['help', 'nope'], 2, 'juno: unknown command "nope"\njuno: hint: see juno --help\n'],
    [
      ['schedule', '--formt', 'json'],
      2,
      'juno: schedule has no option "--formt"\njuno: hint: did you mean --format? (see juno schedule --help)\n',
    ],
    [
      ['export', '-o', ''],
      2,
      'juno: -o needs a file name\njuno: hint: e.g. -o juno.ics, or -o - for stdout\n',
    ],
    [
      ['--timeline', `${FIXTURES}timelines/bad-date.json`],
      3,
      `juno: ${FIXTURES}timelines/bad-date.json: events[0].start: 2014-02-30 is not a calendar date\n`,
    ],
    [
      ['--timeline', `${FIXTURES}timelines/dup-key.yaml`],
      3,
      `juno: ${FIXTURES}timelines/dup-key.yaml: line 7, column 5: Map keys must be unique\n`,
    ],
    [
      ['--timeline', `${FIXTURES}missing.json`],
      3,
      `juno: ${FIXTURES}missing.json: cannot read the timeline: no such file\njuno: hint: check the path given to --timeline\n`,
    ],
  ])('juno %j exits %i', async (args, code, stderr) => {
    const result = await runMain(args as string[]);
    expect(result).toEqual({ stdout: '', stderr, code });
  });

  it('rejects an invalid JUNO_DATE', async () => {
    const result = await runMain(['schedule'], { JUNO_DATE: 'soon' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^juno: JUNO_DATE="soon": expected YYYY-MM-DD/);
  });

  // The version the build stamps is checked where the build runs: tests/e2e/process.test.ts.
  it('prints help and version with exit 0', async () => {
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 success');
    const scheduleHelp = await runMain(['schedule', '--help']);
    expect(scheduleHelp.stdout).toContain('Examples:\n  $ juno schedule --date 2014-09-21');
    const version = await runMain(['--version']);
    expect(version).toEqual({ stdout: 'dev\n', stderr: '', code: 0 });
  });
});
