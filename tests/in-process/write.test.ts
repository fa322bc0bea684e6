// Where `-o FILE` writes when the path is a trap: a symbolic link planted in a shared folder by another user, and
// the timeline named as its own output. Run in this process, as the user running the tests; what needs a process of
// its own (another user, signals, the umask, descriptors) is in tests/e2e/write.test.ts.
import {
  chmodSync,
  chownSync,
  lchownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nobody, ROOT, runMain, tempDir } from '../helpers.js';

const other = nobody();

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
    const result = await runMain(['export', '-o', link]);
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
    const result = await runMain(['export', '-o', join(folderLink, '.bashrc')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`cannot write: the symbolic link ${folderLink} belongs to another user`);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(readdirSync(join(root, 'home'))).toEqual(['.bashrc']);
  });

  it("follows the user's own link there, and one owned by the folder's owner, as the kernel's rule does", async () => {
    const own = plant(0o1777);
    const mine = await runMain(['export', '-o', own.link, '--kind', 'eol']);
    expect(mine).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(readFileSync(own.victim, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(statSync(own.victim).mode & 0o777).toBe(0o600);
    expect(readlinkSync(own.link)).toBe(own.victim);

    const theirs = plant(0o1777);
    chownSync(theirs.shared, attacker.uid, attacker.gid);
    lchownSync(theirs.link, attacker.uid, attacker.gid);
    const owners = await runMain(['export', '-o', theirs.link, '--kind', 'eol']);
    expect(owners).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(readFileSync(theirs.victim, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});

describe('-o naming the timeline it reads', () => {
  it.each([
    ['the same path', 'cycle.json'],
    ['another path to it', 'sub/../cycle.json'],
    ['a symbolic link to it', 'link.json'],
    ['a hard link to it', 'hard.json'],
  ])('is refused with exit 2 when named by %s, and the timeline is kept', async (_, output) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const timeline = readFileSync(join(ROOT, 'data', 'juno.json'));
    writeFileSync(join(dir, 'cycle.json'), timeline);
    symlinkSync('cycle.json', join(dir, 'link.json'));
    linkSync(join(dir, 'cycle.json'), join(dir, 'hard.json'));
    const timelinePath = `${dir}/cycle.json`;
    const outputPath = `${dir}/${output}`;
    const result = await runMain(['export', '--timeline', timelinePath, '-o', outputPath]);
    const same = output === 'cycle.json' ? '' : ` (${timelinePath})`;
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: -o ${outputPath} is the timeline being read${same}: writing it would destroy it\n`,
      code: 2,
    });
    expect(readFileSync(join(dir, 'cycle.json')).equals(timeline)).toBe(true);
    expect(temporaries(dir)).toEqual([]);
  });
});
