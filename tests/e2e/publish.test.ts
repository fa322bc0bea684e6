/// <reference lib="dom" />
// What `juno publish` needs a process of its own for: the umask of the shell that starts it, a file size limit
// that stops it part-way, another user who may not write beside the folder, and the page in a real browser. (The
// files and the refusals, in this process: tests/in-process/publish.test.ts.)
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumTests, useChromium } from '../chromium.js';
import { BIN, nobody, ROOT, runJuno, tempDir } from '../helpers.js';

/** Runs the built juno from a shell script (`$JUNO` is juno), for `umask` and `ulimit`. */
function shell(script: string) {
  return spawnSync('sh', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? '',
      JUNO: `${process.execPath} ${BIN}`,
    },
    timeout: 60_000,
  });
}

/** A new folder to publish into, not there yet, in a folder of its own. */
function site(): string {
  return join(tempDir('juno-publish-'), 'site');
}

/** Every file of a folder with its bytes, by name. */
function contents(dir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

describe('juno publish, the built CLI', () => {
  it('writes 0644 files in a 0755 folder whatever the umask, each feed as export writes it', async () => {
    const dir = site();
    const result = shell(`umask 077; $JUNO publish '${dir}'`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([join(dir, 'all.ics'), join(dir, 'index.html')]);
    expect(lines.map((line) => basename(line)).sort()).toEqual(
      readdirSync(dir)
        .filter((name) => name !== '.juno-publish')
        .sort(),
    );
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o644);
    for (const series of ['juno', 'austin', 'ocata', 'indri']) {
      const exported = await runJuno(['--series', series, 'export']);
      expect(readFileSync(join(dir, `${series}.ics`), 'utf8'), series).toBe(exported.stdout);
    }
    expect(readdirSync(dirname(dir))).toEqual(['site']);
  });

  it('leaves the folder as it was when a file cannot be written part-way (ulimit -f)', () => {
    const dir = site();
    expect(shell(`$JUNO publish '${dir}'`).status).toBe(0);
    writeFileSync(join(dir, 'indri.ics'), 'what subscribers have now');
    const before = contents(dir);
    // The small calendars of the oldest series fit in 8 kB, the schedules from ocata on do not: the new folder is
    // half-written when a write fails (node ignores SIGXFSZ, so the write fails with EFBIG).
    const result = shell(`ulimit -f 16 && $JUNO publish '${dir}'`);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 4,
      stdout: '',
      stderr: `juno: ${dir}: cannot publish: a file is larger than this process may write (ulimit -f); ${dir} is left as it was\n`,
    });
    expect(contents(dir)).toEqual(before);
    expect(readdirSync(dirname(dir))).toEqual(['site']);
  });
});

describe('juno publish after runs that were killed part-way', () => {
  /** Runs the built juno with a module loaded first that kills it (SIGKILL, which nothing can catch) at one step. */
  function killedAt(step: 'the first rename' | 'writing index.html', dir: string) {
    const preload = join(tempDir('juno-publish-kill-'), 'kill.cjs');
    writeFileSync(
      preload,
      step === 'the first rename'
        ? `const fs = require('node:fs');
const rename = fs.renameSync;
fs.renameSync = (from, to) => { rename(from, to); if (from === ${JSON.stringify(dir)}) process.kill(process.pid, 'SIGKILL'); };
`
        : `const fs = require('node:fs/promises');
const open = fs.open;
fs.open = (path, ...rest) => { if (String(path).endsWith('/index.html')) process.kill(process.pid, 'SIGKILL'); return open(path, ...rest); };
`,
    );
    const result = spawnSync(process.execPath, ['--require', preload, BIN, 'publish', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? '' },
      timeout: 60_000,
    });
    expect(result.signal, step).toBe('SIGKILL');
    return result.pid;
  }

  it('removes what they left beside the folder once its new folder is in place, and nothing else', () => {
    const dir = site();
    const parent = dirname(dir);
    expect(shell(`$JUNO publish '${dir}'`).status).toBe(0);
    const published = contents(dir);
    // Killed between the two renames: the old folder is aside, the new one not yet in place, and no site at all.
    const first = killedAt('the first rename', dir);
    expect(readdirSync(parent).sort()).toEqual([`.site.${first}.old`, `.site.${first}.partial`]);
    expect(contents(join(parent, `.site.${first}.old`))).toEqual(published);
    // Killed while writing: a half-written new folder.
    const second = killedAt('writing index.html', dir);
    expect(existsSync(join(parent, `.site.${second}.partial`, 'index.html'))).toBe(false);
    // And one of a juno that runs (this process stands for it): not to be touched.
    mkdirSync(join(parent, `.site.${process.pid}.partial`));
    const result = shell(`$JUNO publish '${dir}'`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([`.site.${process.pid}.partial`, 'site']);
    expect(contents(dir)).toEqual(published);
  });
});

