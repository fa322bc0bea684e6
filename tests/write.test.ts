// `-o FILE` in process: the temporary file's permissions from its creation, its removal on a signal, the input
// file refused as output, descriptors named as paths. tests/e2e/write.test.ts runs the same cases as a user would.
import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputError, UsageError } from '../src/cli/errors.js';

// Records the mode each file is opened with, to see what a temporary file is created as.
const opened = vi.hoisted(() => [] as { path: string; flags: unknown; mode: unknown }[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: (...args: Parameters<typeof fs.open>) => {
      opened.push({ path: String(args[0]), flags: args[1], mode: args[2] });
      return fs.open(...args);
    },
  };
});

const { isStdout, writeOutput } = await import('../src/cli/output.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'juno-write-'));
  opened.length = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const temporary = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** Pieces of output that look at the folder while the temporary file is being written. */
function* watching(seen: (temp: string) => void): Generator<string> {
  yield 'BEGIN\n';
  const [temp] = temporary();
  if (temp === undefined) throw new Error('no temporary file while writing');
  seen(join(dir, temp));
  yield 'END\n';
}

describe('the temporary file', () => {
  it('is created with the mode of the file it replaces, never wider', async () => {
    const file = join(dir, 'private.ics');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    const modes: number[] = [];
    await writeOutput(
      file,
      watching((temp) => modes.push(statSync(temp).mode & 0o777)),
    );
    const temp = opened.find((call) => call.path.endsWith('.tmp'));
    expect(temp).toMatchObject({ flags: 'wx', mode: 0o600 });
    expect(modes).toEqual([0o600]);
    expect(readFileSync(file, 'utf8')).toBe('BEGIN\nEND\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['private.ics']);
  });

  it('gets exactly the bits the umask would take from a replaced file', async () => {
    const file = join(dir, 'shared.ics');
    writeFileSync(file, 'old');
    chmodSync(file, 0o664);
    const before = process.umask(0o077);
    try {
      await writeOutput(file, 'new');
    } finally {
      process.umask(before);
    }
    expect(statSync(file).mode & 0o777).toBe(0o664);
  });

  it('drops set-user-ID and set-group-ID, as writing the file in place would', async () => {
    const file = join(dir, 'odd.ics');
    writeFileSync(file, 'old');
    chmodSync(file, 0o6750);
    await writeOutput(file, 'new');
    expect(statSync(file).mode & 0o7777).toBe(0o750);
  });

  it('is created 0666 less the umask for a new file', async () => {
    const file = join(dir, 'new.ics');
    const before = process.umask(0o027);
    try {
      await writeOutput(file, 'new');
    } finally {
      process.umask(before);
    }
    expect(opened.find((call) => call.path.endsWith('.tmp'))?.mode).toBe(0o666);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'is removed on %s, which then ends the process',
    async (signal) => {
      const file = join(dir, 'cal.ics');
      writeFileSync(file, 'old');
      const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
      const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
      const listeners = process.listeners(signal);
      let during = -1;
      const error = await writeOutput(
        file,
        watching((temp) => {
          during = process.listenerCount(signal);
          // Only the listener writeOutput added: the test runner may listen for the same signal.
          const added = process.listeners(signal).filter((listener) => !listeners.includes(listener));
          expect(added).toHaveLength(1);
          added[0]?.(signal);
          expect(readdirSync(dir)).toEqual(['cal.ics']);
          expect(temp).toMatch(/\.cal\.ics\.[0-9a-f]{12}\.tmp$/);
        }),
      ).catch((e: unknown) => e);
      expect(during).toBe(listeners.length + 1);
      // The signal is raised again with the default action restored, so that the process ends by it.
      expect(kill).toHaveBeenCalledWith(process.pid, signal);
      expect(exit).toHaveBeenCalledWith(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
      expect(error).toBeInstanceOf(OutputError);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['cal.ics']);
      expect(process.listeners(signal)).toEqual(listeners);
    },
  );

  it('stops watching for signals once written', async () => {
    const counts = () => ['SIGTERM', 'SIGINT', 'SIGHUP'].map((s) => process.listenerCount(s));
    const before = counts();
    await writeOutput(join(dir, 'a.ics'), 'x');
    await writeOutput(join(dir, 'missing', 'a.ics'), 'x').catch(() => undefined);
    expect(counts()).toEqual(before);
  });

  it('is removed when making the output fails, and the failure is passed on as it is', async () => {
    const file = join(dir, 'cal.ics');
    writeFileSync(file, 'old');
    const failure = new Error('a renderer failed');
    function* failing(): Generator<string> {
      yield 'x'.repeat(2 << 20);
      throw failure;
    }
    await expect(writeOutput(file, failing())).rejects.toBe(failure);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['cal.ics']);
  });

  it('writes pieces in order, gathered into large writes', async () => {
    const file = join(dir, 'big.ics');
    const pieces = Array.from({ length: 50_000 }, (_, i) => `line ${i}\r\n`);
    await writeOutput(file, pieces);
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });
});

describe('the input file as output', () => {
  it.each([
    ['the same path', (input: string) => input],
    ['another spelling of it', () => `${dir}/./sub/../cycle.json`],
    [
      'a symbolic link to it',
      (input: string) => {
        symlinkSync(input, join(dir, 'link.json'));
        return join(dir, 'link.json');
      },
    ],
    [
      'a hard link to it',
      (input: string) => {
        linkSync(input, join(dir, 'hard.json'));
        return join(dir, 'hard.json');
      },
    ],
  ])('is refused when named by %s (exit 2), and left as it was', async (_, name) => {
    mkdirSync(join(dir, 'sub'));
    const input = join(dir, 'cycle.json');
    writeFileSync(input, '{"series": "x", "events": []}');
    const output = name(input);
    const error = await writeOutput(output, 'BEGIN:VCALENDAR', { input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    const same = output === input ? '' : ` (${input})`;
    expect((error as UsageError).message).toBe(
      `-o ${output} is the timeline being read${same}: writing it would destroy it`,
    );
    expect(readFileSync(input, 'utf8')).toBe('{"series": "x", "events": []}');
    expect(temporary()).toEqual([]);
  });

  it('does not stop a copy of it from being written', async () => {
    const input = join(dir, 'cycle.json');
    writeFileSync(input, '{}');
    writeFileSync(join(dir, 'copy.json'), '{}');
    await writeOutput(join(dir, 'copy.json'), 'new', { input });
    expect(readFileSync(join(dir, 'copy.json'), 'utf8')).toBe('new');
    expect(readFileSync(input, 'utf8')).toBe('{}');
  });
});

describe('descriptors named as paths', () => {
  it.each([
    '/dev/stdout',
    '/dev/fd/1',
    '/proc/self/fd/1',
    '/proc/thread-self/fd/1',
    `/proc/${process.pid}/fd/1`,
  ])('takes %s as stdout', (path) => {
    expect(isStdout(path)).toBe(true);
  });

  it.each(['/dev/fd/2', '/dev/fd/10', '/proc/1/fd/1', '/dev/stdout/x', './dev/fd/1'])(
    'takes %s as a file',
    (path) => {
      expect(isStdout(path)).toBe(false);
    },
  );

  it('appends to a descriptor named as a path instead of truncating what it holds', async () => {
    const { openSync, closeSync } = await import('node:fs');
    const log = join(dir, 'log');
    writeFileSync(log, 'earlier\n');
    const fd = openSync(log, 'a');
    try {
      await writeOutput(`/dev/fd/${fd}`, 'later\n');
      await writeOutput(`/proc/self/fd/${fd}`, 'last\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(log, 'utf8')).toBe('earlier\nlater\nlast\n');
    expect(opened.filter((call) => call.path.includes('/fd/')).map((call) => call.flags)).toEqual(['a', 'a']);
  });
});
