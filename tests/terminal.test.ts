// What a terminal is given: spans as people say them, ASCII where UTF-8 cannot be shown, and text fitted to its
// width (decided once in the CLI from the terminal, COLUMNS, LC_ALL/LC_CTYPE/LANG and TERM).
import { describe, expect, it } from 'vitest';
import { decideUnicode, makeStyle } from '../src/cli/color.js';
import { outputWidth } from '../src/cli/context.js';
import type { Io } from '../src/cli/io.js';
import { daysAgo, daysAhead, relativeDays, span } from '../src/render/format.js';
import { asciiText } from '../src/render/style.js';
import { fitLines, joinParts, wrapHanging } from '../src/render/table.js';
import { runMain } from './helpers.js';

describe('spans as people say them', () => {
  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [45, '45 days'],
    [59, '59 days'],
    // From 60 days: months of 30.44 days, to the nearest.
    [60, '2 months'],
    [106, '3 months'],
    [115, '4 months'],
    [729, '24 months'],
    // From 730 days: years of 365.2425 days, to the nearest.
    [730, '2 years'],
    [4427, '12 years'],
    [4772, '13 years'],
  ])('%i days is %s', (days, said) => {
    expect(span(days)).toBe(said);
    expect(span(-days)).toBe(said);
  });

  it('keeps today, tomorrow, yesterday and the day of a running event', () => {
    expect(daysAhead(0)).toBe('today');
    expect(daysAhead(1)).toBe('tomorrow');
    expect(daysAgo(1)).toBe('yesterday');
    expect(daysAhead(46)).toBe('in 46 days');
    expect(daysAgo(4427)).toBe('12 years ago');
    expect(relativeDays(-1, 5)).toBe('day 2 of 5');
    expect(relativeDays(115)).toBe('in 4 months');
  });

  it('is what juno schedule says on 2026-11-29, while JSON keeps the days', async () => {
    const table = await runMain(['schedule', '--date', '2026-11-29']);
    expect(table.stdout).toMatch(/Juno 2014\.2 release +release +12 years ago/);
    const json = JSON.parse((await runMain(['schedule', '--date', '2026-11-29', '--format', 'json'])).stdout);
    expect(json.events.find((e: { id: string }) => e.id === 'release').daysUntil).toBe(-4427);
  });
});

describe('terminals without UTF-8', () => {
  it.each([
    [{}, true],
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'C.utf8' }, true],
    [{ LANG: 'C' }, false],
    [{ LANG: 'POSIX' }, false],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, false],
    [{ LANG: 'C', LC_CTYPE: 'en_US.UTF-8' }, true],
    [{ LC_ALL: '', LANG: 'C' }, false],
    [{ LANG: 'en_US.ISO-8859-1' }, false],
    [{ LANG: 'en_US.UTF-8', TERM: 'dumb' }, false],
  ])('%o: UTF-8 %s', (env, unicode) => {
    expect(decideUnicode(env)).toBe(unicode);
  });

  it('gives ASCII stand-ins of the same width', async () => {
    expect(asciiText('█░ · → – — ▶ … •')).toBe('#. | > - - > . *');
    const style = await makeStyle(false, false);
    expect(style.ascii).toBe(true);
    expect(style.text('a → b')).toBe('a > b');
    expect((await makeStyle(true, false)).text('a → b')).toBe('a > b');
    expect((await makeStyle(true)).text('a → b')).toBe('a → b');
  });

  it.each([
    ['schedule'],
    ['weeks'],
    ['calendar'],
    ['info'],
    ['series'],
    ['phase'],
    ['next', '--count', '3'],
    ['countdown', 'release'],
  ])('juno %s under LANG=C is printable ASCII, and the same layout', async (...args) => {
    const run = (env: Record<string, string>) =>
      runMain([...args, '--date', '2014-09-21'], env, { columns: 80 });
    const ascii = await run({ LANG: 'C' });
    expect(ascii.stdout).toMatch(/^[\x20-\x7e\n\u001b]*$/);
    const unicode = await run({ LANG: 'en_US.UTF-8' });
    // Weeks write an ellipsis of their own as "...".
    expect(ascii.stdout).toBe(asciiText(unicode.stdout.replace(/…( {2}|(?= began))/g, '...')));
    // JSON stays UTF-8.
    const json = await runMain(['schedule', '--date', '2014-09-21', '--format', 'json'], { LANG: 'C' });
    expect(json.stdout).toBe(
      (await runMain(['schedule', '--date', '2014-09-21', '--format', 'json'])).stdout,
    );
  });
});

describe('the width output is fitted to', () => {
  const io = (env: Record<string, string>, tty: boolean, columns?: number): Io => ({
    env,
    now: () => new Date(0),
    stdout: { isTTY: tty, ...(columns === undefined ? {} : { columns }), write: () => {} },
    stderr: { write: () => {} },
  });

  it('is the terminal, else COLUMNS, else none (piped output is never fitted)', () => {
    expect(outputWidth(io({}, true, 50))).toBe(50);
    expect(outputWidth(io({}, true))).toBe(80);
    expect(outputWidth(io({}, false))).toBeNull();
    expect(outputWidth(io({ COLUMNS: '60' }, false))).toBe(60);
    expect(outputWidth(io({ COLUMNS: '60' }, true, 120))).toBe(60);
    expect(outputWidth(io({ COLUMNS: 'wide' }, false))).toBeNull();
    expect(outputWidth(io({ COLUMNS: '5' }, true, 70))).toBe(70);
  });

  it('wraps at spaces, with hanging indents, and leaves piped text alone', () => {
    expect(wrapHanging('  • one two three four', 12, 4)).toEqual(['  • one two', '    three', '    four']);
    expect(wrapHanging('one two three four', null, 4)).toEqual(['one two three four']);
    expect(wrapHanging('a\u00a0b c', 3)).toEqual(['a b', 'c']);
    expect(joinParts([{ text: 'Title here' }, { text: 'today x' }], ' · ', 20)).toEqual([
      'Title here · today x',
    ]);
    expect(joinParts([{ text: 'Title here' }, { text: 'today xy' }], ' · ', 20)).toEqual([
      'Title here',
      'today xy',
    ]);
    expect(joinParts([{ text: 'a' }, { text: 'b' }], ' · ', null)).toEqual(['a · b']);
    expect(fitLines('Intro words here\n  $ juno schedule --format json', 20)).toBe(
      'Intro words here\n  $ juno schedule\n      --format json',
    );
  });

  it('fits --help to the terminal, and to 80 columns piped', async () => {
    const narrow = await runMain(['--help'], {}, { columns: 50 });
    expect(Math.max(...narrow.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(50);
    const piped = await runMain(['schedule', '--help']);
    expect(Math.max(...piped.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(80);
  });
});
