// The code cache end to end: where it is kept, what a damaged file does, and what a cache planted by another
// user of the machine does. V8 checks little more than the length of the source a cache was made from, so a
// planted cache that V8 accepts runs its own code in the victim's process: these tests plant a real one.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, type RunResult, runJuno } from '../helpers.js';

const NEXT = ['next', '--date', '2014-09-21'];
const PLANTED = 'PLANTED CODE RAN';
const isRoot = process.getuid?.() === 0;
/** Another user of the machine: as root, files can be given to it and commands run as it. */
const ATTACKER = 65534;

let work: string;
/** `juno next --date 2014-09-21` with no cache at all. */
let expected: RunResult;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'juno-cache-e2e-'));
  expected = await runJuno(NEXT, { env: { XDG_CACHE_HOME: undefined, HOME: undefined } });
  expect(expected.code).toBe(0);
  expect(expected.stdout).not.toBe('');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let count = 0;
/** A new empty folder. */
function folder(mode = 0o700): string {
  const dir = join(work, `f${++count}`);
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
}
/** The code cache files of a folder; juno's kept readings (`…-timeline-….json`) are left out. */
const list = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => !/-timeline-[0-9a-f]{8}\.json$/.test(name))
        .sort()
    : [];
/** Runs juno with only the cache settings given (none of the test run's own). */
const run = (env: Record<string, string | undefined>, args = NEXT, cwd?: string) =>
  runJuno(args, { env: { HOME: undefined, XDG_CACHE_HOME: undefined, ...env }, ...(cwd ? { cwd } : {}) });

describe('the code cache folder', () => {
  it('is written after a run that ends with 0 or 1, never after an error, and then used', async () => {
    const xdg = folder();
    const cache = join(xdg, 'juno');
    expect((await run({ XDG_CACHE_HOME: xdg }, ['next', '--bogus'])).code).toBe(2);
    expect((await run({ XDG_CACHE_HOME: xdg }, ['next', '--date', '2014-02-30'])).code).toBe(2);
    expect(list(cache)).toEqual([]);
    // Nothing ahead is exit 1, a normal outcome. The first run checks juno's data and keeps the check, work later
    // runs skip: it writes no code cache. The next writes it.
    const nothing = ['next', '--date', '2030-01-01'];
    expect((await run({ XDG_CACHE_HOME: xdg }, nothing)).code).toBe(1);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    expect(readdirSync(cache).every((name) => /^[0-9a-f]{16}-timeline-[0-9a-f]{8}\.json$/.test(name))).toBe(
      true,
    );
    expect((await run({ XDG_CACHE_HOME: xdg }, nothing)).code).toBe(1);
    expect(list(cache)).toEqual([expect.stringMatching(/^[0-9a-f]{16}-v\d+\.[\d.]+-\w+-next\.date\.bin$/)]);
    const file = join(cache, list(cache)[0] as string);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).ino;
    // The same shape of command line: the cache is used, so it is not written again.
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(statSync(file).ino).toBe(written);
    await run({ XDG_CACHE_HOME: xdg }, ['schedule', '--date', '2014-09-21', '--format', 'json']);
    expect(list(cache)).toHaveLength(2);
    expect(list(cache)[1]).toMatch(/-schedule\.date\.format-json\.bin$/);
  });

  it('is $HOME/.cache/juno without XDG_CACHE_HOME, made private, and never in the temp folder', async () => {
    const home = folder(0o755);
    const temp = folder(0o1777);
    // The first run keeps its check of juno's data; the second writes the code cache.
    expect(await run({ HOME: home, TMPDIR: temp })).toEqual(expected);
    expect(await run({ HOME: home, TMPDIR: temp })).toEqual(expected);
    expect(statSync(join(home, '.cache')).mode & 0o777).toBe(0o700);
    expect(list(join(home, '.cache', 'juno'))).toHaveLength(1);
    expect(list(temp)).toEqual([]);
  });

  it('is never made in the working directory from a relative XDG_CACHE_HOME or HOME', async () => {
    const cwd = folder();
    expect(await run({ XDG_CACHE_HOME: 'cache', HOME: 'home' }, NEXT, cwd)).toEqual(expected);
    expect(await run({ XDG_CACHE_HOME: '.', HOME: '.' }, NEXT, cwd)).toEqual(expected);
    expect(readdirSync(cwd)).toEqual([]);
    // A relative XDG_CACHE_HOME is ignored, as the XDG specification asks: $HOME/.cache it is.
    const home = folder();
    expect(await run({ XDG_CACHE_HOME: 'cache', HOME: home }, NEXT, cwd)).toEqual(expected);
    expect(await run({ XDG_CACHE_HOME: 'cache', HOME: home }, NEXT, cwd)).toEqual(expected);
    expect(readdirSync(cwd)).toEqual([]);
    expect(list(join(home, '.cache', 'juno'))).toHaveLength(1);
  });

  it('does not create a missing home folder', async () => {
    const home = join(folder(), 'gone');
    expect(await run({ HOME: home })).toEqual(expected);
    expect(existsSync(home)).toBe(false);
  });

  it.each([
    { TMPDIR: '/proc' },
    { TMPDIR: '/proc', HOME: '/proc' },
    { HOME: '/proc' },
    { XDG_CACHE_HOME: '/proc/juno-cache' },
    { XDG_CACHE_HOME: '/proc/self/status/cache' },
    { XDG_CACHE_HOME: '/dev/null' },
    { HOME: '/dev/null' },
    { XDG_CACHE_HOME: '/proc', HOME: '/proc' },
  ])('that cannot be made (%j) only means no cache: normal output, exit 0', async (env) => {
    expect(await run(env)).toEqual(expected);
  });

  // Permissions do not stop root, so this runs juno as another account, when that account can run it here.
  it.skipIf(!isRoot)('that cannot be written (a read-only home) only means no cache', async (ctx) => {
    const probe = spawnSync(process.execPath, [BIN, '--version'], {
      uid: ATTACKER,
      gid: ATTACKER,
      cwd: tmpdir(),
    });
    if (probe.status !== 0) ctx.skip();
    const home = folder(0o555);
    chownSync(home, ATTACKER, ATTACKER);
    const env = { HOME: home, XDG_CACHE_HOME: undefined };
    expect(await runJuno(NEXT, { env, uid: ATTACKER, cwd: tmpdir() })).toEqual(expected);
    expect(list(home)).toEqual([]);
  });
});

