// What only the built program can show about export: that the bundle carries the patched ical-generator (its line
// folding), and that -o names stdout and a named pipe as a process's own descriptors. Everything else export does
// is checked in this process: tests/in-process/export.test.ts.
import { spawnSync } from 'node:child_process';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkLines, parseIcs } from '../calendar.js';
import { runJuno, SPAWN_GUARD, tempDir } from '../helpers.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1413417600' }; // 2014-10-16T00:00:00Z

describe('juno export, built', SPAWN_GUARD, () => {
  it('folds long multibyte lines at 75 octets without splitting a character (the bundled, patched folding)', async () => {
    const dir = tempDir();
    const file = join(dir, 'long.json');
    const name = `Freeze — ${'Überprüfung 語言 📞 ünïcödé '.repeat(12)}`.trim();
    const events = Array.from({ length: 50 }, (_, i) => ({
      id: `event-${i}`,
      name: `${name} ${i}`,
      kind: 'freeze',
      start: '2014-09-04',
    }));
    writeFileSync(file, JSON.stringify({ series: 'long', events }));
    const result = await runJuno(['export', '--timeline', file], { env: EPOCH });
    expect(result.code).toBe(0);
    checkLines(result.stdout);
    checkBytes(Buffer.from(result.stdout, 'utf8'));
    expect(parseIcs(result.stdout).events.map((e) => e.summary)).toEqual(
      events.map((e) => `Long: ${e.name}`),
    );
  });

  it('writes stdout for -o /dev/stdout, and a named pipe in place', async () => {
    const plain = await runJuno(['export', '--kind', 'eol']);
    expect(plain.stdout).toContain('UID:juno-eol@juno.juno.openstack\r\n');
    const devStdout = await runJuno(['export', '-o', '/dev/stdout', '--kind', 'eol']);
    expect(devStdout).toEqual(plain);
    const fifo = join(tempDir(), 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reading = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => {
          text += chunk;
        })
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const written = await runJuno(['export', '-o', fifo, '--kind', 'eol']);
    expect(written).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await reading).toBe(plain.stdout);
  });
});
