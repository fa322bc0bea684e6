// `juno publish DIR`: a folder anyone can host (a web server, GitHub Pages) of calendar feeds: one per series, each
// the file `juno --series NAME export` writes, one of every series, and a page that links them and says how to
// subscribe. Written as a whole: a failure leaves DIR as it was.
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import { TEXT_OR_JSON, type TextOrJson } from '../../render/formats.js';
import { exportHead, icsCalendars } from '../../render/ics.js';
import { publishRenderers, renderPublishIndex } from '../../render/publish.js';
import { type ExportView, exportSelection } from '../../render/views/export.js';
import { ALL_FEED, type FeedInput, INDEX_PAGE, publishView } from '../../render/views/publish.js';
import { byRelease } from '../../timeline/series.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { DataError, UsageError } from '../errors.js';
import type { FolderFile } from '../folder.js';
import { loadSeries } from '../load.js';
import { present } from '../present.js';
import { fileLabel } from '../read.js';
import { workingFolder } from '../timeline-cache.js';
import { quoted } from '../usage.js';
import { VERSION } from '../version.js';
import { calendarView } from './export.js';

/** Which DIRs are usage errors and which write failures (see checkDir). */
const DIR_HELP = `
DIR is refused at once (exit 2) when its path alone rules it out: the root
folder (it cannot be replaced), a folder above the current one (it holds a
folder juno did not write) or the current folder (it would be removed from
under you). What is on disk is found while publishing (exit 4, DIR left as it
was): a file, a link, a folder juno did not publish, a parent folder that is
missing or cannot be written.`;

export const command = defineCommand({
  name: 'publish',
  declare: (cmd) =>
    cmd
      .description(
        'write a folder to host on the web: a calendar feed per series, one of them all, and a page linking them',
      )
      .argument('<dir>', 'the folder to write: new, empty, or one juno published before (replaced whole)')
      .addHelpText('after', DIR_HELP)
      .option(
        '--url <base>',
        'the http(s) address DIR will be served at: absolute links, webcal:// links and the address to paste',
      )
      .addOption(
        new Option('-f, --format <format>', 'what to print: the files written, or a report as JSON')
          .choices(TEXT_OR_JSON)
          .default('text' as const),
      ),
  examples: [
    'juno publish public',
    'juno publish public --url https://example.org/openstack/',
    'juno publish site --url https://OWNER.github.io/REPO/ --format json',
  ],
  parse: ([dir], options, { program }) => {
    const globals = program.opts() as { series?: string; timeline?: string };
    for (const flag of ['series', 'timeline'] as const) {
      if (globals[flag] !== undefined)
        throw new UsageError(
          `publish writes every series juno knows: --${flag} does not apply`,
          `leave out --${flag}; juno --series NAME export -o FILE writes one series`,
        );
    }
    if (dir.trim() === '') throw new UsageError('publish needs a folder', 'e.g. juno publish public');
    checkDir(dir, workingFolder());
    const url = options.url === undefined ? null : parseBase(options.url);
    return [dir, { url, format: options.format }] as const;
  },
  handler: publishCommand,
});

/**
 * Refuses, as a usage error before anything is read, a DIR that its path alone shows publish can never replace:
 * the root folder (nothing beside it to build in, and it cannot be renamed), a folder above the current one (it
 * holds a folder juno did not write), and the current folder (it would be removed from under the shell that runs
 * juno). What depends on what is on disk (a file, a link, a folder of the user's, a parent that is missing or
 * cannot be written, a mount point) is found while publishing, and is a write failure, exit 4.
 */
export function checkDir(dir: string, cwd: string | null): void {
  if (cwd === null && !isAbsolute(dir)) return;
  const target = resolve(cwd ?? sep, dir);
  const given = `publish ${quoted(dir)}`;
  if (dirname(target) === target)
    throw new UsageError(
      `${given}: the root folder can never be replaced`,
      'publish into a folder inside it, e.g. juno publish /srv/calendars',
    );
  if (cwd === null) return;
  if (target === cwd)
    throw new UsageError(
      `${given}: that is the current folder, which publish would remove and replace`,
      'publish into a folder inside it, e.g. juno publish public',
    );
  if (cwd.startsWith(target.endsWith(sep) ? target : `${target}${sep}`))
    throw new UsageError(
      `${given}: that folder holds the current one, and publish replaces only a folder holding nothing but its own files`,
      'give a new folder, e.g. juno publish public',
    );
}

export interface PublishOptions {
  /** `--url`, checked, as a folder's address ending in `/`; null without it. */
  url: string | null;
  format: TextOrJson;
}

/**
 * `--url` as the address of a folder: an absolute http or https URL, normalised (`https://example.org/juno/`),
 * without a query, a fragment, or a user name or password (it is printed in the page).
 */
export function parseBase(text: string): string {
  const example = 'e.g. --url https://example.org/openstack/';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`--url ${quoted(text)}: not an absolute web address`, example);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--url ${quoted(text)}: expected an http:// or https:// address`, example);
  if (url.username !== '' || url.password !== '')
    throw new UsageError(
      `--url ${quoted(text)}: no user name or password: the address is written into index.html`,
    );
  if (url.search !== '' || url.hash !== '')
    throw new UsageError(`--url ${quoted(text)}: the address of the folder, without ? or #`, example);
  if (/\.(html?|ics)$/i.test(url.pathname))
    throw new UsageError(
      `--url ${quoted(text)}: the address of the folder, not of a file in it`,
      `e.g. --url ${url.href.slice(0, url.href.lastIndexOf('/') + 1)}`,
    );
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** One series' feed: what `juno --series NAME export` writes, with the same stamps. */
async function seriesFeed(ctx: Context, name: string): Promise<ExportView> {
  const loaded = await loadSeries(name, ctx.io.env, ctx.seriesData);
  const choices = { name: null, method: null, alarmSeconds: null, weeks: false };
  return calendarView(ctx, loaded, exportSelection(loaded.timeline, []), choices);
}

export async function publishCommand(
  ctx: Context,
  dir: string,
  options: PublishOptions,
): Promise<CommandResult> {
  const data = await ctx.seriesData();
  const views: ExportView[] = [];
  const feeds: FeedInput[] = [];
  const files: FolderFile[] = [];
  for (const record of byRelease(data.series)) {
    if (`${record.name}.ics` === ALL_FEED)
      throw new DataError(`${fileLabel(data.file)}: a series named "${record.name}" would be ${ALL_FEED}`);
    const view = await seriesFeed(ctx, record.name);
    views.push(view);
    feeds.push({ series: record.name, name: exportHead(view).name, events: view.timeline.events.length });
  }
  const view = publishView({
    folder: dir,
    url: options.url,
    list: data.series,
    snapshot: data.snapshot,
    feeds,
    version: VERSION,
  });
  const head = { name: view.all.name, description: view.all.description, version: VERSION, method: null };
  // Each series' entries are made once, for its own file and for all.ics.
  const calendars = icsCalendars(views, head);
  feeds.forEach(({ series }, i) => {
    files.push({ name: `${series}.ics`, content: calendars.each[i] as string });
  });
  files.push({ name: ALL_FEED, content: calendars.all });
  files.push({ name: INDEX_PAGE, content: renderPublishIndex(view) });
  // Loaded only here: writing needs node:fs/promises.
  const { writeFolder } = await import('../folder.js');
  const messages = await writeFolder(dir, files);
  return { ...present(ctx, view, publishRenderers[options.format]), messages };
}
