// `juno publish DIR`, run in this process: the files it writes and what they hold, the page, what it refuses, and
// that a failure part-way leaves the folder as it was. What needs a process of its own (the umask, a file size
// limit, another user, a browser) is in tests/e2e/publish.test.ts.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseBase } from '../../src/cli/commands/publish.js';
import { running } from '../../src/cli/folder.js';
import { checkLines, parseIcs } from '../calendar.js';
import { ROOT, runMain, tempDir } from '../helpers.js';

/** A write that fails with "no space left" once juno writes the file whose name ends so; null: none fails. */
const failing = vi.hoisted(() => ({ file: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    if (failing.file !== null && String(args[0]).endsWith(failing.file)) {
      handle.writeFile = async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
    }
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

beforeEach(() => {
  failing.file = null;
});

/** Every series of the bundled list, oldest first, as the feeds are named. */
const SERIES = (
  JSON.parse(readFileSync(`${ROOT}data/series.json`, 'utf8')) as {
    series: { name: string; initialRelease: string }[];
  }
).series
  .sort((a, b) => (a.initialRelease < b.initialRelease ? -1 : 1))
  .map((s) => s.name);

const FILES = [...SERIES.map((name) => `${name}.ics`), 'all.ics', 'index.html'];

/** A new folder to publish into: `<temp>/site`, not there yet. */
function site(): string {
  return join(tempDir('juno-publish-'), 'site');
}

/** Every file of a folder with its bytes, by name (a folder in it: its own). */
function contents(dir: string): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => {
      const path = join(dir, name);
      return [name, lstatSync(path).isDirectory() ? contents(path) : readFileSync(path)];
    }),
  );
}

/** What juno leaves beside the folder while it works: nothing may be left after a run. */
const leftovers = (dir: string) => readdirSync(dirname(dir)).filter((name) => name !== basename(dir));

/** The series an entry's UID names: `<id>@<series>.juno.openstack`. */
const uidSeries = (uid: string) => /@([a-z0-9-]+)\.juno\.openstack$/.exec(uid)?.[1];

