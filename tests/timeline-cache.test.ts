// The cache of imported upstream schedules and of juno's own data checked (src/cli/timeline-cache.ts): what a kept
// import gives is what reading the files again gives, on every real cycle and every bundled file; any change to any file the import read, to the series list in use
// or to the build means reading again; a damaged, foreign or misplaced entry is never used. In-process, with the
// build given (a run from source has none); the spawned runs are in tests/e2e/timeline-cache.test.ts.
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTimeline, importCache } from '../src/cli/load.js';
import { BUNDLED_SERIES, BUNDLED_TIMELINE, DATA_DIR } from '../src/cli/read.js';
import type { TimelineCache } from '../src/cli/timeline-cache.js';
import { parseSeriesList } from '../src/timeline/series.js';
import { hasReleases, RELEASES } from './external.js';
import { tempDir } from './helpers.js';

const BUILD = '0123456789abcdef';
// biome-ignore lint/suspicious/noExplicitAny: an entry as JSON, to be spoiled field by field
type Entry = any;

/** The cache juno uses, in a cache folder of its own (`dir/juno`), for a build. */
function cacheIn(dir: string, build = BUILD): TimelineCache {
  const cache = importCache({ XDG_CACHE_HOME: dir }, build);
  if (cache === null) throw new Error('no cache');
  return cache;
}

/** Reads a schedule through the cache and says whether the kept import answered. */
async function read(given: string, cache: TimelineCache | null, env: NodeJS.ProcessEnv = {}) {
  let hit = false;
  const spied: TimelineCache | null =
    cache === null
      ? null
      : {
          async find(...args) {
            const found = await cache.find(...args);
            hit = found !== null;
            return found;
          },
          keep: (record) => cache.keep(record),
          findList: (file, text) => cache.findList(file, text),
          keepList: (file, text, list) => cache.keepList(file, text, list),
        };
  const checked = await checkTimeline(given, env, spied);
  return { checked, hit };
}

const entries = (dir: string) => readdirSync(join(dir, 'juno')).filter((name) => name.endsWith('.json'));

/** A copy of two neighbouring series folders (indri reads a section from hibiscus's page). */
function copyOfIndri(): { root: string; schedule: string; rst: string; neighbour: string } {
  const root = join(tempDir(), 'doc/source');
  for (const series of ['indri', 'hibiscus'])
    cpSync(join(RELEASES, 'doc/source', series), join(root, series), { recursive: true });
  return {
    root,
    schedule: join(root, 'indri/schedule.yaml'),
    rst: join(root, 'indri/schedule.rst'),
    neighbour: join(root, 'hibiscus/schedule.rst'),
  };
}

describe("juno's own data, checked once", () => {
  const files = [
    BUNDLED_TIMELINE,
    ...readdirSync(join(DATA_DIR, 'series'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => join(DATA_DIR, 'series', name)),
  ];

  it('holds the Juno timeline and every bundled schedule', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s: the second read is a hit and equals a fresh read, format and all', async (file) => {
    const cache = cacheIn(tempDir());
    const fresh = await read(file, null);
    const first = await read(file, cache);
    const second = await read(file, cache);
    expect(fresh.checked.result.ok).toBe(true);
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(second.checked).toStrictEqual(fresh.checked);
    expect(first.checked).toStrictEqual(fresh.checked);
  });

  it('keeps the bundled series list as checked, and gives it back only for the same text', async () => {
    const text = readFileSync(BUNDLED_SERIES, 'utf8');
    const checked = parseSeriesList(JSON.parse(text));
    if (!checked.ok) throw new Error('the bundled list does not read');
    const cache = cacheIn(tempDir());
    expect(await cache.findList(BUNDLED_SERIES, text)).toBeNull();
    expect(cache.keepList(BUNDLED_SERIES, text, { series: checked.series, snapshot: checked.snapshot })).toBe(
      true,
    );
    expect(await cache.findList(BUNDLED_SERIES, text)).toStrictEqual({
      series: checked.series,
      snapshot: checked.snapshot,
    });
    expect(await cache.findList(BUNDLED_SERIES, `${text}\n`)).toBeNull();
    // A timeline's read of the same file never takes the list's entry for its own.
    expect(await cache.find(BUNDLED_SERIES, BUNDLED_SERIES, text)).toBeNull();
  });

  it("leaves a timeline of the user's own to be checked at every read, and keeps nothing of it", async () => {
    const dir = tempDir();
    const own = join(dir, 'mine.json');
    writeFileSync(own, readFileSync(BUNDLED_TIMELINE));
    const cache = cacheIn(dir);
    expect((await read(own, cache)).hit).toBe(false);
    expect((await read(own, cache)).hit).toBe(false);
    expect(readdirSync(dir)).toEqual(['mine.json']);
  });
});

