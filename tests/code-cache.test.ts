import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, commandsToDefine } from '../src/cli/commands/index.js';
import { EVERYDAY_COMMANDS, runsEveryday } from '../src/cli/startup/argv.js';
import {
  buildStamp,
  type CacheFolder,
  loadWithCodeCache,
  saveCodeCache,
  userCacheFolder,
} from '../src/cli/startup/code-cache.js';
import { cacheVariant } from '../src/cli/startup/variant.js';

function bundle(dir: string, id: string, body: string): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, `/*juno-build:${id}*/\n${body}`);
  return file;
}

const BODY = "module.exports = { answer: 6 * 7, here: __filename, path: require('node:path').sep };\n";
const isRoot = process.getuid?.() === 0;
/** The account that plays another user of the machine: root can give it files. */
const OTHER_UID = 65534;

/**
 * As the boot loads the program: with a `require` that resolves from the bundle's folder; `save` writes its cache
 * as the program does at exit.
 */
const load = (file: string, cacheDir: string | CacheFolder | null, variant?: string) => {
  const loaded = loadWithCodeCache(
    file,
    createRequire(file),
    typeof cacheDir === 'string' ? { dir: cacheDir } : cacheDir,
    variant,
  );
  return Object.assign(loaded, { save: () => saveCodeCache(loaded) });
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'juno-cache-test-'));
  made.push(dir);
  return dir;
}

/**
 * A bundle whose source differs on every call while keeping its stamp, so that V8's in-process compilation cache
 * (which would answer for a text it has seen, whatever the file says) never hides what the file cache did.
 */
let edition = 0;
const fresh = (dir: string, id = 'aaaaaaaaaaaaaaaa') => bundle(dir, id, `${BODY}// ${++edition}\n`);

