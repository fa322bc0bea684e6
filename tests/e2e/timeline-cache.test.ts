// The cache of imported upstream schedules as the built juno uses it (the rules themselves are checked in-process
// in tests/timeline-cache.test.ts): a second read of a real schedule answers the same from the kept import, an
// edited page is read again, and the run that imported leaves the code cache to the runs that will not.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasReleases, RELEASES } from '../external.js';
import { BIN, ROOT, runJuno, SPAWN_GUARD, tempDir } from '../helpers.js';

const BUILD = /^\/\*juno-build:([0-9a-f]{16})\*\//.exec(
  readFileSync(join(ROOT, 'dist/juno.cjs'), 'latin1'),
)?.[1] as string;

describe.runIf(hasReleases())('reading a real schedule again, built', SPAWN_GUARD, () => {
  it('answers from the kept import, and reads an edited page again', async () => {
    const checkout = join(tempDir(), 'doc/source');
    for (const series of ['indri', 'hibiscus'])
      cpSync(join(RELEASES, 'doc/source', series), join(checkout, series), { recursive: true });
    const cacheHome = tempDir();
    const cache = join(cacheHome, 'juno');
    const args = ['schedule', '--timeline', join(checkout, 'indri'), '--date', '2026-11-29'];
    const cached = () => runJuno(args, { env: { XDG_CACHE_HOME: cacheHome } });
    // No cache folder at all: read every time.
    const uncached = () => runJuno(args, { env: { XDG_CACHE_HOME: undefined, HOME: undefined } });

    const first = await cached();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2027.1 Indri');
    const files = () => readdirSync(cache).sort();
    // The import is kept (and the series list it read, checked); the code cache is left to a run that does not
    // import.
    const kept = new RegExp(`^${BUILD}-timeline-[0-9a-f]{8}\\.json$`);
    expect(files().length).toBeGreaterThan(0);
    expect(files().every((name) => kept.test(name))).toBe(true);
    const entries = files().length;

    const second = await cached();
    expect(second).toEqual(first);
    expect(files()).toHaveLength(entries + 1);
    expect(files().some((name) => name.startsWith(`${BUILD}-v`) && name.endsWith('.timeline.bin'))).toBe(
      true,
    );
    expect(await cached()).toEqual(first);
    expect(await uncached()).toEqual(first);

    // A prose day moved in the page: the answer moves with it.
    const page = join(checkout, 'indri/schedule.rst');
    const text = readFileSync(page, 'utf8');
    // The Indri-2 milestone, Thursday 14 January in the page, put on the Friday of its week.
    const moved = text.replace(/\b14 (January, 2027 is the Indri-2)/, '15 $1');
    expect(moved).not.toBe(text);
    writeFileSync(page, moved);
    const edited = await cached();
    expect(edited).toEqual(await uncached());
    expect(first.stdout).toMatch(/Thu 14 Jan 2027 +R-10 +Indri-2/);
    expect(edited.stdout).toMatch(/Fri 15 Jan 2027 +R-10 +Indri-2/);
    expect(await cached()).toEqual(edited);
  });
});

describe('what a kept import depends on, built', SPAWN_GUARD, () => {
  it("the build's stamp covers both programs and the YAML parser they load", () => {
    // As scripts/build.mjs stamps them: the hash is taken with zeros on the first line.
    const unstamped = (file: string) =>
      readFileSync(join(ROOT, file), 'latin1').replace(
        /^\/\*juno-build:[0-9a-f]{16}\*\//,
        `/*juno-build:${'0'.repeat(16)}*/`,
      );
    const hash = createHash('sha256')
      .update(unstamped('dist/juno-full.cjs'))
      .update(unstamped('dist/juno.cjs'))
      .update(readFileSync(join(ROOT, 'dist/vendor/yaml.cjs'), 'latin1'));
    expect(BUILD).toBe(hash.digest('hex').slice(0, 16));
  });

  it('a working folder removed under juno only means no cache', () => {
    const dir = tempDir();
    const file = join(ROOT, 'data/juno.json');
    const script = `mkdir gone && cd gone && rmdir ../gone && exec "$0" "$1" schedule --timeline "$2" --date 2014-09-21`;
    const result = spawnSync('sh', ['-c', script, process.execPath, BIN, file], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: tempDir(), TZ: 'UTC' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('OpenStack Juno');
  });
});
