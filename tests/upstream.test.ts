import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEvent, phaseAt } from '../src/timeline/query.js';
import type { SeriesRecord } from '../src/timeline/series.js';
import { readUpstreamSchedule, type UpstreamInput } from '../src/timeline/sources/upstream/cycle.js';
import { isUpstreamSchedule } from '../src/timeline/sources/upstream/index.js';
import { fallbackName, kindOfLabel } from '../src/timeline/sources/upstream/labels.js';
import { MAX_SECTION, parseRst } from '../src/timeline/sources/upstream/rst.js';
import type { Timeline } from '../src/timeline/types.js';
import { weekName } from '../src/timeline/weeks.js';
import { runMain, tempDir } from './helpers.js';

const SERIES: SeriesRecord[] = [
  {
    name: 'yew',
    releaseId: '2030.1',
    status: 'future',
    initialRelease: '2030-04-03',
    eolDate: null,
    nextPhase: null,
  },
  {
    name: 'xylem',
    releaseId: '2029.2',
    status: 'development',
    initialRelease: '2029-10-03',
    eolDate: null,
    nextPhase: null,
  },
];

/** A Monday–Friday row of schedule.yaml. */
function week(name: string | null, start: string, lists: Record<string, string[]> = {}) {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1, d + 4)).toISOString().slice(0, 10);
  return { ...(name ? { name } : {}), start, end, ...lists };
}

const CYCLE = {
  'start-week': '2029-10-08',
  'release-week': '2030-04-01',
  cycle: [
    week(null, '2029-10-01', { 'x-project': ['x-final'] }),
    week('R-25', '2029-10-08'),
    week('R-20', '2029-11-12', { 'x-project': ['y-1'], 'project-specific': ['y-nova-review-day'] }),
    week('R-12', '2030-01-07', { 'x-project': ['y-2'], 'project-specific': ['y-nova-review-day'] }),
    week('R-6', '2030-02-18', { 'x-project': ['z-election-nominations'] }),
    week('R-5', '2030-02-25', {
      'x-project': ['y-3', 'y-ff', 'z-election-nominations'],
      'project-specific': ['y-cinder-driver-deadline'],
    }),
    week('R-3', '2030-03-11', { 'x-project': ['y-rc1'] }),
    week('R-2', '2030-03-18', { 'project-specific': ['y-nova-review-day'] }),
    week('R+0', '2030-04-01', { 'x-project': ['y-final'] }),
  ],
};

const RST = `=====================
 Yew Release Schedule
=====================

.. _y-1:

Yew-1 milestone
---------------

November 14, 2029 is the Yew-1 milestone.

.. _y-2:

Yew-2 milestone
---------------

The milestone falls in the week of R-12.

.. _y-nova-review-day:

Nova review days
----------------

Reviews on 15 Nov 2029, then Jan 10 and March 21st, 2030.

.. _y-3:

.. _y-ff:

Yew-3 milestone and feature freeze
==================================

By Thursday, February 28, 2030.

.. _y-final:

Yew release
-----------

The release, on a day from the series list.
`;

function read(overrides: Partial<UpstreamInput> = {}) {
  return readUpstreamSchedule({
    doc: CYCLE,
    series: 'yew',
    rst: { text: RST, file: 'yew/schedule.rst' },
    seriesList: SERIES,
    ...overrides,
  });
}

function timeline(overrides: Partial<UpstreamInput> = {}): Timeline {
  const result = read(overrides);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.timeline;
}

const byId = (t: Timeline) => Object.fromEntries(t.events.map((e) => [e.id, e]));

describe('isUpstreamSchedule', () => {
  it('recognises schedule.yaml by its shape', () => {
    expect(isUpstreamSchedule(CYCLE)).toBe(true);
    expect(isUpstreamSchedule({ cycle: [], 'start-week': '2030-01-07' })).toBe(true);
    expect(isUpstreamSchedule({ cycle: [] })).toBe(false);
    expect(isUpstreamSchedule({ series: 'x', events: [], cycle: [], 'release-week': '2030-01-07' })).toBe(
      false,
    );
    expect(isUpstreamSchedule([])).toBe(false);
  });
});