const other = nobody();
/** Whether that user can run this node and checkout (not so for a node installed under /root, as npx's is). */
const otherCanRun =
  other !== null &&
  spawnSync(process.execPath, [BIN, '--version'], { uid: other.uid, gid: other.gid }).status === 0;

describe.skipIf(!otherCanRun)('juno publish run by a user who may not write beside the folder', () => {
  it('exits 4 and leaves the published folder as it was', async () => {
    const user = other as { uid: number; gid: number };
    const dir = site();
    chmodSync(dirname(dir), 0o755);
    expect((await runJuno(['publish', dir])).code).toBe(0);
    const before = contents(dir);
    const result = await runJuno(['publish', dir], { uid: user.uid });
    expect(result).toEqual({
      stdout: '',
      stderr:
        `juno: ${dir}: cannot publish: permission denied in ${dirname(dir)}; ${dir} is left as it was\n` +
        `juno: hint: juno builds the new folder beside ${dir} and swaps it in, so it needs to write to ${dirname(dir)}\n`,
      code: 4,
    });
    expect(contents(dir)).toEqual(before);
    expect(readdirSync(dirname(dir))).toEqual(['site']);
  });
});

describe.runIf(chromiumTests('index.html is not opened in a browser'))('index.html in Chromium', () => {
  const chromium = useChromium({ width: 390, height: 844 });

  it('runs nothing, fetches nothing, and links feeds that are there', async () => {
    // A series list whose data holds markup: it must show as text.
    const cache = tempDir('juno-publish-data-');
    const data = join(cache, 'juno', 'data');
    mkdirSync(data, { recursive: true });
    for (const folder of [cache, join(cache, 'juno'), data]) chmodSync(folder, 0o700);
    const list = JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8'));
    list.series.push({
      name: 'zulu',
      releaseId: '<script>a()</script>',
      status: 'maintained',
      initialRelease: '2009-01-01',
      eolDate: null,
      nextPhase: null,
    });
    writeFileSync(join(data, 'series.json'), JSON.stringify(list));
    const dir = site();
    const published = await runJuno(['publish', dir], { env: { XDG_CACHE_HOME: cache } });
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);

    const page = await chromium().newPage();
    const requests: string[] = [];
    const events: string[] = [];
    page.on('request', (r: { url(): string }) => requests.push(r.url()));
    page.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
      events.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m: { type(): string; text(): string }) => events.push(`${m.type()} ${m.text()}`));
    page.on('pageerror', (e: Error) => events.push(`error ${e.message}`));
    const url = pathToFileURL(join(dir, 'index.html')).href;
    await page.goto(url);
    const seen = await page.evaluate(() => ({
      scripts: document.scripts.length,
      title: document.title,
      zulu: document.querySelector('tbody tr:last-child td')?.textContent,
      links: Array.from(document.querySelectorAll('a'), (a) => a.href),
      width: document.documentElement.scrollWidth,
    }));
    await page.screenshot({ path: `${ROOT}tests/artifacts/publish-index.png`, fullPage: true });
    await page.close();
    expect(events).toEqual([]);
    expect(requests).toEqual([url]);
    expect(seen.scripts).toBe(0);
    expect(seen.title).toBe('OpenStack release schedules');
    expect(seen.zulu).toBe('<script>a()</script>');
    // The page fits a phone's width; only the table scrolls sideways, inside its own box.
    expect(seen.width).toBeLessThanOrEqual(390);
    const local = seen.links.filter((href: string) => href.startsWith('file:'));
    expect(local).toHaveLength(readdirSync(dir).filter((name) => name.endsWith('.ics')).length);
    for (const href of local) expect(existsSync(new URL(href)), href).toBe(true);
  });
});
