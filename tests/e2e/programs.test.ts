// The program in two builds (scripts/build.mjs): dist/juno.cjs with the everyday commands, read at most starts,
// and dist/juno-full.cjs with every command, which the boot runs for any other command line. Run from a copy of
// the built package, so that either file can be taken away.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVERYDAY_COMMANDS } from '../../src/cli/startup/argv.js';
import { hasReleases, RELEASES } from '../external.js';
import { ROOT, SPAWN_GUARD, SPAWN_TIMEOUT_MS, tempDir } from '../helpers.js';

/** dist/, data/ and package.json, as an install has them. */
function copyPackage(): string {
  const dir = tempDir();
  for (const entry of ['dist', 'data', 'package.json'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  return dir;
}

function juno(pkg: string, args: string[], cache = tempDir()) {
  const result = spawnSync(process.execPath, [join(pkg, 'dist/bin.cjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', XDG_CACHE_HOME: cache },
    timeout: SPAWN_TIMEOUT_MS,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What only the full program holds, each by a text only it has. */
const FULL_ONLY: [what: string, text: string][] = [
  ['ical-generator', 'X-WR-CALNAME'],
  ['the SVG', '<svg'],
  ['the updater', 'if-none-match'],
  ['the publisher', '.juno-publish'],
];

const EVERYDAY: string[][] = [
  ['schedule', '--date', '2014-09-21'],
  ['--date', '2014-09-21'],
  ['next', '--date', '2014-09-21'],
  ['weeks', '--date', '2014-09-21'],
  ['calendar', '--date', '2014-09-21'],
  ['info', '--date', '2014-09-21'],
  ['countdown', 'release', '--date', '2014-09-21'],
  ['phase', '--date', '2014-09-21'],
  ['check', '--before', 'release', '--date', '2014-09-21'],
  ['series', 'juno'],
  ['completion-ids'],
  ['--series', 'indri', 'next', '--date', '2026-11-29'],
];
const OTHERS: string[][] = [
  ['export'],
  ['export', '--format', 'svg', '--date', '2014-09-21'],
  ['completion', 'bash'],
  ['validate'],
  ['--help'],
  ['help', 'next'],
  ['--version'],
];

describe('the two programs', SPAWN_GUARD, () => {
  it('keep the calendar, the picture, the updater and the publisher out of the everyday one', () => {
    const everyday = readFileSync(join(ROOT, 'dist/juno.cjs'), 'latin1');
    const full = readFileSync(join(ROOT, 'dist/juno-full.cjs'), 'latin1');
    for (const [what, text] of FULL_ONLY) {
      expect(everyday.includes(text), what).toBe(false);
      expect(full.includes(text), what).toBe(true);
    }
    // One build: the same stamp on both.
    expect(everyday.slice(0, 31)).toBe(full.slice(0, 31));
    expect(EVERYDAY.map((args) => args.find((arg) => EVERYDAY_COMMANDS.has(arg)) ?? 'schedule')).toEqual(
      expect.arrayContaining([...EVERYDAY_COMMANDS]),
    );
  });

  it('run every everyday command from dist/juno.cjs and every other command line from dist/juno-full.cjs', () => {
    const pkg = copyPackage();
    const everyday = EVERYDAY.map((args) => juno(pkg, args));
    const others = OTHERS.map((args) => juno(pkg, args));
    for (const [i, result] of [...everyday, ...others].entries()) expect(result.code, String(i)).toBe(0);

    rmSync(join(pkg, 'dist/juno-full.cjs'));
    EVERYDAY.forEach((args, i) => {
      expect(juno(pkg, args), args.join(' ')).toEqual(everyday[i]);
    });
    expect(juno(pkg, ['export']).code).not.toBe(0);

    const full = copyPackage();
    rmSync(join(full, 'dist/juno.cjs'));
    OTHERS.forEach((args, i) => {
      expect(juno(full, args), args.join(' ')).toEqual(others[i]);
    });
    expect(juno(full, ['next']).code).not.toBe(0);
  });

  it('each have code caches of their own command lines, used on the next run', () => {
    const pkg = copyPackage();
    const cache = tempDir();
    const folder = join(cache, 'juno');
    // A first run keeps its check of juno's data (and writes no code cache: later runs skip that work).
    juno(pkg, ['phase', '--date', '2014-09-21'], cache);
    const exported = juno(pkg, ['export'], cache);
    const next = juno(pkg, ['next', '--date', '2014-09-21'], cache);
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.bin'))
      .sort();
    expect(files).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}-v[\d.]+-\w+-export\.bin$/),
      expect.stringMatching(/^[0-9a-f]{16}-v[\d.]+-\w+-next\.date\.bin$/),
    ]);
    const written = files.map((name) => statSync(join(folder, name)).ino);
    expect(juno(pkg, ['export'], cache)).toEqual(exported);
    expect(juno(pkg, ['next', '--date', '2014-09-21'], cache)).toEqual(next);
    expect(files.map((name) => statSync(join(folder, name)).ino)).toEqual(written);
  });

  it.runIf(hasReleases())('import a real schedule with the everyday one alone', () => {
    const pkg = copyPackage();
    rmSync(join(pkg, 'dist/juno-full.cjs'));
    const indri = join(RELEASES, 'doc/source/indri/schedule.yaml');
    const imported = juno(pkg, ['schedule', '--timeline', indri, '--date', '2026-11-29']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('2027.1 Indri');
    expect(imported.stderr).toBe('');
  });
});
