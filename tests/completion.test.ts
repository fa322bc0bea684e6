import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasProgram } from './external.js';
import { runMain } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'juno-completion-'));

async function script(shell: string): Promise<string> {
  const result = await runMain(['completion', shell]);
  expect(result.code).toBe(0);
  const file = join(dir, `juno.${shell}`);
  writeFileSync(file, result.stdout);
  return file;
}

/** What bash completes for the words typed so far (the last one being completed). */
function bashComplete(file: string, words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const program = `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _juno; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('juno completion', () => {
  it('completes commands, options, formats, kinds and events in bash', async () => {
    const file = await script('bash');
    expect(bashComplete(file, ['juno', 'co'])).toEqual(['countdown', 'completion']);
    expect(bashComplete(file, ['juno', 'countdown', 'rel'])).toEqual(['release', 'release-candidates']);
    expect(bashComplete(file, ['juno', 'countdown', 'j-'])).toEqual(['j-1', 'j-2', 'j-3']);
    expect(bashComplete(file, ['juno', 'check', '--before', 'f'])).toEqual([
      'feature-freeze',
      'feature-proposal-freeze',
      'ff',
      'final',
      'fpf',
    ]);
    expect(bashComplete(file, ['juno', 'schedule', '--format', ''])).toEqual([
      'table',
      'json',
      'csv',
      'tsv',
      'markdown',
    ]);
    expect(bashComplete(file, ['juno', 'check', '--format', 'g'])).toEqual(['github']);
    expect(bashComplete(file, ['juno', 'schedule', '--kind', 'r'])).toEqual(['rc', 'release']);
    expect(bashComplete(file, ['juno', '--color', 'a'])).toEqual(['auto', 'always']);
    expect(bashComplete(file, ['juno', 'check', '--w'])).toEqual(['--warn-within']);
    expect(bashComplete(file, ['juno', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(file, ['juno', 'validate', 'READ'])).toEqual(['README.md']);
    expect(bashComplete(file, ['juno', 'series', 'ju'])).toEqual(['juno']);
    expect(bashComplete(file, ['juno', 'series', 'i']).sort()).toEqual(['icehouse', 'indri']);
  });

  it.skipIf(!hasProgram('zsh'))('is valid zsh', async () => {
    const file = await script('zsh');
    const result = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasProgram('fish'))('completes in fish', async () => {
    const file = await script('fish');
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], {
        encoding: 'utf8',
      })
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    expect(complete('juno countdown rel')).toEqual(['release', 'release-candidates']);
    expect(complete('juno check --format ')).toEqual(['github', 'json', 'text']);
    expect(complete('juno ph')).toEqual(['phase']);
    expect(complete('juno validate READ')).toEqual(['README.md']);
    expect(complete('juno series ki')).toEqual(['kilo']);
  });

  it('rejects an unknown shell', async () => {
    const result = await runMain(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.",
    );
  });
});
