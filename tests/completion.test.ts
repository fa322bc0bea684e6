import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasProgram } from './external.js';
import { BIN, runMain } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'juno-completion-'));

// The scripts ask `juno … completion-ids` for event ids: a `juno` on PATH that runs the built CLI, which logs its
// arguments so that a test sees what the script passed on.
const log = join(dir, 'calls.log');
writeFileSync(
  join(dir, 'juno'),
  `#!/bin/sh\necho "$*" >> '${log}'\nexec '${process.execPath}' '${BIN}' "$@"\n`,
);
chmodSync(join(dir, 'juno'), 0o755);
const env = { ...process.env, PATH: `${dir}:${process.env.PATH}`, JUNO_SERIES: '' };

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
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8', env });
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
    // publish writes a folder: folders only.
    expect(bashComplete(file, ['juno', 'publish', 'sr'])).toEqual(['src']);
    expect(bashComplete(file, ['juno', 'publish', 'READ'])).toEqual([]);
    expect(bashComplete(file, ['juno', 'series', 'ju'])).toEqual(['juno']);
    expect(bashComplete(file, ['juno', 'series', 'i']).sort()).toEqual(['icehouse', 'indri']);
  });

  it('completes series after --series, and the events of the series or timeline given before, in bash', async () => {
    const file = await script('bash');
    expect(bashComplete(file, ['juno', '--series', 'i']).sort()).toEqual(['icehouse', 'indri']);
    expect(bashComplete(file, ['juno', '--series', 'cu'])).toEqual(['current']);
    expect(bashComplete(file, ['juno', '--series', 'indri', 'countdown', 'i-r'])).toEqual(['i-rc1', 'i-rf']);
    expect(bashComplete(file, ['juno', '--series', '=', 'indri', 'check', '--before', 'i-f'])).toEqual([
      'i-ff',
      'i-final',
      'i-final-clientlib',
      'i-final-lib',
      'i-finalrc',
    ]);
    expect(bashComplete(file, ['juno', '--timeline', 'data/series/zed.json', 'countdown', 'z-'])).toContain(
      'z-1',
    );
    // Without a choice, the bundled Juno; with JUNO_SERIES, the series it names (juno reads it itself).
    expect(bashComplete(file, ['juno', 'countdown', 'i-r'])).toEqual([]);
  });

  it.skipIf(!hasProgram('zsh'))('is valid zsh', async () => {
    const file = await script('zsh');
    const result = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // validate's argument is a file, publish's a folder.
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^ +validate\) _arguments .*'1:file:_files'/m);
    expect(text).toMatch(/^ +publish\) _arguments .*'1:folder:_files -\/'/m);
  });

  it.skipIf(!hasProgram('fish'))('completes in fish', async () => {
    const file = await script('fish');
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], {
        encoding: 'utf8',
        env,
      })
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    expect(complete('juno countdown rel')).toEqual(['release', 'release-candidates']);
    expect(complete('juno check --format ')).toEqual(['github', 'json', 'text']);
    expect(complete('juno ph')).toEqual(['phase']);
    expect(complete('juno validate READ')).toEqual(['README.md']);
    expect(complete('juno publish sr')).toEqual(['src/']);
    expect(complete('juno publish READ')).toEqual([]);
    expect(complete('juno series ki')).toEqual(['kilo']);
    expect(complete('juno --series ind')).toEqual(['indri']);
    expect(complete('juno --series indri countdown i-r')).toEqual(['i-rc1', 'i-rf']);
    expect(complete('juno --series=indri countdown i-r')).toEqual(['i-rc1', 'i-rf']);
    expect(complete('juno --timeline data/series/zed.json countdown z-1')).toEqual(['z-1']);
  });

  it.skipIf(!hasProgram('zsh'))('asks juno for the events of the series given before, in zsh', async () => {
    const file = await script('zsh');
    // The helper the script calls for an event, with the words of a command line and compadd recording.
    const program = [
      'compdef() { :; }',
      `source '${file}'`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's own expansion, the array named by $1
      'compadd() { shift; print -l -- "${(@P)1}"; }',
      'juno_words=(juno --series indri countdown "")',
      '_juno_events',
      'juno_words=(juno --series=zed next "")',
      '_juno_events',
    ].join('\n');
    const result = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    const words = result.stdout.split('\n');
    expect(words).toContain('i-rc1');
    expect(words).toContain('z-1');
    expect(words).not.toContain('j-1');
  });

  it('rejects an unknown shell', async () => {
    const result = await runMain(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'juno: unknown shell "powershell"\njuno: hint: choose bash, zsh or fish (see juno completion --help)\n',
    );
  });
});
