// The bundled schedules (data/series/*.json): the importer's reading of the openstack/releases snapshot, without
// upstream's prose; series without a schedule answer from the series list; the data `juno update` wrote wins
// when it is there, private and valid.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeries, loadSeriesList, loadTimeline } from '../src/cli/load.js';
import { readText } from '../src/cli/read.js';
import { releaseEvent } from '../src/timeline/query.js';
import { listedTimeline, readBundled, serializeBundled } from '../src/timeline/sources/bundled.js';
import { importReleases, type ReadRepositoryFile } from '../src/timeline/sources/upstream/releases.js';
import { parseRst } from '../src/timeline/sources/upstream/rst.js';
import type { Timeline } from '../src/timeline/types.js';
import { hasReleases, RELEASES } from './external.js';
import { runMain } from './helpers.js';

const ROOT = new URL('../', import.meta.url).pathname;
const SERIES_DIR = `${ROOT}data/series`;
const bundledNames = readdirSync(SERIES_DIR).map((f) => f.replace(/\.json$/, ''));
const real = hasReleases();
const scheduled = real
  ? readdirSync(`${RELEASES}/doc/source`).filter((s) =>
      existsSync(`${RELEASES}/doc/source/${s}/schedule.yaml`),
    )
  : [];

/**
 * A timeline without what depends on where it was read from: positions, the notes (prose upstream), and the
 * revision the bundled data carries (the snapshot's date; a file read directly is dated by its last commit).
 */
const comparable = (t: Timeline) => ({
  ...t,
  updated: null,
  events: t.events.map(({ index: _index, notes: _notes, updated: _updated, ...e }) => e),
});

describe.runIf(real)('every series with a schedule upstream is bundled as the importer reads it', () => {
  it('bundles exactly the series with a schedule.yaml in the snapshot, ocata to indri', () => {
    expect(scheduled).toContain('ocata');
    expect(scheduled).toContain('indri');
    expect(bundledNames.sort()).toEqual([...scheduled].sort());
  });

  it.each(scheduled)(
    '%s: the bundled timeline equals --timeline on its schedule.yaml, notes aside',
    async (name) => {
      const bundled = await loadSeries(name, {});
      const imported = await loadTimeline(`${RELEASES}/doc/source/${name}/schedule.yaml`);
      expect(bundled.file).toBe(`${SERIES_DIR}/${name}.json`);
      expect(comparable(bundled.timeline)).toEqual(comparable(imported.timeline));
      // juno's own notes are kept (the Thursday rule), the section text behind them is not.
      imported.timeline.events.forEach((event, i) => {
        const notes = bundled.timeline.events[i]?.notes ?? null;
        if (notes !== null) expect(event.notes?.startsWith(notes)).toBe(true);
      });
    },
  );

  it.each(scheduled)(
    '%s: juno --series gives the schedule --format json of --timeline, notes aside',
    async (name) => {
      const json = async (choice: string[]) => {
        const run = await runMain([...choice, '--date', '2026-11-29', 'schedule', '--format', 'json']);
        expect(run.code, run.stderr).toBe(0);
        const view = JSON.parse(run.stdout);
        for (const event of view.events) delete event.notes;
        return view;
      };
      const bundled = await json(['--series', name]);
      expect(bundled.series).toBe(name);
      expect(bundled).toEqual(await json(['--timeline', `${RELEASES}/doc/source/${name}/schedule.yaml`]));
    },
  );

  it('the committed data is what npm run data writes from the snapshot today', async () => {
    const { dataFiles } = await import('../src/cli/update/files.js');
    const read: ReadRepositoryFile = async (path) =>
      existsSync(join(RELEASES, path)) ? (await readText(join(RELEASES, path))).text : null;
    const result = await importReleases(read);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const list = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8'));
    const files = dataFiles(result.series, result.schedules, list.snapshot);
    for (const { series } of result.schedules)
      expect(readFileSync(`${SERIES_DIR}/${series}.json`, 'utf8'), series).toBe(
        files.get(`series/${series}.json`),
      );
    expect(list.series).toEqual(JSON.parse(files.get('series.json') as string).series);
    expect(list.snapshot).toEqual({
      commit: '02df7c9a3',
      date: '2026-08-21',
      source: 'https://opendev.org/openstack/releases',
    });
    expect(result.unscheduled).toEqual(
      expect.arrayContaining(['austin', 'kilo', 'mitaka', 'newton', 'juno']),
    );
  });

  it('holds no sentence of upstream prose: no section text of any schedule.rst is in a bundled file', () => {
    const sentences = new Set<string>();
    for (const series of readdirSync(`${RELEASES}/doc/source`)) {
      const page = `${RELEASES}/doc/source/${series}/schedule.rst`;
      if (!existsSync(page)) continue;
      for (const section of parseRst(readFileSync(page, 'utf8')).sections.values())
        for (const sentence of section.text.split(/(?<=[.!?])\s+/))
          if (sentence.length >= 40) sentences.add(sentence.trim());
    }
    expect(sentences.size).toBeGreaterThan(300);
    for (const name of bundledNames) {
      const text = readFileSync(`${SERIES_DIR}/${name}.json`, 'utf8');
      const leaked = [...sentences].filter((s) => text.includes(JSON.stringify(s).slice(1, -1)));
      expect(leaked, name).toEqual([]);
    }
  });
});

