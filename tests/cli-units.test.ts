import { describe, expect, it } from 'vitest';
import { decideColor } from '../src/cli/color.js';
import { commandsToDefine } from '../src/cli/commands/index.js';
import { writeFailureWords } from '../src/cli/errno.js';
import { JunoError } from '../src/cli/errors.js';
import { failureOutput } from '../src/cli/failure.js';
import { commandIndex } from '../src/cli/startup/argv.js';
import { resolveToday } from '../src/cli/today.js';

describe('colour decision', () => {
  it.each([
    ['auto', {}, true, true],
    ['auto', {}, false, false],
    ['auto', { TERM: 'dumb' }, true, false],
    ['auto', { NO_COLOR: '1' }, true, false],
    ['auto', { NO_COLOR: '' }, true, true],
    ['auto', { FORCE_COLOR: '1' }, false, true],
    ['auto', { FORCE_COLOR: '0' }, true, false],
    ['auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, false],
    ['always', { NO_COLOR: '1' }, false, true],
    ['never', { FORCE_COLOR: '1' }, true, false],
  ] as const)('--color %s with %j, tty %s: %s', (choice, env, tty, expected) => {
    expect(decideColor(choice, env, tty)).toBe(expected);
  });
});

describe('today', () => {
  const now = new Date(2014, 8, 21, 23, 30);
  it('takes --date first', () => {
    expect(resolveToday('2014-10-16', { JUNO_DATE: '2014-01-01' }, now)).toBe('2014-10-16');
  });
  it('then JUNO_DATE', () => {
    expect(resolveToday(undefined, { JUNO_DATE: '2014-10-16' }, now)).toBe('2014-10-16');
  });
  it('then the local calendar date', () => {
    expect(resolveToday(undefined, {}, now)).toBe('2014-09-21');
  });
  it('reads the local date in the machine time zone', () => {
    const saved = process.env.TZ;
    const instant = new Date(Date.UTC(2014, 9, 18, 23, 30));
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(resolveToday(undefined, {}, instant)).toBe('2014-10-19');
      process.env.TZ = 'Pacific/Pago_Pago';
      expect(resolveToday(undefined, {}, instant)).toBe('2014-10-18');
    } finally {
      process.env.TZ = saved;
    }
  });
  it.each(['2014-02-30', '2014-10-16T00:00', '20141016', '2014-1-6', 'yesterday', ''])(
    'rejects --date %j',
    (text) => {
      expect(() => resolveToday(text, {}, now)).toThrow(/--date/);
    },
  );
  it.each(['0', '1413417600', 'soon'])('never takes SOURCE_DATE_EPOCH=%j as today', (value) => {
    expect(resolveToday(undefined, { SOURCE_DATE_EPOCH: value }, now)).toBe('2014-09-21');
  });
});

describe('commands defined for a run', () => {
  const defined = (argv: string[]) =>
    ['schedule', 'next', 'export', 'completion'].filter((name) => commandsToDefine(argv)(name));

  it.each([
    [[], ['schedule']],
    [['--date', '2014-09-21'], ['schedule']],
    [['next', '--date', '2014-09-21'], ['next']],
    [['--date', '2014-09-21', '--no-color', 'next'], ['next']],
    [['--color=never', '--timeline', 'next', 'export'], ['export']],
  ])('%j defines only %j', (argv, names) => {
    expect(defined(argv)).toEqual(names);
  });

  it.each([
    [['--help']],
    [['-h', 'next']],
    [['help', 'next']],
    [['nxt']],
    [['completion', 'bash']],
    [['--kind', 'next']],
    [['-f', 'json']],
  ])('%j defines every command', (argv) => {
    expect(defined(argv)).toEqual(['schedule', 'next', 'export', 'completion']);
  });
});

describe('where the command is', () => {
  it.each<[string[], number | null | undefined, number | null | undefined]>([
    [['next'], 0, 0],
    [['--date', '2014-09-21', '--no-color', '--series=indri', 'next', '--date', 'x'], 4, 4],
    [['--color', 'never', '--timeline=x.yaml'], undefined, undefined],
    [['--date'], undefined, undefined],
    [[], undefined, undefined],
    [['--bogus', 'check'], null, 1],
    [['-x', '--timeline', 'check', 'next'], null, 3],
    [['--', 'check'], null, 1],
    [['--help'], null, undefined],
  ])('%j: %j, past other options %j', (argv, index, past) => {
    expect(commandIndex(argv)).toBe(index);
    expect(commandIndex(argv, true)).toBe(past);
  });
});

describe('the JSON document of a run that found nothing', () => {
  it('is one line for the message and the hint, with nothing left to escape', () => {
    const failure = new JunoError('no series\u2028in\u0085development\u009b[31m', 1, 'try\u2029--date\u007f');
    expect(failureOutput(['--series', 'current', 'next', '--format', 'json'], failure)).toBe(
      '{\n  "schemaVersion": 1,\n  "series": null,\n  "nothing": {\n' +
        '    "message": "no series in development[31m",\n    "hint": "try --date"\n  }\n}\n',
    );
  });
});

describe('why a write failed', () => {
  it.each([
    ['ENOSPC', 'no space left on the device'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EROFS', 'the file system is read-only'],
    ['EPERM', 'permission denied'],
    ['EBADF', 'bad file descriptor (not open for writing)'],
  ])('%s is "%s" wherever juno writes', (code, words) => {
    expect(writeFailureWords(Object.assign(new Error(code), { code }))).toBe(words);
  });
  it('leaves a code it does not know, or no code, to the caller', () => {
    expect(writeFailureWords(Object.assign(new Error('x'), { code: 'EWHATEVER' }))).toBeNull();
    expect(writeFailureWords(new Error('x'))).toBeNull();
    expect(writeFailureWords(null)).toBeNull();
  });
});
