import { Option } from '@commander-js/extra-typings';
import { WEEKS_FORMATS } from '../../render/formats.js';
import { weeksView } from '../../render/views/weeks.js';
import { type WeeksFormat, weeksRenderers } from '../../render/weeks.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { present } from '../present.js';

export const command = defineCommand({
  name: 'weeks',
  declare: (cmd) =>
    cmd
      .description(
        "the cycle week by week (R-26 … R+3 for Juno): each week's dates and events, this week marked",
      )
      .option(
        '-a, --all',
        'also the weeks outside the cycle that hold events (summits before, end of life after)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(WEEKS_FORMATS).default('table' as const),
      ),
  examples: [
    'juno weeks --date 2014-09-21',
    'juno weeks --all --format markdown',
    'juno weeks --format json | jq ".weeks[] | select(.current)"',
  ],
  parse: (_args, options) => [{ all: options.all === true, format: options.format }],
  handler: weeksCommand,
});

export interface WeeksOptions {
  all: boolean;
  format: WeeksFormat;
}

export async function weeksCommand(ctx: Context, options: WeeksOptions): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  return present(ctx, weeksView(timeline, ctx.today, options), weeksRenderers[options.format]);
}
