import { describe, expect, it } from 'vitest';
import type { WeeksJson } from '../contract.js';
import { runMain } from '../helpers.js';

describe('juno weeks', () => {
  it('marks R-4 as the current week on 2014-09-21', async () => {
    const result = await runMain(['weeks', '--date', '2014-09-21', '--color', 'never']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('OpenStack Juno (2014.2) · today Sun 21 Sep 2014 (R-4) · phase: Feature freeze');
    expect(lines[2]).toBe('  Week  Dates           Events');
    expect(lines[3]).toBe('  R-26  14–18 Apr 2014  Thu Icehouse 2014.1 release');
    expect(lines.filter((l) => l.startsWith('▶ R'))).toEqual(['▶ R-4   15–19 Sep']);
    expect(lines).toContain('  R-6   1–5 Sep         Thu juno-3 milestone (2014.2.b3)');
    expect(lines).toContain('                        Thu Feature freeze');
    expect(lines).toContain('  R-2   29 Sep – 3 Oct  …   Release candidates (RC1 to final RCs)');
    expect(lines.at(-2)).toBe('▶ this week · … began earlier · ~ approximate · ? unverified');
    expect(result.stdout).not.toContain('end of life');
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
  });

  it('gives the JSON contract', async () => {
    const result = await runMain(['weeks', '--date', '2014-09-21', '--format', 'json']);
    const json = JSON.parse(result.stdout) as WeeksJson;
    expect(json.schemaVersion).toBe(1);
    expect(json.series).toBe('juno');
    expect(json.today).toBe('2014-09-21');
    expect(json.weeks).toHaveLength(30);
    expect(json.weeks.find((w) => w.current)).toEqual({
      name: 'R-4',
      start: '2014-09-15',
      end: '2014-09-19',
      current: true,
      events: [],
    });
    expect(json.weeks.find((w) => w.name === 'R-6')?.events).toContain('feature-freeze');
  });

  it('adds the Hong Kong summit and the end of life with --all, and writes CSV', async () => {
    const all = await runMain(['weeks', '--all', '--date', '2014-09-21', '--format', 'csv']);
    const rows = all.stdout.split('\r\n');
    expect(rows[0]).toBe('name,start,end,current,events');
    expect(rows[1]).toBe('R-49,2013-11-04,2013-11-08,false,icehouse-summit');
    expect(rows).toContain('R-4,2014-09-15,2014-09-19,true,');
    expect(rows.at(-2)).toBe('R+60,2015-12-07,2015-12-11,false,juno-eol');
  });

  it('rejects an unknown format', async () => {
    const result = await runMain(['weeks', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

const SEPTEMBER = `OpenStack Juno (2014.2) · today Sun 21 Sep 2014 (R-4) · phase: Feature freeze

          September 2014
 Mo   Tu   We   Th   Fr   Sa   Su
  1    2    3    4*   5    6    7    R-6
  8    9   10   11   12*  13   14    R-5
 15   16   17   18   19   20  [21]   R-4
 22   23   24   25*  26+  27+  28+   R-3
 29+  30+                            R-2

  * Thu 4 Sep                juno-3 milestone (2014.2.b3)
  * Thu 4 Sep                Feature freeze
  * Thu 4 Sep                String freeze
  * Thu 4 Sep                Dependency (requirements) freeze
  * Fri 12 Sep               Nova feature freeze exceptions expire
  * Thu 25 Sep               RC1 target ~
  + Thu 25 Sep – Wed 15 Oct  Release candidates (RC1 to final RCs)

* event · + multi-day event · [ ] today · ~ approximate date
`;

describe('juno calendar', () => {
  it('shows September 2014 with the feature freeze marked', async () => {
    const result = await runMain([
      'calendar',
      '--month',
      '2014-09',
      '--date',
      '2014-09-21',
      '--color',
      'never',
    ]);
    expect(result).toEqual({ stdout: SEPTEMBER, stderr: '', code: 0 });
  });

  it('defaults to the month of today', async () => {
    const result = await runMain(['calendar', '--date', '2014-09-21', '--no-color']);
    expect(result.stdout).toBe(SEPTEMBER);
  });

  it('stacks several months', async () => {
    const result = await runMain(['calendar', '--month', '2014-09', '--months', '3', '--date', '2014-09-21']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/September 2014[\s\S]*October 2014[\s\S]*November 2014/);
    expect(result.stdout).toContain('  + Mon 3 – Fri 7 Nov  Kilo Design Summit, Paris');
  });

  it.each([
    [
      ['--month', '2014-13'],
      'juno: --month "2014-13": not a month\njuno: hint: give a month as YYYY-MM, e.g. --month 2014-09\n',
    ],
    [
      ['--month', '2014-9'],
      'juno: --month "2014-9": not a month\njuno: hint: give a month as YYYY-MM, e.g. --month 2014-09\n',
    ],
    [
      ['--months', '0'],
      'juno: --months "0": out of range, 1 to 36\njuno: hint: e.g. --months 3 (see juno calendar --help)\n',
    ],
    [
      ['--months', '2.5'],
      'juno: --months "2.5": not a whole number\njuno: hint: give a whole number from 1 to 36, e.g. --months 3\n',
    ],
  ])('rejects %j with exit 2', async (args, stderr) => {
    const result = await runMain(['calendar', ...args, '--date', '2014-09-21']);
    expect(result).toEqual({ stdout: '', stderr, code: 2 });
  });
});
