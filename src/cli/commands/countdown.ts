import { Option } from '@commander-js/extra-typings';
import { countdownRenderers } from '../../render/countdown.js';
import { TEXT_OR_JSON } from '../../render/formats.js';
import { countdownView } from '../../render/views/countdown.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { present } from '../present.js';
import { resolveEvent } from '../resolve.js';

export const command = defineCommand({
  name: 'countdown',
  declare: (cmd) =>
    cmd
      .description('days until an event (or since it), by id or alias: release, ff, j-3, final, ...')
      .argument('<event>', 'an event id or alias, case-insensitive')
      .option(
        '-p, --plain',
        'print only the signed number of days until the first day (1 the day before, 0 on the day, -1 after)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      ),
  examples: [
    'juno countdown release --date 2014-09-21',
    'juno countdown ff --plain',
    'juno countdown kilo-summit --format json',
  ],
  parse: ([name], options) => {
    if (options.plain === true && options.format === 'json') {
      throw new UsageError(
        '--plain prints a bare number, --format json a document: choose one',
        'see juno countdown --help',
      );
    }
    return [name, { format: options.format, plain: options.plain === true }];
  },
  handler: countdownCommand,
});

export async function countdownCommand(
  ctx: Context,
  name: string,
  options: { format: 'text' | 'json'; plain: boolean },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const view = countdownView(timeline, resolveEvent(timeline, name), ctx.today);
  return present(ctx, view, countdownRenderers[options.plain ? 'plain' : options.format]);
}
