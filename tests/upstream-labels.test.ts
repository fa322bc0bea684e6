// What upstream's labels mean, and where their names come from: `-release` and `-final` are both a series'
// release, pinned to the series list when it has the series (and read from the cycle's own row and prose when it
// does not yet); kinds from slugs and section titles; a project only for a real one; a section missing from a
// cycle's page is looked up in the previous and next series' pages, asked for only when needed; titles carry the
// release id once. Each rule alone on made-up text, then every real cycle beside the checkout.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTimeline, loadSeriesList } from '../src/cli/load.js';
import { timelineName } from '../src/render/format.js';
import { addDays, type Day } from '../src/timeline/day.js';
import { findEvent, phaseAt } from '../src/timeline/query.js';
import type { SeriesRecord } from '../src/timeline/series.js';
import type { SourceFiles } from '../src/timeline/sources/source.js';
import {
  type NeighbourPage,
  neighbourPagesWanted,
  readUpstreamSchedule,
  type UpstreamInput,
} from '../src/timeline/sources/upstream/cycle.js';
import { upstreamSource } from '../src/timeline/sources/upstream/index.js';
import {
  aliasesOf,
  fallbackName,
  isReleaseLabel,
  kindOfLabel,
  projectOf,
} from '../src/timeline/sources/upstream/labels.js';
import { parseRst } from '../src/timeline/sources/upstream/rst.js';
import type { Timeline } from '../src/timeline/types.js';
import { parseIcs } from './calendar.js';
import type { ScheduleJson, ValidateJson } from './contract.js';
import { hasReleases, RELEASES } from './external.js';
import { runMain, tempDir } from './helpers.js';

describe('kindOfLabel', () => {
  it.each([
    // the release, by either word
    ['q-release', null, 'release'],
    ['q-final', 'Quince launch', 'release'],
    ['q-trailing-release', 'Quince trailing release deadline', 'deadline'],
    // an end of life, by slug or title
    ['q-eol', null, 'eol'],
    ['q-old-branch', 'Poplar EOL', 'eol'],
    // milestones, candidates and the five cross-project freezes, by slug alone
    ['q-2', 'Anything at all', 'milestone'],
    ['q-finalrc', null, 'rc'],
    ['q-mf', null, 'freeze'],
    // gatherings: a numbered slug, or a title naming one
    ['r-ptg0', null, 'summit'],
    ['q-meetup', 'Quince Project Team Gathering', 'summit'],
    ['q-forum', 'The Big Summit', 'summit'],
    ['q-cinder-mid-cycle', 'Cinder mid-cycle PTG', 'summit'],
    // deadlines of one project or group, by slug or title
    ['q-horizon-ff', 'Horizon Feature Freeze', 'deadline'],
    ['q-extra-acs', 'Extra-AC freeze', 'deadline'],
    ['q-extra-atcs', 'Extra-ATCs deadline', 'deadline'],
    ['q-cycle-trail', 'Poplar Cycle-Trailing Release Deadline', 'deadline'],
    ['q-glance-spec-prop', null, 'deadline'],
    ['q-manila-spec-frz1', null, 'deadline'],
    ['q-trove-guest-req', 'Trove Guest Requirements Freeze', 'deadline'],
    // the rest
    ['q-trove-guest-req', null, 'other'],
    ['q-manila-mid-cycle', 'Manila Mid Cycle', 'other'],
    ['r-election-nominations', 'Election nominations open', 'other'],
    ['q-nova-review-day', 'Nova review day', 'other'],
  ] as const)('%s titled %s is a %s', (label, title, kind) => {
    expect(kindOfLabel(label, title)).toBe(kind);
  });
});

