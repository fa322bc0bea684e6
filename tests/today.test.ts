// Today: --date, else JUNO_DATE, else the local calendar date. SOURCE_DATE_EPOCH (a Nix shell sets 1980-01-01,
// reproducible builds their commit's time) only stamps exported files, and is never taken as today.
import { describe, expect, it } from 'vitest';
import { parseIcs } from './calendar.js';
import { runMain } from './helpers.js';

const NIX = { SOURCE_DATE_EPOCH: '315532800' }; // 1980-01-01T00:00:00Z

async function today(args: string[], env: Record<string, string>): Promise<string> {
  const result = await runMain([...args, '--format', 'json'], env);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { today: string }).today;
}

describe('today', () => {
  it('is the local calendar date whatever SOURCE_DATE_EPOCH says', async () => {
    const real = await today(['schedule'], {});
    expect(real).toMatch(/^2014-09-2[12]$/); // runMain's clock: 2014-09-21 noon UTC, in this machine's zone
    expect(await today(['schedule'], NIX)).toBe(real);
    expect(await today(['next'], { SOURCE_DATE_EPOCH: '1413417600' })).toBe(await today(['next'], {}));
  });

  it('is JUNO_DATE when --date is not given', async () => {
    expect(await today(['schedule'], { ...NIX, JUNO_DATE: '2014-10-16' })).toBe('2014-10-16');
    expect(await today(['check', '--after', 'release'], { JUNO_DATE: '2014-10-16' })).toBe('2014-10-16');
  });

  it('is --date before JUNO_DATE', async () => {
    expect(await today(['schedule', '--date', '2014-09-03'], { JUNO_DATE: '2014-10-16' })).toBe('2014-09-03');
  });

  it('takes an empty JUNO_DATE as unset', async () => {
    expect(await today(['schedule'], { JUNO_DATE: '' })).toBe(await today(['schedule'], {}));
  });

  it.each([
    [
      '2014-02-30',
      'juno: JUNO_DATE="2014-02-30": not a calendar date\njuno: hint: give a real date, e.g. JUNO_DATE=2014-09-21\n',
    ],
    ['2014-9-3', 'juno: JUNO_DATE="2014-9-3": expected YYYY-MM-DD\njuno: hint: e.g. JUNO_DATE=2014-09-21\n'],
    [
      '2014-09-21T00:00',
      'juno: JUNO_DATE="2014-09-21T00:00": expected YYYY-MM-DD\njuno: hint: e.g. JUNO_DATE=2014-09-21\n',
    ],
    [
      ' 2014-09-21',
      'juno: JUNO_DATE=" 2014-09-21": expected YYYY-MM-DD\njuno: hint: e.g. JUNO_DATE=2014-09-21\n',
    ],
    [
      '0999-12-31',
      'juno: JUNO_DATE="0999-12-31": outside the supported years 1000–9996\njuno: hint: e.g. JUNO_DATE=2014-09-21\n',
    ],
    [
      '9999-01-01',
      'juno: JUNO_DATE="9999-01-01": outside the supported years 1000–9996\njuno: hint: e.g. JUNO_DATE=2014-09-21\n',
    ],
  ])('refuses JUNO_DATE=%j with exit 2, naming it', async (value, stderr) => {
    const result = await runMain(['next'], { JUNO_DATE: value });
    expect(result).toMatchObject({ stdout: '', code: 2 });
    // The value as typed, quoted (or, when it has the shape of a day, perhaps not).
    expect(result.stderr.replace(`JUNO_DATE="${value}"`, `JUNO_DATE=${value}`)).toBe(
      stderr.replace(`JUNO_DATE="${value}"`, `JUNO_DATE=${value}`),
    );
  });

  it('does not read JUNO_DATE when --date is given', async () => {
    const result = await runMain(['next', '--date', '2014-09-21'], { JUNO_DATE: 'soon' });
    expect(result.code).toBe(0);
  });

  it('lets check pass or fail on the real day, not on 1980-01-01', async () => {
    // Before Juno's feature freeze on 1980-01-01, but not on the real (2014-09-21/22) day.
    const result = await runMain(['check', '--before', 'ff'], NIX);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('1980');
  });

  it('ignores a SOURCE_DATE_EPOCH that is not a number, except in an export', async () => {
    const epoch = { SOURCE_DATE_EPOCH: 'soon' };
    expect((await runMain(['schedule', '--date', '2014-09-21'], epoch)).code).toBe(0);
    expect((await runMain(['next'], epoch)).code).toBe(0);
    const exported = await runMain(['export'], epoch);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/^juno: SOURCE_DATE_EPOCH="soon" is not a number of seconds/);
  });
});

describe('SOURCE_DATE_EPOCH in exports', () => {
  it('fixes DTSTAMP, while the SVG marks JUNO_DATE as today', async () => {
    const ics = await runMain(['export', '--kind', 'release'], { ...NIX, JUNO_DATE: '2014-09-21' });
    expect(ics.code).toBe(0);
    const { events } = parseIcs(ics.stdout);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.stamp === '1980-01-01T00:00:00Z')).toBe(true);
    const svg = await runMain(['export', '--format', 'svg'], { ...NIX, JUNO_DATE: '2014-09-21' });
    const plain = await runMain(['export', '--format', 'svg', '--date', '2014-09-21']);
    expect(svg.code).toBe(0);
    expect(svg.stdout).toBe(plain.stdout);
  });
});
