// `juno series [NAME]`: the lifecycle of every OpenStack series on today's date.
import { Option } from '@commander-js/extra-typings';
import { SERIES_FORMATS } from '../../render/formats.js';
import { type SeriesFormat, seriesRenderers } from '../../render/series.js';
import { seriesListView } from '../../render/views/series.js';
import { closestNames } from '../../timeline/query.js';
import { SERIES_FILTERS, type SeriesFilter, seriesViews } from '../../timeline/series.js';
import { oneLine } from '../../timeline/text.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { present } from '../present.js';

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
      .addOption(
        new Option(
          '--days <milestone>',
          'add the signed days from today to the release or the end of life',
        ).choices(['release', 'eol'] as const),
      )
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(SERIES_FORMATS)
          .default('table' as const),
      ),
  examples: [
    'juno series --supported',
    'juno series juno --format json',
    'juno series --eol --days eol --format csv',
  ],
  parse: ([name], options) => {
    const chosen = SERIES_FILTERS.filter((f) => options[f] === true);
    if (chosen.length > 1) {
      throw new UsageError(
        `choose one filter, not ${chosen.map((f) => `--${f}`).join(' and ')}`,
        'e.g. juno series --supported',
      );
    }
    return [name, { filter: chosen[0] ?? 'all', days: options.days ?? null, format: options.format }];
  },
  handler: seriesCommand,
});

export interface SeriesOptions {
  filter: SeriesFilter;
  days: 'release' | 'eol' | null;
  format: SeriesFormat;
}

export async function seriesCommand(
  ctx: Context,
  name: string | undefined,
  options: SeriesOptions,
): Promise<CommandResult> {
  // Through the context, which then warns when the list knows no series in development on today.
  const all = seriesViews((await ctx.seriesData()).series, ctx.today);
  let selected = all;
  if (name !== undefined) {
    const wanted = name.trim().toLowerCase();
    selected = all.filter((s) => s.name === wanted || s.releaseId === wanted);
    if (selected.length === 0) {
      const close = closestNames(
        all.map((s) => s.name),
        wanted,
      );
      throw new UsageError(
        `unknown series "${oneLine(name)}"`,
        close.length > 0
          ? `did you mean ${close.join(' or ')}? (juno series lists them all)`
          : 'juno series lists them all',
      );
    }
  }
  const view = seriesListView(selected, ctx.today, options);
  return present(ctx, view, seriesRenderers[options.format]);
}
