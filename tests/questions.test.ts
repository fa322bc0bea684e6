import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/timeline/day.js';
import { parseTimeline } from '../src/timeline/parse.js';
import { phaseSpans } from '../src/timeline/query.js';
import type { CheckJson, CountdownJson, NextJson, PhaseJson } from './contract.js';
import { ROOT, runMain } from './helpers.js';

const juno = (() => {
  const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
  if (!result.ok) throw new Error('bundled timeline invalid');
  return result.timeline;
})();

describe('countdown --plain on every event', () => {
  it.each(juno.events.map((e) => [e.id, e.start] as const))('%s (%s): 1, 0, -1', async (id, start) => {
    const around = await Promise.all(
      [-1, 0, 1].map((offset) => runMain(['countdown', id, '--plain', '--date', addDays(start, offset)])),
    );
    expect(around.map((r) => r.stdout)).toEqual(['1\n', '0\n', '-1\n']);
    expect(around.map((r) => r.code)).toEqual([0, 0, 0]);
  });

  it('crosses a year end and February', async () => {
    expect((await runMain(['countdown', 'eol', '--plain', '--date', '2014-12-31'])).stdout).toBe('341\n');
    expect((await runMain(['countdown', 'eol', '--plain', '--date', '2015-01-01'])).stdout).toBe('340\n');
    expect((await runMain(['countdown', 'eol', '--plain', '--date', '2015-02-28'])).stdout).toBe('282\n');
    expect((await runMain(['countdown', 'eol', '--plain', '--date', '2015-03-01'])).stdout).toBe('281\n');
    expect((await runMain(['countdown', 'juno-1', '--plain', '--date', '2013-12-31'])).stdout).toBe('163\n');
  });
});