describe('parseRst', () => {
  it('reads the top title, titled sections and stacked anchors', () => {
    const doc = parseRst(RST);
    expect(doc.title).toBe('Yew Release Schedule');
    expect(doc.sections.get('y-1')).toMatchObject({ title: 'Yew-1 milestone', line: 5 });
    expect(doc.sections.get('y-3')?.title).toBe('Yew-3 milestone and feature freeze');
    expect(doc.sections.get('y-ff')?.text).toBe('By Thursday, February 28, 2030.');
  });

  it('keeps an anchor without a title', () => {
    const doc = parseRst('.. _a-x:\n\nJust prose, 1 May 2030.\n\n.. _a-y:\n\nTitle\n-----\n\nText.\n');
    expect(doc.title).toBeNull();
    expect(doc.sections.get('a-x')).toEqual({ title: null, text: 'Just prose, 1 May 2030.', line: 1 });
    expect(doc.sections.get('a-y')?.title).toBe('Title');
  });

  it('reduces inline markup', () => {
    const doc = parseRst(
      '.. _a:\n\nT\n-\n\nSee :ref:`the freeze <a-ff>` and `RC1 <https://x>`_ and ``code``.\n',
    );
    expect(doc.sections.get('a')?.text).toBe('See the freeze and RC1 and code.');
  });
});

// Each of these took seconds to minutes with backtracking patterns; the guard fails a hang, not a slow run.
describe('parseRst on hostile text', () => {
  const GUARD = { timeout: 30_000 };
  const spaces = ' '.repeat(80_000);

  it.each([
    ['a role', `:ref:\`${spaces}`],
    ['a role and a target', `:ref:\`x <${spaces}`],
    ['a backtick', `\`${spaces}`],
    ['a link', `\`x${spaces}<y${spaces}\`_`],
    ['many roles', ':ref:`<'.repeat(20_000)],
  ])('reads a section holding %s followed by 80,000 spaces or more', GUARD, (_name, prose) => {
    const doc = parseRst(`.. _a:\n\nT\n-\n\n${prose}\n\nOn 1 May 2030.\n`);
    const text = doc.sections.get('a')?.text ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION);
  });

  it('keeps the first characters of a long section', () => {
    const doc = parseRst(`.. _a:\n\nT\n-\n\nOn 1 May 2030.\n\n${'word '.repeat(50_000)}\n`);
    const text = doc.sections.get('a')?.text ?? '';
    expect(text.startsWith('On 1 May 2030.\n\nword word')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION);
  });

  it('reads a section shared by 20,000 stacked anchors once', GUARD, () => {
    const anchors = Array.from({ length: 20_000 }, (_, i) => `.. _a-${i}:\n`).join('');
    const doc = parseRst(`${anchors}\nT\n-\n\n${'Prose line, 1 May 2030.\n'.repeat(5_000)}`);
    expect(doc.sections.size).toBe(20_000);
    expect(doc.sections.get('a-0')?.text).toBe(doc.sections.get('a-19999')?.text);
    expect(doc.sections.get('a-19999')).toMatchObject({ title: 'T', line: 20_000 });
  });

  it('still strips the spaces before a target', () => {
    const doc = parseRst(
      '.. _a:\n\nT\n-\n\n:ref:`the  freeze   <a-ff>` and `RC1  <https://x>`_ and :doc:`x  `.\n',
    );
    expect(doc.sections.get('a')?.text).toBe('the freeze and RC1 and x.');
  });
});

describe('labels', () => {
  it.each([
    ['c-1', 'milestone'],
    ['c-3', 'milestone'],
    ['c-ff', 'freeze'],
    ['c-soft-sf', 'freeze'],
    ['c-hard-sf', 'freeze'],
    ['c-sf', 'freeze'],
    ['c-rf', 'freeze'],
    ['c-mf', 'freeze'],
    ['c-rc1', 'rc'],
    ['c-finalrc', 'rc'],
    ['c-final', 'release'],
    ['c-vptg', 'summit'],
    ['c-ptg', 'summit'],
    ['c-cinder-mid-cycle-ptg-1', 'summit'],
    ['c-nova-spec-freeze', 'deadline'],
    ['c-cinder-driver-deadline', 'deadline'],
    ['c-final-lib', 'deadline'],
    ['c-nova-review-day', 'other'],
    ['d-election-nominations', 'other'],
  ] as const)('%s is a %s', (label, kind) => {
    expect(kindOfLabel(label)).toBe(kind);
  });

  it('makes readable names when the RST has none', () => {
    expect(fallbackName('c-1', 'caracal')).toBe('Caracal-1 milestone');
    expect(fallbackName('c-final', 'caracal')).toBe('Caracal release');
    expect(fallbackName('b-final', 'caracal', 'bobcat')).toBe('Bobcat release');
    expect(fallbackName('c-ff', 'caracal')).toBe('Feature freeze');
    expect(fallbackName('c-nova-spec-freeze', 'caracal')).toBe('Nova spec freeze');
    expect(fallbackName('d-election-nominations', 'caracal')).toBe('Election nominations');
  });
});

