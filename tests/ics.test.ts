import { readFileSync } from 'node:fs';
import { foldLines, ICalCalendar, ICalEvent } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { exportStamps, parseAlarm, parseUpdated } from '../src/cli/commands/export.js';
import { loadTimeline } from '../src/cli/load.js';
import { BUNDLED_TIMELINE } from '../src/cli/read.js';
import { encodeUri, escapeText, eventUid, renderIcs, renderIcsPieces } from '../src/render/ics.js';
import type { ExportView } from '../src/render/views/export.js';
import { parseTimeline } from '../src/timeline/parse.js';
import type { Timeline } from '../src/timeline/types.js';
import { checkBytes, checkLines, parseIcs } from './calendar.js';
import { FIXTURES, makeTimeline, TIME_ZONES } from './helpers.js';

const STAMP = new Date(Date.UTC(2014, 9, 16, 12, 0, 0));

function input(timeline: Timeline, overrides: Partial<ExportView> = {}): ExportView {
  return {
    timeline,
    nothing: null,
    name: null,
    stamp: STAMP,
    revision: STAMP,
    method: null,
    alarmSeconds: null,
    version: '1.2.3',
    today: '2014-09-21',
    weeks: false,
    ...overrides,
  };
}

function loadFixture(path: string): Timeline {
  const result = parseTimeline(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error('invalid fixture');
  return result.timeline;
}

const juno = loadFixture(BUNDLED_TIMELINE);
const hostile = loadFixture(`${FIXTURES}timelines/hostile.json`);

/** Properties juno writes in a VEVENT; anything else would be injected. */
const EVENT_PROPERTIES = new Set([
  'uid',
  'sequence',
  'dtstamp',
  'last-modified',
  'dtstart',
  'dtend',
  'x-microsoft-cdo-alldayevent',
  'x-microsoft-msncalendar-alldayevent',
  'summary',
  'transp',
  'location',
  'description',
  'categories',
  'url',
]);

describe('the calendar', () => {
  const ics = renderIcs(input(juno));
  const parsed = parseIcs(ics);

  it('has the calendar properties, escaped', () => {
    expect(parsed.props).toMatchObject({
      version: '2.0',
      prodid: '-//juno//juno 1.2.3//EN',
      calscale: 'GREGORIAN',
      'x-wr-calname': 'OpenStack Juno',
      'refresh-interval': 'P1D',
      'x-published-ttl': 'P1D',
    });
    expect(parsed.props['x-wr-caldesc']).toBe(juno.description);
    expect(ics).toContain('X-WR-CALDESC:The OpenStack Juno cycle (2014.2): from the Icehouse release \r\n');
    expect(ics).toContain('signed release tag\r\n s\\, openstack/releases');
  });

  it('has no METHOD, which CalDAV servers refuse, unless asked for one', () => {
    expect(parsed.props.method).toBeUndefined();
    expect(ics).not.toMatch(/^METHOD/m);
    const mail = renderIcs(input(juno, { method: 'publish' }));
    expect(mail).toMatch(/^PRODID:[^\r]*\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n/m);
    expect(parseIcs(mail).props.method).toBe('PUBLISH');
  });

  it('follows the line rules: CRLF, 75 octets, final CRLF', () => {
    const lines = checkLines(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(juno.events.length);
  });

  it('round-trips every event through ical.js', () => {
    expect(parsed.events).toHaveLength(juno.events.length);
    juno.events.forEach((event, i) => {
      const got = parsed.events[i];
      expect(got).toMatchObject({
        uid: `${event.id}@juno.juno.openstack`,
        // Every summary names the series: as it is when it does ("Juno-3 milestone"), else after it.
        summary: /\bjuno\b/i.test(event.name) ? event.name : `Juno: ${event.name}`,
        start: event.start,
        startIsDate: true,
        endIsDate: true,
        sequence: event.sequence,
        stamp: '2014-10-16T12:00:00Z',
        lastModified: event.updated === null ? '2014-10-16T12:00:00Z' : expect.any(String),
        transp: 'TRANSPARENT',
        location: event.location,
        alarms: [],
      });
      expect(got?.categories[0]).toBe(event.kind);
      expect(got?.description).toContain(`Kind: ${event.kind}`);
      for (const source of event.sources) expect(got?.description).toContain(source);
      if (event.notes) expect(got?.description).toContain(event.notes);
    });
    expect(new Set(parsed.events.map((e) => e.uid)).size).toBe(juno.events.length);
    expect(parsed.events.filter((e) => /^Juno: /.test(e.summary)).length).toBeGreaterThan(5);
    expect(parsed.events.find((e) => e.uid.startsWith('juno-3@'))?.summary).toBe(
      'juno-3 milestone (2014.2.b3)',
    );
    expect(parsed.events.find((e) => e.uid.startsWith('feature-freeze@'))?.summary).toBe(
      'Juno: Feature freeze',
    );
  });

  it("gives each event the data's revision as LAST-MODIFIED, or its own `updated`", () => {
    const timeline = makeTimeline({
      events: [
        { id: 'a', name: 'A', kind: 'other', start: '2014-01-01' },
        { id: 'b', name: 'B', kind: 'other', start: '2014-01-02', updated: '2014-03-04T05:06:07+02:00' },
      ],
    });
    const revision = new Date(Date.UTC(2014, 5, 1));
    const ics = renderIcs(input(timeline, { revision }));
    expect(parseIcs(ics).events.map((e) => e.lastModified)).toEqual([
      '2014-06-01T00:00:00Z',
      '2014-03-04T03:06:07Z',
    ]);
    expect(ics).toContain('LAST-MODIFIED:20140304T030607Z\r\n');
  });

  it('gives all-day dates with an exclusive end', () => {
    const paris = parsed.events.find((e) => e.uid === 'kilo-summit@juno.juno.openstack');
    expect(paris).toMatchObject({
      start: '2014-11-03',
      end: '2014-11-08',
      location: 'Palais des Congrès, Paris',
    });
    expect(ics).toContain('DTSTART;VALUE=DATE:20141103\r\nDTEND;VALUE=DATE:20141108\r\n');
    const release = parsed.events.find((e) => e.uid === 'release@juno.juno.openstack');
    expect(release).toMatchObject({ start: '2014-10-16', end: '2014-10-17' });
    expect(release?.description).toMatch(/^Kind: release\nWeek: R\+0\nConfidence: confirmed\n\n/);
  });

  it('puts the project in the categories', () => {
    const nova = juno.events.find((e) => e.project === 'nova');
    const got = parsed.events.find((e) => e.uid === eventUid('juno', nova?.id ?? ''));
    expect(got?.categories).toEqual([nova?.kind, 'nova']);
    expect(got?.description).toContain('Project: nova');
  });

  it('keeps each category one word, which clients do not split', () => {
    const timeline = makeTimeline({
      events: [
        { id: 'a', name: 'A', kind: 'freeze', start: '2014-01-01', project: 'nova, neutron; glance' },
        { id: 'b', name: 'B', kind: 'other', start: '2014-01-02', project: ' Oslo  "messaging" \\x ' },
      ],
    });
    const ics = renderIcs(input(timeline));
    expect(ics).toContain('CATEGORIES:freeze,nova-neutron-glance\r\n');
    expect(parseIcs(ics).events.map((e) => e.categories)).toEqual([
      ['freeze', 'nova-neutron-glance'],
      ['other', 'Oslo-messaging-x'],
    ]);
  });

  it('writes a tab in a note as a space', () => {
    const timeline = makeTimeline({
      events: [{ id: 'a', name: 'A', kind: 'other', start: '2014-01-01', notes: 'Tab\there' }],
    });
    expect(parseIcs(renderIcs(input(timeline))).events[0]?.description).toContain('Tab here');
  });

  it('is the same in every time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of TIME_ZONES) {
        process.env.TZ = tz;
        expect(renderIcs(input(juno))).toBe(ics);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('UIDs', () => {
  it('depend on the series and the event id only', () => {
    const before = makeTimeline({
      events: [{ id: 'ff', name: 'Feature freeze', kind: 'freeze', start: '2014-09-04' }],
    });
    const after = makeTimeline({
      events: [
        { id: 'ff', name: 'Feature freeze (moved)', kind: 'freeze', start: '2014-09-11', sequence: 1 },
      ],
    });
    const [a] = parseIcs(renderIcs(input(before))).events;
    const [b] = parseIcs(renderIcs(input(after, { stamp: new Date(0) }))).events;
    expect(a?.uid).toBe('ff@test.juno.openstack');
    expect(b?.uid).toBe(a?.uid);
    expect(b).toMatchObject({ start: '2014-09-11', end: '2014-09-12', sequence: 1 });
  });
});

describe('hostile text', () => {
  const ics = renderIcs(input(hostile, { name: 'Mine, mine; \\ "all"\r\nX-INJECTED:1' }));

  it('stays within the line rules', () => {
    const lines = checkLines(ics);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9-]*[;:]/);
    expect(lines.filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(hostile.events.length);
    expect(lines.filter((l) => l.startsWith('UID:'))).toHaveLength(hostile.events.length);
    expect(lines.some((l) => l.startsWith('X-INJECTED'))).toBe(false);
  });

  it('round-trips every text exactly', () => {
    const parsed = parseIcs(ics);
    expect(parsed.props['x-wr-calname']).toBe('Mine, mine; \\ "all" X-INJECTED:1');
    expect(parsed.props['x-wr-caldesc']).toBe(hostile.description);
    expect(parsed.events.map((e) => e.uid)).toEqual(
      hostile.events.map((e) => `${e.id}@hostile.juno.openstack`),
    );
    hostile.events.forEach((event, i) => {
      const got = parsed.events[i];
      const name = event.name.replace(/\s*\n\s*/g, ' ');
      expect(got?.summary).toBe(/\bhostile\b/i.test(name) ? name : `Hostile: ${name}`);
      expect(got?.start).toBe(event.start);
      if (event.notes) expect(got?.description).toContain(event.notes);
      for (const name of got?.propertyNames ?? []) expect(EVENT_PROPERTIES).toContain(name);
    });
    const commas = parsed.events.find((e) => e.uid.startsWith('commas@'));
    expect(commas).toMatchObject({
      summary: 'Hostile: Freeze, part 1; see \\\\server\\share "quoted" \'single\'',
      location: 'Room 1; Building 2, Floor \\3',
      categories: ['freeze', 'nova-neutron-glance'],
      url: 'https://example.org/a%2Cb%3Bc?x=1%2C2%3B3&y=%5Cz',
      sequence: 3,
    });
    const long = parsed.events.find((e) => e.uid.startsWith('long-name@'));
    expect(long?.summary.length).toBeGreaterThanOrEqual(120);
    expect(parsed.events.find((e) => e.uid.startsWith('emoji@'))?.summary).toBe(
      'Hostile: Release 🎉 👨‍👩‍👧‍👦 🇫🇷 done',
    );
  });
});

describe('alarms', () => {
  it.each([
    ['1d', 'TRIGGER:-P1D'],
    ['2h', 'TRIGGER:-PT2H'],
    ['30m', 'TRIGGER:-PT30M'],
    ['1w', 'TRIGGER:-P7D'],
  ])('--alarm %s gives %s', (text, trigger) => {
    const timeline = makeTimeline({ events: [{ id: 'a', name: 'A', kind: 'other', start: '2014-01-01' }] });
    const ics = renderIcs(input(timeline, { alarmSeconds: parseAlarm(text) }));
    // The alarm is the last thing in its event, as RFC 5545's grammar has it.
    expect(ics).toContain(
      `BEGIN:VALARM\r\nACTION:DISPLAY\r\n${trigger}\r\nDESCRIPTION:Test: A\r\nEND:VALARM\r\nEND:VEVENT\r\n`,
    );
    const [event] = parseIcs(ics).events;
    expect(event?.alarms).toEqual([{ action: 'DISPLAY', trigger: trigger.slice(8), description: 'Test: A' }]);
  });

  it.each(['', '1', 'd', '1y', '-1d', '1.5h', '1 day', '99999d'])('rejects --alarm %j', (text) => {
    expect(() => parseAlarm(text)).toThrow(/--alarm/);
  });
});

describe('pieces', () => {
  it('escapes TEXT', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('percent-encodes what a URI value must not hold', () => {
    expect(encodeUri('https://x.org/a,b;c')).toBe('https://x.org/a%2Cb%3Bc');
    expect(encodeUri('https://x.org/é?q=%20&r=%zz')).toBe('https://x.org/%C3%A9?q=%20&r=%25zz');
    expect(encodeUri('https://x.org/a"b<c>\\')).toBe('https://x.org/a%22b%3Cc%3E%5C');
  });
});

describe('DTSTAMP and the revision (LAST-MODIFIED)', () => {
  const modified = new Date(Date.UTC(2020, 0, 2, 3, 4, 5));
  const committed = new Date(Date.UTC(2019, 5, 6, 7, 8, 9));
  const epoch = { SOURCE_DATE_EPOCH: '1413417600' };
  const stamps = (env: NodeJS.ProcessEnv, updated: string | null, commit: Date | null) =>
    exportStamps(env, updated, commit, modified, 'f');
  it('DTSTAMP comes from SOURCE_DATE_EPOCH first; the revision from the data, never from it', () => {
    const { stamp, revision } = stamps(epoch, '2014-01-01', null);
    expect(stamp.toISOString()).toBe('2014-10-16T00:00:00.000Z');
    expect(revision.toISOString()).toBe('2014-01-01T00:00:00.000Z');
    expect(stamps(epoch, null, committed).revision).toBe(committed);
  });
  it("then both from the timeline's updated, or the files' last commit when that is later", () => {
    const { stamp, revision } = stamps({}, '2020-10-16T12:34:56Z', committed);
    expect(stamp.toISOString()).toBe('2020-10-16T12:34:56.000Z');
    expect(revision).toEqual(stamp);
    // A committed edit counts without `updated` being touched.
    expect(stamps({}, '2014-10-16T12:34:56Z', committed)).toEqual({ stamp: committed, revision: committed });
  });
  it("then from the files' last commit, then SOURCE_DATE_EPOCH (the revision), then the modification time", () => {
    expect(stamps({}, null, committed)).toEqual({ stamp: committed, revision: committed });
    expect(stamps(epoch, null, null).revision.toISOString()).toBe('2014-10-16T00:00:00.000Z');
    expect(stamps({ SOURCE_DATE_EPOCH: '' }, null, null)).toEqual({ stamp: modified, revision: modified });
  });
  it.each([
    ['2014-10-16', '2014-10-16T00:00:00.000Z'],
    ['2014-10-16T12:00', '2014-10-16T12:00:00.000Z'],
    ['2014-10-16 12:00:30+0200', '2014-10-16T10:00:30.000Z'],
    ['2014-10-16T12:00:00.5-03:00', '2014-10-16T15:00:00.500Z'],
  ])('reads updated %j as UTC unless it says otherwise', (text, iso) => {
    const saved = process.env.TZ;
    try {
      for (const tz of TIME_ZONES) {
        process.env.TZ = tz;
        expect(parseUpdated(text, 'f').toISOString()).toBe(iso);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
  it('rejects an impossible updated', () => {
    expect(() => parseUpdated('2014-02-30', 'juno.json')).toThrow(
      'juno.json: updated: "2014-02-30" is not a valid date-time',
    );
  });
});

describe('one entry per week (--weeks)', () => {
  it('groups the Juno events by R-N week, Monday to Saturday-exclusive, every week of the cycle', () => {
    const ics = renderIcs(input(juno, { weeks: true }));
    expect(checkLines(ics)).toContain('END:VEVENT');
    const weeks = parseIcs(ics).events;
    const r6 = weeks.find((w) => w.uid === 'week-2014-09-01@juno.weeks.juno.openstack');
    expect(r6).toMatchObject({ start: '2014-09-01', end: '2014-09-06', startIsDate: true });
    expect(r6?.summary).toBe(
      'Juno R-6: juno-3 milestone (2014.2.b3), Feature freeze, String freeze, Dependency (requirements) freeze',
    );
    expect(r6?.description).toContain('Feature freeze (freeze): Thu 4 Sep 2014');
    // Every week from the one the cycle opens in (the Icehouse release) to its release week, empty ones too, and
    // the weeks outside it that hold events (Hong Kong before; the Paris summit and the end of life after).
    const mondays = weeks.map((w) => w.start);
    const cycle: string[] = [];
    for (let day = new Date(Date.UTC(2014, 3, 14)); day <= new Date(Date.UTC(2014, 9, 13)); ) {
      cycle.push(day.toISOString().slice(0, 10));
      day = new Date(day.getTime() + 7 * 86_400_000);
    }
    expect(mondays).toEqual(['2013-11-04', ...cycle, '2014-11-03', '2015-12-07']);
    const empty = weeks.find((w) => w.uid === 'week-2014-09-29@juno.weeks.juno.openstack');
    expect(empty).toMatchObject({ summary: 'Juno R-2', description: 'No events this week.' });
    const listing = weeks.filter((w) => w.summary.includes(': '));
    expect(listing.map((w) => [w.uid.split('@')[0], w.summary.split(':')[0]])).toEqual([
      // A week outside the cycle is known by its event, and moves with it.
      ['week-of-icehouse-summit', 'Juno R-49'],
      ['week-2014-04-14', 'Juno R-26'],
      ['week-2014-05-12', 'Juno R-22'],
      ['week-2014-06-09', 'Juno R-18'],
      ['week-2014-07-07', 'Juno R-14'],
      ['week-2014-07-21', 'Juno R-12'],
      ['week-2014-08-18', 'Juno R-8'],
      ['week-2014-09-01', 'Juno R-6'],
      ['week-2014-09-08', 'Juno R-5'],
      ['week-2014-09-22', 'Juno R-3'],
      ['week-2014-10-13', 'Juno R+0'],
      ['week-of-kilo-summit', 'Juno R+3'],
      ['week-of-juno-eol', 'Juno R+60'],
    ]);
    // Every week of the cycle has SEQUENCE 0 (its days never change); a week outside it counts as its event.
    expect(new Set(weeks.map((w) => w.sequence))).toEqual(new Set([0]));
    // A summit's week is the Monday to Friday of its first day.
    expect(weeks.find((w) => w.summary.startsWith('Juno R+3:'))).toMatchObject({
      start: '2014-11-03',
      end: '2014-11-08',
    });
  });

  it('keeps a week outside the cycle with its event when the event moves (an end of life put off)', () => {
    const later = {
      ...juno,
      events: juno.events.map((e) =>
        e.id === 'juno-eol' ? { ...e, start: '2015-12-21', end: '2015-12-21', sequence: 2 } : e,
      ),
    };
    const before = parseIcs(renderIcs(input(juno, { weeks: true }))).events;
    const after = parseIcs(renderIcs(input(later, { weeks: true }))).events;
    expect(after.map((w) => w.uid)).toEqual(before.map((w) => w.uid));
    const eol = (weeks: typeof before) =>
      weeks.find((w) => w.uid === 'week-of-juno-eol@juno.weeks.juno.openstack');
    expect(eol(before)).toMatchObject({ start: '2015-12-07', sequence: 0 });
    expect(eol(after)).toMatchObject({ start: '2015-12-21', sequence: 2 });
  });

  it('puts a reminder on the weeks that hold events, not on the empty ones', () => {
    const weeks = parseIcs(renderIcs(input(juno, { weeks: true, alarmSeconds: 86_400 }))).events;
    for (const week of weeks)
      expect(week.alarms.length, week.summary).toBe(week.description === 'No events this week.' ? 0 : 1);
    expect(weeks.some((w) => w.alarms.length === 0)).toBe(true);
  });

  it('gives every week its own UID from its Monday, whatever the names', () => {
    const timeline = makeTimeline({
      events: [
        { id: 'a', name: 'A', kind: 'other', start: '2014-09-01', week: '第一周' },
        { id: 'b', name: 'B', kind: 'other', start: '2014-09-10', week: '第二周' },
        { id: 'c', name: 'C', kind: 'other', start: '2014-09-17', week: '第二周' },
        { id: 'd', name: 'D', kind: 'other', start: '2014-09-24', week: '***' },
        // A second name for the same week: one week still, under the first name, as every view names it.
        { id: 'e', name: 'E', kind: 'other', start: '2014-09-26', week: 'Week\nbreak' },
      ],
    });
    const ics = renderIcs(input(timeline, { weeks: true }));
    expect(checkLines(ics)).toContain('END:VEVENT');
    const weeks = parseIcs(ics).events;
    expect(weeks.map((w) => [w.uid, w.summary])).toEqual([
      ['week-2014-09-01@test.weeks.juno.openstack', 'Test 第一周: A'],
      ['week-2014-09-08@test.weeks.juno.openstack', 'Test 第二周: B'],
      ['week-2014-09-15@test.weeks.juno.openstack', 'Test 第二周: C'],
      ['week-2014-09-22@test.weeks.juno.openstack', 'Test ***: D, E'],
    ]);
    // The same calendar again: the same UIDs.
    expect(renderIcs(input(timeline, { weeks: true }))).toBe(ics);
  });

  it('keeps upstream week names and their days', async () => {
    const { timeline } = await loadTimeline(`${FIXTURES}upstream/indri/schedule.yaml`);
    const ics = renderIcs(input(timeline, { weeks: true }));
    const weeks = parseIcs(ics).events;
    expect(weeks[0]).toMatchObject({
      uid: 'week-2026-09-28@indri.weeks.juno.openstack',
      summary: 'Indri Hibiscus R+0: Hibiscus release',
    });
    const r5 = weeks.find((w) => w.summary.startsWith('Indri R-5:'));
    expect(r5?.start).toBe('2027-02-15');
    expect(r5?.end).toBe('2027-02-20');
  });
});

/** ical-generator 10.2's own folding, one TextEncoder per character: what the patched one must match. */
function referenceFold(input: string): string {
  return input
    .split('\r\n')
    .map((line) => {
      let result = '';
      let c = 0;
      for (let i = 0; i < line.length; i++) {
        let ch = line.charAt(i);
        if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
        const size = new TextEncoder().encode(ch).length;
        c += size;
        if (c > 74) {
          result += '\r\n ';
          c = size;
        }
        result += ch;
      }
      return result;
    })
    .join('\r\n');
}

describe('line folding (ical-generator, patched for speed)', () => {
  const pieces = ['a', 'é', '—', '語', '📞', '👩🏽‍💻', ' ', 'Z', '\ud800', '\udc00', '\ud83dx'];
  // Deterministic lines of every length up to 300 code units, mixing 1- to 4-octet characters.
  const lines: string[] = [];
  let seed = 7;
  for (let length = 0; length <= 300; length++) {
    let line = 'SUMMARY:';
    while (line.length < length) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      line += pieces[seed % pieces.length];
    }
    lines.push(line);
  }
  // ASCII lines, cut without a loop over their characters, of every length up to 300 and of several pieces.
  for (let length = 0; length <= 300; length++)
    lines.push(`DESCRIPTION:${'ascii '.repeat(60)}`.slice(0, length));
  lines.push(`X:${'0123456789'.repeat(500)}`);
  lines.push(
    `DESCRIPTION:${'x'.repeat(73)}é${'y'.repeat(80)}`,
    `X:${'語'.repeat(40)}`,
    `X:${'📞'.repeat(30)}`,
  );

  it('folds exactly where ical-generator 10.2 folds', () => {
    for (const line of lines) expect(foldLines(line), JSON.stringify(line)).toBe(referenceFold(line));
    const document = lines.join('\r\n');
    expect(foldLines(document)).toBe(referenceFold(document));
  });

  it('keeps lines within 75 octets without splitting a character', () => {
    const wellFormed = lines.filter(
      (line) => !/[\ud800-\udfff]/.test(line.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')),
    );
    const folded = foldLines(['BEGIN:VCALENDAR', ...wellFormed, 'END:VCALENDAR', ''].join('\r\n'));
    checkBytes(Buffer.from(folded, 'utf8'));
    expect(folded.replace(/\r\n /g, '')).toBe(
      ['BEGIN:VCALENDAR', ...wellFormed, 'END:VCALENDAR', ''].join('\r\n'),
    );
  });

  it('folds long multibyte event text and reads back the same', () => {
    const name = `Release — ${'Überprüfung der Schlüsselfreigabe 語言 📞 '.repeat(6)}`.trim();
    const timeline = makeTimeline({
      events: [
        { id: 'long', name, kind: 'release', start: '2014-10-16', notes: '注意事項 '.repeat(50).trim() },
      ],
    });
    const ics = renderIcs(input(timeline));
    checkLines(ics);
    checkBytes(Buffer.from(ics, 'utf8'));
    const [event] = parseIcs(ics).events;
    expect(event?.summary).toBe(`Test: ${name}`);
    expect(event?.description).toContain('注意事項 '.repeat(49));
  });
});

describe('event ids (ical-generator, patched to make no random UUID for an event that has an id)', () => {
  it('keeps the given id, and still makes a UUID for an event without one', () => {
    const calendar = new ICalCalendar();
    expect(new ICalEvent({ id: 'release@juno.juno.openstack', start: STAMP }, calendar).id()).toBe(
      'release@juno.juno.openstack',
    );
    expect(new ICalEvent({ id: 42, start: STAMP }, calendar).id()).toBe('42');
    expect(new ICalEvent({ start: STAMP }, calendar).id()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });
});

describe('a large calendar', () => {
  it('comes in small pieces that make the same text as the whole', () => {
    const events = Array.from({ length: 600 }, (_, i) => ({
      id: `event-${i}`,
      name: `Event ${i} — ünïcödé ${'x'.repeat(i % 200)}`,
      kind: 'milestone',
      start: `2014-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    const timeline = makeTimeline({ series: 'big', events });
    const pieces = [...renderIcsPieces(input(timeline, { alarmSeconds: 86_400 }))];
    expect(pieces.join('')).toBe(renderIcs(input(timeline, { alarmSeconds: 86_400 })));
    expect(pieces.length).toBeGreaterThan(5);
    // Each piece stops at the first event that takes it past 24,000 characters.
    for (const piece of pieces) expect(piece.length).toBeLessThan(26_000);
    expect(parseIcs(pieces.join('')).events).toHaveLength(600);
  });
});
