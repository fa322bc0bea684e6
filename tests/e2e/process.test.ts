// What a shell sees of juno as a process: the exit code of each kind of outcome, the version the build stamps, and
// the same answers under every time zone (TZ is read once per process, so only a process of its own can have
// another). What juno prints is checked in this process, from the source: tests/in-process/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runJuno, runMain, SPAWN_GUARD, TIME_ZONES } from '../helpers.js';

const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;
const snapshot = (name: string) => readFileSync(`${ROOT}tests/__snapshots__/${name}`, 'utf8');

describe('exit codes as a process sees them', SPAWN_GUARD, () => {
  it.each([
    [0, ['countdown', 'release', '--plain', '--date', '2014-09-21'], '25\n', ''],
    [
      1,
      ['check', '--before', 'feature-freeze', '--date', '2014-09-04'],
      'FAIL  --before feature-freeze: Feature freeze began today (Thu 4 Sep 2014)\n' +
        'failed: 1 of 1 condition does not hold on 2014-09-04\n',
      '',
    ],
    [
      2,
      ['countdown', 'releas'],
      '',
      'juno: unknown event "releas" in juno\njuno: hint: did you mean release or release-candidates?\n',
    ],
    [
      3,
      ['--timeline', `${FIXTURES}timelines/bad-date.json`],
      '',
      `juno: ${FIXTURES}timelines/bad-date.json: events[0].start: 2014-02-30 is not a calendar date\n`,
    ],
    [4, ['export', '-o', '/dev/full'], '', 'juno: /dev/full: cannot write: no space left on the device\n'],
  ])('exit %i: juno %j', async (code, args, stdout, stderr) => {
    expect(await runJuno(args)).toEqual({ stdout, stderr, code });
  });

  it('prints the version the build stamped from package.json', async () => {
    expect(await runJuno(['--version'])).toEqual({ stdout: `${VERSION}\n`, stderr: '', code: 0 });
  });
});

describe('every time zone gives the same answers', SPAWN_GUARD, () => {
  const EPOCH = { SOURCE_DATE_EPOCH: '1413417600' }; // 2014-10-16T00:00:00Z
  it.each([
    [['--date', '2014-09-21'], {}],
    [['--date', '2014-10-19', '--format', 'json'], {}],
    [['--date', '2014-11-05', '--format', 'csv'], {}],
    [['weeks', '--date', '2014-09-21'], {}],
    [['calendar', '--date', '2014-11-05', '--months', '2'], {}],
    [['info'], {}],
    [['export', '--alarm', '1d'], EPOCH],
  ])('juno %j, and as the source gives it in this process', async (args, env) => {
    const outputs = await Promise.all(TIME_ZONES.map((TZ) => runJuno(args, { env: { ...env, TZ } })));
    for (const output of outputs) expect(output).toEqual(outputs[0]);
    expect(outputs[0]?.code).toBe(0);
    const inProcess = await runMain(args, env);
    expect(outputs[0]?.stdout).toBe(inProcess.stdout.replace(' dev//EN\r\n', ` ${VERSION}//EN\r\n`));
  });

  it('writes the calendar and the picture of the snapshots, byte for byte', async () => {
    const ics = snapshot('juno.ics');
    const svg = snapshot('juno-2014-09-21.svg');
    const outputs = await Promise.all(
      TIME_ZONES.flatMap((TZ) => [
        runJuno(['export'], { env: { ...EPOCH, TZ } }),
        runJuno(['export', '--format', 'svg', '--date', '2014-09-21'], { env: { TZ } }),
      ]),
    );
    outputs.forEach((output, i) => {
      expect(output).toEqual({ stdout: i % 2 === 0 ? ics : svg, stderr: '', code: 0 });
    });
  });
});
