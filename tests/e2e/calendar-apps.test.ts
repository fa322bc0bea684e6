// The exported calendars in real programs from Debian: python-icalendar and vobject (strict parsing), calcurse
// and khal (import). Where a program is missing these tests are skipped with a notice, unless
// JUNO_REQUIRE_EXTERNAL=1 (as in .ci/run), which makes them fail instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ParsedEvent, parseIcs } from '../calendar.js';
import { FIXTURES, ROOT, runJuno, tempDir } from '../helpers.js';

const REQUIRED = process.env.JUNO_REQUIRE_EXTERNAL === '1';

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0;
}

/** A Python that can import `module`: Debian's own first (python3-* packages live there), then PATH's. */
function pythonWith(module: string): string | null {
  return ['/usr/bin/python3', 'python3'].find((python) => runs(python, ['-c', `import ${module}`])) ?? null;
}

const PROGRAMS = {
  'python3-icalendar': pythonWith('icalendar'),
  'python3-vobject': pythonWith('vobject'),
  calcurse: runs('calcurse', ['--version']) ? 'calcurse' : null,
  khal: runs('khal', ['--version']) ? 'khal' : null,
};
type Program = keyof typeof PROGRAMS;
const noticed = new Set<Program>();

type Test = (name: string, fn: () => void | Promise<void>) => void;

/** `it` for a test that needs `program`: skipped with a notice where it is missing, failing when required. */
function withProgram(program: Program): Test {
  if (PROGRAMS[program] !== null) return (name, fn) => it(name, fn);
  if (REQUIRED) {
    return (name) =>
      it(name, () => {
        throw new Error(`${program} is required (JUNO_REQUIRE_EXTERNAL=1) but was not found`);
      });
  }
  if (!noticed.has(program)) {
    console.warn(
      `juno tests: ${program} not found; skipping its tests (install the Debian package, or set JUNO_REQUIRE_EXTERNAL=1 to fail instead)`,
    );
    noticed.add(program);
  }
  return (name, fn) => it.skip(name, fn);
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LANG: 'C.UTF-8', ...env },
  });
  expect(result.error, `${command} ${args.join(' ')}`).toBeUndefined();
  expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

interface Calendar {
  name: string;
  file: string;
  events: ParsedEvent[];
}

const calendars: Calendar[] = [];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juno-apps-'));
  const exports = [
    { name: 'juno', args: ['--alarm', '1d'] },
    { name: 'hostile', args: ['--timeline', `${FIXTURES}timelines/hostile.json`, '--alarm', '2h'] },
  ];
  for (const { name, args } of exports) {
    const file = join(dir, `${name}.ics`);
    const result = await runJuno(['export', '-o', file, ...args]);
    expect(result.code, result.stderr).toBe(0);
    calendars.push({ name, file, events: parseIcs(readFileSync(file, 'utf8')).events });
  }
});

const PY_ICALENDAR = `
import json, sys, icalendar
out = []
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
    errors = [[c.name, c.errors] for c in cal.walk() if getattr(c, 'errors', None)]
    events = [{
        'uid': str(e['UID']),
        'start': e.decoded('DTSTART').isoformat(),
        'end': e.decoded('DTEND').isoformat(),
        'dateOnly': type(e.decoded('DTSTART')).__name__ == 'date' and type(e.decoded('DTEND')).__name__ == 'date',
        'summary': str(e['SUMMARY']),
        'alarms': len(e.walk('VALARM')),
    } for e in cal.walk('VEVENT')]
    out.append({'version': str(cal['VERSION']), 'prodid': str(cal['PRODID']), 'errors': errors, 'events': events})
print(json.dumps(out))
`;

const PY_VOBJECT = `
import json, sys, vobject
out = []
for path in sys.argv[1:]:
    cals = list(vobject.readComponents(open(path, encoding='utf-8').read(), validate=True, ignoreUnreadable=False))
    assert len(cals) == 1, len(cals)
    cal = cals[0]
    events = [{
        'uid': e.uid.value,
        'start': e.dtstart.value.isoformat(),
        'end': e.dtend.value.isoformat(),
        'summary': e.summary.value,
        'categories': e.categories.value,
    } for e in cal.vevent_list]
    out.append({'events': events})
print(json.dumps(out))
`;

