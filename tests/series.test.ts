import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  eolOf,
  filterSeries,
  isSlurp,
  latestReleased,
  type Neighbours,
  parseSeriesList,
  type SeriesRecord,
  seriesDays,
  seriesStatus,
  seriesViews,
} from '../src/timeline/series.js';
import { ROOT } from './helpers.js';

const bundled = parseSeriesList(JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8')));
if (!bundled.ok) throw new Error(JSON.stringify(bundled.problems));
const list = bundled.series;
const byName = (name: string) => list.find((s) => s.name === name) as SeriesRecord;

function makeSeries(overrides: Partial<SeriesRecord> = {}): SeriesRecord {
  return {
    name: 'test',
    releaseId: null,
    status: 'maintained',
    initialRelease: '2025-04-02',
    eolDate: null,
    nextPhase: null,
    ...overrides,
  };
}
const none: Neighbours = { previousRelease: null, nextRelease: null };

describe('data/series.json', () => {
  it('holds every series from austin to indri', () => {
    expect(list).toHaveLength(35);
    expect(list.map((s) => s.name).at(-1)).toBe('austin');
    expect(list[0]?.name).toBe('indri');
  });

  it('keeps release ids as strings, null from liberty to zed', () => {
    expect(byName('indri').releaseId).toBe('2027.1');
    expect(byName('juno').releaseId).toBe('2014.2');
    expect(byName('austin').releaseId).toBe('2010.1');
    expect(byName('kilo').releaseId).toBe('2015.1');
    for (const name of ['liberty', 'mitaka', 'train', 'zed']) expect(byName(name).releaseId).toBeNull();
    expect(byName('antelope').releaseId).toBe('2023.1');
  });

  it('records juno as upstream does', () => {
    expect(byName('juno')).toEqual({
      name: 'juno',
      releaseId: '2014.2',
      status: 'end of life',
      initialRelease: '2014-10-16',
      eolDate: '2015-12-07',
      nextPhase: null,
    });
  });
});

describe('parseSeriesList', () => {
  it('reports every problem with its path', () => {
    const result = parseSeriesList({
      series: [
        {
          name: 'a',
          releaseId: 1,
          status: 'alive',
          initialRelease: '2014-02-30',
          eolDate: null,
          nextPhase: null,
        },
        {
          name: 'b',
          releaseId: null,
          status: 'future',
          initialRelease: '2014-01-01',
          nextPhase: { status: 'x' },
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      'series[0].releaseId',
      'series[0].status',
      'series[0].initialRelease',
      'series[1].nextPhase.status',
    ]);
  });
});

describe('seriesStatus around each transition', () => {
  const neighbours = (name: string): Neighbours => {
    const ordered = [...list].sort((a, b) => (a.initialRelease < b.initialRelease ? -1 : 1));
    const i = ordered.findIndex((s) => s.name === name);
    return {
      previousRelease: ordered[i - 1]?.initialRelease ?? null,
      nextRelease: ordered[i + 1]?.initialRelease ?? null,
    };
  };
  const status = (name: string, day: string) => seriesStatus(byName(name), day, neighbours(name));

  it.each([
    // indri: future until its dated start of development
    ['indri', '2026-09-30', 'future'],
    ['indri', '2026-10-01', 'development'],
    ['indri', '2027-03-23', 'development'],
    ['indri', '2027-03-24', 'maintained'],
    // hibiscus: development from gazpacho's release, maintained from its own
    ['hibiscus', '2026-03-31', 'future'],
    ['hibiscus', '2026-04-01', 'development'],
    ['hibiscus', '2026-09-29', 'development'],
    ['hibiscus', '2026-09-30', 'maintained'],
    // gazpacho: maintained until the dated move to unmaintained
    ['gazpacho', '2026-03-31', 'development'],
    ['gazpacho', '2026-04-01', 'maintained'],
    ['gazpacho', '2027-10-26', 'maintained'],
    ['gazpacho', '2027-10-27', 'unmaintained'],
    // flamingo: a planned, dated end of life
    ['flamingo', '2027-04-27', 'maintained'],
    ['flamingo', '2027-04-28', 'end of life'],
    // epoxy
    ['epoxy', '2026-10-01', 'maintained'],
    ['epoxy', '2026-10-02', 'unmaintained'],
    // dalmatian: recorded end of life with its date
    ['dalmatian', '2026-04-28', 'maintained'],
    ['dalmatian', '2026-04-29', 'end of life'],
    // caracal: unmaintained, end of life planned but undated
    ['caracal', '2024-04-02', 'development'],
    ['caracal', '2024-04-03', 'unmaintained'],
    ['caracal', '2030-01-01', 'unmaintained'],
    // juno
    ['juno', '2014-04-16', 'future'],
    ['juno', '2014-04-17', 'development'],
    ['juno', '2014-10-15', 'development'],
    ['juno', '2014-10-16', 'maintained'],
    ['juno', '2015-12-06', 'maintained'],
    ['juno', '2015-12-07', 'end of life'],
    // cactus: end of life without a date: maintained until the next release (diablo)
    ['cactus', '2011-09-21', 'maintained'],
    ['cactus', '2011-09-22', 'end of life'],
    ['austin', '2010-10-20', 'development'],
  ] as const)('%s on %s: %s', (name, day, expected) => {
    expect(status(name, day)).toBe(expected);
  });

  it('prefers a dated next phase to the recorded status', () => {
    const series = makeSeries({
      status: 'maintained',
      nextPhase: { status: 'unmaintained', date: '2026-01-01' },
    });
    expect(seriesStatus(series, '2025-12-31', none)).toBe('maintained');
    expect(seriesStatus(series, '2026-01-01', none)).toBe('unmaintained');
  });

  it('ignores an undated next phase', () => {
    const series = makeSeries({ status: 'unmaintained', nextPhase: { status: 'end of life', date: null } });
    expect(seriesStatus(series, '2040-01-01', none)).toBe('unmaintained');
    expect(eolOf(series)).toBeNull();
  });
});

describe('seriesViews and filters', () => {
  const views = seriesViews(list, '2026-11-23');

  it('lists oldest first with release and end of life', () => {
    expect(views[0]?.name).toBe('austin');
    expect(views.at(-1)?.name).toBe('indri');
    expect(views.find((v) => v.name === 'flamingo')?.eol).toBe('2027-04-28');
  });

  it('selects the supported series on 2026-11-23', () => {
    expect(filterSeries(views, 'supported', '2026-11-23').map((v) => v.name)).toEqual([
      'flamingo',
      'gazpacho',
      'hibiscus',
      'indri',
    ]);
    expect(filterSeries(views, 'development', '2026-11-23').map((v) => v.name)).toEqual(['indri']);
    expect(filterSeries(views, 'unmaintained', '2026-11-23').map((v) => v.name)).toEqual([
      'yoga',
      'zed',
      'antelope',
      'caracal',
      'epoxy',
    ]);
    expect(filterSeries(views, 'eol', '2026-11-23').map((v) => v.name)).toContain('juno');
    expect(filterSeries(views, 'all', '2026-11-23')).toHaveLength(35);
  });

  it('counts signed days like distro-info', () => {
    const juno = views.find((v) => v.name === 'juno');
    const indri = views.find((v) => v.name === 'indri');
    if (!juno || !indri) throw new Error('missing');
    expect(seriesDays(indri, 'release', '2026-11-23')).toBe(121);
    expect(seriesDays(juno, 'eol', '2015-12-06')).toBe(1);
    expect(seriesDays(juno, 'release', '2014-10-17')).toBe(-1);
    expect(seriesDays(indri, 'eol', '2026-11-23')).toBeNull();
  });
});

describe('SLURP and the latest release', () => {
  it.each([
    ['2023.1', true],
    ['2026.1', true],
    ['2027.1', true],
    ['2023.2', false],
    ['2022.1', false],
    ['2014.1', false],
    ['2027.11', false],
    [null, false],
  ] as const)('%s is SLURP: %s', (id, expected) => {
    expect(isSlurp(id)).toBe(expected);
  });

  it('takes the newest series released on or before today', () => {
    const views = seriesViews(list, '2026-11-23');
    expect(latestReleased(views, '2026-09-30')?.name).toBe('hibiscus');
    expect(latestReleased(views, '2026-09-29')?.name).toBe('gazpacho');
    expect(latestReleased(views, '2010-10-20')).toBeNull();
    expect(filterSeries(views, 'latest', '2010-10-21').map((v) => v.name)).toEqual(['austin']);
  });
});

describe('the snapshot a series list came from', () => {
  const series = [
    {
      name: 'a',
      releaseId: null,
      status: 'future',
      initialRelease: '2030-01-01',
      eolDate: null,
      nextPhase: null,
    },
  ];

  it('is read with the list, and null when absent', () => {
    const snapshot = {
      commit: '02df7c9a3',
      date: '2026-08-21',
      source: 'https://opendev.org/openstack/releases',
    };
    expect(parseSeriesList({ series, snapshot })).toMatchObject({ ok: true, snapshot });
    expect(parseSeriesList({ series })).toMatchObject({ ok: true, snapshot: null });
    expect(bundled.ok && bundled.snapshot?.commit).toMatch(/^[0-9a-f]{7,40}$/);
  });

  it.each([
    [{ commit: '', date: '2026-08-21', source: 's' }],
    [{ commit: 'c', date: '2026-02-30', source: 's' }],
    [{ commit: 'c', date: '2026-08-21' }],
    ['02df7c9a3'],
  ])('is a problem when malformed: %j', (snapshot) => {
    expect(parseSeriesList({ series, snapshot })).toEqual({
      ok: false,
      problems: [{ path: 'snapshot', message: 'expected { commit, date: YYYY-MM-DD, source } or null' }],
    });
  });
});