describe('readUpstreamSchedule', () => {
  it('reads the series, title, release id and release week', () => {
    const t = timeline();
    expect(t).toMatchObject({
      series: 'yew',
      title: 'Yew Release Schedule',
      releaseId: '2030.1',
      releaseWeek: '2030-04-01',
    });
  });

  it('dates an event by the one day its section names in its week (confirmed), else by its week', () => {
    const e = byId(timeline());
    expect(e['y-1']).toMatchObject({
      start: '2029-11-14',
      end: '2029-11-14',
      confidence: 'confirmed',
      week: 'R-20',
    });
    expect(e['y-2']).toMatchObject({ start: '2030-01-07', end: '2030-01-11', confidence: 'approximate' });
    expect(e['y-ff']).toMatchObject({ start: '2030-02-28', confidence: 'confirmed', kind: 'freeze' });
    expect(e['y-3']).toMatchObject({ start: '2030-02-28', kind: 'milestone' });
  });

  it('takes the release from the series list, this series and the previous one', () => {
    const e = byId(timeline());
    expect(e['y-final']).toMatchObject({ start: '2030-04-03', confidence: 'confirmed', kind: 'release' });
    expect(e['x-final']).toMatchObject({ start: '2029-10-03', name: 'Xylem release', week: 'Xylem R+0' });
    expect(e['x-final']?.aliases).toEqual([]);
  });

  it('numbers a label repeated in separate weeks, each dated from its own week', () => {
    const e = byId(timeline());
    expect(e['y-nova-review-day']).toMatchObject({ start: '2029-11-15', project: 'nova', week: 'R-20' });
    expect(e['y-nova-review-day-2']).toMatchObject({ start: '2030-01-10', week: 'R-12' });
    expect(e['y-nova-review-day-3']).toMatchObject({ start: '2030-03-21', week: 'R-2' });
    expect(e['y-nova-review-day-2']?.aliases).toEqual([]);
  });

  it('merges a label in consecutive weeks into one event', () => {
    const e = byId(timeline());
    expect(e['z-election-nominations']).toMatchObject({
      start: '2030-02-18',
      end: '2030-03-01',
      confidence: 'approximate',
      week: 'R-6',
      name: 'Election nominations',
      project: null,
    });
    expect(e['z-election-nominations-2']).toBeUndefined();
  });

  it('gives the aliases every cycle shares', () => {
    const t = timeline();
    expect(findEvent(t, 'release')?.id).toBe('y-final');
    expect(findEvent(t, 'ff')?.id).toBe('y-ff');
    expect(findEvent(t, 'feature-freeze')?.id).toBe('y-ff');
    expect(findEvent(t, 'rc1')?.id).toBe('y-rc1');
    expect(findEvent(t, 'milestone-1')?.id).toBe('y-1');
    expect(findEvent(t, 'milestone-3')?.id).toBe('y-3');
  });

  it('derives the phases', () => {
    const t = timeline();
    expect(t.phases.map((p) => `${p.id}:${p.from}:${p.until}`)).toEqual([
      'not-started:null:x-final',
      'development:x-final:y-ff',
      'feature-freeze:y-ff:y-rc1',
      'release-candidate:y-rc1:y-final',
      'released:y-final:null',
    ]);
    expect(phaseAt(t, '2029-10-02')?.phase.id).toBe('not-started');
    expect(phaseAt(t, '2029-12-01')?.phase.id).toBe('development');
    expect(phaseAt(t, '2030-02-28')?.phase.id).toBe('feature-freeze');
    expect(phaseAt(t, '2030-03-11')?.phase.id).toBe('release-candidate');
    expect(phaseAt(t, '2030-04-03')?.phase.id).toBe('released');
  });

  it('keeps upstream week names with their events', () => {
    const t = timeline();
    expect(t.weeks?.map((w) => w.name)).toEqual([
      'Xylem R+0',
      'R-25',
      'R-20',
      'R-12',
      'R-6',
      'R-5',
      'R-3',
      'R-2',
      'R+0',
    ]);
    const weeks = t.weeks ?? [];
    expect(weeks[4]).toMatchObject({ name: 'R-6', upstream: true, start: '2030-02-18', end: '2030-02-22' });
    expect(weeks[5]?.events).toEqual(['y-3', 'y-ff', 'z-election-nominations', 'y-cinder-driver-deadline']);
    expect(weeks[0]?.upstream).toBe(false);
    expect(weekName(t, '2029-10-06')).toBe('Xylem R+0');
    expect(weekName(t, '2030-03-24')).toBe('R-2');
    expect(weekName(t, '2030-03-25')).toBe('R-1');
  });

  it('warns about labels without a section, and takes a readable name', () => {
    const result = read();
    expect(result.warnings).toContainEqual({
      path: 'cycle[4].x-project[0]',
      message: '"z-election-nominations" has no section in yew/schedule.rst; named "Election nominations"',
    });
    expect(result.ok && byId(result.timeline)['y-cinder-driver-deadline']?.name).toBe(
      'Cinder driver deadline',
    );
  });

  it('reads a cycle without RST: names from labels, dates from weeks', () => {
    const e = byId(timeline({ rst: null }));
    expect(e['y-1']).toMatchObject({ name: 'Yew-1 milestone', start: '2029-11-12', end: '2029-11-16' });
    expect(e['y-final']).toMatchObject({ name: 'Yew release', start: '2030-04-03' });
    expect(timeline({ rst: null }).title).toBe('OpenStack Yew');
  });

  it('reads a series the list does not know: the release from its section', () => {
    const rst = '.. _q-final:\n\nQ release\n---------\n\nOn Wednesday 3 April 2030.\n';
    const doc = {
      'release-week': '2030-04-01',
      cycle: [week('R+0', '2030-04-01', { 'x-project': ['q-final'] })],
    };
    const t = timeline({ doc, series: 'quince', rst: { text: rst, file: 'schedule.rst' } });
    expect(t.releaseId).toBeNull();
    expect(byId(t)['q-final']).toMatchObject({ start: '2030-04-03', confidence: 'confirmed' });
  });

  it('warns about rows that are not a Monday–Friday week and names unnamed rows', () => {
    const doc = {
      'release-week': '2030-04-01',
      cycle: [
        { name: 'R-13', start: '2029-12-24', end: '2030-01-04', 'x-project': ['y-2'] },
        { start: '2030-03-25', end: '2030-03-29' },
        { name: 'R+0', start: '2030-04-01', end: '2030-04-03', 'x-project': ['y-final'] },
      ],
    };
    const lines: Record<string, number> = { 'cycle,0': 5, 'cycle,1': 10 };
    const result = read({ doc, lineOf: (path) => lines[path.join(',')] ?? null });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: 'cycle[0] (line 5)',
        message:
          'R-13 runs 2029-12-24 (Monday) to 2030-01-04 (Friday), not Monday to Friday of one week; its days are kept',
      },
      {
        path: 'cycle[2]',
        message:
          'R+0 runs 2030-04-01 (Monday) to 2030-04-03 (Wednesday), not Monday to Friday of one week; its days are kept',
      },
      { path: 'cycle[1] (line 10)', message: 'a week without a name; shown as R-1' },
    ]);
    if (result.ok)
      expect(byId(result.timeline)['y-2']).toMatchObject({ start: '2029-12-24', end: '2030-01-04' });
  });

  it('refuses days outside the supported years', () => {
    const doc = {
      'release-week': '9999-12-27',
      cycle: [
        { name: 'R-1', start: '0000-01-03', end: '0000-01-07', 'x-project': ['y-1'] },
        { name: 'R+0', start: '9996-12-27', end: '9997-01-01' },
      ],
    };
    const result = read({ doc });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'release-week: 9999-12-27 is outside the supported years 1000–9996',
      'cycle[0].start: 0000-01-03 is outside the supported years 1000–9996',
      'cycle[0].end: 0000-01-07 is outside the supported years 1000–9996',
      'cycle[1].end: 9997-01-01 is outside the supported years 1000–9996',
    ]);
  });

  it('reads a week listing 20,000 labels, and names where each first appears', { timeout: 30_000 }, () => {
    const labels = Array.from({ length: 20_000 }, (_, i) => `y-label-${i}`);
    const doc = {
      'release-week': '2030-04-01',
      cycle: [
        week('R+0', '2030-04-01', {
          'x-project': ['y-final', 'y-final'],
          'project-specific': [...labels, 'y-label-0'],
        }),
      ],
    };
    const result = read({ doc, rst: { text: RST, file: 'schedule.rst' } });
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual({
      path: 'cycle[0].x-project[1]',
      message: '"y-final" is listed twice in this week',
    });
    expect(result.warnings).toContainEqual({
      path: 'cycle[0].project-specific[20000]',
      message: '"y-label-0" is listed twice in this week',
    });
    expect(result.warnings).toContainEqual({
      path: 'cycle[0].project-specific[7]',
      message: '"y-label-7" has no section in schedule.rst; named "Label 7"',
    });
  });

  it('reads labels named like members of every object as any other label', () => {
    const doc = {
      'release-week': '2030-04-01',
      cycle: [week('R+0', '2030-04-01', { 'x-project': ['y-constructor', 'x-constructor', 'y-final'] })],
    };
    const e = byId(timeline({ doc, rst: null }));
    expect(e['y-constructor']).toMatchObject({ name: 'Constructor', kind: 'other', aliases: [] });
    expect(e['x-constructor']).toMatchObject({ name: 'Constructor', aliases: [] });
  });

  it('reports broken rows as problems', () => {
    const doc = {
      'release-week': 'soon',
      cycle: [
        { name: 'R-1', start: '2030-02-30', end: '2030-03-01' },
        { name: 'R-2', start: '2030-03-08', end: '2030-03-04' },
        'week',
        { name: 'R-3', start: '2030-03-11', end: '2030-03-15', 'x-project': 'y-1' },
      ],
    };
    const result = read({ doc });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'release-week: expected a date YYYY-MM-DD, got "soon"',
      'cycle[0].start: expected a date YYYY-MM-DD, got "2030-02-30"',
      'cycle[1].end: 2030-03-04 is before the start 2030-03-08',
      'cycle[2]: expected a week with start, end and name',
      'cycle[3].x-project: expected a list of labels',
    ]);
  });
});