describe('strict parsers', { timeout: 120_000 }, () => {
  withProgram('python3-icalendar')('python-icalendar reads every event, without errors', () => {
    const python = PROGRAMS['python3-icalendar'] as string;
    const result = run(python, ['-c', PY_ICALENDAR, ...calendars.map((c) => c.file)]);
    const parsed = JSON.parse(result.stdout) as {
      version: string;
      prodid: string;
      errors: unknown[];
      events: {
        uid: string;
        start: string;
        end: string;
        dateOnly: boolean;
        summary: string;
        alarms: number;
      }[];
    }[];
    calendars.forEach((calendar, i) => {
      const got = parsed[i];
      expect(got?.errors).toEqual([]);
      expect(got?.version).toBe('2.0');
      expect(got?.prodid).toMatch(/^-\/\/juno\/\/juno \S+\/\/EN$/);
      expect(got?.events.map((e) => [e.uid, e.start, e.end, e.dateOnly, e.alarms])).toEqual(
        calendar.events.map((e) => [e.uid, e.start, e.end, true, 1]),
      );
      // python-icalendar 4 unescapes "\\\\" twice, so summaries with backslashes are compared by vobject below.
      if (calendar.name === 'juno')
        expect(got?.events.map((e) => e.summary)).toEqual(calendar.events.map((e) => e.summary));
    });
  });

  withProgram('python3-vobject')('vobject reads every event, validating', () => {
    const python = PROGRAMS['python3-vobject'] as string;
    const result = run(python, ['-c', PY_VOBJECT, ...calendars.map((c) => c.file)]);
    const parsed = JSON.parse(result.stdout) as {
      events: { uid: string; start: string; end: string; summary: string; categories: string[] }[];
    }[];
    calendars.forEach((calendar, i) => {
      expect(parsed[i]?.events).toEqual(
        calendar.events.map((e) => ({
          uid: e.uid,
          start: e.start,
          end: e.end,
          summary: e.summary,
          categories: e.categories,
        })),
      );
    });
  });
});

/** The Paris summit's summary as exported (it may name the series first). */
function parisSummit(calendar: Calendar): string {
  const summary = calendar.events.find((e) => e.uid === 'kilo-summit@juno.juno.openstack')?.summary ?? '';
  expect(summary).toMatch(/\bKilo Design Summit, Paris$/);
  return summary;
}

/** `calcurse -Q` output as day → summaries. */
function calcurseDays(output: string): Map<string, string[]> {
  const days = new Map<string, string[]>();
  let day = '';
  for (const line of output.split('\n')) {
    const header = /^(\d{4}-\d{2}-\d{2}):$/.exec(line);
    if (header) {
      day = header[1] as string;
      days.set(day, []);
    } else if (line.startsWith(' * ')) days.get(day)?.push(line.slice(3));
  }
  return days;
}

