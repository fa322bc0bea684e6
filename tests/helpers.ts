import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { parseTimeline } from '../src/timeline/parse.js';
import type { Timeline, TimelineEvent } from '../src/timeline/types.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/juno.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

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

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs bin/juno.js as a user would, with colour off by default and a controlled environment. */
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
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? ROOT, ...user });
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

/** Runs `main` in this process against captured streams: for the many-case tables where spawning is slow. */
export async function runMain(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  const { main } = await import('../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env,
    now: () => new Date(Date.UTC(2014, 8, 21, 12)),
    stdout: {
      isTTY: false,
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
