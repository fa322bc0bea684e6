// `juno validate [FILE]`: checks a timeline in either format (or, without FILE, the bundled data) and lists
// every problem and warning. Exit 0 when valid, warnings or not; 3 when not.
import { Option } from '@commander-js/extra-typings';
import { VALIDATE_FORMATS } from '../../render/formats.js';
import { type ValidateFormat, validateRenderers } from '../../render/validate.js';
import { type FileReport, reported, validateView } from '../../render/views/validate.js';
import { parseSeriesList } from '../../timeline/series.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { DataError, EXIT } from '../errors.js';
import { checkTimeline, parseDocumentText } from '../load.js';
import { present } from '../present.js';
import { BUNDLED_SERIES, BUNDLED_TIMELINE, fileLabel, readText } from '../read.js';

export const command = defineCommand({
  name: 'validate',
  declare: (cmd) =>
    cmd
      .description(
        'check a timeline (juno format or an openstack/releases schedule.yaml) and list every problem and warning',
      )
      .argument('[file]', 'the file to check; default: the --timeline file, else the bundled data')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(VALIDATE_FORMATS)
          .default('text' as const),
      ),
  examples: [
    'juno validate',
    'juno validate my-cycle.yaml',
    'juno validate releases/doc/source/indri/schedule.yaml --format json',
  ],
  parse: ([file], options) => [file, options],
  handler: validateCommand,
});

/** A file that could not be read or parsed at all: its error's lines become problems. */
function unreadable(file: string, error: DataError): FileReport {
  const label = fileLabel(file);
  const problems = [error.message, ...error.details].map((text) => {
    const rest = text.startsWith(`${label}: `) ? text.slice(label.length + 2) : text;
    const at = /^(line \d+, column \d+): (.*)$/.exec(rest);
    return at
      ? { file: label, path: at[1] as string, message: at[2] as string }
      : { file: label, path: '', message: rest };
  });
  return {
    file: label,
    format: null,
    valid: false,
    series: null,
    entries: null,
    weeks: null,
    problems,
    warnings: [],
  };
}

async function checkFile(file: string, env: NodeJS.ProcessEnv): Promise<FileReport> {
  try {
    // A series folder is checked as its schedule.yaml, and named so.
    const { format, result, file: read } = await checkTimeline(file, env);
    const label = fileLabel(read);
    const warnings = result.warnings.map((w) => reported(label, w));
    if (!result.ok) {
      const problems = result.problems.map((p) => reported(label, p));
      return {
        file: label,
        format,
        valid: false,
        series: null,
        entries: null,
        weeks: null,
        problems,
        warnings,
      };
    }
    const { timeline } = result;
    return {
      file: label,
      format,
      valid: true,
      series: timeline.series,
      entries: timeline.events.length,
      weeks: timeline.weeks?.length ?? null,
      problems: [],
      warnings,
    };
  } catch (error) {
    if (error instanceof DataError) return unreadable(file, error);
    throw error;
  }
}

async function checkSeries(file: string): Promise<FileReport> {
  const label = fileLabel(file);
  try {
    const result = parseSeriesList(await parseDocumentText((await readText(file)).text, file));
    const base = { file: label, format: 'series' as const, series: null, weeks: null, warnings: [] };
    return result.ok
      ? { ...base, valid: true, entries: result.series.length, problems: [] }
      : { ...base, valid: false, entries: null, problems: result.problems.map((p) => reported(label, p)) };
  } catch (error) {
    if (error instanceof DataError) return unreadable(file, error);
    throw error;
  }
}

export async function validateCommand(
  ctx: Context,
  file: string | undefined,
  options: { format: ValidateFormat },
): Promise<CommandResult> {
  const target = file ?? ctx.timelineFile;
  const reports =
    target !== undefined
      ? [await checkFile(target, ctx.io.env)]
      : [await checkFile(BUNDLED_TIMELINE, ctx.io.env), await checkSeries(BUNDLED_SERIES)];
  const view = validateView(reports);
  return {
    ...present(ctx, view, validateRenderers[options.format]),
    exitCode: view.valid ? EXIT.ok : EXIT.data,
  };
}