describe('projectOf', () => {
  it.each([
    ['q-nova-spec-freeze', 'nova'],
    ['q-openstackclient-freeze', 'openstackclient'],
    ['q-key-spec-prop', 'keystone'],
    ['q-keystone-fpfreeze', 'keystone'],
    ['q-ptl-nomination', null],
    ['q-email-deadline', null],
    ['q-tc-polling', null],
    ['q-election-voting', null],
    ['q-ff', null],
  ] as const)('%s → %s', (label, project) => {
    expect(projectOf(label)).toBe(project);
  });
});

describe('release labels', () => {
  it('are `-final` and `-release`, not a project or trailing release', () => {
    expect([
      'q-final',
      'q-release',
      'q-final-lib',
      'q-trailing-release',
      'final',
      'q-cinder-os-release',
    ]).toEqual(['q-final', 'q-release', 'q-final-lib', 'q-trailing-release', 'final', 'q-cinder-os-release']);
    expect(
      ['q-final', 'q-release', 'q-final-lib', 'q-trailing-release', 'final', 'q-cinder-os-release'].map(
        isReleaseLabel,
      ),
    ).toEqual([true, true, false, false, false, false]);
  });

  it('give this series `release` and `final` whichever word upstream used, and the previous one none', () => {
    expect(aliasesOf('q-release', 'quince')).toEqual(['release', 'final']);
    expect(aliasesOf('q-final', 'quince')).toEqual(['release', 'final']);
    expect(aliasesOf('p-release', 'quince')).toEqual([]);
    expect(aliasesOf('p-final', 'quince')).toEqual([]);
  });

  it('are named after the series they release when no section names them', () => {
    expect(fallbackName('p-release', 'quince', 'poplar')).toBe('Poplar release');
    expect(fallbackName('q-release', 'quince')).toBe('Quince release');
    expect(fallbackName('p-release', 'quince')).toBe('Release');
  });
});

describe('parseRst', () => {
  it('normalises anchors as labels are: `_` is `-`, as in the page links', () => {
    const doc = parseRst('.. _Q_cycle-notes:\n\nCycle notes\n-----------\n\nSome text.\n');
    expect(doc.sections.get('q-cycle-notes')?.title).toBe('Cycle notes');
  });
});

describe('timelineName', () => {
  it.each([
    ['OpenStack Juno', '2014.2', 'OpenStack Juno (2014.2)'],
    ['2027.1 Indri Release Schedule', '2027.1', '2027.1 Indri Release Schedule'],
    ['Indri Release Schedule, 2027.1.', '2027.1', 'Indri Release Schedule, 2027.1.'],
    ['2027.11 Something', '2027.1', '2027.11 Something (2027.1)'],
    ['v2027.1 Something', '2027.1', 'v2027.1 Something (2027.1)'],
    ['Something 2027.1.4', '2027.1', 'Something 2027.1.4 (2027.1)'],
    ['Quince Release Schedule', null, 'Quince Release Schedule'],
  ] as const)('%s with id %s → %s', (title, releaseId, name) => {
    expect(timelineName({ title, series: 'x', releaseId })).toBe(name);
  });
});

// ---- a made-up pair of series, quince after poplar, and the cycle after them, rowan ----

const record = (name: string, initialRelease: Day, releaseId: string | null = null): SeriesRecord => ({
  name,
  releaseId,
  status: 'maintained',
  initialRelease,
  eolDate: null,
  nextPhase: null,
});

/** A series of the same letter as rowan, long before: its release is not rowan's. */
const SERIES: SeriesRecord[] = [
  record('redwood', '2006-10-11'),
  record('poplar', '2029-10-03'),
  record('quince', '2030-04-03', '2030.1'),
];

/** A Monday–Friday row. */
function row(name: string | null, start: Day, labels: string[] = [], list = 'x-project') {
  return {
    ...(name ? { name } : {}),
    start,
    end: addDays(start, 4),
    ...(labels.length ? { [list]: labels } : {}),
  };
}

