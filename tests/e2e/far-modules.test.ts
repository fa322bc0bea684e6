// The program as two bundles (scripts/build.mjs): dist/juno.cjs runs every start, dist/juno-far.cjs holds the
// modules few runs need and is loaded on first use, with a code cache of its own. Run from a copy of the built
// package, so that its files can be taken away or replaced.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** Modules dist/juno-far.cjs holds, each by a text only it has. */
const FAR: [what: string, text: string][] = [
  ['ical-generator', 'X-WR-CALNAME'],
  ['the SVG', '<svg'],
  ['the updater', 'if-none-match'],
  ['the publisher', '.juno-publish'],
];

describe('the program and its far modules', SPAWN_GUARD, () => {
  it('keeps the calendar, the picture and the updater out of the program read at every start', () => {
    const program = readFileSync(join(ROOT, 'dist/juno.cjs'), 'latin1');
    const far = readFileSync(join(ROOT, 'dist/juno-far.cjs'), 'latin1');
    for (const [what, text] of FAR) {
      expect(program.includes(text), what).toBe(false);
      expect(far.includes(text), what).toBe(true);
    }
    // One build: the same stamp on both.
    expect(far.slice(0, 31)).toBe(program.slice(0, 31));
  });

  it('runs the everyday commands without dist/juno-far.cjs, which the others load', () => {
    const pkg = copyPackage();
    const everyday: string[][] = [
      ['schedule', '--date', '2014-09-21'],
      ['next', '--date', '2014-09-21'],
      ['weeks', '--date', '2014-09-21'],
      ['calendar', '--date', '2014-09-21'],
      ['countdown', 'release', '--date', '2014-09-21'],
      ['check', '--before', 'release', '--date', '2014-09-21'],
      ['series', 'juno'],
      ['--series', 'indri', 'next', '--date', '2026-11-29'],
    ];
    const before = everyday.map((args) => juno(pkg, args));
    const exported = juno(pkg, ['export']);
    expect(exported.code).toBe(0);
    rmSync(join(pkg, 'dist/juno-far.cjs'));
    everyday.forEach((args, i) => {
      expect(juno(pkg, args), args.join(' ')).toEqual(before[i]);
      expect(before[i]?.code, args.join(' ')).toBe(0);
    });
    const broken = juno(pkg, ['export']);
    expect(broken.code).toBe(70);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('juno-far.cjs');
  });

  it('refuses far modules of another build in one line, and runs nothing of them', () => {
    const pkg = copyPackage();
    const file = join(pkg, 'dist/juno-far.cjs');
    const text = readFileSync(file, 'latin1');
    writeFileSync(file, `/*juno-build:${'f'.repeat(16)}*/globalThis.x=1;${text.slice(31)}`, 'latin1');
    const result = juno(pkg, ['export']);
    expect(result.code).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(
      `juno: unexpected failure: ${file} is not of the same build of juno as the program that loads it; install juno again`,
    );
  });

  it('shares the program’s error classes: a usage error or a write failure in a far command has its exit code', () => {
    const pkg = copyPackage();
    const usage = juno(pkg, ['export', '--weeks', '--format', 'svg']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^juno: /);
    expect(usage.stderr).not.toContain('unexpected');
    const unwritable = juno(pkg, ['export', '--output', join(pkg, 'no-such-folder', 'juno.ics')]);
    expect(unwritable.code).toBe(4);
    expect(unwritable.stderr).not.toContain('unexpected');
    const missing = juno(pkg, ['validate', join(pkg, 'nothing-here.yaml')]);
    expect(missing.code).toBe(3);
  });

  it('gives the far modules a code cache of their own per command line, written with the program’s and then used', () => {
    const pkg = copyPackage();
    const cache = tempDir();
    const folder = join(cache, 'juno');
    const first = juno(pkg, ['export'], cache);
    expect(first.code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}-v[\d.]+-\w+-export\.bin$/),
      expect.stringMatching(/^[0-9a-f]{16}-v[\d.]+-\w+-export_far\.bin$/),
    ]);
    const written = files.map((name) => statSync(join(folder, name)).ino);
    expect(juno(pkg, ['export'], cache)).toEqual(first);
    expect(files.map((name) => statSync(join(folder, name)).ino)).toEqual(written);
    // A run that loads no far module writes no far cache.
    juno(pkg, ['next', '--date', '2014-09-21'], cache);
    expect(readdirSync(folder).filter((name) => name.includes('next'))).toEqual([
      expect.stringMatching(/-next\.date\.bin$/),
    ]);
    // An error writes neither.
    juno(pkg, ['export', '--format', 'nope'], cache);
    expect(readdirSync(folder)).toHaveLength(3);
    expect(existsSync(join(folder, files[1] as string))).toBe(true);
  });

  it.runIf(hasReleases())(
    'imports a real schedule through the far modules, then answers without them',
    () => {
      const pkg = copyPackage();
      const cache = tempDir();
      const indri = join(RELEASES, 'doc/source/indri/schedule.yaml');
      const args = ['schedule', '--timeline', indri, '--date', '2026-11-29'];
      const imported = juno(pkg, args, cache);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('2027.1 Indri');
      rmSync(join(pkg, 'dist/juno-far.cjs'));
      expect(juno(pkg, args, cache)).toEqual(imported);
    },
  );
});
