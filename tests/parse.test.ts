import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTimeline } from '../src/timeline/parse.js';
import { ROOT } from './helpers.js';

const event = (overrides: Record<string, unknown> = {}) => ({
  id: 'ff',
  name: 'Feature freeze',
  kind: 'freeze',
  start: '2014-09-04',
  ...overrides,
});

function problems(raw: unknown): string[] {
  const result = parseTimeline(raw);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseTimeline', () => {
  it('reads the bundled Juno timeline', () => {
    const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.timeline.series).toBe('juno');
    expect(result.timeline.events).toHaveLength(17);
    expect(result.timeline.releaseWeek).toBe('2014-10-13');
    expect(result.timeline.phases.map((p) => p.id)).toEqual([
      'not-started',
      'development',
      'feature-freeze',
      'release-candidate',
      'released',
      'end-of-life',
    ]);
    const fpf = result.timeline.events.find((e) => e.id === 'feature-proposal-freeze');
    expect(fpf?.notes).toContain('Sept 21');
    expect(fpf?.confidence).toBe('unverified');
    for (const e of result.timeline.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(e.confidence, e.id).not.toBeNull();
    }
  });

  it('fills end with start and keeps the file order for ties', () => {
    const result = parseTimeline({
      series: 'x',
      events: [
        event({ id: 'b', start: '2014-09-05' }),
        event({ id: 'a' }),
        event({ id: 'c' }),
        event({ id: 'd', end: '2014-09-06' }),
      ],
    });
    expect(result.ok && result.timeline.events.map((e) => `${e.id}:${e.end}`)).toEqual([
      'a:2014-09-04',
      'c:2014-09-04',
      'd:2014-09-06',
      'b:2014-09-05',
    ]);
  });

  it.each([
    [null, '(top level): expected an object with "series" and "events", got null'],
    [[], '(top level): expected an object with "series" and "events", got a list'],
    [{ events: [] }, 'series: is required'],
    [
      { series: 'Juno!', events: [] },
      'series: "Juno!" is not a slug (lowercase letters, digits and hyphens)',
    ],
    [{ series: 'x' }, 'events: is required (a list of events)'],
    [{ series: 'x', events: {} }, 'events: expected a list of events, got an object'],
    [{ series: 'x', events: [42] }, 'events[0]: expected an event object, got the number 42'],
    [
      { series: 'x', events: [event({ start: '2014-02-30' })] },
      'events[0].start: 2014-02-30 is not a calendar date',
    ],
    [
      { series: 'x', events: [event({ start: 20140904 })] },
      'events[0].start: expected a date YYYY-MM-DD, got the number 20140904',
    ],
    [
      { series: 'x', events: [event({ start: '4 Sep 2014' })] },
      'events[0].start: "4 Sep 2014" is not a date in the form YYYY-MM-DD',
    ],
    [{ series: 'x', events: [event({ start: undefined })] }, 'events[0].start: is required'],
    [
      { series: 'x', events: [event({ end: '2014-09-03' })] },
      'events[0].end: 2014-09-03 is before the start 2014-09-04',
    ],
    [
      { series: 'x', events: [event({ kind: 'party' })] },
      'events[0].kind: unknown kind "party" (expected one of milestone, freeze, deadline, rc, release, summit, eol, other)',
    ],
    [{ series: 'x', events: [event({ name: undefined })] }, 'events[0].name: is required'],
    [{ series: 'x', events: [event({ name: '  ' })] }, 'events[0].name: must not be empty'],
    [{ series: 'x', events: [event({ name: 7 })] }, 'events[0].name: expected text, got the number 7'],
    [
      { series: 'x', events: [event({ id: 'Has Space' })] },
      'events[0].id: "Has Space" is not a slug (lowercase letters, digits and hyphens)',
    ],
    [{ series: 'x', events: [event(), event()] }, 'events[1].id: duplicate id "ff"'],
    [
      { series: 'x', events: [event(), event({ id: 'other', aliases: ['FF'] })] },
      'events[1].aliases[0]: "ff" is already used by the event "ff"',
    ],
    [
      { series: 'x', events: [event({ confidence: 'sure' })] },
      'events[0].confidence: unknown confidence "sure" (expected one of confirmed, approximate, unverified)',
    ],
    [
      { series: 'x', events: [event({ sources: ['not a url'] })] },
      'events[0].sources[0]: "not a url" is not an http(s) URL',
    ],
    [
      { series: 'x', events: [event({ sequence: -1 })] },
      'events[0].sequence: expected a whole number from 0 to 2147483647, got the number -1',
    ],
    [
      { series: 'x', events: [event({ sequence: 1e21 })] },
      'events[0].sequence: expected a whole number from 0 to 2147483647, got the number 1e+21',
    ],
    [
      { series: 'x', events: [event({ sequence: 2 ** 31 })] },
      'events[0].sequence: expected a whole number from 0 to 2147483647, got the number 2147483648',
    ],
    [
      { series: 'x', events: [event({ start: '9999-12-31' })] },
      'events[0].start: 9999-12-31 is outside the supported years 1000–9996',
    ],
    [
      { series: 'x', events: [event({ start: '0000-01-01' })] },
      'events[0].start: 0000-01-01 is outside the supported years 1000–9996',
    ],
    [
      { series: 'x', events: [event({ end: '9997-01-01' })] },
      'events[0].end: 9997-01-01 is outside the supported years 1000–9996',
    ],
    [
      { series: 'x', releaseWeek: '0999-12-27', events: [event()] },
      'releaseWeek: 0999-12-27 is outside the supported years 1000–9996',
    ],
    [
      { series: 'x', events: [], updated: '9999-12-31T23:00:00-05:00' },
      'updated: "9999-12-31T23:00:00-05:00" is outside the supported years 1000–9996',
    ],
    [
      { series: 'x', events: [], releaseId: Number.NaN },
      'releaseId: expected a release id such as "2014.2", got the number NaN',
    ],
    [
      { series: 'x', events: [], releaseId: Number.POSITIVE_INFINITY },
      'releaseId: expected a release id such as "2014.2", got the number Infinity',
    ],
    [
      { series: 'x', events: [], releaseId: 1e21 },
      'releaseId: expected a release id such as "2014.2", got the number 1e+21',
    ],
    [
      { series: 'x', events: [event({ name: 'x'.repeat(2_000_000) })] },
      'events[0].name: is 2000000 characters long; at most 1000 are allowed',
    ],
    [
      { series: 'x', events: [event()], phases: [{ id: 'dev', name: 'Dev', from: 'nope' }] },
      'phases[0].from: "nope" is not the id of an event in this timeline',
    ],
    [
      { series: 'x', events: [], updated: 'last week' },
      'updated: "last week" is not an ISO 8601 date or date-time',
    ],
  ])('rejects %j', (raw, expected) => {
    expect(problems(raw)).toContain(expected);
  });

  it('accepts the first and last supported days, and a whole-number sequence up to 2^31 - 1', () => {
    const result = parseTimeline({
      series: 'x',
      releaseId: 2014.2,
      events: [
        event({ start: '1000-01-01', sequence: 2_147_483_647 }),
        event({ id: 'b', start: '9996-12-31' }),
      ],
    });
    expect(result.ok && result.timeline.events.map((e) => `${e.start} ${e.sequence}`)).toEqual([
      '1000-01-01 2147483647',
      '9996-12-31 0',
    ]);
    expect(result.ok && result.timeline.releaseId).toBe('2014.2');
  });

  // A file that is not a timeline (a .env, a key, /etc/shadow read as YAML) may hold secrets: none of it is
  // quoted back, neither its text nor its keys.
  it.each([
    ['API_KEY=sk-live-1234 DB_PASSWORD=hunter2', 'text'],
    [42, 'a number'],
    [true, 'a boolean'],
    [{ 'root:$6$salt$hash:19000:0:99999:7::': null, password: 'hunter2' }, 'an object with neither'],
  ])('describes a file that is not a timeline without quoting it: %j', (raw, what) => {
    const result = parseTimeline(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: '(top level)', message: `expected an object with "series" and "events", got ${what}` },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reports a duplicate id even when the events holding it are invalid', () => {
    const found = problems({
      series: 'x',
      events: [event({ id: 'a', start: '2014-02-30' }), event({ id: 'a', kind: 'bogus' })],
    });
    expect(found).toContain('events[1].id: duplicate id "a"');
  });

  it.each(['2014-02-30T10:00Z', '2014-10-16T25:99Z', '2014-10-16T10:00+2'])(
    'rejects updated %j',
    (updated) => {
      expect(problems({ series: 'x', events: [], updated })).toContain(
        `updated: "${updated}" is not an ISO 8601 date or date-time`,
      );
    },
  );

  it('reports every problem at once', () => {
    const found = problems({
      series: 'x',
      events: [event({ start: '2014-02-30' }), event({ id: 'b', kind: 'x', end: 'soon' })],
    });
    expect(found).toHaveLength(3);
  });

  it('warns about unknown properties without failing', () => {
    const result = parseTimeline({ series: 'x', colour: 'blue', events: [event({ priority: 1 })] });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.path)).toEqual(['colour', 'events[0].priority']);
  });

  it('strips control characters from text', () => {
    const result = parseTimeline({
      series: 'x',
      events: [event({ name: 'Feature\u001b]0;pwned\u0007 freeze\u009b2J' })],
    });
    expect(result.ok && result.timeline.events[0]?.name).toBe('Feature]0;pwned freeze2J');
  });

  it('does not let __proto__ keys reach prototypes', () => {
    const raw = JSON.parse(
      '{"series":"x","__proto__":{"polluted":1},"events":[{"id":"a","name":"A","kind":"other","start":"2014-01-01","__proto__":{"polluted":2}}]}',
    );
    const result = parseTimeline(raw);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