describe('the checksum', () => {
  it('comes from Node without a word on stderr, even when deprecations warn or throw', async () => {
    const xdg = folder();
    const cache = join(xdg, 'juno');
    // CRC-32 from Node's zlib binding through the deprecated process.binding (DEP0111), which warns only then.
    const env = { XDG_CACHE_HOME: xdg, NODE_OPTIONS: '--pending-deprecation --throw-deprecation' };
    // The first run keeps its check of juno's data; the second writes the code cache, the third checks it.
    expect(await run(env)).toEqual(expected);
    expect(await run(env)).toEqual(expected);
    const [name] = list(cache);
    const written = statSync(join(cache, name as string)).ino;
    expect(await run(env)).toEqual(expected);
    expect(statSync(join(cache, name as string)).ino, 'used, not written again').toBe(written);
  });
});

describe('a damaged cache file', () => {
  it('is never used: 40 changed bytes in turn, header and data, each run prints the same and rewrites it', async () => {
    const xdg = folder();
    const cache = join(xdg, 'juno');
    // The first run keeps its check of juno's data; the second writes the code cache.
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    const [name] = list(cache);
    const file = join(cache, name as string);
    const sound = readFileSync(file);
    const headerLength = sound.indexOf(0x0a) + 9;
    // A fixed sequence, so that a failure can be replayed: 10 bytes of the header, 30 of V8's data.
    let seed = 12345;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const positions = [
      ...Array.from({ length: 10 }, () => random(headerLength)),
      ...Array.from({ length: 30 }, () => headerLength + random(sound.length - headerLength)),
    ];
    for (const position of positions) {
      const damaged = Buffer.from(sound);
      damaged[position] = (damaged[position] as number) ^ (1 + random(255));
      writeFileSync(file, damaged);
      const before = statSync(file).ino;
      const result = await run({ XDG_CACHE_HOME: xdg });
      expect(result, `byte ${position}`).toEqual(expected);
      expect(statSync(file).ino, `byte ${position}: rewritten`).not.toBe(before);
      expect(readFileSync(file).equals(damaged)).toBe(false);
    }
    // The file written last is sound: the next run uses it and leaves it alone.
    const last = statSync(file).ino;
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(statSync(file).ino).toBe(last);
  });
});

/**
 * A cache another user plants: made through juno's boot from a malicious program under the real build's stamp, of
 * the same length, so that V8 takes it for the real program's; the program writes its cache itself, in juno's
 * format, as the real one does at exit. Returns the cache file, named as the victim's.
 */
function plantedCache(): string {
  const evil = folder();
  const real = readFileSync(join(ROOT, 'dist', 'juno.cjs'), 'utf8');
  const stamp = (real.split('\n', 1)[0] as string).slice(0, '/*juno-build:0123456789abcdef*/'.length);
  const program = `${stamp}
exports.start = (loaded) => {
  process.stdout.write(${JSON.stringify(`${PLANTED}\n`)});
  const fs = require('node:fs');
  const data = loaded.script.createCachedData();
  const line = 'juno-code-cache 2 ' + loaded.key;
  const header = Buffer.alloc(Math.ceil((line.length + 9) / 8) * 8, ' ');
  header.write(line, 0, 'latin1');
  header[header.length - 9] = 10;
  header.writeUInt32LE(data.length, header.length - 8);
  header.writeUInt32LE(require('node:zlib').crc32(data), header.length - 4);
  fs.mkdirSync(require('node:path').dirname(loaded.cacheFile), { recursive: true, mode: 0o700 });
  fs.writeFileSync(loaded.cacheFile, Buffer.concat([header, data]), { mode: 0o600 });
};`;
  expect(program.length).toBeLessThan(real.length);
  writeFileSync(join(evil, 'juno.cjs'), program.padEnd(real.length, ' '));
  copyFileSync(join(ROOT, 'dist', 'bin.cjs'), join(evil, 'bin.cjs'));
  const xdg = folder();
  const made = spawnSync(process.execPath, [join(evil, 'bin.cjs'), ...NEXT], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: xdg },
  });
  expect(made.stdout).toBe(`${PLANTED}\n`);
  const [name] = list(join(xdg, 'juno'));
  return join(xdg, 'juno', name as string);
}

