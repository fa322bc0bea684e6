// Where `-o FILE` and stdout write, as users and attackers set things up: a symbolic link planted in a shared
// folder by another user, an export interrupted by a signal, the timeline named as its own output, a descriptor
// named as a path behind `>>`, and a stdout that cannot be written.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  lchownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasProgram } from '../external.js';
import { BIN, ROOT, runJuno } from '../helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'juno-write-'));
}

function shell(script: string, cwd: string) {
  return spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', JUNO: `${process.execPath} ${BIN}` },
    timeout: 60_000,
  });
}

/** A second user to own what an attacker would plant: `nobody`, when juno's tests run as root (as in CI). */
function nobody(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
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

describe.skipIf(other === null)('-o through a symbolic link in a shared folder', () => {
  const attacker = other as { uid: number; gid: number };

  /** A folder anyone may write to, and a private file of the user running juno that a link there points at. */
  function plant(folderMode: number) {
    const root = tempDir();
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, folderMode);
    const victim = join(root, 'home', '.bashrc');
    mkdirSync(join(root, 'home'));
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    chmodSync(victim, 0o600);
    const link = join(shared, 'juno.ics');
    symlinkSync(victim, link);
    return { root, shared, victim, link };
  }

  it.each([
    ['sticky, as /tmp is', 0o1777],
    ['not sticky', 0o777],
  ])('refuses a link another user planted in a world-writable folder (%s)', async (_, mode) => {
    const { root, shared, victim, link } = plant(mode);
    lchownSync(link, attacker.uid, attacker.gid);
    const result = await runJuno(['export', '-o', link]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        `juno: ${link}: cannot write: the symbolic link ${link} belongs to another user and sits in a folder anyone can write to\n` +
        'juno: hint: it may have been planted to redirect the output; remove it, or give another path to -o\n',
      code: 4,
    });
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(statSync(victim).mode & 0o777).toBe(0o600);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(root, 'home'))).toEqual(['.bashrc']);
    expect(readdirSync(shared)).toEqual(['juno.ics']);
  });

  it('refuses such a link as a folder on the way to the file', async () => {
    const { root, shared, victim } = plant(0o1777);
    const folderLink = join(shared, 'out');
    symlinkSync(join(root, 'home'), folderLink);
    lchownSync(folderLink, attacker.uid, attacker.gid);
    const result = await runJuno(['export', '-o', join(folderLink, '.bashrc')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`cannot write: the symbolic link ${folderLink} belongs to another user`);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(readdirSync(join(root, 'home'))).toEqual(['.bashrc']);
  });

  it("follows the user's own link there, and one owned by the folder's owner, as the kernel's rule does", async () => {
    const own = plant(0o1777);
    const mine = await runJuno(['export', '-o', own.link, '--kind', 'eol']);
    expect(mine).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(readFileSync(own.victim, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(statSync(own.victim).mode & 0o777).toBe(0o600);
    expect(readlinkSync(own.link)).toBe(own.victim);

    const theirs = plant(0o1777);
    chownSync(theirs.shared, attacker.uid, attacker.gid);
    lchownSync(theirs.link, attacker.uid, attacker.gid);
    const owners = await runJuno(['export', '-o', theirs.link, '--kind', 'eol']);
    expect(owners).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(readFileSync(theirs.victim, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

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

/** A timeline of `count` events: enough to keep juno writing its calendar for a while. */
function bigTimeline(dir: string, count: number): string {
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

describe('-o naming the timeline it reads', () => {
  it.each([
    ['the same path', 'cycle.json'],
    ['another path to it', './sub/../cycle.json'],
    ['a symbolic link to it', 'link.json'],
    ['a hard link to it', 'hard.json'],
  ])('is refused with exit 2 when named by %s, and the timeline is kept', async (_, output) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const timeline = readFileSync(join(ROOT, 'data', 'juno.json'));
    writeFileSync(join(dir, 'cycle.json'), timeline);
    symlinkSync('cycle.json', join(dir, 'link.json'));
    linkSync(join(dir, 'cycle.json'), join(dir, 'hard.json'));
    const result = await runJuno(['export', '--timeline', 'cycle.json', '-o', output], { cwd: dir });
    const same = output === 'cycle.json' ? '' : ' (cycle.json)';
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: -o ${output} is the timeline being read${same}: writing it would destroy it\n`,
      code: 2,
    });
    expect(readFileSync(join(dir, 'cycle.json')).equals(timeline)).toBe(true);
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

describe('stdout that cannot be written', () => {
  it('is exit 4 with one line when it is open only for reading', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.txt'), 'unchanged\n');
    const result = shell('$JUNO schedule --date 2014-09-21 1< in.txt; echo "exit $?" >&2', dir);
    expect(result.stderr).toBe(
      'juno: standard output: cannot write: bad file descriptor (not open for writing)\nexit 4\n',
    );
    expect(readFileSync(join(dir, 'in.txt'), 'utf8')).toBe('unchanged\n');
  });

  it('ends quietly with exit 0 when the reader stops early (juno schedule | head -1)', () => {
    const dir = tempDir();
    bigTimeline(dir, 3000);
    const result = shell(
      '{ $JUNO schedule --timeline big.json --date 2014-09-21; echo "exit $?" >&2; } | head -1',
      dir,
    );
    expect(result.stdout).toMatch(/^\S.*\n$/);
    expect(result.stderr).toBe('exit 0\n');
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
        { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC' }, timeout: 60_000 },
      );
      expect(result.stdout).toBe("0 ''\n");
    },
  );

  it('is not an error when discarded to /dev/null opened read-write (Python DEVNULL, Node stdio ignore)', () => {
    const result = shell('$JUNO next --date 2014-09-21 1<> /dev/null; echo "exit $?"', ROOT);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('exit 0\n');
  });
});
