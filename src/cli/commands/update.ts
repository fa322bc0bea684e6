// `juno update [--from CHECKOUT | --url BASE] [--reset]`: refreshes the series list and every schedule from
// openstack/releases with juno's own importer (the one `npm run data` bundles with), into the user's cache, where
// they win over the bundled data. Every file is read and checked before anything is replaced; a source that
// cannot be reached (exit 5) or gives bad data (exit 3) leaves the data in use as it was.
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { EXIT, JunoError, OutputError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { userCacheFolder } from '../startup/code-cache.js';
import { quoted } from '../usage.js';

export const command = defineCommand({
  name: 'update',
  declare: (cmd) =>
    cmd
      .description(
        'refresh every series and schedule from openstack/releases (a checkout, or its files over HTTPS) into your cache',
      )
      .option('--from <checkout>', 'read a local checkout of openstack/releases')
      .option(
        '--url <base>',
        'read the files under this URL at their repository paths (default: opendev, master)',
      )
      .option('--timeout <duration>', 'give up on a request after this long: 30s, 2s, 500ms, 1m', '30s')
      .option('--reset', 'remove the updated data: back to the data bundled with juno'),
  examples: ['juno update', 'juno update --from ~/src/openstack/releases', 'juno update --reset'],
  parse: (_args, options) => {
    const { from, url, reset } = options;
    if (from !== undefined && url !== undefined)
      throw new UsageError('choose one source, not --from and --url', 'e.g. juno update --from ../releases');
    if (reset && (from !== undefined || url !== undefined))
      throw new UsageError(
        '--reset takes no source: it goes back to the bundled data',
        'juno update --reset',
      );
    if (from === '') throw new UsageError('--from needs a folder', 'e.g. juno update --from ../releases');
    return [{ from, url, reset: reset === true, timeoutMs: parseDuration(options.timeout) }] as const;
  },
  handler: updateCommand,
});

/** A time limit: "30s", "2s", "500ms", "1m", or a number of seconds; between 1 ms and 10 minutes. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  const ms = match
    ? Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 }[match[2] ?? 's'] as number)
    : Number.NaN;
  if (!(ms >= 1 && ms <= 600_000))
    throw new UsageError(`--timeout ${quoted(text)}: expected a duration up to 10m, e.g. 30s, 2s, 500ms`);
  return Math.round(ms);
}

export interface UpdateOptions {
  from: string | undefined;
  url: string | undefined;
  reset: boolean;
  timeoutMs: number;
}

/** A line on a terminal's stderr that each file read rewrites; nothing when stderr is not a terminal. */
function progressLine(io: Io): { show(text: string): void; clear(): void } {
  if (io.stderr.isTTY !== true) return { show: () => undefined, clear: () => undefined };
  const width = Math.max(20, (io.stderr.columns ?? 80) - 1);
  let shown = false;
  return {
    show(text) {
      shown = true;
      io.stderr.write(`\r\u001b[K${text.slice(0, width)}`);
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}

export async function updateCommand(ctx: Context, options: UpdateOptions): Promise<CommandResult> {
  const cache = userCacheFolder(ctx.io.env);
  if (cache === null)
    throw new OutputError(
      'no cache folder to keep the data in',
      'set XDG_CACHE_HOME or HOME to an absolute path',
    );
  const { removeData } = await import('../update/store.js');
  if (options.reset) {
    return removeData(cache)
      ? { stdout: `removed the updated data; juno uses the data it came with\n` }
      : { stdout: 'no updated data; juno uses the data it came with\n' };
  }
  const progress = progressLine(ctx.io);
  try {
    const { runUpdate } = await import('../update/run.js');
    return await runUpdate(ctx, cache, options, (text) => progress.show(text));
  } catch (error) {
    // One line says what happened, and that nothing was replaced.
    if (error instanceof JunoError && error.exitCode !== EXIT.usage)
      throw new JunoError(
        `${error.message}; the data in use is kept`,
        error.exitCode,
        error.hint,
        error.details,
      );
    throw error;
  } finally {
    progress.clear();
  }
}