describe.runIf(hasReleases())('a kept import is the import (every real series)', () => {
  const series = readdirSync(join(RELEASES, 'doc/source'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      try {
        return readFileSync(join(RELEASES, 'doc/source', name, 'schedule.yaml')).length > 0;
      } catch {
        return false;
      }
    });

  it('covers the 21 series with a schedule.yaml', () => {
    expect(series.length).toBe(21);
  });

  it.each(series)('%s: the second read is a hit and equals a fresh read', async (name) => {
    const dir = tempDir();
    const cache = cacheIn(dir);
    const given = join(RELEASES, 'doc/source', name, 'schedule.yaml');
    const fresh = await read(given, null);
    const first = await read(given, cache);
    const second = await read(given, cache);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(fresh.checked.result.ok).toBe(true);
    expect(second.checked).toStrictEqual(fresh.checked);
    expect(first.checked).toStrictEqual(fresh.checked);
  });
});

describe.runIf(hasReleases())('any change means reading again', () => {
  it('an edit to the schedule, its page, a neighbour page; a page removed and put back', async () => {
    const { schedule, rst, neighbour } = copyOfIndri();
    const cache = cacheIn(tempDir());
    const fresh = async () => (await read(schedule, null)).checked;
    expect((await read(schedule, cache)).hit).toBe(false);
    expect((await read(schedule, cache)).hit).toBe(true);

    const edits: [file: string, change: (text: string) => string][] = [
      [schedule, (text) => `${text}\n# a comment changes nothing but the bytes\n`],
      // A prose day moved: the event's day changes.
      [rst, (text) => text.replace(/2027/, '2028')],
      [neighbour, (text) => `${text}\n`],
    ];
    for (const [file, change] of edits) {
      writeFileSync(file, change(readFileSync(file, 'utf8')));
      const after = await read(schedule, cache);
      expect(after.hit, file).toBe(false);
      expect(after.checked).toStrictEqual(await fresh());
      expect((await read(schedule, cache)).hit, file).toBe(true);
    }

    const page = readFileSync(rst);
    rmSync(rst);
    const without = await read(schedule, cache);
    expect(without.hit).toBe(false);
    expect(without.checked).toStrictEqual(await fresh());
    expect(without.checked.result.warnings.some((w) => /no such file/.test(w.message))).toBe(true);
    writeFileSync(rst, page);
    expect((await read(schedule, cache)).hit).toBe(false);
  });

  it('another series list, or another build, is a miss', async () => {
    const { schedule } = copyOfIndri();
    const dir = tempDir();
    expect((await read(schedule, cacheIn(dir))).hit).toBe(false);
    expect((await read(schedule, cacheIn(dir))).hit).toBe(true);
    expect((await read(schedule, cacheIn(dir, 'fedcba9876543210'))).hit).toBe(false);
  });

  it('the series list `juno update` wrote, once in use, and when it changes', async () => {
    const { schedule } = copyOfIndri();
    const home = tempDir();
    const env = { XDG_CACHE_HOME: home };
    const hit = async () => (await read(schedule, importCache(env, BUILD), env)).hit;
    expect(await hit()).toBe(false);
    expect(await hit()).toBe(true);
    const data = join(home, 'juno/data');
    mkdirSync(data, { mode: 0o700 });
    const list = readFileSync(BUNDLED_SERIES, 'utf8');
    writeFileSync(join(data, 'series.json'), list);
    expect(await hit()).toBe(false);
    expect(await hit()).toBe(true);
    writeFileSync(join(data, 'series.json'), list.replace('"2027-03-24"', '"2027-03-25"'));
    const changed = await read(schedule, importCache(env, BUILD), env);
    expect(changed.hit).toBe(false);
    expect(changed.checked).toStrictEqual((await read(schedule, null, env)).checked);
    expect(await hit()).toBe(true);
  });

  it('a neighbour page that cannot be read counts as none, and the kept import is still used', async () => {
    const { schedule, neighbour } = copyOfIndri();
    writeFileSync(neighbour, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const cache = cacheIn(tempDir());
    const first = await read(schedule, cache);
    expect(first.hit).toBe(false);
    expect(first.checked).toStrictEqual((await read(schedule, null)).checked);
    expect((await read(schedule, cache)).hit).toBe(true);
  });

  it('a damaged series list of `juno update` (the bundled one answers) still lets the kept import be used', async () => {
    const { schedule } = copyOfIndri();
    const home = tempDir();
    const env = { XDG_CACHE_HOME: home };
    mkdirSync(join(home, 'juno/data'), { recursive: true, mode: 0o700 });
    chmodSync(join(home, 'juno'), 0o700);
    writeFileSync(join(home, 'juno/data/series.json'), '{"not": "a series list"}');
    const hit = async () => (await read(schedule, importCache(env, BUILD), env)).hit;
    expect(await hit()).toBe(false);
    expect(await hit()).toBe(true);
  });

  it('the same file named another way is read again, so that messages name it as given', async () => {
    const { root, schedule } = copyOfIndri();
    const dir = tempDir();
    const cache = cacheIn(dir);
    await checkTimeline(schedule, {}, cache);
    const other = `${root}/indri/../indri/schedule.yaml`;
    const named = await read(other, cache);
    expect(named.hit).toBe(false);
    expect(named.checked.file).toBe(other);
    expect(entries(dir)).toHaveLength(2);
    expect((await read(other, cache)).hit).toBe(true);
  });
});

describe.runIf(hasReleases())('an entry that is not trusted or not whole is not used', () => {
  async function keptEntry() {
    const { schedule } = copyOfIndri();
    const dir = tempDir();
    await read(schedule, cacheIn(dir));
    const [name] = entries(dir);
    return { schedule, dir, file: join(dir, 'juno', name as string) };
  }

  it('damaged, cut short, of another format or taking another text', async () => {
    const { schedule, dir, file } = await keptEntry();
    const good = readFileSync(file, 'utf8');
    const fresh = (await read(schedule, null)).checked;
    const bad = [
      good.slice(0, good.length / 2),
      good.replace('"version":2', '"version":1'),
      good.replace('"format":"juno-timeline-cache"', '"format":"other"'),
      good.replace('"ok":true', '"ok":false'),
      good.replace(/"text":"[^"]{20}/, '"text":"changed text, not the file\'s'),
      'null',
      '[]',
      // Well-formed JSON of the wrong shape.
      ...[
        (e: Entry) => {
          e.result.warnings = null;
        },
        (e: Entry) => {
          e.result.timeline.events = 'x';
        },
        (e: Entry) => {
          e.result.timeline = null;
        },
        (e: Entry) => {
          e.read = [1];
        },
        (e: Entry) => {
          e.inputs[0] = { path: 7 };
        },
        (e: Entry) => {
          e.inputs[0].kind = 'other';
        },
        (e: Entry) => {
          e.source = 'yaml';
        },
      ].map((spoil) => {
        const entry = JSON.parse(good);
        spoil(entry);
        return JSON.stringify(entry);
      }),
    ];
    for (const text of bad) {
      writeFileSync(file, text);
      const again = await read(schedule, cacheIn(dir));
      expect(again.hit, text.slice(0, 60)).toBe(false);
      expect(again.checked).toStrictEqual(fresh);
    }
  });

  it.runIf(process.getuid?.() !== undefined)('in a folder or a file others may write', async () => {
    const { schedule, dir, file } = await keptEntry();
    chmodSync(file, 0o666);
    expect((await read(schedule, cacheIn(dir))).hit).toBe(false);
    // Kept again by that read, private; then the folder is opened to others.
    expect((await read(schedule, cacheIn(dir))).hit).toBe(true);
    chmodSync(join(dir, 'juno'), 0o777);
    expect((await read(schedule, cacheIn(dir))).hit).toBe(false);
  });

  it('keeps at most 16 entries of a build', async () => {
    const { root } = copyOfIndri();
    const dir = tempDir();
    const cache = cacheIn(dir);
    for (let i = 0; i < 20; i++) {
      const folder = join(root, `indri-${i}`);
      mkdirSync(folder);
      cpSync(join(root, 'indri/schedule.yaml'), join(folder, 'schedule.yaml'));
      await checkTimeline(join(folder, 'schedule.yaml'), {}, cache);
    }
    expect(entries(dir)).toHaveLength(16);
  });
});
