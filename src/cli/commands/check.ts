import { Option } from '@commander-js/extra-typings';
import { checkRenderers, renderStepSummary } from '../../render/check.js';
import { CHECK_FORMATS, type CheckFormat } from '../../render/formats.js';
import { type CheckView, checkView } from '../../render/views/check.js';
import type { CheckRequest, Condition } from '../../timeline/check.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { wholeNumber } from '../options.js';
import { present } from '../present.js';
import { fileLabel } from '../read.js';
import { resolveEvent } from '../resolve.js';

export const command = defineCommand({
  name: 'check',
  declare: (cmd) => {
    // Conditions keep the order they were given in: --before, --until and --after add to one list.
    const conditions: CheckOptions['conditions'] = [];
    const condition = (kind: Condition) => (value: string) => {
      conditions.push({ condition: kind, name: value });
      return conditions;
    };
    return cmd
      .description('a CI gate: exit 0 when every condition holds today, 1 when one does not')
      .option('--before <event>', 'today is before the first day of EVENT (repeatable)', condition('before'))
      .option(
        '--until <event>',
        'today is on or before the last day of EVENT (repeatable)',
        condition('until'),
      )
      .option(
        '--after <event>',
        'today is on or after the first day of EVENT (repeatable)',
        condition('after'),
      )
      .option(
        '-w, --warn-within <days>',
        'warn when a condition holds but its boundary is at most DAYS away',
        wholeNumber(0),
      )
      .option('--strict', 'fail on warnings too: --warn-within hits and warnings about the timeline')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text' as const),
      );
  },
  examples: [
    'juno check --before feature-freeze --date 2014-09-03',
    'juno check --before ff --warn-within 7 --strict --format github',
    'juno check --after rc1 --until release --format json',
  ],
  parse: (_args, options) => [
    {
      conditions: options.before ?? options.until ?? options.after ?? [],
      warnWithin: options.warnWithin ?? null,
      strict: options.strict === true,
      format: options.format,
    },
  ],
  handler: checkCommand,
});

export interface CheckOptions {
  conditions: { condition: Condition; name: string }[];
  warnWithin: number | null;
  /** Warnings fail the check. */
  strict: boolean;
  format: CheckFormat;
}

export async function checkCommand(ctx: Context, options: CheckOptions): Promise<CommandResult> {
  if (options.conditions.length === 0) {
    throw new UsageError(
      'no condition to check',
      'give --before, --until or --after EVENT (see juno check --help)',
    );
  }
  const { timeline, warnings, file } = await ctx.load();
  const requests: CheckRequest[] = options.conditions.map(({ condition, name }) => ({
    condition,
    event: resolveEvent(timeline, name),
  }));
  const view = checkView(timeline, ctx.today, requests, options.warnWithin, {
    strict: options.strict,
    warnings: warnings.map((w) => ({ file: w.file ?? fileLabel(file), path: w.path, message: w.message })),
  });
  const summary = await stepSummary(ctx.io, view);
  const result = present(ctx, view, checkRenderers[options.format]);
  return {
    ...result,
    exitCode: view.ok ? EXIT.ok : EXIT.failed,
    messages: [...(result.messages ?? []), ...(summary === null ? [] : [summary])],
  };
}

/** In a GitHub Actions job (GITHUB_STEP_SUMMARY names a file), appends the check's summary to the job's page. */
async function stepSummary(io: Io, view: CheckView): Promise<string | null> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return null;
  const { appendStepSummary } = await import('../step-summary.js');
  return appendStepSummary(file, renderStepSummary(view));
}
