// What every command starts from: today, colour, and the timeline, resolved once from the global options; and
// what juno says on stderr about that choice (the first-run note, data older than today).

import type { Style } from '../render/style.js';
import {
  CURRENT_SERIES,
  firstRunNote,
  outdatedWarning,
  resolveSeries,
  seriesInDevelopment,
} from '../timeline/choose.js';
import type { Day } from '../timeline/day.js';
import { eolOf, type SeriesRecord } from '../timeline/series.js';
import { oneLine } from '../timeline/text.js';
import { type ColorChoice, decideColor, decideUnicode, makeStyle } from './color.js';
import { EXIT, JunoError, UsageError } from './errors.js';
import type { Io } from './io.js';
import {
  importCache,
  type LoadedTimeline,
  loadSeries,
  loadSeriesData,
  loadTimeline,
  type SeriesData,
  updatedSeriesFile,
} from './load.js';
import { resolveToday } from './today.js';

export interface GlobalOptions {
  timeline?: string;
  series?: string;
  date?: string;
  color: ColorChoice | boolean;
}

/** The bundled timeline's series: the one juno reads when nothing else is chosen. */
const BUNDLED_SERIES_NAME = 'juno';

/**
 * Juno's record in the bundled series list as JSON (`null` without one), set by the build (scripts/build.mjs);
 * undefined from source.
 */
declare const __JUNO_BUNDLED_RECORD__: string | undefined;

/**
 * True when the first-run note is known to be empty without reading the series list: `today` is before Juno's
 * end of life in the bundled list, and there is no list from `juno update` to say otherwise.
 */
function noteSurelyNone(today: Day, env: NodeJS.ProcessEnv): boolean {
  if (typeof __JUNO_BUNDLED_RECORD__ !== 'string') return false;
  const juno = JSON.parse(__JUNO_BUNDLED_RECORD__) as SeriesRecord | null;
  const eol = juno ? eolOf(juno) : null;
  if (eol === null || today >= eol) return false;
  return updatedSeriesFile(env) === null;
}

export interface Context {
  io: Io;
  today: Day;
  style: Style;
  /** The terminal width when stdout is a terminal, for fitting tables. */
  width: number | null;
  timelineFile: string | undefined;
  /**
   * The timeline the command reads: the series chosen with --series or JUNO_SERIES (loadSeries), else the
   * --timeline file, else the bundled Juno.
   */
  load(): Promise<LoadedTimeline>;
  /** The series list in use and its snapshot, for a command that shows the series on today (juno then warns
   * when the list knows no series in development on today). */
  seriesData(): Promise<SeriesData>;
  /**
   * Lines for stderr once the command has run: the first-run note (only after `human` output of the bundled
   * timeline taken by default), and the warning that the series list knows no series in development on today.
   */
  notes(human: boolean): Promise<string[]>;
}

/** The series asked for: --series, else a non-empty JUNO_SERIES; --series with --timeline is refused. */
function seriesWanted(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
): { given: string; from: string } | null {
  if (options.series !== undefined) {
    if (options.timeline !== undefined) {
      throw new UsageError(
        'choose one of --series and --timeline',
        '--series names a bundled series, --timeline reads a file',
      );
    }
    return { given: options.series, from: '--series' };
  }
  // A default: --timeline given on the command line wins over it.
  const fromEnv = env.JUNO_SERIES;
  if (options.timeline === undefined && fromEnv !== undefined && fromEnv.trim() !== '')
    return { given: fromEnv, from: 'JUNO_SERIES' };
  return null;
}

