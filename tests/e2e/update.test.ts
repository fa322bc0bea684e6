// `juno update` against a real HTTP server on 127.0.0.1 (node:http) serving a made-up openstack/releases: the
// tree of tests/fixtures/upstream/releases with a series list naming its cycle, jacaranda. Each broken answer a
// network gives (a file missing, garbage, a connection cut mid-body, no answer, no end) must leave the data in use
// as it was and say what happened in one line; a moved milestone must be reported and then used.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasReleases, RELEASES } from '../external.js';
import { FIXTURES, runJuno, SPAWN_GUARD, tempDir } from '../helpers.js';

const TREE = `${FIXTURES}upstream/releases/`;
const SCHEDULE = 'doc/source/jacaranda/schedule.yaml';
/** A made-up series list: jacaranda, and kilo, which has no week-by-week schedule (its schedule.yaml is a 404). */
const SERIES_STATUS = `- name: jacaranda
  release-id: 2027.2
  status: future
  initial-release: 2027-09-29
  next-phase:
    status: development
    date: 2027-03-25
- name: kilo
  status: end of life
  initial-release: 2015-04-30
  eol-date: 2016-05-02
`;

function fixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of [
    'doc/source/jacaranda/schedule.yaml',
    'doc/source/jacaranda/schedule.rst',
    'doc/source/indri/schedule.rst',
  ])
    files.set(path, readFileSync(join(TREE, path), 'utf8'));
  files.set('data/series_status.yaml', SERIES_STATUS);
  return files;
}

/** j-2 from week R-12 to week R-11 (its page's prose moves with it): Thu 8 Jul 2027 → Thu 15 Jul 2027. */
function moveJ2(yaml: string): string {
  const moved = yaml
    .replace('    x-project:\n      - j-2\n', '')
    .replace(
      "  - name: R-11\n    start: '2027-07-12'\n    end: '2027-07-16'\n",
      "  - name: R-11\n    start: '2027-07-12'\n    end: '2027-07-16'\n    x-project:\n      - j-2\n",
    );
  expect(moved).not.toBe(yaml);
  return moved;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** What the server does with a path instead of serving the file. */
const misbehaviours: Record<string, Handler> = {
  notFound: (_req, res) => res.writeHead(404).end('not found'),
  garbage: (_req, res) => res.writeHead(200).end('cycle: [unclosed\n  - {{{: :\n'),
  cutOff: (_req, res) => {
    res.writeHead(200, { 'content-length': '4000' });
    res.write('start-week: 2027-03-29\ncycle:\n');
    setImmediate(() => res.socket?.destroy());
  },
  silent: () => undefined,
  endless: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => {
      sent = Number.POSITIVE_INFINITY;
    });
    pump();
  },
};

let server: Server;
let base: string;
let files: Map<string, string>;
let special: Map<string, Handler>;
let requests: { path: string; status: number; conditional: boolean }[];

