// stdout as scripts see it: a shell pipe, a file, /dev/null, a pipe closed early, a pipe that would block, a socket
// reset, a full disk, a descriptor open only for reading; and the installed package run from an awkward folder.
// These need a real process and its descriptors. juno writes to a pipe or a file straight to the descriptor and to
// terminals and devices through process.stdout (src/cli/startup/streams.ts).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasProgram, hasReleases, RELEASES } from '../external.js';
import { BIN, bigTimeline, ROOT, runMain, SPAWN_GUARD, SPAWN_TIMEOUT_MS, tempDir } from '../helpers.js';

function shell(script: string, cwd: string = ROOT, env: Record<string, string> = {}) {
  return spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      NO_COLOR: '1',
      JUNO: `${process.execPath} ${BIN}`,
      ...env,
    },
    timeout: SPAWN_TIMEOUT_MS,
  });
}

describe('stdout', SPAWN_GUARD, () => {
  it('is the same through a shell pipe, into a file and to /dev/null', async () => {
    // The source run in this process gives the bytes: the build must print the same.
    const expected = (await runMain(['schedule', '--date', '2014-09-21'])).stdout;
    const dir = tempDir();
    const piped = shell('$JUNO schedule --date 2014-09-21 | cat');
    expect(piped.stdout).toBe(expected);
    const file = join(dir, 'out.txt');
    const written = shell(`$JUNO schedule --date 2014-09-21 > '${file}'`);
    expect(written.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    const discarded = shell('$JUNO schedule --date 2014-09-21 > /dev/null; echo "exit $?"');
    expect(discarded.stdout).toBe('exit 0\n');
  });

  it('is not an error when discarded to /dev/null opened read-write (Python DEVNULL, Node stdio ignore)', () => {
    const result = shell('$JUNO next --date 2014-09-21 1<> /dev/null; echo "exit $?"');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('exit 0\n');
  });
});

describe('a reader that goes away early', SPAWN_GUARD, () => {
  it('ends quietly with exit 0 when the reader stops early (| head -c 100, JSON)', () => {
    const dir = tempDir();
    const file = bigTimeline(dir, 3000);
    const status = join(dir, 'status');
    const result = shell(
      `{ $JUNO schedule --format json --timeline '${file}'; echo $? > '${status}'; } | head -c 100 > /dev/null`,
    );
    expect(result.stderr).toBe('');
    expect(readFileSync(status, 'utf8')).toBe('0\n');
  });

  it('ends quietly with exit 0 when the reader stops early (juno schedule | head -1, the table)', () => {
    const dir = tempDir();
    bigTimeline(dir, 3000);
    const result = shell(
      '{ $JUNO schedule --timeline big.json --date 2014-09-21; echo "exit $?" >&2; } | head -1',
      dir,
    );
    expect(result.stdout).toMatch(/^\S.*\n$/);
    expect(result.stderr).toBe('exit 0\n');
  });

  it('ends quietly when the reading end is destroyed after the first chunk (CSV)', async () => {
    // Enough output to fill the pipe, so that juno is still writing when the reader goes away.
    const big = join(tempDir(), 'big.json');
    const events = Array.from({ length: 2000 }, (_, i) => ({
      id: `e${i}`,
      name: `Event ${i} ${'x'.repeat(200)}`,
      kind: 'other',
      start: '2014-09-04',
    }));
    writeFileSync(big, JSON.stringify({ series: 'big', events }));
    const result = await new Promise<{
      code: number | null;
      signal: string | null;
      stderr: string;
      first: string;
    }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--timeline', big, '--format', 'csv'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
      });
      let stderr = '';
      let first = '';
      child.stderr.setEncoding('utf8').on('data', (d) => {
        stderr += d;
      });
      child.stdout.setEncoding('utf8').once('data', (d: string) => {
        first = d.split('\n')[0] ?? '';
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stderr, first }));
      child.stdin.end();
    });
    expect(result.first).toBe('id,name,kind,start,end,week,daysUntil,status,confidence,project,location\r');
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' });
  });

  // A socket whose reader closes it with output unread: juno's next write fails with ECONNRESET, not EPIPE.
  it.skipIf(!hasProgram('python3'))(
    'ends quietly with exit 0 when a socket reader resets the connection',
    () => {
      const dir = tempDir();
      const timeline = bigTimeline(dir, 20_000);
      const reader = [
        'import select, socket, subprocess, sys, time',
        'mine, theirs = socket.socketpair()',
        'child = subprocess.Popen(sys.argv[1:], stdout=theirs, stderr=subprocess.PIPE)',
        'theirs.close()',
        'select.select([mine], [], [])',
        'time.sleep(0.2)',
        'mine.close()',
        'stderr = child.stderr.read().decode()',
        'print(child.wait(), repr(stderr))',
      ].join('\n');
      const result = spawnSync(
        'python3',
        ['-c', reader, process.execPath, BIN, 'schedule', '--timeline', timeline, '--format', 'json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
          timeout: SPAWN_TIMEOUT_MS,
        },
      );
      expect(result.stdout).toBe("0 ''\n");
    },
  );
});