describe('a cache planted by another user', () => {
  let planted: string;
  let name: string;
  beforeAll(() => {
    planted = plantedCache();
    name = planted.slice(planted.lastIndexOf('/') + 1);
  });

  /**
   * A cache folder of the victim's own, as juno makes it (after a first run, which keeps its check of juno's data),
   * holding the planted file as `mode`.
   */
  async function victimFolder(mode = 0o600): Promise<{ xdg: string; cache: string; file: string }> {
    const xdg = folder();
    const cache = join(xdg, 'juno');
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(list(cache)).toEqual([]);
    const file = join(cache, name);
    copyFileSync(planted, file);
    chmodSync(file, mode);
    return { xdg, cache, file };
  }

  it('runs when it is in the victim’s private folder, owned by the victim (the test plants a working cache)', async () => {
    const { xdg } = await victimFolder();
    const result = await run({ XDG_CACHE_HOME: xdg });
    expect(result.stdout).toBe(`${PLANTED}\n`);
  });

  it('in a folder others may write to is ignored, and nothing is written there', async () => {
    const { xdg, cache, file } = await victimFolder();
    chmodSync(cache, 0o777);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    chmodSync(cache, 0o770);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(list(cache)).toEqual([name]);
    expect(readFileSync(file).equals(readFileSync(planted))).toBe(true);
  });

  it('behind a symlink in place of the folder is ignored, and nothing is written there', async () => {
    const { cache } = await victimFolder();
    const xdg = folder();
    symlinkSync(cache, join(xdg, 'juno'));
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(list(cache)).toEqual([name]);
  });

  it.each([
    ['writable by others', 0o666],
    ['writable by the group', 0o620],
  ])('%s is ignored and replaced by the victim’s own', async (_, mode) => {
    const { xdg, file } = await victimFolder(mode);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
  });

  it('reached through a symlink is ignored and replaced by the victim’s own', async () => {
    const { xdg, file } = await victimFolder();
    const elsewhere = join(folder(), name);
    copyFileSync(planted, elsewhere);
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
  });

  it.skipIf(!isRoot)('owned by another user, in the victim’s folder, is ignored and replaced', async () => {
    const { xdg, file } = await victimFolder();
    chownSync(file, ATTACKER, ATTACKER);
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
    expect(statSync(file).uid).toBe(process.getuid?.());
    expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
  });

  // The attack as it happens: another account, in a folder everyone may write to (as /tmp is), creates the
  // folder the victim's cache will be looked for in, before the victim's first run.
  describe('by another account, in a shared folder', () => {
    let shared: string;
    const asAttacker = (script: string) =>
      spawnSync('sh', ['-c', script], { uid: ATTACKER, gid: ATTACKER, cwd: shared, encoding: 'utf8' });
    beforeAll(() => {
      if (!isRoot) return;
      shared = folder(0o1777);
      // Somewhere the attacker may read it from.
      copyFileSync(planted, join(shared, 'evil.bin'));
      chmodSync(join(shared, 'evil.bin'), 0o644);
    });

    it.skipIf(!isRoot)(
      'in the folder juno would use is ignored, and the victim writes nothing there',
      async () => {
        const made = asAttacker(
          `mkdir -m 755 xdg && mkdir -m 700 xdg/juno && cp evil.bin 'xdg/juno/${name}' && chmod 600 'xdg/juno/${name}'`,
        );
        expect(made.stderr).toBe('');
        expect(statSync(join(shared, 'xdg', 'juno')).uid).toBe(ATTACKER);
        const xdg = join(shared, 'xdg');
        expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
        expect(list(join(xdg, 'juno'))).toEqual([name]);
      },
    );

    it.skipIf(!isRoot)(
      'as the cache home itself, left open to all, gets no folder of the victim’s',
      async () => {
        const made = asAttacker('mkdir -m 777 open');
        expect(made.stderr).toBe('');
        const xdg = join(shared, 'open');
        expect(await run({ XDG_CACHE_HOME: xdg })).toEqual(expected);
        expect(list(xdg)).toEqual([]);
      },
    );

    it.skipIf(!isRoot)('as a symlink to the attacker’s folder is ignored', async () => {
      const made = asAttacker(
        `mkdir -m 700 loot && cp evil.bin 'loot/${name}' && mkdir -m 755 home && ln -s ../loot home/juno`,
      );
      expect(made.stderr).toBe('');
      expect(await run({ XDG_CACHE_HOME: join(shared, 'home') })).toEqual(expected);
      expect(list(join(shared, 'loot'))).toEqual([name]);
    });
  });
});
