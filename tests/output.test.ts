import {
  chmodSync,
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
import { OutputError } from '../src/cli/errors.js';

// Lets a test make one file-system call fail the way a full disk or a vanished folder does.
const failure = vi.hoisted(() => ({ call: null as null | 'writeFile' | 'rename', code: 'ENOSPC' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const fail = () => Object.assign(new Error(`${failure.code}: simulated`), { code: failure.code });
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      if (failure.call !== 'writeFile') return handle;
      return Object.assign(Object.create(handle), {
        writeFile: async () => {
          await handle.writeFile('partial');
          throw fail();
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      });
    },
    rename: async (...args: Parameters<typeof fs.rename>) => {
      if (failure.call === 'rename') throw fail();
      return fs.rename(...args);
    },
  };
});

const { describeWriteError, isStdout, writeOutput } = await import('../src/cli/output.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'juno-output-'));
  failure.call = null;
});
afterEach(() => {
  failure.call = null;
});

describe('writeOutput', () => {
  it('writes a new file', async () => {
    await writeOutput(join(dir, 'a.ics'), 'hello\r\n');
    expect(readFileSync(join(dir, 'a.ics'), 'utf8')).toBe('hello\r\n');
    expect(readdirSync(dir)).toEqual(['a.ics']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const file = join(dir, 'a.ics');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeOutput(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('replaces the target of a symbolic link, not the link', async () => {
    const real = join(dir, 'real.ics');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'link.ics'));
    await writeOutput(join(dir, 'link.ics'), 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.ics', 'real.ics']);
  });

  it.each(['writeFile', 'rename'] as const)(
    'leaves an existing file untouched and no temporary file when %s fails',
    async (call) => {
      const file = join(dir, 'a.ics');
      writeFileSync(file, 'old');
      failure.call = call;
      const error = await writeOutput(file, 'new').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).exitCode).toBe(4);
      expect((error as OutputError).message).toBe(`${file}: cannot write: no space left on the device`);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['a.ics']);
    },
  );

  it('fails with exit 4 when the folder is missing', async () => {
    const file = join(dir, 'missing', 'a.ics');
    await expect(writeOutput(file, 'x')).rejects.toThrow(
      `${file}: cannot write: the folder ${join(dir, 'missing')} does not exist`,
    );
  });

  it('refuses a folder as target', async () => {
    mkdirSync(join(dir, 'sub'));
    await expect(writeOutput(join(dir, 'sub'), 'x')).rejects.toThrow('cannot write: is a folder');
  });

  it('writes /dev/full in place and reports the full device', async () => {
    await expect(writeOutput('/dev/full', 'x')).rejects.toThrow(
      '/dev/full: cannot write: no space left on the device',
    );
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not write to', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, 0o555);
    await expect(writeOutput(join(locked, 'a.ics'), 'x')).rejects.toThrow('cannot write: permission denied');
  });
});

describe('write errors', () => {
  it.each([
    ['EACCES', 'f.ics: cannot write: permission denied'],
    ['EPERM', 'f.ics: cannot write: permission denied'],
    ['EROFS', 'f.ics: cannot write: the file system is read-only'],
    ['ENOSPC', 'f.ics: cannot write: no space left on the device'],
    ['ENOTDIR', 'f.ics: cannot write: part of the path is a file, not a folder'],
  ])('%s reads as %j', (code, message) => {
    const error = describeWriteError(Object.assign(new Error(code), { code }), 'f.ics');
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(4);
  });

  it('takes "-" and no file as stdout', () => {
    expect(isStdout(undefined)).toBe(true);
    expect(isStdout('-')).toBe(true);
    expect(isStdout('/dev/stdout')).toBe(true);
    expect(isStdout('./-')).toBe(false);
  });
});