describe('a reader that is slow', SPAWN_GUARD, () => {
  // A reader that sets its pipe non-blocking and reads late: juno's writes would block (EAGAIN) part-way, and the
  // rest must still arrive whole and in order. Python makes such a pipe; Node's child pipes always block.
  it.skipIf(!hasProgram('python3'))('writes everything to a pipe that would block', () => {
    const events = Array.from({ length: 3000 }, (_, i) => ({
      id: `e${i}`,
      name: `Event ${i} — ünïcödé ${'x'.repeat(100)}`,
      kind: 'other',
      start: '2014-09-04',
    }));
    const big = join(tempDir(), 'nonblocking.json');
    writeFileSync(big, JSON.stringify({ series: 'big', events }));
    const args = [BIN, '--timeline', big, '--format', 'json', '--date', '2014-09-21'];
    const env = { PATH: process.env.PATH ?? '', TZ: 'UTC' };
    const expected = spawnSync(process.execPath, args, {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const reader = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'child = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'chunks = []',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    chunks.append(chunk)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(child.wait())',
    ].join('\n');
    const result = spawnSync('python3', ['-c', reader, process.execPath, ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(expected.stdout.length).toBeGreaterThan(1_000_000);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout === expected.stdout).toBe(true);
  });
});

describe('stdout that cannot be written', SPAWN_GUARD, () => {
  it.skipIf(!existsSync('/dev/full'))('is exit 4 with one line on a full disk (/dev/full)', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--date', '2014-09-21'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result).toEqual({
      code: 4,
      stderr: 'juno: standard output: cannot write: no space left on the device\n',
    });
  });

  it('is exit 4 with one line when it is open only for reading', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.txt'), 'unchanged\n');
    const result = shell('$JUNO schedule --date 2014-09-21 1< in.txt; echo "exit $?" >&2', dir);
    expect(result.stderr).toBe(
      'juno: standard output: cannot write: bad file descriptor (not open for writing)\nexit 4\n',
    );
    expect(readFileSync(join(dir, 'in.txt'), 'utf8')).toBe('unchanged\n');
  });
});

describe('the installed package', SPAWN_GUARD, () => {
  it('finds its bundled data from a folder whose name holds spaces, # and %', () => {
    const root = join(tempDir(), 'a b#c%20d');
    for (const part of ['dist', 'data', 'package.json'])
      cpSync(join(BIN, '..', '..', part), join(root, part), { recursive: true });
    const result = spawnSync(process.execPath, [join(root, 'dist/bin.cjs'), 'validate'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^juno\.json: valid juno timeline \(series juno, \d+ events\)/);
    expect(result.status).toBe(0);
  });
});

describe.runIf(hasProgram('script', ['--version']) && hasReleases())(
  'stderr on a terminal',
  SPAWN_GUARD,
  () => {
    it("tells the terminal's width: juno update's progress line fits a 40-column terminal", () => {
      const cache = tempDir();
      chmodSync(cache, 0o700);
      const log = join(tempDir(), 'typescript');
      const command = `stty cols 40; exec "${process.execPath}" "${BIN}" update --from "${RELEASES}"`;
      const result = spawnSync('script', ['-qec', command, log], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache, TERM: 'xterm' },
        timeout: SPAWN_TIMEOUT_MS,
      });
      expect(result.status, result.stderr).toBe(0);
      const lines = readFileSync(log, 'utf8')
        .split('\r\u001b[K')
        .filter((part) => part.startsWith('juno: reading '));
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(39);
    });
  },
);
