// The exported calendar on a CalDAV server, Radicale (Debian's python3-radicale), started on 127.0.0.1 for each
// test: a whole export PUT as a collection, read back with calendar-query REPORTs, then the export of the same
// timeline with one event moved a week later PUT over it, as a subscription refresh or a sync would. Where Radicale
// is missing these tests are skipped with a notice, unless JUNO_REQUIRE_EXTERNAL=1 (as in .ci/run).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, runJuno, SPAWN_GUARD } from '../helpers.js';

const REQUIRED = process.env.JUNO_REQUIRE_EXTERNAL === '1';

/** Debian's Python, where python3-radicale installs; a Python earlier on PATH may not have it. */
const PYTHON =
  ['/usr/bin/python3', 'python3'].find(
    (python) => spawnSync(python, ['-c', 'import radicale'], { timeout: 20_000 }).status === 0,
  ) ?? null;

type Test = (name: string, fn: () => Promise<void>) => void;

/** `it` for a test that needs Radicale: skipped with a notice where it is missing, failing when required. */
function withRadicale(): Test {
  if (PYTHON !== null) return (name, fn) => it(name, fn);
  if (REQUIRED) {
    return (name) =>
      it(name, () => {
        throw new Error('python3-radicale is required (JUNO_REQUIRE_EXTERNAL=1) but was not found');
      });
  }
  console.warn(
    'juno tests: python3-radicale not found; skipping its tests (install the Debian package, or set JUNO_REQUIRE_EXTERNAL=1 to fail instead)',
  );
  return (name, fn) => it.skip(name, fn);
}
const withServer = withRadicale();

// Every server still running: stopped by the test that started it, else in afterAll, else when this process exits.
const running = new Set<number>();
function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}
process.on('exit', killRunning);
afterAll(() => {
  killRunning();
  process.off('exit', killRunning);
});

interface Server {
  base: string;
  log: () => string;
}

/** Radicale on 127.0.0.1 and a port of the kernel's choosing, storing in a new folder; stopped when the test ends. */
async function startRadicale(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'juno-radicale-'));
  const child = spawn(
    PYTHON as string,
    [
      ...['-m', 'radicale', '--config', ''],
      ...['--server-hosts', '127.0.0.1:0'],
      ...['--storage-filesystem-folder', join(dir, 'collections')],
      ...['--auth-type', 'none', '--rights-type', 'owner_only'],
      // info: the level that logs the port it listens on, and why a request was refused
      ...['--logging-level', 'info'],
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C.UTF-8' },
    },
  );
  const { pid } = child;
  if (pid !== undefined) running.add(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    if (pid !== undefined) running.delete(pid);
    rmSync(dir, { recursive: true, force: true });
  });
  let log = '';
  // Read the log for as long as the server runs, so that a full pipe never blocks it.
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
  });
  const port = await new Promise<number>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
      child.stderr.off('data', onData);
    };
    const fail = (why: string) => {
      done();
      reject(new Error(`Radicale ${why}:\n${log}`));
    };
    const onError = (error: Error) => fail(error.message);
    const onExit = (code: number | null, signal: string | null) => fail(`exited (${code ?? signal}) unready`);
    const onData = () => {
      const listening = /Listening on '\[?127\.0\.0\.1\]?:(\d+)'/.exec(log);
      if (listening && log.includes('Radicale server ready')) {
        done();
        resolve(Number(listening[1]));
      }
    };
    const timer = setTimeout(() => fail('not ready in 20 s'), 20_000);
    child.once('error', onError);
    child.once('exit', onExit);
    child.stderr.on('data', onData);
  });
  return { base: `http://127.0.0.1:${port}`, log: () => log };
}

const AUTH = { Authorization: `Basic ${Buffer.from('alice:x').toString('base64')}` };

/** PUT a whole calendar to a collection path: Radicale replaces the collection with it. */
async function putCollection(server: Server, path: string, ics: string): Promise<number> {
  const response = await fetch(server.base + path, {
    method: 'PUT',
    headers: { ...AUTH, 'Content-Type': 'text/calendar; charset=utf-8' },
    body: ics,
  });
  await response.text();
  return response.status;
}

interface Stored {
  href: string;
  uid: string;
  summary: string;
  start: string;
  lastModified: number | null;
}