describe('juno publish', () => {
  it('writes a feed per series, all.ics and index.html, and prints each path', async () => {
    const dir = site();
    const result = await runMain(['publish', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(FILES.map((file) => `${join(dir, file)}\n`).join(''));
    expect(readdirSync(dir).sort()).toEqual(['.juno-publish', ...FILES].sort());
    expect(SERIES).toEqual(expect.arrayContaining(['austin', 'juno', 'newton', 'ocata', 'indri']));
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o644);
    for (const file of FILES.filter((name) => name.endsWith('.ics'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      checkLines(text);
      expect(text, file).not.toMatch(/^METHOD:/m);
      expect(parseIcs(text).events.length, file).toBeGreaterThan(0);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes each series as juno --series NAME export does, byte for byte', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    for (const name of SERIES) {
      const exported = await runMain(['--series', name, 'export']);
      expect(exported.code, name).toBe(0);
      expect(readFileSync(join(dir, `${name}.ics`), 'utf8'), name).toBe(exported.stdout);
    }
    // juno is the hand-curated timeline, austin one from the series list alone, indri a bundled schedule.
    const uids = (name: string) =>
      parseIcs(readFileSync(join(dir, `${name}.ics`), 'utf8')).events.map((e) => e.uid);
    expect(uids('juno')).toContain('feature-freeze@juno.juno.openstack');
    expect(uids('austin')).toEqual(['a-release@austin.juno.openstack']);
    expect(uids('indri')).toContain('i-ff@indri.juno.openstack');
  });

  it('puts every series in all.ics, each summary naming its series', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    const all = readFileSync(join(dir, 'all.ics'), 'utf8');
    checkLines(all);
    expect(all).not.toMatch(/^METHOD:/m);
    const { props, events } = parseIcs(all);
    expect(props['x-wr-calname']).toBe('OpenStack release schedules');
    expect(props['x-wr-caldesc']).toContain('Austin (2010.1) to Indri (2027.1)');
    const feeds = SERIES.flatMap((name) => parseIcs(readFileSync(join(dir, `${name}.ics`), 'utf8')).events);
    expect(events.map((e) => e.uid)).toEqual(feeds.map((e) => e.uid));
    expect(events).toEqual(feeds);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(new Set(events.map((e) => uidSeries(e.uid)))).toEqual(new Set(SERIES));
    for (const event of events) {
      const series = uidSeries(event.uid) as string;
      expect(event.summary, event.uid).toMatch(new RegExp(`(^|[^a-z0-9])${series}($|[^a-z0-9])`, 'i'));
    }
  });

  it('gives the same bytes on every run, whatever the day, into any folder', async () => {
    const dir = site();
    expect((await runMain(['publish', dir, '--date', '2014-09-21'])).code).toBe(0);
    const first = contents(dir);
    const again = await runMain(['publish', dir, '--date', '2031-06-01']);
    expect(again.code).toBe(0);
    expect(contents(dir)).toEqual(first);
    const elsewhere = site();
    expect((await runMain(['publish', elsewhere], { JUNO_DATE: '2026-11-29' })).code).toBe(0);
    expect(contents(elsewhere)).toEqual(first);
    expect(leftovers(dir)).toEqual([]);
  });

  it('replaces a folder it published before, whole', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    const fresh = contents(dir);
    writeFileSync(join(dir, 'indri.ics'), 'stale');
    chmodSync(join(dir, 'juno.ics'), 0o600);
    expect((await runMain(['publish', dir])).code).toBe(0);
    expect(contents(dir)).toEqual(fresh);
    expect(statSync(join(dir, 'juno.ics')).mode & 0o777).toBe(0o644);
    expect(leftovers(dir)).toEqual([]);
  });

  it('publishes into an empty folder', async () => {
    const dir = site();
    mkdirSync(dir, { mode: 0o700 });
    expect((await runMain(['publish', dir])).code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(FILES.length + 1);
    expect(statSync(dir).mode & 0o777).toBe(0o755);
  });

  it('reports the files as JSON', async () => {
    const dir = site();
    const result = await runMain(['publish', dir, '--url', 'https://example.org/juno', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'folder',
      'url',
      'snapshot',
      'asOf',
      'feeds',
      'all',
      'index',
    ]);
    expect(report).toMatchObject({
      schemaVersion: 1,
      folder: dir,
      url: 'https://example.org/juno/',
      snapshot: { commit: '02df7c9a3', date: '2026-08-21', source: 'https://opendev.org/openstack/releases' },
      asOf: '2026-08-21',
      all: {
        file: 'all.ics',
        path: join(dir, 'all.ics'),
        url: 'https://example.org/juno/all.ics',
        webcal: 'webcal://example.org/juno/all.ics',
      },
      index: {
        file: 'index.html',
        path: join(dir, 'index.html'),
        url: 'https://example.org/juno/index.html',
      },
    });
    expect(report.feeds.map((f: { series: string }) => f.series)).toEqual(SERIES);
    expect(report.feeds.find((f: { series: string }) => f.series === 'indri')).toEqual({
      series: 'indri',
      file: 'indri.ics',
      path: join(dir, 'indri.ics'),
      url: 'https://example.org/juno/indri.ics',
      webcal: 'webcal://example.org/juno/indri.ics',
      releaseId: '2027.1',
      slurp: true,
      name: '2027.1 Indri Release Schedule',
      release: '2027-03-24',
      planned: true,
      status: 'future',
      events: parseIcs(readFileSync(join(dir, 'indri.ics'), 'utf8')).events.length,
    });
    const total = report.feeds.reduce((sum: number, f: { events: number }) => sum + f.events, 0);
    expect(report.all.events).toBe(total);
    expect(parseIcs(readFileSync(join(dir, 'all.ics'), 'utf8')).events).toHaveLength(total);
  });

  it('shows examples in its help, and shell completion offers it', async () => {
    const help = await runMain(['publish', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: juno publish [options] <dir>');
    expect(help.stdout).toContain('Examples:\n  $ juno publish public\n');
    const overview = await runMain(['--help']);
    expect(overview.stdout).toMatch(/\n {2}publish \[options\] <dir> +write a folder/);
    const script = async (shell: string) => {
      const completion = await runMain(['completion', shell]);
      expect(completion.code, shell).toBe(0);
      return completion.stdout;
    };
    const bash = await script('bash');
    expect(bash).toMatch(/local commands='[^']* export publish update'/);
    expect(bash).toContain('\n    publish)\n');
    expect(bash).toContain("COMPREPLY=($(compgen -W '--url --format --help --timeline");
    expect(await script('zsh')).toMatch(/\n {8}publish\) _arguments .*'--url\[the http\(s\) address DIR/);
    expect(await script('fish')).toContain(
      "complete -c juno -n '__fish_seen_subcommand_from publish' -l url -x -d",
    );
  });
});

/** `<a href="…">` targets of a page. */
const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);

describe('index.html', () => {
  it('is a small self-contained HTML5 page linking every feed, relative without --url', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n')).toBe(
      true,
    );
    expect(html.endsWith('</html>\n')).toBe(true);
    // Written as well-formed XML too (every element closed, every & a reference), which an XML parser checks.
    expect(XMLValidator.validate(html)).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\bsrc=|\bon[a-z]+=|url\(|@import/i);
    const links = hrefs(html);
    for (const file of FILES.filter((name) => name.endsWith('.ics'))) expect(links).toContain(file);
    // The only address elsewhere is openstack/releases, where the data comes from.
    expect(links.filter((href) => href?.includes(':'))).toEqual(['https://opendev.org/openstack/releases']);
    expect(html).not.toContain('webcal://example');
    expect(html).toContain('Each calendar is added by its full web address');
    expect(html).toContain('<td>2027.1 SLURP</td><td><time datetime="2027-03-24">Wed 24 Mar 2027</time>');
    for (const client of ['Thunderbird', 'GNOME Calendar', 'Apple Calendar', 'Google Calendar'])
      expect(html).toContain(`<dt>${client}</dt>`);
    expect(html).toContain('New Calendar… → On the Network');
    expect(html).toContain('File → New Calendar Subscription…');
    expect(html).toContain('Other calendars → + → From URL');
    expect(html).toContain('From the Web');
  });

  it('links absolute addresses and webcal:// with --url, and shows the address to paste', async () => {
    const dir = site();
    const result = await runMain(['publish', dir, '--url', 'https://example.org/juno/']);
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(XMLValidator.validate(html)).toBe(true);
    const links = hrefs(html);
    for (const file of FILES.filter((name) => name.endsWith('.ics'))) {
      expect(links).toContain(`https://example.org/juno/${file}`);
      expect(links).toContain(`webcal://example.org/juno/${file}`);
      expect(html).toContain(`<code>https://example.org/juno/${file}</code>`);
    }
    expect(html).toContain('<a href="webcal://example.org/juno/indri.ics">webcal</a>');
    expect(links.every((href) => /^(https|webcal):\/\//.test(href as string))).toBe(true);
    expect(html).not.toContain('Each calendar is added by its full web address');
    // The calendars themselves do not change with the address they are served at.
    const plain = site();
    await runMain(['publish', plain]);
    for (const file of FILES.filter((name) => name.endsWith('.ics')))
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(plain, file))), file).toBe(true);
  });

  it('says Google Calendar needs https when the folder is served over http', async () => {
    const dir = site();
    expect((await runMain(['publish', dir, '--url', 'http://intranet.example/cal'])).code).toBe(0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(hrefs(html)).toContain('webcal://intranet.example/cal/indri.ics');
    expect(html).toContain('(this folder is served over http)');
  });

  it('escapes everything from the data: none of it becomes markup', async () => {
    const cache = tempDir('juno-publish-data-');
    const data = join(cache, 'juno', 'data');
    mkdirSync(join(data, 'series'), { recursive: true });
    for (const folder of [cache, join(cache, 'juno'), data, join(data, 'series')]) chmodSync(folder, 0o700);
    const evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const indri = JSON.parse(readFileSync(`${ROOT}data/series/indri.json`, 'utf8'));
    // U+FFFF is not allowed in XML, and HTML calls it an error: dropped, as in the SVG picture.
    indri.timeline.title = `Indri ${evil} 'quoted'\uffff`;
    writeFileSync(join(data, 'series', 'indri.json'), JSON.stringify(indri));
    const list = {
      snapshot: { commit: '<b>abc</b>', date: '2026-08-21', source: 'javascript:alert(1)' },
      series: [
        {
          name: 'juno',
          releaseId: '2014.2',
          status: 'end of life',
          initialRelease: '2014-10-16',
          eolDate: '2015-12-07',
          nextPhase: null,
        },
        {
          name: 'zulu',
          releaseId: '2099.1<script>&',
          status: 'maintained',
          initialRelease: '2016-04-07',
          eolDate: null,
          nextPhase: null,
        },
        {
          name: 'indri',
          releaseId: '2027.1',
          status: 'future',
          initialRelease: '2027-03-24',
          eolDate: null,
          nextPhase: null,
        },
      ],
    };
    writeFileSync(join(data, 'series.json'), JSON.stringify(list));
    const dir = site();
    const result = await runMain(['publish', dir], { XDG_CACHE_HOME: cache });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      ['.juno-publish', 'all.ics', 'index.html', 'indri.ics', 'juno.ics', 'zulu.ics'].sort(),
    );
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(XMLValidator.validate(html)).toBe(true);
    expect(html).not.toMatch(/<script|<img|<b>|javascript:alert\(1\)"/i);
    const escaped =
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;';
    expect(html).toContain('<td>2099.1&lt;script&gt;&amp;</td>');
    expect(html).toContain('<span class="name">OpenStack 2099.1&lt;script&gt;&amp; Zulu</span>');
    expect(html).toContain(`<span class="name">Indri ${escaped} &apos;quoted&apos;</span>`);
    expect(html).not.toContain('\uffff');
    expect(html).toContain('<code>&lt;b&gt;abc&lt;/b&gt;</code>');
    // A source that is not a web address is shown, not linked.
    expect(hrefs(html).sort()).toEqual(['all.ics', 'indri.ics', 'juno.ics', 'zulu.ics']);
    expect(readFileSync(join(dir, 'indri.ics'), 'utf8')).toBe(
      (await runMain(['--series', 'indri', 'export'], { XDG_CACHE_HOME: cache })).stdout,
    );
  });
});

describe('juno publish refuses', () => {
  /** The folder's entries and their bytes, and the parent's entries: what must not change. */
  const snapshot = (dir: string) => ({ files: contents(dir), beside: readdirSync(dirname(dir)).sort() });

  it('a folder it did not publish, and leaves it untouched', async () => {
    const dir = site();
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.tex'), 'years of work');
    const before = snapshot(dir);
    const result = await runMain(['publish', dir]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        `juno: ${dir}: cannot publish: the folder is not one juno published (it has no .juno-publish); it is left as it is\n` +
        'juno: hint: give a new or empty folder: juno replaces only a folder it published\n',
      code: 4,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a folder it published that now holds files it did not write', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    writeFileSync(join(dir, 'CNAME'), 'calendars.example.org');
    mkdirSync(join(dir, 'extra'));
    const before = snapshot(dir);
    const result = await runMain(['publish', dir]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        `juno: ${dir}: cannot publish: the folder holds files juno did not write (CNAME, extra); it is left as it is\n` +
        'juno: hint: juno replaces the folder whole: move them out, or publish to another folder\n',
      code: 4,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file, and a symbolic link', async () => {
    const dir = site();
    writeFileSync(dir, 'a file');
    const file = await runMain(['publish', dir]);
    expect(file.code).toBe(4);
    expect(file.stderr).toBe(
      `juno: ${dir}: cannot publish: it is a file, not a folder; it is left as it is\njuno: hint: give a new folder, or one juno published before\n`,
    );
    expect(readFileSync(dir, 'utf8')).toBe('a file');
    const real = site();
    expect((await runMain(['publish', real])).code).toBe(0);
    const link = join(dirname(real), 'link');
    symlinkSync(real, link);
    const linked = await runMain(['publish', `${link}/`]);
    expect(linked.code).toBe(4);
    expect(linked.stderr).toContain(
      `juno: ${link}/: cannot publish: it is a symbolic link; it is left as it is\n`,
    );
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a folder whose parent does not exist, and creates nothing', async () => {
    const root = tempDir('juno-publish-');
    const dir = join(root, 'missing', 'site');
    const result = await runMain(['publish', dir]);
    expect(result).toEqual({
      stdout: '',
      stderr:
        `juno: ${dir}: cannot publish: the folder ${join(root, 'missing')} does not exist; nothing was written\n` +
        'juno: hint: create it first, or give another folder to publish to\n',
      code: 4,
    });
    expect(readdirSync(root)).toEqual([]);
  });

  it.runIf(existsSync('/proc/self'))(
    'a folder in /proc, saying that /proc exists but holds no files of ours',
    async () => {
      const result = await runMain(['publish', '/proc/juno-site']);
      expect(result).toEqual({
        stdout: '',
        stderr:
          'juno: /proc/juno-site: cannot publish: /proc exists, but nothing can be created in it: it is not a folder of ordinary files; nothing was written\n' +
          'juno: hint: give a folder on a file system that holds your files\n',
        code: 4,
      });
    },
  );

  it.each([
    ['/', 'the root folder can never be replaced'],
    ['/..', 'the root folder can never be replaced'],
    ['//tmp/../', 'the root folder can never be replaced'],
    ['.', 'that is the current folder, which publish would remove and replace'],
    [process.cwd(), 'that is the current folder, which publish would remove and replace'],
    [
      '..',
      'that folder holds the current one, and publish replaces only a folder holding nothing but its own files',
    ],
    [
      dirname(process.cwd()),
      'that folder holds the current one, and publish replaces only a folder holding nothing but its own files',
    ],
  ])('%j, a folder it can never replace, as a usage error', async (dir, why) => {
    const beside = readdirSync(dirname(process.cwd())).sort();
    const result = await runMain(['publish', dir]);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`juno: publish "${dir}": ${why}`);
    expect(result.stderr).toMatch(
      /\njuno: hint: (publish into a folder inside it|give a new folder), e\.g\. juno publish /,
    );
    expect(readdirSync(dirname(process.cwd())).sort()).toEqual(beside);
  });

  it('says in its help which folders are usage errors and which write failures', async () => {
    const help = await runMain(['publish', '--help']);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(
      'DIR is refused at once (exit 2) when its path alone rules it out: the root folder (it cannot be replaced), a folder above the current one',
    );
    expect(text).toContain('What is on disk is found while publishing (exit 4, DIR left as it was)');
  });

  it.each([
    [
      ['--series', 'indri', 'publish', 'out'],
      'juno: publish writes every series juno knows: --series does not apply\n',
    ],
    [
      ['publish', 'out', '--timeline', 'x.yaml'],
      'juno: publish writes every series juno knows: --timeline does not apply\n',
    ],
    [
      ['publish', 'out', '--url', 'ftp://example.org/'],
      'juno: --url "ftp://example.org/": expected an http:// or https:// address\n',
    ],
    [
      ['publish', 'out', '--url', 'example.org/juno'],
      'juno: --url "example.org/juno": not an absolute web address\n',
    ],
    [
      ['publish', 'out', '--url', 'https://me:secret@example.org/'],
      'juno: --url "https://me:secret@example.org/": no user name or password: the address is written into index.html\n',
    ],
    [
      ['publish', 'out', '--url', 'https://example.org/?a=1'],
      'juno: --url "https://example.org/?a=1": the address of the folder, without ? or #\n',
    ],
    [
      ['publish', 'out', '--url', 'https://example.org/juno/index.html'],
      'juno: --url "https://example.org/juno/index.html": the address of the folder, not of a file in it\n',
    ],
    [['publish', 'out', '--format', 'csv'], 'juno: unknown format "csv"\n'],
    [['publish'], 'juno: publish needs an argument, <dir>\n'],
  ])('%j: usage error', async (args, message) => {
    const cwd = process.cwd();
    const result = await runMain(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message.trimEnd());
    expect(readdirSync(cwd)).not.toContain('out');
  });
});

describe('a failure part-way', () => {
  it('leaves the published folder as it was, and no new folder beside it', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    writeFileSync(join(dir, 'indri.ics'), 'the calendar subscribers have now');
    const before = contents(dir);
    // austin.ics … hibiscus.ics are written by then: indri.ics is the last of the series.
    failing.file = '/indri.ics';
    const result = await runMain(['publish', dir]);
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: ${dir}: cannot publish: no space left on the device; ${dir} is left as it was\n`,
      code: 4,
    });
    expect(contents(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes nothing for a new folder', async () => {
    const dir = site();
    failing.file = '/index.html';
    const result = await runMain(['publish', dir]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `juno: ${dir}: cannot publish: no space left on the device; nothing was written\n`,
    );
    expect(readdirSync(dirname(dir))).toEqual([]);
  });

  it('keeps the published folder when the swap itself fails', async () => {
    const dir = site();
    expect((await runMain(['publish', dir])).code).toBe(0);
    const before = contents(dir);
    // The name the old folder is moved to is taken by a folder that is not empty: the first rename fails.
    const taken = join(dirname(dir), `.site.${process.pid}.old`);
    mkdirSync(taken);
    writeFileSync(join(taken, 'keep'), 'keep');
    const result = await runMain(['publish', dir, '--url', 'https://example.org/']);
    expect(result).toEqual({
      stdout: '',
      stderr:
        `juno: ${dir}: cannot publish: ${taken} is in the way; ${dir} is left as it was\n` +
        'juno: hint: remove it if no juno is running, then publish again\n',
      code: 4,
    });
    expect(contents(dir)).toEqual(before);
    expect(readdirSync(dirname(dir)).sort()).toEqual([`.site.${process.pid}.old`, 'site']);
    expect(readdirSync(taken)).toEqual(['keep']);
  });
});

/** `count` process ids that no process has now, as a killed juno's would be. */
function deadPids(count: number): number[] {
  const pids: number[] = [];
  for (let pid = 4_000_000; pids.length < count; pid -= 1) if (!running(pid)) pids.push(pid);
  return pids;
}

describe('what runs killed part-way left beside the folder', () => {
  /** Beside `dir`: what a killed run of each leaves, and what looks like it but is not, or is of a running juno. */
  function plant(dir: string) {
    const parent = dirname(dir);
    const [a, b, c, d] = deadPids(4) as [number, number, number, number];
    const folder = (name: string) => {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'indri.ics'), 'half-written');
      return name;
    };
    const gone = [folder(`.site.${a}.partial`), folder(`.site.${b}.old`)];
    const elsewhere = tempDir('juno-publish-kept-');
    writeFileSync(join(elsewhere, 'keep'), 'keep');
    symlinkSync(elsewhere, join(parent, `.site.${c}.old`));
    writeFileSync(join(parent, `.site.${d}.partial`), 'a file');
    const kept = [
      `.site.${c}.old`,
      `.site.${d}.partial`,
      folder(`.site.${process.ppid}.partial`),
      folder('.site.1.old'),
      folder(`.other.${a}.partial`),
      folder(`.site.${a}.partial.keep`),
      folder(`.site.0${a}.old`),
      folder(`.site.x${a}.old`),
      folder(`site.${a}.partial`),
      folder(`.site.${a}.tmp`),
      folder('.site.99999999999.partial'),
    ];
    expect([a, b, c, d, process.ppid, 1].map(running)).toEqual([false, false, false, false, true, true]);
    return { gone, kept, elsewhere };
  }

  it.each([
    ['a new folder', false],
    ['a folder published before', true],
  ])('are removed once %s is in place, and nothing else', async (_, again) => {
    const dir = site();
    if (again) expect((await runMain(['publish', dir])).code).toBe(0);
    const { kept, elsewhere } = plant(dir);
    const result = await runMain(['publish', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(leftovers(dir).sort()).toEqual([...kept].sort());
    expect(readdirSync(elsewhere)).toEqual(['keep']);
    expect(readFileSync(join(dirname(dir), `.site.${process.ppid}.partial`, 'indri.ics'), 'utf8')).toBe(
      'half-written',
    );
    expect(readdirSync(dir)).toHaveLength(FILES.length + 1);
  });

  it('are kept when publishing fails: an old folder may be the last good copy', async () => {
    const dir = site();
    const { gone, kept } = plant(dir);
    failing.file = '/index.html';
    expect((await runMain(['publish', dir])).code).toBe(4);
    expect(leftovers(dir).sort()).toEqual([...gone, ...kept].sort());
  });
});

describe("README's section on juno publish", () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const start = readme.indexOf('## Calendars on the web: `juno publish`');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

  it('gives GitHub Pages its address from configure-pages, which scheduled runs have too', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] as string;
    const workflow = parseYaml(block) as {
      on: Record<string, unknown>;
      jobs: { publish: { steps: { id?: string; uses?: string; run?: string }[] } };
    };
    expect(Object.keys(workflow.on)).toContain('schedule');
    // github.event.* is the payload of the event: a schedule's has no repository, so its name is empty.
    expect(block).not.toContain('github.event');
    const steps = workflow.jobs.publish.steps;
    const pages = steps.findIndex((step) => step.uses?.startsWith('actions/configure-pages@'));
    const publish = steps.findIndex((step) => step.run?.startsWith('juno publish '));
    expect(pages).toBeGreaterThanOrEqual(0);
    expect(publish).toBeGreaterThan(pages);
    const url = /--url "([^"]*)"/.exec(steps[publish]?.run as string)?.[1];
    expect(url).toBe(`\${{ steps.${steps[pages]?.id}.outputs.base_url }}/`);
    // base_url, as configure-pages gives it: the project site, a user's site, a custom domain (no trailing slash).
    const bases: [string, string][] = [
      ['https://owner.github.io/calendars', 'https://owner.github.io/calendars/'],
      ['https://owner.github.io', 'https://owner.github.io/'],
      ['https://calendars.example.org', 'https://calendars.example.org/'],
    ];
    for (const [base, folder] of bases)
      expect(parseBase((url as string).replace(/\$\{\{[^}]*\}\}/, base))).toBe(folder);
  });

  it('says that DIR is missing for a moment during the swap, and what to do about it', () => {
    const text = section.replace(/\s+/g, ' ');
    expect(text).toContain('so for a moment `DIR` does not exist');
    expect(text).toContain('with `rsync -a --delete` into the folder the server serves');
    expect(text).toContain('`.DIR.<pid>.partial` and `.DIR.<pid>.old` whose process no longer runs');
  });
});