describe('the code cache', () => {
  it('runs a bundle like require, then writes a cache that the next load uses', () => {
    const dir = tempDir();
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

  it('creates its folder and missing parents private to the user, the file readable by the user only', () => {
    const dir = tempDir();
    const cache = join(dir, 'a', 'b', 'juno');
    const written = load(fresh(dir), cache).save() as string;
    expect(written.startsWith(cache)).toBe(true);
    for (const folder of [join(dir, 'a'), join(dir, 'a', 'b'), cache])
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(written).mode & 0o777).toBe(0o600);
  });

  it('keeps one cache per variant and per build', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    load(bundle(dir, '0123456789abcdef', BODY), cache, 'next').save();
    load(bundle(dir, '0123456789abcdef', BODY), cache, 'export').save();
    expect(readdirSync(cache)).toHaveLength(2);
    const rebuilt = load(bundle(dir, 'fedcba9876543210', BODY), cache, 'next');
    expect(rebuilt.cacheUsed).toBe(false);
  });

  it('recompiles over a file that is not a cache and replaces it', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const written = load(fresh(dir), cache).save() as string;
    writeFileSync(written, 'not a cache');
    const file = fresh(dir);
    const again = load(file, cache);
    expect(again.exports).toEqual({ answer: 42, here: file, path: '/' });
    expect(again.cacheUsed).toBe(false);
    expect(again.save()).toBe(written);
    expect(readFileSync(written).length).toBeGreaterThan(100);
  });

  it('replaces a cache that V8 rejects', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    // A sound file, made from another text under the same stamp: V8 refuses it for this one.
    const written = load(bundle(dir, 'aaaaaaaaaaaaaaaa', `${BODY}// a different length\n`), cache).save();
    const before = statSync(written as string).ino;
    const again = load(fresh(dir), cache);
    expect(again.cacheUsed).toBe(false);
    expect(again.save()).toBe(written);
    expect(statSync(written as string).ino).not.toBe(before);
  });

  it('never hands V8 a damaged file: one changed byte anywhere, header or data, means compiling as usual', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = fresh(dir);
    const written = load(file, cache).save() as string;
    const sound = readFileSync(written);
    expect(load(file, cache).cacheUsed).toBe(true);
    const headerEnd = sound.indexOf(0x0a) + 9;
    // Every byte of the header, then every 97th byte of the data, each changed in a different way.
    const positions = [
      ...Array.from({ length: headerEnd }, (_, i) => i),
      ...Array.from({ length: Math.floor((sound.length - headerEnd) / 97) }, (_, i) => headerEnd + i * 97),
      sound.length - 1,
    ];
    for (const [n, position] of positions.entries()) {
      const damaged = Buffer.from(sound);
      damaged[position] = (damaged[position] as number) ^ (1 << (n % 8));
      writeFileSync(written, damaged);
      // The same text as the sound file was made from, so only the checksum stands between V8 and the damage.
      const run = load(file, cache);
      expect(run.cacheUsed, `byte ${position}`).toBe(false);
      expect(run.exports).toEqual({ answer: 42, here: file, path: '/' });
    }
    // Cut short, or with bytes added.
    for (const damaged of [sound.subarray(0, sound.length - 1), Buffer.concat([sound, Buffer.from([0])])]) {
      writeFileSync(written, damaged);
      expect(load(file, cache).cacheUsed).toBe(false);
    }
    writeFileSync(written, sound);
    expect(load(file, cache).cacheUsed).toBe(true);
  });

  it('works without a cache when the folder cannot be used or the bundle has no build stamp', () => {
    const dir = tempDir();
    const file = bundle(dir, '0123456789abcdef', BODY);
    // A file where the folder should be.
    writeFileSync(join(dir, 'blocked'), '');
    const blocked = load(file, join(dir, 'blocked'));
    expect(blocked.exports).toEqual({ answer: 42, here: file, path: '/' });
    expect(blocked.save()).toBeNull();
    expect(load(file, join(dir, 'blocked', 'below')).save()).toBeNull();
    expect(load(file, '/proc/juno-cache').save()).toBeNull();
    expect(load(file, null).save()).toBeNull();
    const plain = join(dir, 'plain.cjs');
    writeFileSync(plain, BODY);
    const unstamped = load(plain, join(dir, 'cache'));
    expect(unstamped.exports).toEqual({ answer: 42, here: plain, path: '/' });
    expect(unstamped.save()).toBeNull();
  });

  it('reads the stamp of a bundle only in its exact form', () => {
    expect(buildStamp('/*juno-build:0123456789abcdef*/\nrest')).toBe('0123456789abcdef');
    for (const source of [
      '',
      '/*juno-build:0123456789abcde*/',
      '/*juno-build:0123456789abcdeF*/',
      '/*juno-build:0123456789abcdefa*/',
      ' /*juno-build:0123456789abcdef*/',
      '/*juno-build:0123456789abcdef */',
      '/*juno-build:0123456789abcdeg*/',
    ])
      expect(buildStamp(source), source).toBeUndefined();
  });

  it('neither reads nor writes a folder others could have written to, or a symlink', () => {
    const dir = tempDir();
    const file = fresh(dir);
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o700 });
    const written = load(file, shared).save() as string;
    expect(load(file, shared).cacheUsed).toBe(true);
    chmodSync(shared, 0o777);
    expect(load(file, shared).cacheUsed).toBe(false);
    expect(load(fresh(dir), shared).save()).toBeNull();
    chmodSync(shared, 0o750);
    expect(load(file, shared).cacheUsed).toBe(false);
    chmodSync(shared, 0o700);
    const link = join(dir, 'link');
    symlinkSync(shared, link);
    expect(load(file, link).cacheUsed).toBe(false);
    expect(load(fresh(dir), link).save()).toBeNull();
    expect(readdirSync(shared)).toEqual([written.slice(shared.length + 1)]);
  });

  it('ignores a cache file that is a symlink or that others could have written, and replaces it', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = fresh(dir);
    const written = load(file, cache).save() as string;
    const sound = readFileSync(written);
    chmodSync(written, 0o620);
    expect(load(file, cache).cacheUsed).toBe(false);
    chmodSync(written, 0o602);
    const writable = load(file, cache);
    expect(writable.cacheUsed).toBe(false);
    expect(writable.save()).toBe(written);
    expect(statSync(written).mode & 0o777).toBe(0o600);
    // A sound cache for this text, reached through a symlink.
    const elsewhere = join(dir, 'elsewhere.bin');
    writeFileSync(elsewhere, sound, { mode: 0o600 });
    rmSync(written);
    symlinkSync(elsewhere, written);
    const linked = load(file, cache);
    expect(linked.cacheUsed).toBe(false);
    expect(linked.save()).toBe(written);
    expect(lstatSync(written).isFile()).toBe(true);
    expect(load(file, cache).cacheUsed).toBe(true);
  });

  it.skipIf(!isRoot)('ignores a folder or a file owned by another user', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = fresh(dir);
    const written = load(file, cache).save() as string;
    chownSync(written, OTHER_UID, OTHER_UID);
    const foreignFile = load(file, cache);
    expect(foreignFile.cacheUsed).toBe(false);
    expect(foreignFile.save()).toBe(written);
    expect(statSync(written).uid).toBe(0);
    expect(load(file, cache).cacheUsed).toBe(true);
    chownSync(cache, OTHER_UID, OTHER_UID);
    expect(load(file, cache).cacheUsed).toBe(false);
    expect(load(fresh(dir), cache).save()).toBeNull();
    // Nor does it create its folder inside one.
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs);
    chownSync(theirs, OTHER_UID, OTHER_UID);
    expect(load(fresh(dir), join(theirs, 'juno')).save()).toBeNull();
    expect(readdirSync(theirs)).toEqual([]);
  });

  it('keeps the files of the three builds written last', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const builds = ['1111111111111111', '2222222222222222', '3333333333333333', '4444444444444444'];
    builds.slice(0, 3).forEach((id, i) => {
      const written = load(bundle(dir, id, BODY), cache, 'next').save() as string;
      // Written a minute apart, oldest first.
      const when = new Date(Date.now() - (3 - i) * 60_000);
      utimesSync(written, when, when);
    });
    writeFileSync(join(cache, 'notes.txt'), 'not ours');
    // Left by a run of the oldest build stopped while writing.
    const partial = `${readdirSync(cache).find((name) => name.startsWith('1111'))}.4242`;
    writeFileSync(join(cache, partial), 'half');
    utimesSync(join(cache, partial), new Date(Date.now() - 180_000), new Date(Date.now() - 180_000));
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
    [[], 'schedule'],
    [['--date', '2014-09-21'], 'schedule.date'],
    [['--help'], 'other'],
    [['--series', 'indri', 'next'], 'next.series'],
    [['--series=current', '--no-color', 'schedule', '-f', 'json'], 'schedule.format-json.no-color.series'],
    [['--date', '2014-09-21', '--timeline', 'x.yaml', 'countdown', 'ff'], 'countdown.date.timeline'],
    [['../../etc'], 'other'],
    [['next', ...Array.from({ length: 30 }, (_, i) => `--option-${'x'.repeat(i)}`)], 'other'],
  ])('names the cache for %j %s', (argv, variant) => {
    expect(cacheVariant(argv)).toBe(variant);
  });

  // The boot reads argv by pattern, without the registry: every command must still get caches of its own.
  it.each(Object.keys(COMMANDS))('gives juno %s caches of its own', (name) => {
    expect(cacheVariant([name])).toBe(name);
    expect(cacheVariant([name, '--format', 'json'])).toBe(`${name}.format-json`);
  });

  // The boot chooses the everyday program only where the program will define that one command.
  it.each([
    [['next', '--date', '2014-09-21'], true],
    [[], true],
    [['--date', '2014-09-21'], true],
    [['--series', 'indri', 'next'], true],
    [['--timeline=x.yaml', '--no-color', 'schedule', '-f', 'json'], true],
    [['completion-ids'], true],
    [['--series', 'indri', 'completion-ids'], true],
    [['export'], false],
    [['--series', 'indri', 'publish', 'site'], false],
    [['update'], false],
    [['validate', 'x.yaml'], false],
    [['completion', 'bash'], false],
    [['help', 'next'], false],
    [['--help'], false],
    [['--version'], false],
    [['schedle'], false],
    [['-x', 'next'], false],
  ])('runs %j with the everyday program: %s', (argv, everyday) => {
    expect(runsEveryday(argv)).toBe(everyday);
    const defined = Object.keys(COMMANDS).filter(commandsToDefine(argv));
    if (everyday) {
      expect(defined).toHaveLength(1);
      expect(EVERYDAY_COMMANDS.has(defined[0] as string)).toBe(true);
    }
  });

  it('has every command in one program or the other, and the everyday ones in the registry', () => {
    for (const name of EVERYDAY_COMMANDS) expect(Object.keys(COMMANDS)).toContain(name);
    for (const name of Object.keys(COMMANDS)) expect(runsEveryday([name])).toBe(EVERYDAY_COMMANDS.has(name));
  });

  it('keeps line numbers in stack traces', () => {
    const dir = tempDir();
    const file = bundle(dir, '0123456789abcdef', "\n\nmodule.exports = new Error('here').stack;\n");
    expect(load(file, join(dir, 'cache')).exports).toContain(`${file}:4:`);
  });
});