/** Quince names both releases `-release`; its first row puts poplar's three weeks after it shipped. */
const QUINCE = {
  'start-week': '2029-10-28',
  'release-week': '2030-04-01',
  cycle: [
    row(null, '2029-10-21', ['p-release']),
    row('R-22', '2029-11-04', ['q-key-spec-prop', 'q-ptl-nomination'], 'project-specific'),
    row('R-5', '2030-02-25', ['q-3', 'q-ff', 'q_cycle-notes']),
    row('R-3', '2030-03-11', ['q-rc1']),
    row('R+0', '2030-04-01', ['q-release']),
  ],
};

const QUINCE_PAGE = `Quince schedule
===============

.. _q-key-spec-prop:

Keystone spec proposals due
---------------------------

Made-up text.

.. _q_cycle-notes:

Quince cycle notes
------------------

More made-up text.

.. _q-3:

.. _q-ff:

Third milestone and feature freeze
----------------------------------

.. _q-rc1:

First candidates
----------------

.. _q-release:

Quince ships
------------
`;

function quince(overrides: Partial<UpstreamInput> = {}): { timeline: Timeline; warnings: string[] } {
  const result = readUpstreamSchedule({
    doc: QUINCE,
    series: 'quince',
    rst: { text: QUINCE_PAGE, file: 'quince/schedule.rst' },
    seriesList: SERIES,
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { timeline: result.timeline, warnings: result.warnings.map((w) => `${w.path}: ${w.message}`) };
}

const byId = (t: Timeline) => new Map(t.events.map((e) => [e.id, e]));

describe('a cycle naming its releases `-release`', () => {
  it('counts down to its own release by `release` and `final`, pinned to the series list', () => {
    const { timeline } = quince();
    for (const alias of ['release', 'final'])
      expect(findEvent(timeline, alias), alias).toMatchObject({
        id: 'q-release',
        kind: 'release',
        start: '2030-04-03',
        end: '2030-04-03',
        confidence: 'confirmed',
      });
  });

  it('pins the previous release to the day the list records, even weeks before its row, and says so', () => {
    const { timeline, warnings } = quince();
    expect(byId(timeline).get('p-release')).toMatchObject({
      kind: 'release',
      start: '2029-10-03',
      confidence: 'confirmed',
      name: 'Poplar release',
      aliases: [],
    });
    expect(warnings).toContainEqual(
      'cycle[0]: p-release: the series list says poplar was released on 2029-10-03, outside this week; that day is used',
    );
  });

  it('is not started before the previous release and released after its own', () => {
    const { timeline } = quince();
    const phase = (day: Day) => phaseAt(timeline, day)?.phase.id;
    expect(phase('2029-10-02')).toBe('not-started');
    expect(phase('2029-10-03')).toBe('development');
    expect(phase('2030-04-02')).toBe('release-candidate');
    expect(phase('2030-04-03')).toBe('released');
    expect(phase('2030-05-03')).toBe('released');
  });

  it('warns of no missing section for a release the list records, and finds `q_cycle-notes` in the page', () => {
    const { timeline, warnings } = quince();
    expect(warnings.filter((w) => /has no section/.test(w))).toEqual([
      'cycle[1].project-specific[1]: "q-ptl-nomination" has no section in quince/schedule.rst; named "Ptl nomination"',
    ]);
    expect(byId(timeline).get('q-cycle-notes')?.name).toBe('Quince cycle notes');
  });

  it('gives a project only for a real one', () => {
    const events = byId(quince().timeline);
    expect(events.get('q-key-spec-prop')).toMatchObject({ project: 'keystone', kind: 'deadline' });
    expect(events.get('q-ptl-nomination')?.project).toBeNull();
  });
});

/** The cycle after quince, which the series list does not have yet. */
const ROWAN = {
  'start-week': '2030-04-15',
  'release-week': '2030-09-30',
  cycle: [
    row(null, '2030-04-01', ['q-final']),
    row('R-24', '2030-04-15', ['r-ptg0']),
    row('R-5', '2030-08-26', ['r-3', 'r-ff']),
    row('R-3', '2030-09-09', ['r-rc1']),
    row('R+0', '2030-09-30', ['r-final']),
  ],
};

const ROWAN_PAGE = `=================================
 2030.2 Rowan Release Schedule
=================================

.. _r-final:

Rowan release
-------------

Made up: Rowan ships on 2 October 2030.
`;

const QUINCE_NEIGHBOUR = `.. _q-final:

Quince coordinated release
--------------------------

.. _r-ptg0:

Rowan gathering
---------------

Made up.
`;

function rowan(neighbours: NeighbourPage[]): Timeline {
  const result = readUpstreamSchedule({
    doc: ROWAN,
    series: 'rowan',
    rst: { text: ROWAN_PAGE, file: 'rowan/schedule.rst' },
    seriesList: SERIES,
    neighbours,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.timeline;
}

describe('the next cycle, not yet in the series list', () => {
  it("takes its release from its own row and prose, never an older series' of its letter", () => {
    const timeline = rowan([]);
    for (const alias of ['release', 'final'])
      expect(findEvent(timeline, alias)).toMatchObject({
        id: 'r-final',
        start: '2030-10-02',
        confidence: 'confirmed',
      });
    expect(byId(timeline).get('q-final')).toMatchObject({ start: '2030-04-03', name: 'Quince release' });
    expect(phaseAt(timeline, '2030-04-02')?.phase.id).toBe('not-started');
    expect(phaseAt(timeline, '2030-11-02')?.phase.id).toBe('released');
  });

  it('takes its release id from its title', () => {
    expect(rowan([]).releaseId).toBe('2030.2');
  });

  it("asks for the previous series' page (by its letter) and names from it", () => {
    const input: UpstreamInput = {
      doc: ROWAN,
      series: 'rowan',
      rst: { text: ROWAN_PAGE, file: 'rowan/schedule.rst' },
      seriesList: SERIES,
    };
    expect(neighbourPagesWanted(input)).toEqual(['quince']);
    const page = { series: 'quince', file: 'quince/schedule.rst', text: QUINCE_NEIGHBOUR };
    expect(neighbourPagesWanted({ ...input, neighbours: [page] })).toEqual([]);
    const events = byId(rowan([page]));
    expect(events.get('q-final')?.name).toBe('Quince coordinated release');
    expect(events.get('r-ptg0')).toMatchObject({ name: 'Rowan gathering', kind: 'summit' });
  });
});

describe('neighbouring pages', () => {
  const input: UpstreamInput = {
    doc: QUINCE,
    series: 'quince',
    rst: { text: QUINCE_PAGE, file: 'quince/schedule.rst' },
    seriesList: [...SERIES, record('rowan', '2030-10-02')],
  };
  const poplar =
    '.. _p-release:\n\nPoplar shipped\n--------------\n\n.. _q-key-spec-prop:\n\nNot this one\n---\n';
  const rowanPage = '.. _q-ptl-nomination:\n\nPTL nominations\n---------------\n';

  it('are wanted nearest first while a label has no section, each once', () => {
    expect(neighbourPagesWanted(input)).toEqual(['poplar', 'rowan']);
    const first = { ...input, neighbours: [{ series: 'poplar', file: 'p', text: poplar }] };
    expect(neighbourPagesWanted(first)).toEqual(['rowan']);
    const both = {
      ...first,
      neighbours: [...(first.neighbours ?? []), { series: 'rowan', file: 'r', text: null }],
    };
    expect(neighbourPagesWanted(both)).toEqual([]);
  });

  it("name what this page lacks, this page's own sections first", () => {
    const neighbours = [
      { series: 'poplar', file: 'p', text: poplar },
      { series: 'rowan', file: 'r', text: rowanPage },
    ];
    const { timeline, warnings } = quince({ neighbours });
    const events = byId(timeline);
    expect(events.get('p-release')?.name).toBe('Poplar shipped');
    expect(events.get('q-key-spec-prop')?.name).toBe('Keystone spec proposals due');
    expect(events.get('q-ptl-nomination')?.name).toBe('PTL nominations');
    expect(warnings.filter((w) => /has no section/.test(w))).toEqual([]);
  });

  it('are not asked for when every label has its section', () => {
    const page = `${QUINCE_PAGE}\n.. _p-release:\n\nP\n-\n\n.. _q-ptl-nomination:\n\nQ\n-\n`;
    expect(neighbourPagesWanted({ ...input, rst: { text: page, file: 'q' } })).toEqual([]);
  });
});

/** Files as the upstream source sees them, with every neighbour asked for recorded. */
function filesFor(
  pages: Record<string, string>,
  series: SeriesRecord[],
): { files: SourceFiles; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    files: {
      folder: 'quince',
      sibling: async (name) => ({
        label: `quince/${name}`,
        text: name === 'schedule.rst' ? QUINCE_PAGE : null,
      }),
      neighbour: async (name, file) => {
        asked.push(name);
        return { label: `${name}/${file}`, text: pages[name] ?? null };
      },
      seriesList: async () => series,
    },
  };
}

describe('the upstream source', () => {
  it('reads the previous page, and the next only while a section is still missing', async () => {
    const list = [...SERIES, record('rowan', '2030-10-02')];
    const found = filesFor({ poplar: '.. _p-release:\n\n.. _q-ptl-nomination:\n\nPTL\n---\n' }, list);
    const read = await upstreamSource.read({ value: QUINCE, lineOf: null }, found.files);
    expect(read.ok).toBe(true);
    expect(found.asked).toEqual(['poplar']);
    const missing = filesFor({}, list);
    await upstreamSource.read({ value: QUINCE, lineOf: null }, missing.files);
    expect(missing.asked).toEqual(['poplar', 'rowan']);
  });
});

// ---- through the CLI: pages in folders beside each other ----

describe('juno on a folder of series', () => {
  /** hibiscus' page (only its release) and indri's schedule, whose own page lacks hibiscus' release. */
  function checkout(title: string): string {
    const root = tempDir();
    mkdirSync(join(root, 'hibiscus'));
    mkdirSync(join(root, 'indri'));
    writeFileSync(
      join(root, 'hibiscus/schedule.rst'),
      '.. _h-final:\n\nHibiscus, made up\n-----------------\n',
    );
    writeFileSync(
      join(root, 'indri/schedule.rst'),
      `${'='.repeat(title.length)}\n${title}\n${'='.repeat(title.length)}\n\n.. _i-final:\n\nIndri, made up\n--------------\n`,
    );
    writeFileSync(
      join(root, 'indri/schedule.yaml'),
      [
        'start-week: 2026-10-05',
        'release-week: 2027-03-22',
        'cycle:',
        "  - {start: '2026-09-28', end: '2026-10-02', x-project: [h-final]}",
        "  - {name: R+0, start: '2027-03-22', end: '2027-03-26', x-project: [i-final]}",
        '',
      ].join('\n'),
    );
    return join(root, 'indri/schedule.yaml');
  }

  it("names the previous release from the previous series' page, without a warning", async () => {
    const file = checkout('2027.1 Indri Release Schedule');
    const schedule = JSON.parse(
      (await runMain(['--timeline', file, '--date', '2027-01-04', 'schedule', '--format', 'json'])).stdout,
    ) as ScheduleJson;
    expect(schedule.events.map((e) => [e.id, e.name, e.start])).toEqual([
      ['h-final', 'Hibiscus, made up', '2026-09-30'],
      ['i-final', 'Indri, made up', '2027-03-24'],
    ]);
    const validate = JSON.parse(
      (await runMain(['validate', file, '--format', 'json'])).stdout,
    ) as ValidateJson;
    expect(validate.files[0]?.warnings.filter((w) => /section/.test(w.message))).toEqual([]);
  });

  it('carries the release id once in the table heading and the calendar', async () => {
    const file = checkout('2027.1 Indri Release Schedule');
    const table = await runMain(['--timeline', file, '--date', '2027-01-04', 'schedule']);
    expect(table.stdout.split('\n')[0]).toMatch(/^2027\.1 Indri Release Schedule · today/);
    const ics = parseIcs(
      (await runMain(['--timeline', file, '--date', '2027-01-04', 'export'])).stdout,
    ).props;
    expect([ics['x-wr-calname'], ics['x-wr-caldesc']]).toEqual([
      '2027.1 Indri Release Schedule',
      'The 2027.1 Indri Release Schedule.',
    ]);
    const plain = checkout('Indri Release Schedule');
    const heading = (await runMain(['--timeline', plain, '--date', '2027-01-04', 'schedule'])).stdout;
    expect(heading.split('\n')[0]).toMatch(/^Indri Release Schedule \(2027\.1\) · today/);
  });
});

// ---- every real cycle ----

const SOURCE = `${RELEASES}/doc/source`;
const REAL = hasReleases()
  ? readdirSync(SOURCE)
      .filter((series) => existsSync(`${SOURCE}/${series}/schedule.yaml`))
      .sort()
  : [];

/** Anchors of a real page, normalised as labels are, with the title line after each (null without one). */
function anchorsIn(series: string): Map<string, string | null> {
  const anchors = new Map<string, string | null>();
  const file = `${SOURCE}/${series}/schedule.rst`;
  if (!existsSync(file)) return anchors;
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    const anchor = /^\.\. _([^:]+):\s*$/.exec(line);
    if (!anchor) return;
    let j = i + 1;
    while (j < lines.length && ((lines[j] as string).trim() === '' || /^\.\. _/.test(lines[j] as string)))
      j++;
    const title = /^([-=~^"*+#])\1+\s*$/.test(lines[j + 1] ?? '') ? (lines[j] as string).trim() : null;
    anchors.set((anchor[1] as string).replace(/_/g, '-').toLowerCase(), title);
  });
  return anchors;
}

describe.runIf(REAL.length > 0)('every real cycle', async () => {
  const list = await loadSeriesList({});
  const ordered = [...list].sort((a, b) => (a.initialRelease < b.initialRelease ? -1 : 1));
  const cycles = REAL.map((series) => {
    const index = ordered.findIndex((s) => s.name === series);
    return {
      series,
      own: ordered[index] as SeriesRecord,
      previous: ordered[index - 1] as SeriesRecord,
      next: ordered[index + 1] ?? null,
    };
  });

  it('covers the 21 series from ocata to indri', () => {
    expect(REAL).toHaveLength(21);
  });

  it.each(cycles)('$series: release, phases, kinds, projects, names and quiet validation', async (cycle) => {
    const { result } = await checkTimeline(`${SOURCE}/${cycle.series}/schedule.yaml`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { timeline, warnings } = result;
    const recorded = cycle.own.initialRelease;
    for (const alias of ['release', 'final'])
      expect(findEvent(timeline, alias), alias).toMatchObject({
        start: recorded,
        end: recorded,
        kind: 'release',
      });
    const releases = timeline.events.filter((e) => /^[a-z]-(final|release)$/.test(e.id));
    expect(releases.map((e) => [e.start, e.kind, e.confidence])).toEqual([
      [cycle.previous.initialRelease, 'release', 'confirmed'],
      [recorded, 'release', 'confirmed'],
    ]);
    const phase = (day: Day) => phaseAt(timeline, day)?.phase.id;
    expect([
      phase(addDays(cycle.previous.initialRelease, -1)),
      phase(cycle.previous.initialRelease),
      phase(addDays(recorded, -1)),
      phase(recorded),
      phase(addDays(recorded, 30)),
    ]).toEqual(['not-started', 'development', 'release-candidate', 'released', 'released']);

    // No event is `other` whose slug or title says it is a deadline, freeze, gathering or end of life.
    const telling = /deadline|freeze|EOL|PTG|Project Team Gathering|Summit/i;
    const untold = timeline.events.filter(
      (e) => e.kind === 'other' && (telling.test(e.name) || /deadline|freeze|frz|trail|prop$/.test(e.id)),
    );
    expect(untold.map((e) => `${e.id}: ${e.name}`)).toEqual([]);
    const projects = new Set(timeline.events.map((e) => e.project).filter((p) => p !== null));
    for (const word of ['ptl', 'email', 'key', 'tc', 'election'])
      expect(projects.has(word), word).toBe(false);

    // Every label with a titled section in its page or a neighbour's is named by that title.
    const pages = [cycle.series, cycle.previous.name, cycle.next?.name ?? ''].map(anchorsIn);
    const misnamed = timeline.events.flatMap((e) => {
      const label = e.id.replace(/-\d+$/, '');
      const found = pages.map((page) => page.get(label)).find((title) => title !== undefined);
      return typeof found === 'string' && found !== e.name ? [`${e.id}: ${e.name}, want ${found}`] : [];
    });
    expect(misnamed).toEqual([]);
    expect(warnings.filter((w) => /has no section/.test(w.message))).toEqual([]);
    expect(timelineName(timeline).split(cycle.own.releaseId ?? '\u0000')).toHaveLength(
      cycle.own.releaseId === null ? 1 : 2,
    );
  });

  it.each(cycles)('$series: asks for the previous page only', async (cycle) => {
    const asked: string[] = [];
    const dir = `${SOURCE}/${cycle.series}`;
    const files: SourceFiles = {
      folder: cycle.series,
      sibling: async (name) => ({ label: name, text: readFileSync(`${dir}/${name}`, 'utf8') }),
      neighbour: async (series, name) => {
        asked.push(series);
        const file = `${SOURCE}/${series}/${name}`;
        return { label: file, text: existsSync(file) ? readFileSync(file, 'utf8') : null };
      },
      seriesList: async () => list,
    };
    const { parse } = await import('yaml');
    await upstreamSource.read(
      { value: parse(readFileSync(`${dir}/schedule.yaml`, 'utf8')), lineOf: null },
      files,
    );
    expect(asked).toEqual([cycle.previous.name]);
  });

  it.each(cycles)(
    '$series: read as the next cycle (the list without it), the release is the day its prose gives',
    async (cycle) => {
      const { parse } = await import('yaml');
      const dir = `${SOURCE}/${cycle.series}`;
      const earlier = list.filter((s) => s.initialRelease < cycle.own.initialRelease);
      const page = (series: string) => {
        const file = `${SOURCE}/${series}/schedule.rst`;
        return { series, file, text: existsSync(file) ? readFileSync(file, 'utf8') : null };
      };
      const result = readUpstreamSchedule({
        doc: parse(readFileSync(`${dir}/schedule.yaml`, 'utf8')),
        series: cycle.series,
        rst: { text: readFileSync(`${dir}/schedule.rst`, 'utf8'), file: 'schedule.rst' },
        seriesList: earlier,
        neighbours: [page(cycle.previous.name)],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const timeline = result.timeline;
      expect(findEvent(timeline, 'release')).toMatchObject({
        start: cycle.own.initialRelease,
        end: cycle.own.initialRelease,
        confidence: 'confirmed',
      });
      expect(timeline.releaseId).toBe(cycle.own.releaseId);
      expect(phaseAt(timeline, addDays(cycle.previous.initialRelease, -1))?.phase.id).toBe('not-started');
      expect(phaseAt(timeline, addDays(cycle.own.initialRelease, 30))?.phase.id).toBe('released');
    },
  );
});
