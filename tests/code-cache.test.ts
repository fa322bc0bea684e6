import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheVariant, defaultCacheDir, loadWithCodeCache } from '../src/cli/code-cache.js';

function bundle(dir: string, id: string, body: string): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, `/*juno-build:${id}*/\n${body}`);
  return file;
}

const BODY = "module.exports = { answer: 6 * 7, here: __filename, path: require('node:path').sep };\n";

/** As the boot loads the program: with a `require` that resolves from the bundle's folder. */
const load = (file: string, cacheDir?: string, variant?: string) =>
  loadWithCodeCache(file, createRequire(file), cacheDir, variant);

describe('the code cache', () => {
  it('runs a bundle like require, then writes a cache that the next load uses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
    const cache = join(dir, 'cache');
    const file = bundle(dir, '0123456789abcdef', BODY);
    const first = load(file, cache, 'next');
    expect(first.exports).toEqual({ answer: 42, here: file, path: '/' });
    expect(first.cacheUsed).toBe(false);
    const written = first.save();
    expect(written).toMatch(/0123456789abcdef-v\d+.*-next\.bin$/);
    const second = load(file, cache, 'next');
    expect(second.cacheUsed).toBe(true);
    expect(second.exports).toEqual(first.exports);
    expect(second.save()).toBeNull();
  });

  it('keeps one cache per variant and per build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
    const cache = join(dir, 'cache');
    load(bundle(dir, '0123456789abcdef', BODY), cache, 'next').save();
    load(bundle(dir, '0123456789abcdef', BODY), cache, 'export').save();
    expect(readdirSync(cache)).toHaveLength(2);
    const rebuilt = load(bundle(dir, 'fedcba9876543210', BODY), cache, 'next');
    expect(rebuilt.cacheUsed).toBe(false);
  });

  it('recompiles over a damaged cache file and replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
    const cache = join(dir, 'cache');
    const written = load(bundle(dir, 'aaaaaaaaaaaaaaaa', BODY), cache).save() as string;
    writeFileSync(written, 'not a cache');
    // Another text under the same stamp, so that V8's in-process cache of the first one does not answer.
    const file = bundle(dir, 'aaaaaaaaaaaaaaaa', `${BODY}// changed\n`);
    const again = load(file, cache);
    expect(again.exports).toEqual({ answer: 42, here: file, path: '/' });
    expect(again.cacheUsed).toBe(false);
    expect(again.save()).toBe(written);
    expect(readFileSync(written).length).toBeGreaterThan(100);
  });

  it('works without a cache when the folder cannot be used or the bundle has no build stamp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
    const file = bundle(dir, '0123456789abcdef', BODY);
    // A file where the folder should be.
    writeFileSync(join(dir, 'blocked'), '');
    const blocked = load(file, join(dir, 'blocked'));
    expect(blocked.exports).toEqual({ answer: 42, here: file, path: '/' });
    expect(blocked.save()).toBeNull();
    // A folder others may write to is not trusted.
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777);
    expect(load(file, shared).save()).toBeNull();
    const plain = join(dir, 'plain.cjs');
    writeFileSync(plain, BODY);
    const unstamped = load(plain, join(dir, 'cache'));
    expect(unstamped.exports).toEqual({ answer: 42, here: plain, path: '/' });
    expect(unstamped.save()).toBeNull();
  });

  it('keeps its folder where os.tmpdir() points, one per user', () => {
    const uid = process.getuid?.() ?? 'user';
    expect(defaultCacheDir({})).toBe(`/tmp/juno-code-cache-${uid}`);
    expect(defaultCacheDir({ TMPDIR: '/var/tmp/' })).toBe(`/var/tmp/juno-code-cache-${uid}`);
    expect(defaultCacheDir({ TMP: '/scratch', TEMP: '/ignored' })).toBe(`/scratch/juno-code-cache-${uid}`);
    expect(defaultCacheDir({ TMPDIR: '', TEMP: '/t' })).toBe(`/t/juno-code-cache-${uid}`);
    expect(defaultCacheDir()).toBe(join(tmpdir(), `juno-code-cache-${uid}`));
  });

  it('keeps the files of the three builds written last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
    const cache = join(dir, 'cache');
    const builds = ['1111111111111111', '2222222222222222', '3333333333333333', '4444444444444444'];
    builds.slice(0, 3).forEach((id, i) => {
      const written = load(bundle(dir, id, BODY), cache, 'next').save() as string;
      // Written a minute apart, oldest first.
      const when = new Date(Date.now() - (3 - i) * 60_000);
      utimesSync(written, when, when);
    });
    writeFileSync(join(cache, 'notes.txt'), 'not ours');
    load(bundle(dir, builds[3] as string, BODY), cache, 'export').save();
    expect(readdirSync(cache).sort()).toEqual([
      expect.stringMatching(/^2222222222222222-v.*-next\.bin$/),
      expect.stringMatching(/^3333333333333333-v.*-next\.bin$/),
      expect.stringMatching(/^4444444444444444-v.*-export\.bin$/),
      'notes.txt',
    ]);
  });

  it.each([
    [['next', '--date', '2014-09-21'], 'next.date'],
    [['schedule'], 'schedule'],
    [['schedule', '--format', 'json', '--date', '2014-09-21'], 'schedule.date.format-json'],
    [['schedule', '-f', 'csv', '-u'], 'schedule.format-csv.u'],
    [['schedule', '--format=markdown', '--kind', 'rc'], 'schedule.format-markdown.kind'],
    [['export', '--format', 'Evil/../x'], 'export.format'],
    [['validate', '--', '--some-file'], 'validate'],
    [[], 'other'],
    [['--date', '2014-09-21'], 'other'],
    [['../../etc'], 'other'],
    [['next', ...Array.from({ length: 30 }, (_, i) => `--option-${'x'.repeat(i)}`)], 'other'],
  ])('names the cache for %j %s', (argv, variant) => {
    expect(cacheVariant(argv)).toBe(variant);
  });

  it('keeps line numbers in stack traces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
    const file = bundle(dir, '0123456789abcdef', "\n\nmodule.exports = new Error('here').stack;\n");
    expect(load(file, join(dir, 'cache')).exports).toContain(`${file}:4:`);
  });
});