describe('the bundled shape', () => {
  it('every note bundled is one of juno own notes, not a text of upstream', async () => {
    const notes = new Set<string>();
    for (const name of bundledNames) {
      const { timeline } = await loadSeries(name, {});
      for (const e of timeline.events) if (e.notes) notes.add(e.notes);
      expect(timeline.description).toBeNull();
      expect(timeline.events.every((e) => e.description === null && e.title === null)).toBe(true);
    }
    expect(notes.size).toBeGreaterThan(2);
    for (const note of notes)
      expect(note).toMatch(
        /^(No day given: taken as the Thursday of its week, the day the schedule's deadlines generally fall on\.|On the day of the [a-z]-3 milestone, which marks feature freeze\.)$/,
      );
  });

  it('reads back what it writes, weeks included', async () => {
    const { timeline } = await loadSeries('caracal', {});
    const again = readBundled(JSON.parse(serializeBundled(timeline)));
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(comparable(again.timeline)).toEqual(comparable(timeline));
    expect(timeline.weeks?.length).toBeGreaterThan(20);
  });

  it('refuses another version, a week naming no event, and names the place', () => {
    const good = JSON.parse(readFileSync(`${SERIES_DIR}/indri.json`, 'utf8'));
    const newer = readBundled({ ...good, version: 2 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.problems[0]?.path).toBe('version');
    const week = { ...good.weeks[3], events: ['no-such-event'] };
    const broken = readBundled({ ...good, weeks: [week] });
    expect(broken.ok ? [] : broken.problems).toEqual([
      { path: 'weeks[0].events', message: 'no event "no-such-event" in the timeline' },
    ]);
  });
});

describe('series without a week-by-week schedule answer from the series list', () => {
  it('kilo: released 2015-04-30, end of life 2016-05-02', async () => {
    const { timeline } = await loadSeries('kilo', {});
    expect(releaseEvent(timeline.events)?.start).toBe('2015-04-30');
    expect(timeline.events.map((e) => [e.id, e.kind, e.start])).toEqual([
      ['j-release', 'release', '2014-10-16'],
      ['k-release', 'release', '2015-04-30'],
      ['kilo-eol', 'eol', '2016-05-02'],
    ]);
    expect(timeline.releaseId).toBe('2015.1');
  });

  it('austin, the first, has no previous release; a name the list lacks is none', async () => {
    const list = await loadSeriesList({});
    expect(listedTimeline(list, 'austin')?.events.map((e) => e.id)).toEqual(['a-release']);
    expect(listedTimeline(list, 'nosuch')).toBeNull();
    await expect(loadSeries('nosuch', {})).rejects.toThrow('no series "nosuch"');
  });

  it('juno is its hand-curated timeline', async () => {
    expect((await loadSeries('juno', {})).file).toBe(`${ROOT}data/juno.json`);
  });
});

describe('the data juno update wrote', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A cache folder whose data moves indri-2 to a day of its own, and adds a series to the list. */
  function updateData(): { env: NodeJS.ProcessEnv; data: string } {
    const home = mkdtempSync(join(tmpdir(), 'juno-overlay-'));
    made.push(home);
    const cache = join(home, 'juno');
    const data = join(cache, 'data');
    mkdirSync(join(data, 'series'), { recursive: true, mode: 0o700 });
    chmodSync(cache, 0o700);
    chmodSync(data, 0o700);
    const indri = JSON.parse(readFileSync(`${SERIES_DIR}/indri.json`, 'utf8'));
    const i2 = indri.timeline.events.find((e: { id: string }) => e.id === 'i-2');
    i2.start = i2.end = '2027-01-15';
    writeFileSync(join(data, 'series/indri.json'), JSON.stringify(indri));
    const list = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8'));
    list.series.unshift({
      ...list.series[0],
      name: 'jacaranda',
      releaseId: '2027.2',
      initialRelease: '2027-09-29',
    });
    writeFileSync(join(data, 'series.json'), JSON.stringify(list));
    return { env: { XDG_CACHE_HOME: home }, data };
  }
  const i2 = async (env: NodeJS.ProcessEnv) =>
    (await loadSeries('indri', env)).timeline.events.find((e) => e.id === 'i-2')?.start;

  it('wins over the bundled data when present and valid', async () => {
    const { env, data } = updateData();
    expect(await i2(env)).toBe('2027-01-15');
    expect((await loadSeries('indri', env)).file).toBe(join(data, 'series/indri.json'));
    expect((await loadSeriesList(env)).map((s) => s.name)).toContain('jacaranda');
    expect(releaseEvent((await loadSeries('jacaranda', env)).timeline.events)?.start).toBe('2027-09-29');
    // A series the update has no schedule for is still the bundled one.
    expect((await loadSeries('caracal', env)).file).toBe(`${SERIES_DIR}/caracal.json`);
  });

  it('is ignored when others may write to its folder', async () => {
    const { env, data } = updateData();
    chmodSync(data, 0o770);
    expect(await i2(env)).toBe('2027-01-14');
    expect((await loadSeriesList(env)).map((s) => s.name)).not.toContain('jacaranda');
  });

  it('is ignored when it is not valid, file by file', async () => {
    const { env, data } = updateData();
    writeFileSync(join(data, 'series/indri.json'), '{"format":"juno-series","version":1,"timeline":{}}');
    writeFileSync(join(data, 'series.json'), '{"series": 3}');
    expect(await i2(env)).toBe('2027-01-14');
    expect((await loadSeriesList(env)).map((s) => s.name)).not.toContain('jacaranda');
  });
});

describe('importReleases, on a made-up repository', () => {
  const status = [
    '- name: beta',
    '  status: development',
    '  initial-release: 2031-04-02',
    '- name: alpha',
    '  status: maintained',
    '  release-id: 2030.2',
    '  initial-release: 2030-10-02',
  ].join('\n');
  const repo =
    (files: Record<string, string>): ReadRepositoryFile =>
    async (path) =>
      files[path] ?? null;

  it('a series without schedule.yaml is not a problem: it answers from the list', async () => {
    const result = await importReleases(repo({ 'data/series_status.yaml': status }));
    expect(result).toMatchObject({ ok: true, schedules: [], unscheduled: ['beta', 'alpha'] });
    if (result.ok)
      expect(result.series[1]).toMatchObject({
        name: 'alpha',
        releaseId: '2030.2',
        initialRelease: '2030-10-02',
      });
  });

  it('names the file of every problem', async () => {
    const broken = await importReleases(
      repo({ 'data/series_status.yaml': status, 'doc/source/beta/schedule.yaml': 'cycle: [: nope' }),
    );
    expect(broken.ok ? [] : broken.problems.map((p) => p.file)).toEqual(['doc/source/beta/schedule.yaml']);
    const badList = await importReleases(repo({ 'data/series_status.yaml': '- name: Beta\n' }));
    expect(badList.ok ? [] : badList.problems).toEqual([
      { file: 'data/series_status.yaml', path: '[0].name', message: 'expected a lowercase name' },
    ]);
    expect(await importReleases(repo({}))).toMatchObject({
      ok: false,
      problems: [{ file: 'data/series_status.yaml' }],
    });
  });
});
