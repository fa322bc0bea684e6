// `juno update` in this process: --from a made-up checkout (a moved milestone reported, the progress line on a
// terminal and only there), the change lines, and the --timeout values.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDuration } from '../src/cli/commands/update.js';
import { main } from '../src/cli/main.js';
import { scheduleChanges } from '../src/cli/update/changes.js';
import { currentData } from '../src/cli/update/current.js';
import { parseIcs } from './calendar.js';
import { FIXTURES, MAIN_NOW, makeTimeline, tempDir } from './helpers.js';

// The real currentData, watched: a source juno refuses is refused before the data in use is read.
vi.mock('../src/cli/update/current.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/cli/update/current.js')>();
  return { ...original, currentData: vi.fn(original.currentData) };
});

const STATUS = `- name: jacaranda
  release-id: 2027.2
  status: future
  initial-release: 2027-09-29
`;

/** A checkout of the made-up tree with jacaranda in its series list. */
function checkout(): string {
  const dir = join(tempDir('juno-checkout-'), 'releases');
  cpSync(`${FIXTURES}upstream/releases`, dir, { recursive: true });
  writeFileSync(join(dir, 'data/series_status.yaml'), STATUS);
  return dir;
}

async function run(args: string[], env: Record<string, string>, tty: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env,
    now: () => MAIN_NOW,
    stdout: {
      isTTY: false,
      write: (t) => {
        stdout += t;
      },
    },
    stderr: {
      isTTY: tty,
      columns: 60,
      write: (t) => {
        stderr += t;
      },
    },
  });
  return { stdout, stderr, code };
}

describe('a source juno refuses', () => {
  it('is refused before the data in use is read: --url that is not a URL (2), --from a missing folder (5)', async () => {
    const env = { XDG_CACHE_HOME: tempDir('juno-cache-') };
    vi.mocked(currentData).mockClear();
    const url = await run(['update', '--url', 'notaurl'], env, false);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('juno: --url "notaurl": not a URL');
    const missing = join(tempDir('juno-none-'), 'nonexistent');
    const from = await run(['update', '--from', missing], env, false);
    expect(from.code).toBe(5);
    expect(from.stderr).toContain(`${missing}: no data/series_status.yaml there: not a checkout`);
    expect(currentData).not.toHaveBeenCalled();
  });
});

describe('juno update --from', () => {
  it('reports what moved, with a progress line on a terminal only', async () => {
    const env = { XDG_CACHE_HOME: tempDir('juno-cache-') };
    const dir = checkout();
    const first = await run(['update', '--from', dir], env, false);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const page = join(dir, 'doc/source/jacaranda/schedule.rst');
    writeFileSync(page, readFileSync(page, 'utf8').replace('13 May 2027', '12 May 2027'));
    const second = await run(['update', '--from', dir], env, true);
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe('jacaranda j-1: Thu 13 May 2027 → Wed 12 May 2027');
    expect(second.stderr.startsWith('\r\u001b[Kjuno: reading data/series_status.yaml (1)')).toBe(true);
    expect(second.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(second.stderr).not.toContain('\n');
    // The moved event is revised (SEQUENCE up by one, LAST-MODIFIED the update's date); the others keep theirs.
    const written = JSON.parse(
      readFileSync(join(env.XDG_CACHE_HOME, 'juno/data/series/jacaranda.json'), 'utf8'),
    );
    const [moved, ...rest] = ['j-1', 'j-2'].map((id) =>
      written.timeline.events.find((e: { id: string }) => e.id === id),
    );
    expect(moved).toMatchObject({ sequence: 1, updated: written.timeline.updated });
    for (const event of rest) expect(event).not.toHaveProperty('sequence');
    const ics = parseIcs((await run(['--series', 'jacaranda', 'export'], env, false)).stdout);
    const uid = (id: string) => ics.events.find((e) => e.uid === `${id}@jacaranda.juno.openstack`);
    expect(uid('j-1')).toMatchObject({ sequence: 1 });
    expect(uid('j-1')?.lastModified?.slice(0, 10)).toBe(written.timeline.updated);
    expect(uid('j-2')).toMatchObject({ sequence: 0 });
  });
});

describe('change lines', () => {
  const timeline = (events: Record<string, unknown>[]) => makeTimeline({ events });
  const event = (id: string, start: string, end = start) => ({
    id,
    name: id,
    kind: 'milestone',
    start,
    end,
    confidence: 'confirmed',
  });

  it('names each moved, new and dropped event with its days', () => {
    const before = timeline([event('i-2', '2027-01-07'), event('i-gone', '2027-02-04')]);
    const after = timeline([event('i-2', '2027-01-14'), event('i-new', '2027-03-01', '2027-03-05')]);
    expect(scheduleChanges('indri', before, after)).toEqual([
      'indri i-2: Thu 7 Jan 2027 → Thu 14 Jan 2027',
      'indri i-new: new, Mon 1 – Fri 5 Mar 2027',
      'indri i-gone: Thu 4 Feb 2027, dropped',
    ]);
    expect(scheduleChanges('indri', before, before)).toEqual([]);
  });
});

describe('--timeout', () => {
  it.each([
    ['30s', 30_000],
    ['2s', 2000],
    ['500ms', 500],
    ['1m', 60_000],
    ['1.5', 1500],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['0s', 'soon', '11m', '-1s'])('%s is a usage error', (text) => {
    expect(() => parseDuration(text)).toThrow(/--timeout/);
  });
});