/** The series record `given` means on `today`, or a usage error with the closest names. */
async function chooseSeries(
  wanted: { given: string; from: string },
  today: Day,
  data: SeriesData,
): Promise<SeriesRecord> {
  const { given, from } = wanted;
  if (given.trim() === '')
    throw new UsageError(`${from} needs a series`, 'e.g. --series current, --series indri, --series 2027.1');
  const choice = resolveSeries(data.series, given, today);
  if (choice.ok) return choice.series;
  if (choice.reason === 'outdated') {
    throw new JunoError(
      `${from} ${CURRENT_SERIES}: ${outdatedWarning(today, data.snapshot?.date ?? null)}`,
      EXIT.failed,
      'or name a series: juno series lists them',
    );
  }
  const shown = JSON.stringify(oneLine(given).slice(0, 100));
  throw new UsageError(
    `${from}: unknown series ${shown}`,
    choice.suggestions.length > 0
      ? `did you mean ${choice.suggestions.join(' or ')}? (juno series lists them all)`
      : 'a name (indri), a version (2027.1) or current; juno series lists them all',
  );
}

/**
 * The width human output is fitted to, decided once: a terminal's, unless COLUMNS (a whole number from 20 up)
 * says otherwise; piped output is not fitted (one event a line, for grep and friends) unless COLUMNS asks for it.
 * A terminal that does not tell its width counts as 80. Help text follows the same width (80 when null).
 */
export function outputWidth(io: Io): number | null {
  const fromEnv = /^\d+$/.test(io.env.COLUMNS ?? '') ? Number(io.env.COLUMNS) : Number.NaN;
  if (fromEnv >= 20) return fromEnv;
  return io.stdout.isTTY ? (io.stdout.columns ?? 80) : null;
}

export async function makeContext(io: Io, options: GlobalOptions): Promise<Context> {
  const today = resolveToday(options.date, io.env, io.now());
  const choice: ColorChoice =
    options.color === false ? 'never' : options.color === true ? 'auto' : options.color;
  const wanted = seriesWanted(options, io.env);
  const style = await makeStyle(decideColor(choice, io.env, io.stdout.isTTY === true), decideUnicode(io.env));
  let data: Promise<SeriesData> | undefined;
  const seriesData = () => {
    data ??= loadSeriesData(io.env);
    return data;
  };
  // --series is checked before the command runs, whatever it is. JUNO_SERIES is a default for the commands that
  // read a series, chosen when one does: publish, series, update and the others that read none are not stopped by
  // it (JUNO_SERIES=current with data older than today's cycle, say).
  let chosen: Promise<SeriesRecord | null> | undefined;
  const chooseWanted = () => {
    chosen ??=
      wanted === null
        ? Promise.resolve(null)
        : seriesData().then((data) => chooseSeries(wanted, today, data));
    return chosen;
  };
  if (wanted?.from === '--series') await chooseWanted();
  let loaded: Promise<LoadedTimeline> | undefined;
  // What this run showed, which decides what notes() says.
  let bundledByDefault = false;
  let listShown = false;
  return {
    io,
    today,
    style,
    width: outputWidth(io),
    timelineFile: options.timeline,
    load: () => {
      // loadSeries reads juno's own hand-curated timeline for juno. Every timeline is read through the cache of
      // imports: importing upstream's costs more than the rest of the run, checking juno's own data a fifth of it.
      loaded ??= chooseWanted().then((series) => {
        bundledByDefault = series === null && options.timeline === undefined;
        return series !== null
          ? loadSeries(series.name, io.env, seriesData)
          : loadTimeline(options.timeline, io.env, importCache(io.env));
      });
      return loaded;
    },
    seriesData: () => {
      listShown = true;
      return seriesData();
    },
    notes: async (human) => {
      if (!listShown && !(human && bundledByDefault)) return [];
      // The first-run note alone, and known to be empty: the series list is not read.
      if (!listShown && noteSurelyNone(today, io.env)) return [];
      const { series: all, snapshot: of } = await seriesData();
      const snapshot = of?.date ?? null;
      if (human && bundledByDefault) {
        const note = firstRunNote(all, BUNDLED_SERIES_NAME, today, snapshot);
        return note === null ? [] : [note];
      }
      return seriesInDevelopment(all, today) === null ? [`warning: ${outdatedWarning(today, snapshot)}`] : [];
    },
  };
}
