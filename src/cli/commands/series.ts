// `juno series [NAME]`: the lifecycle of every OpenStack series on today's date.
import { type SeriesFormat, type SeriesListView, seriesRenderers } from '../../render/series.js';
import { closestNames } from '../../timeline/query.js';
import { filterSeries, type SeriesFilter, seriesDays, seriesViews } from '../../timeline/series.js';
import { oneLine } from '../../timeline/text.js';
import type { Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { loadSeriesList } from '../load.js';
import type { CommandResult } from '../main.js';

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
  const all = seriesViews(await loadSeriesList(), ctx.today);
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
  selected = filterSeries(selected, options.filter);
  const view: SeriesListView = {
    today: ctx.today,
    days: options.days,
    series: selected.map((s) => (options.days ? { ...s, days: seriesDays(s, options.days, ctx.today) } : s)),
  };
  const stdout = seriesRenderers[options.format](view, ctx.style);
  if (selected.length === 0) {
    return {
      stdout: '',
      exitCode: EXIT.failed,
      messages: [`no series is ${describeFilter(options.filter)} on ${ctx.today}`],
    };
  }
  return { stdout };
}

function describeFilter(filter: SeriesFilter): string {
  const words: Record<SeriesFilter, string> = {
    all: 'known',
    supported: 'supported',
    maintained: 'maintained',
    unmaintained: 'unmaintained',
    eol: 'at end of life',
    development: 'in development',
  };
  return words[filter];
}
