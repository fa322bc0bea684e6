// stdout as scripts see it: a shell pipe, a file, /dev/null, and a pipe closed early. juno writes to a pipe or a
// file straight to the descriptor and to terminals and devices through process.stdout (src/cli/run.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runJuno } from '../helpers.js';

function shell(script: string, env: Record<string, string> = {}) {
  return spawnSync('sh', ['-c', script], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      NO_COLOR: '1',
      JUNO: `${process.execPath} ${BIN}`,
      ...env,
    },
    timeout: 60_000,
  });
}

describe('stdout', () => {
  it('is the same through a shell pipe, into a file and to /dev/null', async () => {
    const expected = (await runJuno(['schedule', '--date', '2014-09-21'])).stdout;
    const dir = mkdtempSync(join(tmpdir(), 'juno-stdout-'));
    const piped = shell('$JUNO schedule --date 2014-09-21 | cat');
    expect(piped.stdout).toBe(expected);
    const file = join(dir, 'out.txt');
    const written = shell(`$JUNO schedule --date 2014-09-21 > '${file}'`);
    expect(written.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    const discarded = shell('$JUNO schedule --date 2014-09-21 > /dev/null; echo "exit $?"');
    expect(discarded.stdout).toBe('exit 0\n');
  });

  it('stops quietly, exit 0, when the reader closes the pipe early', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juno-stdout-'));
    const file = join(dir, 'many.json');
    const events = Array.from({ length: 3000 }, (_, i) => ({
      id: `e-${i}`,
      name: `Event ${i}`,
      kind: 'milestone',
      start: '2014-09-04',
    }));
    writeFileSync(file, JSON.stringify({ series: 'many', events }));
    const status = join(dir, 'status');
    const result = shell(
      `{ $JUNO schedule --format json --timeline '${file}'; echo $? > '${status}'; } | head -c 100 > /dev/null`,
    );
    expect(result.stderr).toBe('');
    expect(readFileSync(status, 'utf8')).toBe('0\n');
  });
});

describe('the installed package', () => {
  it('finds its bundled data from a folder whose name holds spaces, # and %', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'juno-install-')), 'a b#c%20d');
    for (const part of ['bin', 'dist', 'data', 'package.json'])
      cpSync(join(BIN, '..', '..', part), join(root, part), { recursive: true });
    const result = spawnSync(process.execPath, [join(root, 'bin/juno.js'), 'validate'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^juno\.json: valid juno timeline \(series juno, \d+ events\)/);
    expect(result.status).toBe(0);
  });
});