const xml = new XMLParser({
  removeNSPrefix: true,
  isArray: (name) => name === 'response' || name === 'propstat',
  trimValues: false,
});

/** A calendar-query REPORT for the VEVENTs overlapping [from, to) (YYYY-MM-DD, UTC days), or every one. */
async function report(server: Server, path: string, range?: [string, string]): Promise<Stored[]> {
  const stamp = (day: string) => `${day.replace(/-/g, '')}T000000Z`;
  const timeRange = range ? `<C:time-range start="${stamp(range[0])}" end="${stamp(range[1])}"/>` : '';
  const response = await fetch(server.base + path, {
    method: 'REPORT',
    headers: { ...AUTH, Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    body: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">',
      '<D:prop><D:getetag/><C:calendar-data/></D:prop>',
      `<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">${timeRange}`,
      '</C:comp-filter></C:comp-filter></C:filter>',
      '</C:calendar-query>',
    ].join('\n'),
  });
  const body = await response.text();
  expect(response.status, `${body}\n${server.log()}`).toBe(207);
  const responses: { href: string; propstat: { prop: { 'calendar-data'?: string } }[] }[] =
    xml.parse(body).multistatus.response ?? [];
  return responses.flatMap(({ href, propstat }) => {
    const data = propstat.map((p) => p.prop['calendar-data']).find((d) => typeof d === 'string');
    if (data === undefined) return [];
    const calendar = new ICAL.Component(ICAL.parse(data) as unknown[]);
    return calendar.getAllSubcomponents('vevent').map((vevent) => {
      const modified = vevent.getFirstPropertyValue('last-modified') as ICAL.Time | null;
      return {
        href: decodeURIComponent(href),
        uid: String(vevent.getFirstPropertyValue('uid')),
        summary: String(vevent.getFirstPropertyValue('summary')),
        start: String(vevent.getFirstPropertyValue('dtstart')),
        lastModified: modified ? modified.toJSDate().getTime() : null,
      };
    });
  });
}

interface Exported {
  ics: string;
  events: {
    uid: string;
    summary: string;
    start: string;
    end: string;
    description: string;
    lastModified: number | null;
  }[];
}

function readExport(ics: string): Exported {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const modified = vevent.getFirstPropertyValue('last-modified') as ICAL.Time | null;
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      start: String(vevent.getFirstPropertyValue('dtstart')),
      end: String(vevent.getFirstPropertyValue('dtend')),
      description: String(vevent.getFirstPropertyValue('description') ?? ''),
      lastModified: modified ? modified.toJSDate().getTime() : null,
    };
  });
  return { ics, events };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of a day's week. */