/** A strong ETag of a file's text: the same text, the same tag. */
const etagOf = (text: string) => `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/releases\//, '');
    const record = (status: number) =>
      requests.push({ path, status, conditional: req.headers['if-none-match'] !== undefined });
    const handler = special.get(path);
    if (handler) {
      record(0);
      return handler(req, res);
    }
    const text = files.get(path);
    if (text === undefined) {
      record(404);
      return res.writeHead(404).end();
    }
    const etag = etagOf(text);
    if (req.headers['if-none-match'] === etag) {
      record(304);
      return res.writeHead(304, { etag }).end();
    }
    record(200);
    res.writeHead(200, { etag, 'content-type': 'text/plain; charset=utf-8' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  files = fixtureFiles();
  special = new Map();
  requests = [];
});

/** A cache folder of the test's own, so that each test starts from the bundled data. */
function cacheHome(): { env: Record<string, string>; data: string } {
  const home = tempDir('juno-update-');
  return { env: { XDG_CACHE_HOME: home }, data: join(home, 'juno', 'data') };
}

/** Every file of the data folder and its text, to compare before and after. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path, 'utf8');
  }
  return out;
}

const update = (env: Record<string, string>, ...args: string[]) =>
  runJuno(['update', '--url', base, '--date', '2026-11-29', ...args], { env });

/** A first update from the fixture, over the bundled data: the data every case starts from. */
async function baseline() {
  const home = cacheHome();
  const first = await update(home.env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  return { ...home, first, before: snapshot(home.data) };
}

describe('juno update --url, over a real HTTP server', SPAWN_GUARD, () => {
  it('reads every file, reports a new series and its schedule, then uses them', async () => {
    const { env, data, first } = await baseline();
    const lines = first.stdout.split('\n');
    expect(lines).toContain('series added: 2027.2 jacaranda, release Wed 29 Sep 2027');
    expect(lines.some((line) => /^jacaranda: schedule published, \d+ events$/.test(line))).toBe(true);
    expect(lines.at(-2)).toBe(`updated: 2 series, 1 schedules from ${base}; kept in ${data}`);
    // kilo's schedule.yaml is a 404: normal for a series without a week-by-week schedule.
    expect(requests).toContainEqual({
      path: 'doc/source/kilo/schedule.yaml',
      status: 404,
      conditional: false,
    });
    expect(existsSync(join(data, 'series', 'jacaranda.json'))).toBe(true);
    const countdown = await runJuno(
      ['--series', 'jacaranda', 'countdown', 'j-2', '--plain', '--date', '2027-07-01'],
      {
        env,
      },
    );
    expect(countdown).toEqual({ stdout: '7\n', stderr: '', code: 0 });
  });

  it('reports a milestone moved upstream, and then counts down to its new day', async () => {
    const { env } = await baseline();
    files.set(SCHEDULE, moveJ2(files.get(SCHEDULE) as string));
    const page = 'doc/source/jacaranda/schedule.rst';
    files.set(page, (files.get(page) as string).replace('8 July 2027', '15 July 2027'));
    const moved = await update(env);
    expect(moved.code).toBe(0);
    expect(moved.stderr).toBe('');
    expect(moved.stdout.split('\n')[0]).toBe('jacaranda j-2: Thu 8 Jul 2027 → Thu 15 Jul 2027');
    const countdown = await runJuno(
      ['--series', 'jacaranda', 'countdown', 'j-2', '--plain', '--date', '2027-07-01'],
      {
        env,
      },
    );
    expect(countdown).toEqual({ stdout: '14\n', stderr: '', code: 0 });
  });

  it('asks only "if changed" the second time: every file 304, no changes, nothing rewritten', async () => {
    const { env, data, before } = await baseline();
    requests = [];
    const again = await update(env);
    expect(again).toEqual({
      stdout: `no changes: 2 series, 1 schedules from ${base}\n`,
      stderr: '',
      code: 0,
    });
    const found = requests.filter((r) => r.status !== 404);
    expect(found.length).toBeGreaterThan(0);
    for (const request of found) expect(request).toMatchObject({ status: 304, conditional: true });
    expect(snapshot(data)).toEqual(before);
  });

  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it.each([
    [
      'a 404 for a schedule the data in use has',
      'notFound',
      5,
      (url: string) => `^juno: ${url}: not found, though the data in use has jacaranda's schedule`,
      [],
    ],
    ['garbage YAML', 'garbage', 3, (url: string) => `^juno: ${url}: line \\d+, column \\d+: `, []],
    [
      'a connection closed mid-body',
      'cutOff',
      5,
      (url: string) => `^juno: ${url}: connection closed before the whole file arrived`,
      [],
    ],
    [
      'a server that never answers',
      'silent',
      5,
      (url: string) => `^juno: ${url}: no answer within 1 s`,
      ['--timeout', '1s'],
    ],
    [
      'a file with no end',
      'endless',
      3,
      (url: string) => `^juno: ${url}: is larger than 4 MB, more than any schedule needs`,
      [],
    ],
  ])('%s: one line, and the data in use is kept', async (_name, how, code, start, args) => {
    const { env, data, before } = await baseline();
    special.set(SCHEDULE, misbehaviours[how] as Handler);
    const result = await update(env, ...args);
    expect(result.stderr).toMatch(
      new RegExp(`${start(escaped(`${base}/${SCHEDULE}`))}.*; the data in use is kept\\n$`),
    );
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(code);
    expect(snapshot(data)).toEqual(before);
    expect(readdirSync(join(data, '..')).filter((name) => name.startsWith('data'))).toEqual(['data']);
  });

  it('a server that is gone: exit 5, one line, the bundled data still in use', async () => {
    const home = cacheHome();
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const result = await runJuno(['update', '--url', `http://127.0.0.1:${port}`], { env: home.env });
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: http://127.0.0.1:${port}/data/series_status.yaml: connection refused; the data in use is kept\n`,
      code: 5,
    });
    expect(existsSync(home.data)).toBe(false);
  });

  it('--reset goes back to the bundled data', async () => {
    const { env, data } = await baseline();
    expect(await runJuno(['update', '--reset'], { env })).toEqual({
      stdout: 'removed the updated data; juno uses the data it came with\n',
      stderr: '',
      code: 0,
    });
    expect(existsSync(data)).toBe(false);
    expect((await runJuno(['update', '--reset'], { env })).stdout).toBe(
      'no updated data; juno uses the data it came with\n',
    );
    const unknown = await runJuno(['--series', 'jacaranda', 'countdown', 'j-2'], { env });
    expect(unknown.code).toBe(2);
  });
});

describe.runIf(hasReleases())('juno update --from a checkout', SPAWN_GUARD, () => {
  it('reads the real snapshot with the importer the bundled data came from: no changes', async () => {
    const home = cacheHome();
    const result = await runJuno(['update', '--from', RELEASES], { env: home.env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^no changes: \d+ series, 21 schedules from .+\n$/);
    expect(result.code).toBe(0);
    expect(existsSync(home.data)).toBe(false);
  });

  it('a folder that is not a checkout: exit 5, one line', async () => {
    const home = cacheHome();
    const result = await runJuno(['update', '--from', FIXTURES], { env: home.env });
    expect(result.stderr.split('\n')[0]).toBe(
      `juno: ${FIXTURES}: no data/series_status.yaml there: not a checkout of openstack/releases; the data in use is kept`,
    );
    expect(result.code).toBe(5);
  });
});
