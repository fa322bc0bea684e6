// `juno next`: the next event(s) to begin.
import { Option } from '@commander-js/extra-typings';
import { TEXT_OR_JSON } from '../../render/formats.js';
import { nextRenderers } from '../../render/next.js';
import { nextView } from '../../render/views/next.js';
import type { Kind } from '../../timeline/types.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { kindOption, parseKinds, wholeNumber } from '../options.js';
import { present } from '../present.js';

export const command = defineCommand({
  name: 'next',
  declare: (cmd) =>
    cmd
      .description('the next event(s) to begin, counting one that begins today')
      .addOption(kindOption())
      .option('-n, --count <n>', 'the next N events (JSON then gives a list)', wholeNumber(1))
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      ),
  examples: [
    'juno next --date 2014-09-21',
    'juno next --kind freeze --count 3',
    'juno next --format json | jq -r .event.id',
  ],
  parse: (_args, options) => [
    { kinds: parseKinds(options.kind ?? []), count: options.count, format: options.format },
  ],
  handler: nextCommand,
});

export async function nextCommand(
  ctx: Context,
  options: { kinds: Kind[]; count: number | undefined; format: 'text' | 'json' },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  return present(ctx, nextView(timeline, ctx.today, options), nextRenderers[options.format]);
}