describe('the cache folder', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, { dir: '/x/cache/juno' }],
    [{ XDG_CACHE_HOME: '/x/cache/', HOME: '/home/u' }, { dir: '/x/cache/juno' }],
    [{ HOME: '/home/u' }, { dir: '/home/u/.cache/juno', within: '/home/u' }],
    [{ HOME: '/home/u/' }, { dir: '/home/u/.cache/juno', within: '/home/u' }],
    [
      { XDG_CACHE_HOME: '', HOME: '/home/u' },
      { dir: '/home/u/.cache/juno', within: '/home/u' },
    ],
    [
      { XDG_CACHE_HOME: 'cache', HOME: '/home/u' },
      { dir: '/home/u/.cache/juno', within: '/home/u' },
    ],
    [{ XDG_CACHE_HOME: 'cache', HOME: 'home' }, null],
    [{ HOME: '.' }, null],
    [{ TMPDIR: '/tmp' }, null],
    [{}, null],
  ])('for %j is %j, never a shared temp folder', (env, folder) => {
    expect(userCacheFolder(env)).toEqual(folder);
  });

  it('is never a missing home folder, created', () => {
    const dir = tempDir();
    const home = join(dir, 'missing');
    const folder = userCacheFolder({ HOME: home });
    expect(load(fresh(dir), folder).save()).toBeNull();
    expect(existsSync(home)).toBe(false);
    mkdirSync(home);
    const written = load(fresh(dir), folder).save() as string;
    expect(written.startsWith(join(home, '.cache', 'juno'))).toBe(true);
    expect(statSync(join(home, '.cache')).mode & 0o777).toBe(0o700);
  });
});
