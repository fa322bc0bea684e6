// juno check in CI: --strict fails on warnings (the warning window, warnings about the timeline), --format github
// annotates every failure (usage errors and unreadable timelines too, the format read from argv), and
// GITHUB_STEP_SUMMARY gets a short Markdown summary appended.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { checkFormat, failureOutput } from '../../src/cli/failure.js';
import { renderStepSummary } from '../../src/render/check.js';
import { annotation } from '../../src/render/github.js';
import { checkView } from '../../src/render/views/check.js';
import { FIXTURES, makeTimeline, runMain, tempDir } from '../helpers.js';

const SMALL = `${FIXTURES}timelines/small.yaml`;
const FF_IN_3_DAYS = ['check', '--before', 'ff', '--date', '2014-09-01'];

/** A copy of small.yaml with a key juno does not know: read, with a warning. */
function warned(dir: string): string {
  const file = join(dir, 'warned.yaml');
  writeFileSync(file, `colour: blue\n${readFileSync(SMALL, 'utf8')}`);
  return file;
}

describe('check --strict', () => {
  it('fails on a condition within the warning window, and passes without it', async () => {
    const loose = await runMain([...FF_IN_3_DAYS, '-w', '7']);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/\nok: the condition holds on 2014-09-01, 1 within the warning window\n$/);
    const strict = await runMain([...FF_IN_3_DAYS, '-w', '7', '--strict']);
    expect(strict).toEqual({
      stdout:
        'WARN  --before feature-freeze: Feature freeze is in 3 days (Thu 4 Sep 2014): 3 days left before it\n' +
        'failed: the condition holds on 2014-09-01, but --strict fails on 1 warning\n',
      stderr: '',
      code: 1,
    });
    expect((await runMain([...FF_IN_3_DAYS, '-w', '2', '--strict'])).code).toBe(0);
  });

  it('says so in JSON and annotates the warning as an error', async () => {
    const json = await runMain([...FF_IN_3_DAYS, '-w', '7', '--strict', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      strict: true,
      results: [{ ok: true, warning: true }],
      warnings: [],
    });
    const github = await runMain([...FF_IN_3_DAYS, '-w', '7', '--strict', '--format', 'github']);
    expect(github.stdout).toMatch(
      /^::error title=juno check --before feature-freeze::Feature freeze is in 3/,
    );
    const loose = await runMain([...FF_IN_3_DAYS, '-w', '7', '--format', 'github']);
    expect(loose.stdout).toMatch(/^::warning title=juno check --before feature-freeze::/);
    expect(loose.code).toBe(0);
  });

  it('fails on warnings about the timeline, and reports them either way', async () => {
    const file = warned(tempDir());
    const args = ['check', '--timeline', file, '--after', 'ff', '--date', '2014-03-01'];
    const loose = await runMain(args);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toBe(
      'PASS  --after freeze: Feature freeze began 2 days ago (Thu 27 Feb 2014)\n' +
        `WARN  timeline: ${file}: colour: unknown property, ignored\n` +
        'ok: the condition holds on 2014-03-01, 1 timeline warning\n',
    );
    const strict = await runMain([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout.split('\n').at(-2)).toBe(
      'failed: the condition holds on 2014-03-01, but --strict fails on 1 warning',
    );
    const json = JSON.parse((await runMain([...args, '--format', 'json'])).stdout);
    expect(json).toMatchObject({
      ok: true,
      strict: false,
      warnings: [{ file, path: 'colour', message: 'unknown property, ignored' }],
    });
    const github = await runMain([...args, '--strict', '--format', 'github']);
    expect(github.stdout.split('\n')[1]).toBe(
      `::error title=juno check%3A timeline::${file}: colour: unknown property, ignored`,
    );
  });

  it('a condition that does not hold fails with or without it', async () => {
    const result = await runMain(['check', '--before', 'ff', '--date', '2014-09-21', '--strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\nfailed: 1 of 1 condition does not hold on 2014-09-21\n$/);
  });
});

describe('check as text on a terminal', () => {
  it.each([50, 80])('fits %i columns, wrapping at word boundaries', async (columns) => {
    const args = [...FF_IN_3_DAYS, '-w', '7', '--color', 'never'];
    const result = await runMain(args, {}, { columns });
    const lines = result.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(columns);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[1]).toMatch(/^ {6}\S/);
    // The same words as in a pipe, where nothing is wrapped.
    const piped = await runMain(args);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(piped.stdout.trimEnd().replace(/\s+/g, ' '));
    expect(lines[0]).toMatch(/^WARN {2}--before feature-freeze: /);
  });
});

describe('check --format github: failures as annotations', () => {
  it.each<[string[], Record<string, string>, RegExp]>([
    [
      ['check', '--before', 'fff', '--format', 'github'],
      {},
      /^::error title=juno::unknown event .fff. in juno%0Ahint: did you mean ff/,
    ],
    [['check', '--format=github', '--before', 'ff', '--bogus'], {}, /^::error title=juno::.*--bogus.*\n$/],
    [['check', '-f', 'github'], {}, /^::error title=juno::no condition to check%0Ahint: give --before/],
    [
      ['check', '-fgithub', '--before', 'ff'],
      { JUNO_DATE: 'soon' },
      /^::error title=juno::JUNO_DATE=.soon.: expected YYYY-MM-DD/,
    ],
    [
      ['--date', '2014-02-30', 'check', '--before', 'ff', '--format', 'github'],
      {},
      /^::error title=juno::--date "?2014-02-30"?: not a calendar date/,
    ],
    [['check', '--before', 'ff', '-w', 'x', '--format', 'github'], {}, /^::error title=juno::.*-w/],
  ])('juno %j is an ::error on stdout, and the message on stderr, exit 2', async (args, env, stdout) => {
    const result = await runMain(args, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(stdout);
    expect(result.stdout.split('\n')).toHaveLength(2); // one annotation, one line
    expect(result.stderr).toMatch(/^juno: /);
    // Without --format github the same failure prints nothing on stdout.
    const plain = await runMain(
      args.map((a) => (a.endsWith('github') ? a.replace('github', 'text') : a)),
      env,
    );
    expect(plain).toMatchObject({ stdout: '', stderr: result.stderr, code: 2 });
  });

  it('annotates a timeline that cannot be read with every problem, exit 3', async () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        series: 'bad',
        events: [
          { id: 'a', name: 'A', kind: 'milestone', start: '2014-02-30' },
          { id: 'b', name: 'B', kind: 'milestone', start: '2014-13-01' },
        ],
      }),
    );
    const result = await runMain(['check', '--timeline', file, '--after', 'a', '--format', 'github']);
    expect(result.code).toBe(3);
    expect(result.stdout.split('\n')).toHaveLength(2);
    const message = result.stdout.replace(/^::error title=juno::/, '').split('%0A');
    expect(message.length).toBeGreaterThanOrEqual(2);
    expect(message.some((line) => line.includes('events[0].start: 2014-02-30 is not a calendar date'))).toBe(
      true,
    );
    expect(message.some((line) => line.includes('events[1].start'))).toBe(true);
    expect(result.stderr).toContain('events[1].start');
  });

  it('prints no annotation for help', async () => {
    const result = await runMain(['check', '--format', 'github', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('::');
  });

  it('escapes what GitHub reads as a command: % CR LF in the message, : and , in properties', () => {
    expect(annotation('error', 'a: b, c', '100% sure\r\nnext')).toBe(
      '::error title=a%3A b%2C c::100%25 sure%0D%0Anext\n',
    );
    const failure = new UsageError("unknown event '50%,x:y' in juno", 'did you\nmean');
    expect(failureOutput(['check', '--format', 'github'], failure)).toBe(
      "::error title=juno::unknown event '50%25,x:y' in juno%0Ahint: did you mean\n",
    );
  });

  it.each<[string[], string | null]>([
    [['check', '--format', 'github'], 'github'],
    [['--series', 'indri', '--date', '2014-01-01', 'check', '-f', 'json', '-fgithub'], 'github'],
    [['check', '--format=github', '--format', 'text'], 'text'],
    [['check', '--before', '--format', 'x'], null],
    [['check', '--', '--format', 'github'], null],
    [['schedule', '--format', 'github'], null],
    [['--format', 'github', 'check'], null],
    [['check'], null],
  ])('reads the format of check from %j: %s', (argv, format) => {
    expect(checkFormat(argv)).toBe(format);
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('gets a summary appended after what earlier steps wrote', async () => {
    const file = join(tempDir(), 'summary.md');
    writeFileSync(file, '## Build\n\nok\n');
    const env = { GITHUB_STEP_SUMMARY: file };
    const pass = await runMain([...FF_IN_3_DAYS, '-w', '7', '--format', 'github'], env);
    expect(pass).toMatchObject({ stderr: '', code: 0 });
    const fail = await runMain(['check', '--before', 'ff', '--date', '2014-09-21'], env);
    expect(fail).toMatchObject({ stderr: '', code: 1 });
    expect(readFileSync(file, 'utf8')).toBe(
      '## Build\n\nok\n' +
        '### juno check passed: the condition holds on 2014-09-01, 1 within the warning window (juno)\n\n' +
        '| Result | Condition | Why |\n| --- | --- | --- |\n' +
        '| WARN | `--before` feature-freeze | Feature freeze is in 3 days (Thu 4 Sep 2014): 3 days left before it |\n\n' +
        '### juno check failed: 1 of 1 condition does not hold on 2014-09-21 (juno)\n\n' +
        '| Result | Condition | Why |\n| --- | --- | --- |\n' +
        '| FAIL | `--before` feature-freeze | Feature freeze began 17 days ago (Thu 4 Sep 2014) |\n\n',
    );
  });

  it('that cannot be written is a warning, and the check keeps its result', async () => {
    const dir = tempDir();
    for (const [args, code] of [
      [FF_IN_3_DAYS, 0],
      [['check', '--before', 'ff', '--date', '2014-09-21'], 1],
    ] as const) {
      const result = await runMain([...args], { GITHUB_STEP_SUMMARY: join(dir, 'missing', 'summary.md') });
      expect(result.code).toBe(code);
      expect(result.stderr).toBe(
        `juno: warning: cannot append the summary to GITHUB_STEP_SUMMARY (${join(dir, 'missing', 'summary.md')}): its folder does not exist\n`,
      );
    }
    const folder = await runMain(FF_IN_3_DAYS, { GITHUB_STEP_SUMMARY: dir });
    expect(folder).toMatchObject({ code: 0, stderr: expect.stringMatching(/: it is a folder\n$/) });
  });

  it('is not written when empty or unset', async () => {
    expect(await runMain(FF_IN_3_DAYS, { GITHUB_STEP_SUMMARY: '' })).toMatchObject({ code: 0, stderr: '' });
  });

  it('keeps Markdown from the data as text', () => {
    const timeline = makeTimeline({
      series: 'x',
      events: [{ id: 'a', name: '**A** | [x](https://e.com)', kind: 'milestone', start: '2014-09-04' }],
    });
    const event = timeline.events[0];
    if (!event) throw new Error('no event');
    const summary = renderStepSummary(
      checkView(timeline, '2014-09-01', [{ condition: 'before', event }], null),
    );
    expect(summary).toContain('\\*\\*A\\*\\* \\| \\[x\\](https\\://e.com)');
    expect(summary.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(3);
  });
});
