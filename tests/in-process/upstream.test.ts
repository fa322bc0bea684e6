import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleJson, SeriesJson, ValidateJson } from '../contract.js';
import { ROOT, runMain } from '../helpers.js';

// Paths relative to the repository, the folder vitest runs in (juno resolves them against it), so that messages
// are stable.
beforeAll(() => {
  expect(resolve(process.cwd()), 'run the tests from the repository folder').toBe(resolve(ROOT));
});
const INDRI = 'tests/fixtures/upstream/indri/schedule.yaml';
const GAZPACHO = 'tests/fixtures/upstream/no-rst/gazpacho/schedule.yaml';
const DUP_KEY = 'tests/fixtures/upstream/dup-key/flamingo/schedule.yaml';

async function json<T>(args: string[]): Promise<T> {
  const result = await runMain(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('an openstack/releases schedule.yaml, recognised by its shape', () => {
  it('gives the schedule with ids, exact or approximate dates, upstream weeks and aliases', async () => {
    const schedule = await json<ScheduleJson>([
      '--timeline',
      INDRI,
      '--date',
      '2026-11-23',
      '--format',
      'json',
    ]);
    expect(schedule.series).toBe('indri');
    expect(schedule.title).toBe('Indri Release Schedule');
    expect(schedule.phase).toEqual({
      id: 'development',
      name: 'Development',
      start: '2026-09-30',
      end: '2027-02-17',
    });
    const rows = schedule.events.map((e) =>
      [e.id, e.start, e.end, e.week, e.confidence, e.kind, e.aliases.join('|'), e.project ?? ''].join(' '),
    );
    expect(rows).toEqual([
      'h-final 2026-09-30 2026-09-30 Hibiscus R+0 confirmed release  ',
      'i-ptg 2026-10-19 2026-10-23 R-22 confirmed summit  ',
      'i-nova-spec-review-day 2026-11-05 2026-11-05 R-20 confirmed other  nova',
      'i-1 2026-11-12 2026-11-12 R-19 confirmed milestone milestone-1 ',
      'i-cinder-spec-freeze 2026-12-03 2026-12-03 R-16 confirmed deadline  cinder',
      'i-nova-spec-review-day-2 2026-12-17 2026-12-17 R-14 confirmed other  nova',
      'i-2 2027-01-07 2027-01-07 R-11 confirmed milestone milestone-2 ',
      'j-election-nominations 2027-02-01 2027-02-12 R-7 approximate other  ',
      'i-final-lib 2027-02-11 2027-02-11 R-6 approximate deadline  ',
      'i-3 2027-02-18 2027-02-18 R-5 confirmed milestone milestone-3 ',
      'i-ff 2027-02-18 2027-02-18 R-5 confirmed freeze feature-freeze|ff ',
      'i-soft-sf 2027-02-18 2027-02-18 R-5 approximate freeze  ',
      'i-rf 2027-02-18 2027-02-18 R-5 approximate freeze  ',
      'i-cinder-driver-deadline 2027-02-18 2027-02-18 R-5 confirmed deadline  cinder',
      'i-cycle-highlights 2027-02-25 2027-02-25 R-4 approximate deadline  ',
      'i-rc1 2027-03-01 2027-03-05 R-3 approximate rc rc1 ',
      'i-hard-sf 2027-03-04 2027-03-04 R-3 approximate freeze  ',
      'i-finalrc 2027-03-15 2027-03-19 R-1 approximate rc  ',
      'i-final 2027-03-24 2027-03-24 R+0 confirmed release release|final ',
    ]);
    const release = schedule.events.find((e) => e.id === 'i-final');
    expect(release).toMatchObject({ name: 'Indri release', daysUntil: 121, status: 'upcoming' });
    expect(release?.sources).toContain('https://releases.openstack.org/indri/schedule.html#i-final');
    expect(schedule.events.find((e) => e.id === 'i-cycle-highlights')?.name).toBe('Cycle highlights');
  });

  it('follows the phases through the cycle', async () => {
    const phase = async (date: string) =>
      (await json<ScheduleJson>(['--timeline', INDRI, '--date', date, '--format', 'json'])).phase?.id;
    expect(await phase('2026-09-29')).toBe('not-started');
    expect(await phase('2027-02-18')).toBe('feature-freeze');
    expect(await phase('2027-03-01')).toBe('release-candidate');
    expect(await phase('2027-03-24')).toBe('released');
  });

  it('heads the table with the RST title, the release id and the upstream week', async () => {
    const result = await runMain(['--timeline', INDRI, '--date', '2026-10-01', '--kind', 'release']);
    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      'Indri Release Schedule (2027.1) · today Thu 1 Oct 2026 (Hibiscus R+0) · phase: Development',
      '░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░ 0% of the cycle, Wed 30 Sep 2026 → Wed 24 Mar 2027',
      '',
      'Date             Week          Event             Kind     When',
      'Wed 30 Sep 2026  Hibiscus R+0  Hibiscus release  release  yesterday',
      'Wed 24 Mar 2027  R+0           Indri release     release  in 6 months',
    ]);
  });

  it("names today's week the same way in the table, the week view, the calendar and the picture", async () => {
    const args = ['--timeline', INDRI, '--date', '2026-10-01'];
    const [weeks, calendar, svg] = await Promise.all([
      runMain([...args, 'weeks']),
      runMain([...args, 'calendar']),
      runMain([...args, 'export', '--format', 'svg']),
    ]);
    expect(weeks.stdout.split('\n')[0]).toContain('today Thu 1 Oct 2026 (Hibiscus R+0)');
    expect(calendar.stdout.split('\n')[0]).toContain('today Thu 1 Oct 2026 (Hibiscus R+0)');
    expect(svg.stdout).toMatch(/>[^<]*Hibiscus R\+0[^<]*<\/text>/);
  });

  it('reads a cycle whose schedule.rst is missing', async () => {
    const schedule = await json<ScheduleJson>([
      '--timeline',
      GAZPACHO,
      '--date',
      '2026-03-10',
      '--format',
      'json',
    ]);
    expect(schedule.title).toBe('OpenStack Gazpacho');
    expect(schedule.phase?.id).toBe('release-candidate');
    const byId = Object.fromEntries(schedule.events.map((e) => [e.id, e]));
    expect(byId['f-final']).toMatchObject({
      name: 'Flamingo release',
      start: '2025-10-01',
      week: 'Flamingo R+0',
    });
    expect(byId['g-1']).toMatchObject({
      name: 'Gazpacho-1 milestone',
      start: '2025-11-10',
      end: '2025-11-14',
      confidence: 'approximate',
    });
    expect(byId['g-nova-spec-freeze']).toMatchObject({
      name: 'Nova spec freeze',
      project: 'nova',
      kind: 'deadline',
    });
    expect(byId['g-finalrc']?.week).toBe('R-2');
    expect(byId['g-final']).toMatchObject({
      start: '2026-04-01',
      confidence: 'confirmed',
      aliases: ['release', 'final'],
    });
  });

  it('stops on a duplicate key, naming the line', async () => {
    const result = await runMain(['--timeline', DUP_KEY]);
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: ${DUP_KEY}: line 10, column 5: Map keys must be unique\n`,
      code: 3,
    });
  });
});

describe('juno validate', () => {
  it('checks the bundled data without a file', async () => {
    expect(await runMain(['validate'])).toEqual({
      stdout:
        'juno.json: valid juno timeline (series juno, 17 events), 0 warnings\n' +
        'series.json: valid series list (35 series), 0 warnings\n',
      stderr: '',
      code: 0,
    });
  });

  it('lists the quirks of an upstream cycle as warnings, with lines, and exits 0', async () => {
    expect(await runMain(['validate', INDRI])).toEqual({
      stdout: [
        `${INDRI}: cycle[12] (line 53): warning: R-13 runs 2026-12-21 (Monday) to 2027-01-01 (Friday), not Monday to Friday of one week; its days are kept`,
        `${INDRI}: cycle[24] (line 110): warning: R+0 runs 2027-03-22 (Monday) to 2027-03-24 (Wednesday), not Monday to Friday of one week; its days are kept`,
        `${INDRI}: cycle[18].x-project[0] (line 79): warning: "i-final-lib" has no section in tests/fixtures/upstream/indri/schedule.rst; named "Final release for non-client libraries"`,
        'tests/fixtures/upstream/indri/schedule.rst: line 71: warning: the section of "i-cycle-highlights" has no title; named "Cycle highlights"',
        `${INDRI}: valid openstack/releases schedule (series indri, 19 events, 25 named weeks), 4 warnings`,
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('warns about a missing schedule.rst and a week without a name', async () => {
    expect(await runMain(['validate', GAZPACHO])).toEqual({
      stdout: [
        'tests/fixtures/upstream/no-rst/gazpacho/schedule.rst: warning: no such file beside the schedule; events are named from their labels and dated by their weeks',
        `${GAZPACHO}: cycle[4] (line 28): warning: a week without a name; shown as R-2`,
        `${GAZPACHO}: valid openstack/releases schedule (series gazpacho, 8 events, 6 named weeks), 2 warnings`,
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('exits 3 on a duplicate key and on an invalid juno timeline', async () => {
    expect(await runMain(['validate', DUP_KEY])).toEqual({
      stdout: `${DUP_KEY}: line 10, column 5: error: Map keys must be unique\n${DUP_KEY}: invalid file, 1 error, 0 warnings\n`,
      stderr: '',
      code: 3,
    });
    const bad = await runMain(['validate', 'tests/fixtures/timelines/bad-date.json']);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toBe(
      'tests/fixtures/timelines/bad-date.json: events[0].start: error: 2014-02-30 is not a calendar date\n' +
        'tests/fixtures/timelines/bad-date.json: invalid juno timeline, 1 error, 0 warnings\n',
    );
  });

  it('writes JSON with every problem and warning', async () => {
    const result = await runMain(['validate', '--timeline', GAZPACHO, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ValidateJson;
    expect(report).toMatchObject({ schemaVersion: 1, valid: true });
    expect(report.files[0]).toMatchObject({
      file: GAZPACHO,
      format: 'upstream',
      series: 'gazpacho',
      entries: 8,
      weeks: 6,
      problems: [],
    });
    expect(report.files[0]?.warnings[1]).toEqual({
      file: GAZPACHO,
      path: 'cycle[4] (line 28)',
      message: 'a week without a name; shown as R-2',
    });
  });
});

describe('juno series', () => {
  it('lists the supported series on a day', async () => {
    expect(await runMain(['series', '--supported', '--date', '2026-11-23'])).toEqual({
      stdout: [
        'Series    Version       Released           End of life        Status',
        'flamingo  2025.2        Wed 1 Oct 2025     Wed 28 Apr 2027 ~  maintained',
        'gazpacho  2026.1 SLURP  Wed 1 Apr 2026     –                  maintained',
        'hibiscus  2026.2        Wed 30 Sep 2026    –                  maintained',
        'indri     2027.1 SLURP  Wed 24 Mar 2027 ~  –                  development',
        '',
        '~ planned date (after today)',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('shows one series as JSON', async () => {
    expect(await json<SeriesJson>(['series', 'juno', '--format', 'json', '--date', '2026-11-23'])).toEqual({
      schemaVersion: 1,
      today: '2026-11-23',
      series: [
        {
          name: 'juno',
          releaseId: '2014.2',
          release: '2014-10-16',
          eol: '2015-12-07',
          status: 'end of life',
          slurp: false,
          planned: { release: false, eol: false },
        },
      ],
    });
    const then = await json<SeriesJson>(['series', 'juno', '--format', 'json', '--date', '2015-01-01']);
    expect(then.series[0]?.status).toBe('maintained');
  });

  it('adds signed days with --days and writes CSV', async () => {
    const result = await runMain([
      'series',
      '--development',
      '--days',
      'release',
      '--format',
      'csv',
      '--date',
      '2026-11-23',
    ]);
    expect(result.stdout).toBe(
      'name,releaseId,release,eol,status,slurp,days\r\nindri,2027.1,2027-03-24,,development,true,121\r\n',
    );
    const eol = await runMain(['series', 'juno', '--days', 'eol', '--format', 'tsv', '--date', '2015-12-08']);
    expect(eol.stdout).toBe(
      'name\treleaseId\trelease\teol\tstatus\tslurp\tdays\njuno\t2014.2\t2014-10-16\t2015-12-07\tend of life\tfalse\t-1\n',
    );
  });

  it('lists every series by default, oldest first', async () => {
    const all = await json<SeriesJson>(['series', '--format', 'json', '--date', '2026-11-23']);
    expect(all.series).toHaveLength(35);
    expect(all.series[0]?.name).toBe('austin');
    expect(all.series.filter((s) => s.releaseId === null).map((s) => s.name)).toEqual([
      'liberty',
      'mitaka',
      'newton',
      'ocata',
      'pike',
      'queens',
      'rocky',
      'stein',
      'train',
      'ussuri',
      'victoria',
      'wallaby',
      'xena',
      'yoga',
      'zed',
    ]);
  });

  it.each([
    [
      ['series', 'jnuo'],
      2,
      'juno: unknown series "jnuo"\njuno: hint: did you mean juno? (juno series lists them all)\n',
    ],
    [
      ['series', '--supported', '--eol'],
      2,
      'juno: choose one filter, not --supported and --eol\njuno: hint: e.g. juno series --supported\n',
    ],
    [
      ['series', '--development', '--date', '2026-09-30'],
      1,
      'juno: no series is in development on 2026-09-30\n',
    ],
  ])('juno %j exits %i', async (args, code, stderr) => {
    expect(await runMain(args as string[])).toEqual({ stdout: '', stderr, code });
  });
});

describe('every command on an upstream cycle', () => {
  const at = (...args: string[]) => runMain([...args, '--timeline', INDRI, '--date', '2026-11-23']);

  it('counts down to the release and to feature freeze through the common aliases', async () => {
    expect((await at('countdown', 'release', '--plain')).stdout).toBe('121\n');
    expect((await at('countdown', 'release')).stdout).toBe('4 months until Indri release, Wed 24 Mar 2027\n');
    expect((await at('countdown', 'ff', '--plain')).stdout).toBe('87\n');
    expect((await at('countdown', 'feature-freeze', '--plain')).stdout).toBe('87\n');
    expect((await at('countdown', 'milestone-2', '--plain')).stdout).toBe('45\n');
    expect((await at('countdown', 'rc1', '--plain')).stdout).toBe('98\n');
  });

  it('answers next, phase and check', async () => {
    expect(JSON.parse((await at('next', '--format', 'json')).stdout).event.id).toBe('i-cinder-spec-freeze');
    expect((await at('phase')).stdout.split('\n')[0]).toBe('development');
    const gate = await at('check', '--before', 'ff', '--format', 'json');
    expect(gate.code).toBe(0);
    expect(JSON.parse(gate.stdout).results[0]).toMatchObject({ event: 'i-ff', ok: true, daysLeft: 87 });
  });

  it('exports every event as a calendar entry', async () => {
    const result = await at('export');
    expect(result.code).toBe(0);
    const schedule = JSON.parse((await at('schedule', '--format', 'json')).stdout) as ScheduleJson;
    const exported = result.stdout.match(/^UID:.*$/gm) ?? [];
    expect(exported).toHaveLength(schedule.events.length);
    expect(exported.map((uid) => uid.trim())).toContain('UID:i-final@indri.juno.openstack');
  });
});