describe('countdown sentences', () => {
  it.each([
    ['release', '2014-09-21', '25 days until Juno 2014.2 release, Thu 16 Oct 2014\n'],
    ['FF', '2014-09-03', '1 day until Feature freeze, Thu 4 Sep 2014\n'],
    ['ff', '2014-09-04', 'Feature freeze is today, Thu 4 Sep 2014\n'],
    ['ff', '2014-09-05', 'Feature freeze was yesterday, Thu 4 Sep 2014\n'],
    ['ff', '2014-09-21', 'Feature freeze was 17 days ago, Thu 4 Sep 2014\n'],
    ['paris', '2014-11-05', 'Kilo Design Summit, Paris is on: day 3 of 5 (Mon 3 – Fri 7 Nov 2014)\n'],
    ['paris', '2014-11-08', 'Kilo Design Summit, Paris ended yesterday (Mon 3 – Fri 7 Nov 2014)\n'],
    ['j-3', '2014-09-01', '3 days until juno-3 milestone (2014.2.b3), Thu 4 Sep 2014\n'],
    ['final', '2014-10-15', '1 day until Juno 2014.2 release, Thu 16 Oct 2014\n'],
  ])('countdown %s on %s', async (name, date, expected) => {
    expect(await runMain(['countdown', name, '--date', date])).toEqual({
      stdout: expected,
      stderr: '',
      code: 0,
    });
  });

  it('gives the JSON contract', async () => {
    const result = await runMain(['countdown', 'release', '--format', 'json', '--date', '2014-09-21']);
    const json = JSON.parse(result.stdout) as CountdownJson;
    expect(json).toMatchObject({ schemaVersion: 1, series: 'juno', today: '2014-09-21' });
    expect(json.event).toMatchObject({ id: 'release', daysUntil: 25, status: 'upcoming', week: 'R+0' });
  });

  it('suggests close names for an unknown event', async () => {
    expect(await runMain(['countdown', 'releas'])).toEqual({
      stdout: '',
      stderr:
        'juno: unknown event "releas" in juno\njuno: hint: did you mean release or release-candidates?\n',
      code: 2,
    });
    const far = await runMain(['countdown', 'xyzzy']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('juno schedule --format json lists every id and alias');
  });
});

describe('next', () => {
  const next = async (...args: string[]) =>
    JSON.parse((await runMain(['next', '--format', 'json', ...args])).stdout) as NextJson;

  it('counts an event that begins today and breaks ties in schedule order', async () => {
    expect((await next('--date', '2014-09-21')).event?.id).toBe('rc1');
    const sameDay = await next('--date', '2014-09-04', '--count', '5');
    expect(sameDay.events?.map((e) => `${e.id}:${e.daysUntil}`)).toEqual([
      'juno-3:0',
      'feature-freeze:0',
      'string-freeze:0',
      'dependency-freeze:0',
      'nova-ffe-expiry:8',
    ]);
    expect(sameDay.event).toBeUndefined();
  });

  it('on a day between events and with a kind filter', async () => {
    expect((await next('--date', '2014-08-01')).event?.id).toBe('feature-proposal-freeze');
    expect((await next('--date', '2014-08-01', '--kind', 'summit')).event?.id).toBe('kilo-summit');
  });

  it('prints readable lines', async () => {
    expect((await runMain(['next', '--date', '2014-09-22', '--count', '2'])).stdout).toBe(
      'Thu 25 Sep 2014               RC1 target (rc)                             in 3 days\n' +
        'Thu 25 Sep – Wed 15 Oct 2014  Release candidates (RC1 to final RCs) (rc)  in 3 days\n',
    );
  });

  it('exits 1 after the last event', async () => {
    expect(await runMain(['next', '--date', '2015-12-08'])).toEqual({
      stdout: '',
      // After Juno's end of life, the note naming the series in development follows the reason.
      stderr:
        'juno: no event begins on or after Tue 8 Dec 2015 in juno\njuno: note: Juno ended in 2015; Mitaka is in development: juno --series current\n',
      code: 1,
    });
    expect((await runMain(['next', '--count', '0'])).code).toBe(2);
  });
});

describe('phase', () => {
  const spans = phaseSpans(juno);
  const days = spans.flatMap((s) => [
    ...(s.start ? [[s.id, s.start] as const] : []),
    ...(s.end ? [[s.id, s.end] as const] : []),
  ]);
  it.each(days)('is %s on %s', async (id, date) => {
    const text = await runMain(['phase', '--date', date]);
    expect(text.stdout.split('\n')[0]).toBe(id);
    const json = JSON.parse(
      (await runMain(['phase', '--date', date, '--format', 'json'])).stdout,
    ) as PhaseJson;
    expect(json.phase.id).toBe(id);
  });

  it('describes the phase and what ends it', async () => {
    expect((await runMain(['phase', '--date', '2014-09-21'])).stdout).toBe(
      'feature-freeze\nFeature freeze since Thu 4 Sep 2014 (17 days ago) until Wed 24 Sep 2014; ' +
        'RC1 target on Thu 25 Sep 2014 (in 4 days) begins release candidates.\n',
    );
    const json = JSON.parse(
      (await runMain(['phase', '--date', '2014-09-21', '--format', 'json'])).stdout,
    ) as PhaseJson;
    expect(json).toEqual({
      schemaVersion: 1,
      series: 'juno',
      today: '2014-09-21',
      phase: { id: 'feature-freeze', name: 'Feature freeze', start: '2014-09-04', end: '2014-09-24' },
      next: { id: 'release-candidate', name: 'Release candidates', start: '2014-09-25' },
    });
    const last = JSON.parse(
      (await runMain(['phase', '--date', '2020-01-01', '--format', 'json'])).stdout,
    ) as PhaseJson;
    expect(last.phase).toEqual({ id: 'end-of-life', name: 'End of life', start: '2015-12-07', end: null });
    expect(last.next).toBeNull();
  });
});

describe('check', () => {
  const check = async (...args: string[]) => {
    const result = await runMain(['check', '--format', 'json', ...args]);
    return { code: result.code, json: JSON.parse(result.stdout) as CheckJson };
  };

  it.each(juno.events.map((e) => [e.id, e.start, e.end] as const))(
    'boundaries of %s',
    async (id, start, end) => {
      const at = async (condition: string, date: string) =>
        (await check(`--${condition}`, id, '--date', date)).code;
      expect(await at('before', addDays(start, -1))).toBe(0);
      expect(await at('before', start)).toBe(1);
      expect(await at('until', end)).toBe(0);
      expect(await at('until', addDays(end, 1))).toBe(1);
      expect(await at('after', addDays(start, -1))).toBe(1);
      expect(await at('after', start)).toBe(0);
    },
  );

  it('combines conditions: all must hold', async () => {
    const both = await check('--after', 'rc1', '--until', 'release', '--date', '2014-10-01');
    expect(both.code).toBe(0);
    expect(both.json.results.map((r) => [r.condition, r.event, r.ok, r.daysLeft])).toEqual([
      ['after', 'rc1', true, -6],
      ['until', 'release', true, 16],
    ]);
    const one = await check('--until', 'release', '--after', 'rc1', '--date', '2014-09-21');
    expect(one.code).toBe(1);
    expect(one.json.ok).toBe(false);
    expect(one.json.results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('warns within the window and still passes', async () => {
    const warned = await check('--before', 'ff', '--warn-within', '7', '--date', '2014-08-30');
    expect(warned.code).toBe(0);
    expect(warned.json.results[0]).toEqual({
      condition: 'before',
      event: 'feature-freeze',
      ok: true,
      warning: true,
      daysLeft: 5,
      message: 'Feature freeze is in 5 days (Thu 4 Sep 2014): 5 days left before it',
    });
    const early = await check('--before', 'ff', '--warn-within', '7', '--date', '2014-08-27');
    expect(early.json.results[0]?.warning).toBe(false);
  });

  it('prints GitHub Actions annotations', async () => {
    const warn = await runMain([
      'check',
      '--before',
      'ff',
      '--warn-within',
      '7',
      '--format',
      'github',
      '--date',
      '2014-08-30',
    ]);
    expect(warn).toEqual({
      stdout:
        '::warning title=juno check --before feature-freeze::Feature freeze is in 5 days (Thu 4 Sep 2014): 5 days left before it\n',
      stderr: '',
      code: 0,
    });
    const fail = await runMain([
      'check',
      '--before',
      'ff',
      '--after',
      'j-2',
      '--format',
      'github',
      '--date',
      '2014-09-10',
    ]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toBe(
      '::error title=juno check --before feature-freeze::Feature freeze began 6 days ago (Thu 4 Sep 2014)\n' +
        '::notice title=juno check --after juno-2::juno-2 milestone (2014.2.b2) began 48 days ago (Thu 24 Jul 2014)\n',
    );
  });

  it('says PASS in text when every condition holds', async () => {
    expect(await runMain(['check', '--before', 'feature-freeze', '--date', '2014-09-03'])).toEqual({
      stdout:
        'PASS  --before feature-freeze: Feature freeze is tomorrow (Thu 4 Sep 2014): 1 day left before it\n' +
        'ok: the condition holds on 2014-09-03\n',
      stderr: '',
      code: 0,
    });
  });

  it('explains a failure in text', async () => {
    expect(await runMain(['check', '--before', 'feature-freeze', '--date', '2014-09-04'])).toEqual({
      stdout:
        'FAIL  --before feature-freeze: Feature freeze began today (Thu 4 Sep 2014)\n' +
        'failed: 1 of 1 condition does not hold on 2014-09-04\n',
      stderr: '',
      code: 1,
    });
  });

  it('is a usage error without a condition or with an unknown event', async () => {
    expect((await runMain(['check'])).code).toBe(2);
    const unknown = await runMain(['check', '--before', 'feature-frezee']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean feature-freeze');
    expect((await runMain(['check', '--before', 'ff', '--warn-within', 'soon'])).code).toBe(2);
  });
});

describe('help', () => {
  it.each(['schedule', 'info', 'next', 'countdown', 'phase', 'check', 'completion'])(
    'juno %s --help ends with examples',
    async (command) => {
      const help = await runMain([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/\nExamples:\n( {2}\$ juno .+\n){2,3}$/);
    },
  );
});
