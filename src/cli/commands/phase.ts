import { Option } from '@commander-js/extra-typings';
import { TEXT_OR_JSON } from '../../render/formats.js';
import { phaseRenderers } from '../../render/phase.js';
import { phaseView } from '../../render/views/phase.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { present } from '../present.js';

export const command = defineCommand({
  name: 'phase',
  declare: (cmd) =>
    cmd
      .description(
        'the current phase of the cycle: its id on the first line, then since when and what ends it',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      ),
  examples: [
    'juno phase --date 2014-09-21',
    'juno phase | head -1',
    'juno phase --format json | jq -r .next.start',
  ],
  parse: (_args, options) => [options],
  handler: phaseCommand,
});

export async function phaseCommand(
  ctx: Context,
  options: { format: 'text' | 'json' },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  return present(ctx, phaseView(timeline, ctx.today), phaseRenderers[options.format]);
}