describe('calcurse', { timeout: 120_000 }, () => {
  withProgram('calcurse')('imports every event and skips none', () => {
    for (const calendar of calendars) {
      const data = join(dir, `calcurse-${calendar.name}`);
      mkdirSync(data);
      const result = run('calcurse', ['-D', data, '-C', data, '-i', calendar.file]);
      const report = /(\d+) apps \/ (\d+) events \/ (\d+) todos \/ (\d+) skipped/.exec(result.stdout);
      expect(report, result.stdout).not.toBeNull();
      const [, apps, events, todos, skipped] = (report as RegExpExecArray).map(Number);
      expect({ apps, events, todos, skipped }).toEqual({
        apps: 0,
        events: calendar.events.length,
        todos: 0,
        skipped: 0,
      });
    }
  });

  withProgram('calcurse')('lists the Paris summit from 3 to 7 November 2014, not on the 8th', () => {
    const data = join(dir, 'calcurse-paris');
    mkdirSync(data);
    const juno = calendars[0] as Calendar;
    run('calcurse', ['-D', data, '-C', data, '-q', '-i', juno.file]);
    const result = run('calcurse', [
      ...['-D', data, '-C', data, '--input-datefmt', '4', '--output-datefmt', '%Y-%m-%d'],
      ...['-Q', '--filter-type', 'cal', '--from', '2014-11-01', '--to', '2014-11-09'],
    ]);
    const days = calcurseDays(result.stdout);
    const summit = parisSummit(juno);
    const paris = [...days].filter(([, names]) => names.includes(summit)).map(([d]) => d);
    expect(paris).toEqual(['2014-11-03', '2014-11-04', '2014-11-05', '2014-11-06', '2014-11-07']);
  });
});

/** A khal home with one vdir calendar, `juno`, and every date written as YYYY-MM-DD (the C locale's are not). */
function khalHome(home: string) {
  const vdir = join(home, 'calendars', 'juno');
  mkdirSync(vdir, { recursive: true });
  const config = join(home, 'config');
  writeFileSync(
    config,
    [
      '[calendars]',
      '[[juno]]',
      `path = ${vdir}`,
      '[locale]',
      'local_timezone = UTC',
      'default_timezone = UTC',
      'timeformat = %H:%M',
      'dateformat = %Y-%m-%d',
      'longdateformat = %Y-%m-%d',
      'datetimeformat = %Y-%m-%d %H:%M',
      'longdatetimeformat = %Y-%m-%d %H:%M',
      '[sqlite]',
      `path = ${join(home, 'khal.db')}`,
      '',
    ].join('\n'),
  );
  const env = { HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home };
  return {
    vdir,
    khal: (...args: string[]) => run('khal', ['-c', config, ...args], env),
  };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function monday(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/**
 * The bundled Juno timeline as it is, and a copy in `dir` with the event `id` a week later and the timeline's
 * revision a day later, each exported with `options`: a schedule change as a re-import sees it.
 */
async function movedExports(dir: string, id: string, options: string[]) {
  const bundled = join(ROOT, 'data', 'juno.json');
  const timeline = JSON.parse(readFileSync(bundled, 'utf8'));
  const event = timeline.events.find((e: { id: string }) => e.id === id);
  const from: string = event.start;
  event.start = addDays(event.start, 7);
  if (event.end) event.end = addDays(event.end, 7);
  timeline.updated = new Date(Date.parse(timeline.updated) + 86_400_000).toISOString().replace('.000Z', 'Z');
  const moved = join(dir, 'moved.json');
  writeFileSync(moved, JSON.stringify(timeline));
  const files = [];
  for (const [name, source] of [
    ['v1', bundled],
    ['v2', moved],
  ] as const) {
    const file = join(dir, `${name}.ics`);
    const result = await runJuno(['export', '--timeline', source, '-o', file, ...options], {
      env: { SOURCE_DATE_EPOCH: undefined },
    });
    expect(result.code, result.stderr).toBe(0);
    files.push({ file, events: parseIcs(readFileSync(file, 'utf8')).events });
  }
  const [v1, v2] = files as [Calendar, Calendar];
  const days = [...v1.events, ...v2.events].flatMap((e) => [e.start, e.end]).sort();
  const series: string = timeline.series;
  return {
    v1,
    v2,
    series,
    from,
    to: event.start as string,
    cycle: [days[0] as string, days[days.length - 1] as string],
  };
}

/** `khal list --once` as rows of start date, UID and title: each event once, however many days it spans. */
function khalList(khal: (...args: string[]) => { stdout: string }, [from, to]: string[]) {
  const format = '{start-date} {uid} {title}';
  const list = khal('list', '--once', '--day-format', '', '--format', format, from as string, to as string);
  return list.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [, start, uid, title] = /^(\S+) (\S+) (.*)$/.exec(line) ?? [line, '', '', ''];
      return { start, uid, title } as { start: string; uid: string; title: string };
    });
}

