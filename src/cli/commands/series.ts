// `juno series [NAME]`: the lifecycle of every OpenStack series on today's date, or where that data came from.
import { Option } from '@commander-js/extra-typings';
import { SERIES_ABOUT_FORMATS, SERIES_FORMATS, type SeriesAboutFormat } from '../../render/formats.js';
import { type SeriesFormat, seriesAboutRenderers, seriesRenderers } from '../../render/series.js';
import { seriesAboutView, seriesListView } from '../../render/views/series.js';
import { CURRENT_SERIES, outdatedWarning, resolveSeries } from '../../timeline/choose.js';
import type { Day } from '../../timeline/day.js';
import { closestNames } from '../../timeline/query.js';
import { SERIES_FILTERS, type SeriesFilter, type SeriesView, seriesViews } from '../../timeline/series.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { EXIT, JunoError, UsageError } from '../errors.js';
import type { SeriesData } from '../load.js';
import { present } from '../present.js';
import { fileLabel } from '../read.js';
import { quoted } from '../usage.js';

export const command = defineCommand({
  name: 'series',
  declare: (cmd) =>
    cmd
      .description('every OpenStack series, austin to indri: version, release, end of life and status today')
      .argument('[name]', 'show only this series (a name such as juno, or a version such as 2014.2)')
      .option('--all', 'every series (the default)')
      .option('--supported', 'series in development or maintained')
      .option('--maintained', 'maintained series')
      .option('--unmaintained', 'unmaintained series')
      .option('--eol', 'series at end of life')
      .option('--development', 'the series in development')
      .option('--latest', 'the newest released series')
      .addOption(
        new Option(
          '--days <milestone>',
          'add the signed days from today to the release or the end of life',
        ).choices(['release', 'eol'] as const),
      )
      .option('--about', 'where the series data came from: source, commit and date, bundled or updated')
      .addOption(
        new Option('-f, --format <format>', 'output format (names: one name a line, for scripts)')
          .choices(SERIES_FORMATS)
          .default('table' as const),
      ),
  examples: [
    'juno series --supported',
    'juno series --supported --format names',
    'juno series juno --format json',
    'juno series --eol --days eol --format csv',
    'juno series --about',
  ],
  parse: ([name], options) => {
    const chosen = SERIES_FILTERS.filter((f) => options[f] === true);
    if (chosen.length > 1) {
      throw new UsageError(
        `choose one filter, not ${chosen.map((f) => `--${f}`).join(' and ')}`,
        'e.g. juno series --supported',
      );
    }
    const about = options.about === true;
    if (about && (name !== undefined || chosen.length > 0 || options.days !== undefined)) {
      throw new UsageError('--about tells where the data came from: no series, filter or --days with it');
    }
    if (about && !(SERIES_ABOUT_FORMATS as readonly string[]).includes(options.format)) {
      throw new UsageError(`--about is written as table or json, not ${options.format}`);
    }
    const parsed: SeriesOptions = {
      filter: chosen[0] ?? 'all',
      days: options.days ?? null,
      format: options.format,
    };
    return [name, about ? { ...parsed, about } : parsed];
  },
  handler: seriesCommand,
});

export interface SeriesOptions {
  filter: SeriesFilter;
  days: 'release' | 'eol' | null;
  format: SeriesFormat;
  /** `--about`: where the data came from, rather than the series. */
  about?: boolean;
}

/**
 * The series `name` (a name, a version, or `current`) means, as `--series` resolves it; a usage error with the
 * closest names for an unknown one, and exit 1 when the list is too old to know the series in development today.
 */
function findSeries(data: SeriesData, all: SeriesView[], name: string, today: Day): SeriesView {
  const choice = resolveSeries(data.series, name, today);
  if (choice.ok) return all.find((s) => s.name === choice.series.name) as SeriesView;
  if (choice.reason === 'outdated')
    throw new JunoError(
      `series ${CURRENT_SERIES}: ${outdatedWarning(today, data.snapshot?.date ?? null)}`,
      EXIT.failed,
      'or name a series: juno series lists them',
    );
  const close = closestNames(
    all.map((s) => s.name),
    name.trim().toLowerCase(),
  );
  throw new UsageError(
    `unknown series ${quoted(name)}`,
    close.length > 0
      ? `did you mean ${close.join(' or ')}? (juno series lists them all)`
      : 'juno series lists them all',
  );
}

export async function seriesCommand(
  ctx: Context,
  name: string | undefined,
  options: SeriesOptions,
): Promise<CommandResult> {
  const data = await ctx.seriesData();
  const all = seriesViews(data.series, ctx.today);
  if (options.about) {
    const origin = { ...data, file: data.updated ? data.file : `data/${fileLabel(data.file)}` };
    const view = seriesAboutView(all, origin, ctx.today);
    return present(ctx, view, seriesAboutRenderers[options.format as SeriesAboutFormat]);
  }
  const named = name === undefined ? null : findSeries(data, all, name, ctx.today);
  const view = seriesListView(all, ctx.today, { ...options, named });
  return present(ctx, view, seriesRenderers[options.format]);
}
