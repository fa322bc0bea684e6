// Days are supported from 1000-01-01 to 9996-12-31: every view of them (36 months of calendar, a few weeks of
// picture, the day after for an export) stays within four-digit years. Outside, juno refuses with exit 2 (the
// command line) or 3 (a timeline); it once looped until out of memory, or failed with exit 70.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMonth } from '../src/cli/commands/calendar.js';
import { parseDateOption, sourceDateEpoch } from '../src/cli/today.js';
import { isSupportedDay, SUPPORTED_DAYS } from '../src/timeline/day.js';
import { runJuno } from './helpers.js';

// A refusal must come quickly; a loop fails the test at this bound instead of stalling the suite.
const HANG_GUARD = { timeout: 30_000 };

describe('the supported days', () => {
  it('run from 1000-01-01 to 9996-12-31', () => {
    expect(SUPPORTED_DAYS).toEqual({ first: '1000-01-01', last: '9996-12-31', years: '1000–9996' });
    for (const day of ['1000-01-01', '2014-10-16', '9996-12-31']) expect(isSupportedDay(day)).toBe(true);
    for (const day of ['0000-01-01', '0999-12-31', '9997-01-01', '9999-12-31'])
      expect(isSupportedDay(day)).toBe(false);
  });

  it.each(['0000-01-01', '0999-12-31', '9997-01-01', '9999-12-31'])('refuse --date %s', (day) => {
    expect(() => parseDateOption(day)).toThrow(`--date "${day}": outside the supported years 1000–9996`);
  });

  it('accept --date on the first and last of them', () => {
    expect(parseDateOption('1000-01-01')).toBe('1000-01-01');
    expect(parseDateOption('9996-12-31')).toBe('9996-12-31');
  });

  it.each(['0000-01', '0999-12', '9997-01', '9999-12'])('refuse --month %s', (month) => {
    expect(() => parseMonth(month)).toThrow(`--month "${month}": outside the supported years 1000–9996`);
  });

  it('accept --month in them', () => {
    expect(parseMonth('1000-01')).toBe('1000-01');
    expect(parseMonth('9996-12')).toBe('9996-12');
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('may name any second up to the end of 9996-12-31', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '0' })?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '253307692799' })?.toISOString()).toBe(
      '9996-12-31T23:59:59.000Z',
    );
  });

  it.each(['253307692800', '253402300800', '9999999999999999'])('refuses %s, after 9996', (value) => {
    expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: value })).toThrow(
      `SOURCE_DATE_EPOCH="${value}" is after 9996-12-31, outside the supported years 1000–9996`,
    );
  });

  it.each(['1e9', '1.5', '-1', '0x10', ' 1', '1 ', 'Infinity', ''.padEnd(2, '٣')])(
    'refuses %j, not a whole number of seconds',
    (value) => {
      expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: value })).toThrow(
        'is not a number of seconds since 1970-01-01',
      );
    },
  );
});

describe('on the command line', () => {
  let dir: string;
  const edges = () => join(dir, 'edges.json');
  const beyond = () => join(dir, 'beyond.json');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'juno-days-'));
    const event = (id: string, start: string) => ({ id, name: id.toUpperCase(), kind: 'release', start });
    writeFileSync(
      edges(),
      JSON.stringify({ series: 'x', events: [event('first', '1000-01-01'), event('last', '9996-12-31')] }),
    );
    writeFileSync(
      beyond(),
      JSON.stringify({
        series: 'x',
        events: [event('a', '2014-09-04'), event('b', '0000-01-01'), event('c', '9999-12-31')],
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['calendar', '--month', '9999-12'], 'juno: --month "9999-12": outside the supported years 1000–9996'],
    [['calendar', '--month', '0000-01'], 'juno: --month "0000-01": outside the supported years 1000–9996'],
    [
      ['calendar', '--date', '9999-12-31'],
      'juno: --date "9999-12-31": outside the supported years 1000–9996',
    ],
    [['weeks', '--date', '0000-01-01'], 'juno: --date "0000-01-01": outside the supported years 1000–9996'],
  ])('refuses %j with exit 2', HANG_GUARD, async (args, message) => {
    const result = await runJuno(args);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.code).toBe(2);
  });

  it.each([['export'], ['weeks'], ['export', '--format', 'svg'], ['validate']])(
    'refuses a timeline with days beyond them in %j with exit 3',
    HANG_GUARD,
    async (...args) => {
      const result = await runJuno([...args, '--timeline', beyond(), '--date', '2014-09-21']);
      const label = args[0] === 'validate' ? '' : 'juno: ';
      const severity = args[0] === 'validate' ? ': error' : '';
      expect(result.stderr + result.stdout).toContain(
        `${label}${beyond()}: events[1].start${severity}: 0000-01-01 is outside the supported years 1000–9996\n`,
      );
      expect(result.stderr + result.stdout).toContain(
        `${beyond()}: events[2].start${severity}: 9999-12-31 is outside the supported years 1000–9996\n`,
      );
      expect(result.code).toBe(3);
    },
  );

  it(
    'refuses SOURCE_DATE_EPOCH past the year 9999 with exit 2, not a malformed DTSTAMP',
    HANG_GUARD,
    async () => {
      const result = await runJuno(['export'], { env: { SOURCE_DATE_EPOCH: '253402300800' } });
      expect(result).toEqual({
        stdout: '',
        stderr:
          'juno: SOURCE_DATE_EPOCH="253402300800" is after 9996-12-31, outside the supported years 1000–9996\n' +
          'juno: hint: it stamps exported files; unset it, or give whole seconds since 1970-01-01\n',
        code: 2,
      });
    },
  );

  it('stamps an export with the last second SOURCE_DATE_EPOCH may name', HANG_GUARD, async () => {
    const result = await runJuno(['export'], { env: { SOURCE_DATE_EPOCH: '253307692799' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DTSTAMP:99961231T235959Z\r\n');
  });

  it.each([
    [['weeks'], 'LAST'],
    [['weeks', '--all', '--format', 'json'], '"9996-12-31"'],
    [['export'], 'DTSTART;VALUE=DATE:99961231'],
    [['export', '--weeks'], 'DTEND;VALUE=DATE:'],
    [['export', '--format', 'svg'], '</svg>'],
    [['calendar', '--month', '9996-12', '--months', '36'], 'November 9999'],
    [['calendar', '--month', '1000-01'], 'January 1000'],
    [['countdown', 'first', '--plain'], '-3286086'],
  ])('shows a timeline from the first to the last supported day: %j', HANG_GUARD, async (args, expected) => {
    const result = await runJuno([...args, '--timeline', edges(), '--date', '9996-12-31']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });
});

describe('repeated options', () => {
  it('take 40,000 --kind options in one run', HANG_GUARD, async () => {
    const args = ['next', '--date', '2014-09-01'];
    for (let i = 0; i < 20_000; i++) args.push('-k', 'freeze', '--kind', 'release');
    const result = await runJuno(args);
    expect(result).toEqual({
      stdout: 'Thu 4 Sep 2014  Feature freeze (freeze)  in 3 days\n',
      stderr: '',
      code: 0,
    });
  });

  it('take 20,000 check conditions in one run', HANG_GUARD, async () => {
    const args = ['check', '--date', '2014-09-21', '--format', 'json'];
    for (let i = 0; i < 20_000; i++) args.push('--before', 'release');
    const result = await runJuno(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { results: unknown[] }).results).toHaveLength(20_000);
  });
});