const sortedUids = (items: { uid: string }[]) => items.map((i) => i.uid).sort();
const mentions = (id: string) => (text: string) => new RegExp(`\\b${id}\\b`, 'i').test(text);

describe('khal', { timeout: 120_000 }, () => {
  withProgram('khal')('imports twice and still holds one event per UID', () => {
    for (const calendar of calendars) {
      const { vdir, khal } = khalHome(join(dir, `khal-${calendar.name}`));
      for (let i = 0; i < 2; i++) khal('import', '--batch', '-a', 'juno', calendar.file);
      const uids = readdirSync(vdir).flatMap((name) =>
        readFileSync(join(vdir, name), 'utf8')
          .split(/\r?\n/)
          .filter((line) => line.startsWith('UID:'))
          .map((line) => line.slice(4)),
      );
      expect(uids.sort()).toEqual(calendar.events.map((e) => e.uid).sort());
      if (calendar.name === 'juno') {
        const list = khal('list', '--format', '{start-date} {end-date} {title}', '2014-11-01', '10d');
        expect(list.stdout).toContain(`2014-11-03 2014-11-07 ${parisSummit(calendar)}`);
      }
    }
  });

  withProgram('khal')('re-imports a moved event over the old one: juno-2 only at its new date', async () => {
    const home = tempDir('juno-khal-');
    const { v1, v2, series, from, to, cycle } = await movedExports(home, 'juno-2', []);
    const { khal } = khalHome(home);
    const uid = `juno-2@${series}.juno.openstack`;
    khal('import', '--batch', '-a', 'juno', v1.file);
    expect(
      khalList(khal, cycle)
        .filter((row) => row.uid === uid)
        .map((row) => row.start),
    ).toEqual([from]);
    khal('import', '--batch', '-a', 'juno', v2.file);
    const rows = khalList(khal, cycle);
    expect(rows.filter((row) => row.uid === uid).map((row) => row.start)).toEqual([to]);
    expect(rows.filter((row) => mentions('juno-2')(row.title)).map((row) => row.uid)).toEqual([uid]);
    expect(sortedUids(rows)).toEqual(sortedUids(v2.events));
  });

  withProgram('khal')(
    're-imports --weeks after a move: the old week without juno-2, the new week with it, no week twice',
    async () => {
      const home = tempDir('juno-khal-');
      const { v1, v2, series, from, to, cycle } = await movedExports(home, 'juno-2', ['--weeks']);
      const { khal } = khalHome(home);
      const name = (series[0] ?? '').toUpperCase() + series.slice(1);
      const week = (day: string) => `week-${monday(day)}@${series}.weeks.juno.openstack`;
      khal('import', '--batch', '-a', 'juno', v1.file);
      const before = khalList(khal, cycle);
      expect(
        before.filter((row) => mentions('juno-2')(row.title)).map((row) => [row.uid, row.start]),
      ).toEqual([[week(from), monday(from)]]);
      khal('import', '--batch', '-a', 'juno', v2.file);
      const rows = khalList(khal, cycle);
      // khal never deletes on import: an entry of the first export that the second lacks would stay behind.
      expect(sortedUids(rows)).toEqual(sortedUids(v2.events));
      expect(new Set(rows.map((row) => row.start)).size, 'one entry a week').toBe(rows.length);
      expect(rows.filter((row) => mentions('juno-2')(row.title)).map((row) => [row.uid, row.start])).toEqual([
        [week(to), monday(to)],
      ]);
      const old = rows.filter((row) => row.uid === week(from));
      expect(
        old.map((row) => row.start),
        'the old week, updated',
      ).toEqual([monday(from)]);
      expect(old[0]?.title).toMatch(new RegExp(`^${name} R-\\d+\\b`));
      for (const row of rows) expect(row.title, row.uid).toMatch(new RegExp(`^${name} R[-+]\\d+\\b`));
    },
  );
});
