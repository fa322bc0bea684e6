// juno check in a CI job, as the built program runs there (twice: the second run starts from its code cache).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJuno, SPAWN_GUARD, tempDir } from '../helpers.js';

describe('juno check in GitHub Actions', () => {
  it('appends its summary to GITHUB_STEP_SUMMARY on every run', SPAWN_GUARD, async () => {
    const file = join(tempDir(), 'summary.md');
    const args = ['check', '--after', 'rc1', '--date', '2014-09-21', '--format', 'github'];
    for (let run = 0; run < 2; run++) {
      const result = await runJuno(args, { env: { GITHUB_STEP_SUMMARY: file } });
      expect(result).toEqual({
        stdout:
          '::error title=juno check --after rc1::RC1 target has not begun: it is in 4 days (Thu 25 Sep 2014)\n',
        stderr: '',
        code: 1,
      });
    }
    const summary = readFileSync(file, 'utf8');
    expect(summary.match(/^### juno check failed: /gm)).toHaveLength(2);
  });

  it('annotates a usage error', SPAWN_GUARD, async () => {
    const result = await runJuno(['check', '--before', 'fff', '--format', 'github']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^::error title=juno::unknown event .fff. in juno%0Ahint: did you mean ff/);
  });

  it('prints a JSON document when --series current finds no series', SPAWN_GUARD, async () => {
    const result = await runJuno(['--series', 'current', 'next', '--date', '2031-06-01', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: 1, series: null });
  });
});
