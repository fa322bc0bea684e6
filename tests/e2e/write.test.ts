// What `-o FILE` needs a process of its own for: another user running juno, signals that end it part-way, the
// umask of the shell that starts it, and descriptors named as paths behind `>>`. (The traps in the path itself,
// in this process: tests/in-process/write.test.ts.)
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, bigTimeline, nobody, ROOT, runJuno, tempDir } from '../helpers.js';

function shell(script: string, cwd: string) {
  return spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', JUNO: `${process.execPath} ${BIN}` },
    timeout: 60_000,
  });
}

const other = nobody();
/** Whether that user can run this node and checkout (not so for a node installed under /root, as npx's is). */
const otherCanRun =
  other !== null &&
  spawnSync(process.execPath, [BIN, '--version'], { uid: other.uid, gid: other.gid }).status === 0;
if (other !== null && !otherCanRun) {
  console.warn(
    'NOTICE: user nobody cannot run this node or checkout; the test that runs juno as nobody is skipped',
  );
}

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe.skipIf(other === null)('-o through a symbolic link in a shared folder, run as another user', () => {
  const attacker = other as { uid: number; gid: number };

  it.skipIf(!otherCanRun)("follows, for another user, a link the shared folder's owner made", async () => {
    const root = tempDir();
    chmodSync(root, 0o755);
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const theirs = join(root, 'theirs');
    mkdirSync(theirs);
    chownSync(theirs, attacker.uid, attacker.gid);
    const file = join(theirs, 'juno.ics');
    writeFileSync(file, 'old');
    chownSync(file, attacker.uid, attacker.gid);
    const link = join(shared, 'juno.ics');
    symlinkSync(file, link);
    const result = await runJuno(['export', '-o', link, '--kind', 'eol'], { uid: attacker.uid });
    expect(result).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(readFileSync(file, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(statSync(file).uid).toBe(attacker.uid);
  });
});

describe('an interrupted export', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'leaves no temporary file on %s, nor a changed target, and ends by the signal',
    async (signal) => {
      const dir = tempDir();
      const timeline = bigTimeline(dir, 100_000);
      const target = join(dir, 'cal.ics');
      writeFileSync(target, 'the previous calendar');
      chmodSync(target, 0o600);
      const result = await new Promise<{
        code: number | null;
        signal: string | null;
        stderr: string;
        tempMode: number | null;
      }>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'export', '--timeline', timeline, '-o', target], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let tempMode: number | null = null;
        // Signalled as soon as the temporary file appears; writing 30 MB of calendar takes far longer.
        const watcher = watch(dir, (_, name) => {
          if (tempMode !== null || !name?.endsWith('.tmp')) return;
          try {
            tempMode = statSync(join(dir, name)).mode & 0o777;
          } catch {
            return;
          }
          child.kill(signal);
        });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d) => {
          stderr += d;
        });
        child.on('error', reject);
        child.on('close', (code, signalled) => {
          watcher.close();
          resolve({ code, signal: signalled, stderr, tempMode });
        });
      });
      // The temporary file had the target's permissions from the start.
      expect(result).toEqual({ code: null, signal, stderr: '', tempMode: 0o600 });
      expect(readdirSync(dir).sort()).toEqual(['big.json', 'cal.ics']);
      expect(readFileSync(target, 'utf8')).toBe('the previous calendar');
      expect(statSync(target).mode & 0o777).toBe(0o600);
    },
  );

  it('reports the signal to a shell as 128 + its number', () => {
    const dir = tempDir();
    bigTimeline(dir, 100_000);
    const result = shell(
      '$JUNO export --timeline big.json -o cal.ics & pid=$!; ' +
        'while kill -0 $pid && ! ls -a | grep -q "\\.tmp$"; do sleep 0.01; done; kill -TERM $pid; wait $pid; echo "exit $?"',
      dir,
    );
    expect(result.stdout).toBe('exit 143\n');
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('gives a new file 0666 less the umask, and a replaced one its own mode', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'group.ics'), 'old');
    chmodSync(join(dir, 'group.ics'), 0o664);
    const result = shell(
      'umask 027; $JUNO export --kind eol -o new.ics && umask 077 && $JUNO export --kind eol -o group.ics',
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(statSync(join(dir, 'new.ics')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'group.ics')).mode & 0o777).toBe(0o664);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('-o naming a descriptor', () => {
  it.each(['/dev/fd/1', '/dev/stdout', '/proc/self/fd/1'])(
    'adds to a log opened with >> (-o %s), keeping what it held',
    (path) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'log'), 'earlier line\n');
      const result = shell(`$JUNO export --kind eol -o ${path} >> log`, dir);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const log = readFileSync(join(dir, 'log'), 'utf8');
      expect(log).toMatch(/^earlier line\nBEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    },
  );

  it('adds to another descriptor opened with >> (-o /dev/fd/3)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'log'), 'earlier line\n');
    const result = shell('$JUNO export --kind eol -o /dev/fd/3 3>> log', dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'log'), 'utf8')).toMatch(/^earlier line\nBEGIN:VCALENDAR\r\n/);
  });
});