describe('a schedule.yaml whose value refers to itself', () => {
  it.each([
    [
      'cycle[0].start (line 3)',
      ['release-week: 2030-03-25', 'cycle:', '  - {name: R-0, start: &a [*a], end: 2030-03-29}'],
    ],
    [
      'release-week (line 1)',
      ['release-week: &a [*a]', 'cycle:', '  - {name: R-0, start: 2030-03-25, end: 2030-03-29}'],
    ],
  ])('is a problem of the file at %s (exit 3), not a failure of juno', async (where, lines) => {
    const file = join(tempDir(), 'schedule.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await runMain(['--timeline', file, 'schedule'])).toEqual({
      code: 3,
      stdout: '',
      stderr: `juno: ${file}: ${where}: expected a date YYYY-MM-DD, got a list\n`,
    });
  });
});

describe('the prose of a long section', () => {
  it('is cut to 1000 characters without halving a character or leaving a space before the ellipsis', () => {
    const prose = `On 3 April 2030. ${'x'.repeat(980)} \u{1F600}${'y'.repeat(50)}`;
    const rst = `.. _y-final:\n\nYew release\n-----------\n\n${prose}\n`;
    const doc = {
      'release-week': '2030-04-01',
      cycle: [week('R+0', '2030-04-01', { 'x-project': ['y-final'] })],
    };
    const notes = byId(timeline({ doc, rst: { text: rst, file: 'yew/schedule.rst' } }))['y-final']?.notes;
    expect(notes).toBe(`On 3 April 2030. ${'x'.repeat(980)}…`);
  });
});
