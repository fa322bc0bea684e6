import { describe, expect, it } from 'vitest';
import { runJuno } from '../helpers.js';

// The commands a new user tries first, run as processes.
describe('countdowns, phase and checks as a user runs them', () => {
  it.each([
    [['countdown', 'release', '--plain', '--date', '2014-09-21'], '25\n', 0],
    [['countdown', 'ff', '--plain', '--date', '2014-09-03'], '1\n', 0],
    [['phase', '--date', '2014-09-21'], /^feature-freeze\n/, 0],
    [
      ['check', '--before', 'feature-freeze', '--date', '2014-09-04'],
      /^FAIL {2}--before feature-freeze: Feature freeze began today/,
      1,
    ],
    [['check', '--before', 'feature-freeze', '--date', '2014-09-03'], /^PASS {2}--before feature-freeze/, 0],
    [
      [
        'check',
        '--before',
        'feature-freeze',
        '--warn-within',
        '7',
        '--format',
        'github',
        '--date',
        '2014-08-30',
      ],
      /^::warning title=juno check --before feature-freeze::/,
      0,
    ],
  ])('juno %j', async (args, stdout, code) => {
    const result = await runJuno(args as string[]);
    expect(result.stderr).toBe('');
    if (typeof stdout === 'string') expect(result.stdout).toBe(stdout);
    else expect(result.stdout).toMatch(stdout);
    expect(result.code).toBe(code);
  });

  it('juno next --format json gives rc1 on 2014-09-21', async () => {
    const result = await runJuno(['next', '--date', '2014-09-21', '--format', 'json']);
    expect(JSON.parse(result.stdout).event.id).toBe('rc1');
  });

  it('juno countdown releas suggests release', async () => {
    const result = await runJuno(['countdown', 'releas']);
    expect(result).toEqual({
      stdout: '',
      stderr:
        "juno: unknown event 'releas' in juno\njuno: hint: did you mean release or release-candidates?\n",
      code: 2,
    });
  });

  it('every command help ends with examples', async () => {
    for (const command of ['schedule', 'info', 'next', 'countdown', 'phase', 'check', 'completion']) {
      const help = await runJuno([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/\nExamples:\n( {2}\$ juno .+\n){2,3}$/);
    }
  });
});