function monday(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

const BUNDLED = join(ROOT, 'data', 'juno.json');
const MOVED = 'juno-2';
const NO_EPOCH = { SOURCE_DATE_EPOCH: undefined };

let dir: string;
let series: string;
let oldDay: string;
let newDay: string;
let names: { id: string; name: string }[];
const exports: Record<'v1' | 'v2' | 'weeks1' | 'weeks2' | 'alarm', Exported> = {} as never;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juno-caldav-'));
  // v2: the bundled timeline with juno-2 a week later and the timeline's revision a day later.
  const timeline = JSON.parse(readFileSync(BUNDLED, 'utf8'));
  series = timeline.series;
  names = timeline.events.map(({ id, name }: { id: string; name: string }) => ({ id, name }));
  const event = timeline.events.find((e: { id: string }) => e.id === MOVED);
  oldDay = event.start;
  newDay = addDays(event.start, 7);
  event.start = newDay;
  if (event.end) event.end = addDays(event.end, 7);
  timeline.updated = new Date(Date.parse(timeline.updated) + 86_400_000).toISOString().replace('.000Z', 'Z');
  const moved = join(dir, 'juno-moved.json');
  writeFileSync(moved, `${JSON.stringify(timeline, null, 2)}\n`);
  const runs = {
    v1: [BUNDLED],
    v2: [moved],
    weeks1: [BUNDLED, '--weeks'],
    weeks2: [moved, '--weeks'],
    alarm: [BUNDLED, '--alarm', '1d'],
  };
  for (const [name, [file, ...options]] of Object.entries(runs)) {
    const result = await runJuno(['export', '--timeline', file as string, ...options], { env: NO_EPOCH });
    expect(result.code, result.stderr).toBe(0);
    exports[name as keyof typeof exports] = readExport(result.stdout);
  }
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sortedUids = (items: { uid: string }[]) => items.map((i) => i.uid).sort();
const uidOf = (id: string) => `${id}@${series}.juno.openstack`;
const weekUid = (day: string) => `week-${monday(day)}@${series}.weeks.juno.openstack`;
const weekRange = (day: string): [string, string] => [monday(day), addDays(monday(day), 7)];
const capitalised = () => (series[0] ?? '').toUpperCase() + series.slice(1);
/** The week's name as the per-event export's description gives it. */
function weekName(calendar: Exported, id: string): string {
  const event = calendar.events.find((e) => e.uid === uidOf(id));
  const week = /Week: (R[-+]\d+)/.exec(event?.description ?? '');
  expect(week, event?.description).not.toBeNull();
  return (week as RegExpExecArray)[1] as string;
}
/** The whole cycle: from the first start to the last end of both calendars. */
function cycle(...calendars: Exported[]): [string, string] {
  const days = calendars.flatMap((c) => c.events.flatMap((e) => [e.start, e.end])).sort();
  return [days[0] as string, addDays(days[days.length - 1] as string, 1)];
}
const mentionsMoved = (text: string) => /\bjuno-2\b/i.test(text);

// The assertions on what the renderer writes (no METHOD, LAST-MODIFIED, every week, the series in summaries) are
// soft: a test goes on to what the server makes of the file, and fails at its end with all of them.
describe('juno export on a CalDAV server (Radicale)', SPAWN_GUARD, () => {
  withServer(
    'takes each export as a whole collection: no METHOD line, 201, every UID back once',
    async () => {
      const server = await startRadicale();
      for (const [name, calendar] of Object.entries(exports)) {
        expect.soft(calendar.ics, name).not.toMatch(/^METHOD:/m);
        const uids = sortedUids(calendar.events);
        expect(new Set(uids).size, name).toBe(uids.length);
        const path = `/alice/${name}/`;
        expect(await putCollection(server, path, calendar.ics), `${name}\n${server.log()}`).toBe(201);
        expect(sortedUids(await report(server, path)), name).toEqual(uids);
      }
      // A reminder is the last thing in its event: nothing between END:VALARM and END:VEVENT.
      const lines = exports.alarm.ics.split('\r\n');
      const ends = lines.flatMap((line, i) => (line === 'END:VALARM' ? [lines[i + 1]] : []));
      expect(ends.length).toBe(exports.alarm.events.length);
      expect.soft(new Set(ends)).toEqual(new Set(['END:VEVENT']));
    },
  );

  withServer(
    'refuses a calendar that holds one UID twice (400), so a 201 means it read every event',
    async () => {
      const server = await startRadicale();
      const ics = exports.v1.ics;
      const block = new RegExp(`BEGIN:VEVENT\r\nUID:${uidOf(MOVED)}\r\n[^]*?END:VEVENT\r\n`).exec(ics);
      expect(block).not.toBeNull();
      const twice = ics.replace('END:VCALENDAR', `${(block as RegExpExecArray)[0]}END:VCALENDAR`);
      expect(await putCollection(server, '/alice/dup/', twice), server.log()).toBe(400);
      expect(await putCollection(server, '/alice/dup/', ics), server.log()).toBe(201);
      expect(sortedUids(await report(server, '/alice/dup/'))).toEqual(sortedUids(exports.v1.events));
    },
  );

  withServer('moves a moved event: one copy, in its new week only, with a later LAST-MODIFIED', async () => {
    const server = await startRadicale();
    const path = '/alice/juno/';
    const { v1, v2 } = exports;
    const whole = cycle(v1, v2);

    expect(await putCollection(server, path, v1.ics), server.log()).toBe(201);
    const stored = await report(server, path, whole);
    expect(sortedUids(stored)).toEqual(sortedUids(v1.events));
    // Each summary names the series, unless the event's name does already.
    const name = capitalised();
    const named = new RegExp(`\\b${name}\\b`, 'i');
    expect
      .soft(Object.fromEntries(stored.map((e) => [e.uid, e.summary])))
      .toEqual(
        Object.fromEntries(
          names.map((e) => [uidOf(e.id), named.test(e.name) ? e.name : `${name}: ${e.name}`]),
        ),
      );
    const inOldWeek = (await report(server, path, weekRange(oldDay))).filter((e) => e.uid === uidOf(MOVED));
    expect(inOldWeek.map((e) => e.start)).toEqual([oldDay]);
    const before = inOldWeek[0]?.lastModified ?? null;
    expect.soft(before, 'LAST-MODIFIED of the stored event').toEqual(expect.any(Number));

    expect(await putCollection(server, path, v2.ics), server.log()).toBe(201);
    const all = await report(server, path, whole);
    expect(sortedUids(all)).toEqual(sortedUids(v2.events));
    expect(all.filter((e) => e.uid === uidOf(MOVED)).map((e) => e.start)).toEqual([newDay]);
    expect(sortedUids(await report(server, path, weekRange(oldDay)))).not.toContain(uidOf(MOVED));
    const inNewWeek = (await report(server, path, weekRange(newDay))).filter((e) => e.uid === uidOf(MOVED));
    expect(inNewWeek.map((e) => e.start)).toEqual([newDay]);
    const after = inNewWeek[0]?.lastModified ?? null;
    expect.soft(after, 'LAST-MODIFIED of the moved event').toEqual(expect.any(Number));
    if (before !== null && after !== null) expect(after).toBeGreaterThan(before);
    // Stored as exported.
    expect(after).toBe(v2.events.find((e) => e.uid === uidOf(MOVED))?.lastModified);
  });

  withServer(
    '--weeks: the old week stays, without the moved event, the new week has it, no week twice',
    async () => {
      const server = await startRadicale();
      const path = '/alice/juno/';
      const { weeks1, weeks2 } = exports;
      const whole = cycle(weeks1, weeks2);
      const name = capitalised();
      const [oldWeek, newWeek] = [weekName(exports.v1, MOVED), weekName(exports.v2, MOVED)];
      const unnamed = [...weeks1.events, ...weeks2.events].filter(
        (e) => !new RegExp(`^${name} R[-+]\\d+\\b`).test(e.summary),
      );
      expect
        .soft(
          unnamed.map((e) => e.summary),
          'weeks whose summary does not name the series',
        )
        .toEqual([]);
      // Every week of the cycle, empty ones too: moving an event leaves no week of the first export behind.
      expect.soft(sortedUids(weeks2.events)).toEqual(expect.arrayContaining(sortedUids(weeks1.events)));

      expect(await putCollection(server, path, weeks1.ics), server.log()).toBe(201);
      expect(sortedUids(await report(server, path, whole))).toEqual(sortedUids(weeks1.events));
      const listing = (await report(server, path, weekRange(oldDay))).filter((e) => mentionsMoved(e.summary));
      expect(listing.map((e) => [e.uid, e.start])).toEqual([[weekUid(oldDay), monday(oldDay)]]);
      expect
        .soft(listing[0]?.summary, 'the week names the series')
        .toMatch(new RegExp(`^${name} ${oldWeek}\\b`));

      expect(await putCollection(server, path, weeks2.ics), server.log()).toBe(201);
      const all = await report(server, path, whole);
      expect(sortedUids(all)).toEqual(sortedUids(weeks2.events));
      expect(all.filter((e) => mentionsMoved(e.summary)).map((e) => [e.uid, e.start])).toEqual([
        [weekUid(newDay), monday(newDay)],
      ]);
      const listed = (await report(server, path, weekRange(newDay))).filter((e) => e.uid === weekUid(newDay));
      expect(listed.map((e) => mentionsMoved(e.summary))).toEqual([true]);
      expect
        .soft(listed[0]?.summary, 'the week names the series')
        .toMatch(new RegExp(`^${name} ${newWeek}\\b`));
      const old = (await report(server, path, weekRange(oldDay))).filter((e) => e.uid === weekUid(oldDay));
      expect(
        old.map((e) => e.start),
        'the old week, updated',
      ).toEqual([monday(oldDay)]);
      expect(old.map((e) => mentionsMoved(e.summary))).toEqual([false]);
      expect(old[0]?.summary).toMatch(new RegExp(`^${name} ${oldWeek}\\b`));
    },
  );
});
