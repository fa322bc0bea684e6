import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject, onTestFinished } from 'vitest';
import { parseTimeline } from '../src/timeline/parse.js';
import type { Timeline, TimelineEvent } from '../src/timeline/types.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A new folder in the temporary folder, removed when the test that made it ends. */
export function tempDir(prefix = 'juno-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A timeline of `count` events in `dir`: enough output to keep juno writing for a while (or after a reader has gone). */
export function bigTimeline(dir: string, count: number): string {
  const file = join(dir, 'big.json');
  const events = Array.from({ length: count }, (_, i) => ({
    id: `e-${i}`,
    name: `Event ${i}`,
    kind: 'milestone',
    start: '2014-09-04',
  }));
  writeFileSync(file, JSON.stringify({ series: 'big', events }));
  return file;
}

/** A second user to own what an attacker would plant: `nobody`, when juno's tests run as root (as in CI). */
export function nobody(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export function makeEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  const start = overrides.start ?? '2014-09-04';
  return {
    id: 'event',
    name: 'An event',
    kind: 'milestone',
    start,
    end: overrides.end ?? start,
    title: null,
    description: null,
    confidence: 'confirmed',
    sources: [],
    notes: null,
    aliases: [],
    location: null,
    project: null,
    url: null,
    sequence: 0,
    updated: null,
    week: null,
    index: 0,
    ...overrides,
  };
}

/** A timeline from raw event objects, through the real parser. */
export function makeTimeline(raw: Record<string, unknown>): Timeline {
  const result = parseTimeline({ series: 'test', ...raw });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.timeline;
}

/**
 * Hang guards for tests that start processes. An honest run takes a second or two here; on a loaded machine (two
 * cores, other suites running) ten times that. A child is killed after SPAWN_TIMEOUT_MS, before the test's own guard
 * fires, so that a hang fails with what the child printed rather than leaving it running.
 */
export const SPAWN_TIMEOUT_MS = 50_000;
export const SPAWN_GUARD = { timeout: 60_000 };

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the built juno (dist/bin.cjs) as a user would, with colour off by default and a controlled environment. */
export function runJuno(
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; cwd?: string; uid?: number } = {},
): Promise<RunResult> {
  // Only the e2e project checks that dist/ is built from the current source (tests/global-build.ts).
  if (!inject('junoBuilt'))
    throw new Error('runJuno runs the built CLI: list this test file among SPAWNING in vitest.config.ts');
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'SYSTEMROOT', 'XDG_CACHE_HOME'])
    if (process.env[key]) env[key] = process.env[key] as string;
  env.TZ = 'UTC';
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      cwd: options.cwd ?? ROOT,
      timeout: SPAWN_TIMEOUT_MS,
      ...user,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    // A child that ends before reading its input closes the pipe: that is its business, not a failure here.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

export const TIME_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];

/** The months' English names, January first, as juno's text and upstream's prose write them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The instant `runMain` gives as now: 2014-09-21, noon UTC, a day every time zone calls the 21st or the 22nd. */
export const MAIN_NOW = new Date(Date.UTC(2014, 8, 21, 12));

export interface MainOptions {
  /** The environment juno sees; nothing of this process's own. */
  env?: Record<string, string>;
  /** stdout as a terminal of this many columns, rather than a pipe. */
  columns?: number;
}

/**
 * Runs `main` in this process against captured streams, as the built juno runs it against the real ones: the exact
 * stdout, stderr and exit code, from the source (no build needed). Colour follows `env` and the terminal as it
 * does for a process; stdout is a pipe unless `columns` makes it a terminal.
 */
export async function runMain(
  args: string[],
  env: Record<string, string> = {},
  options: Omit<MainOptions, 'env'> = {},
): Promise<RunResult & { code: number }> {
  const { main } = await import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const tty = options.columns !== undefined;
  const code = await main(args, {
    env,
    now: () => MAIN_NOW,
    stdout: {
      isTTY: tty,
      ...(tty ? { columns: options.columns } : {}),
      write: (text) => {
        stdout += text;
      },
    },
    stderr: {
      isTTY: false,
      write: (text) => {
        stderr += text;
      },
    },
  });
  return { stdout, stderr, code };
}

/** Runs `main` in this process and parses its stdout as JSON, expecting exit 0 and nothing on stderr. */
export async function mainJson<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const result = await runMain(args, env);
  if (result.code !== 0 || result.stderr !== '')
    throw new Error(`juno ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
