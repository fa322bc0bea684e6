import { Option } from '@commander-js/extra-typings';
import { TEXT_OR_JSON } from '../../render/formats.js';
import { infoRenderers } from '../../render/info.js';
import { infoView } from '../../render/views/info.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { present } from '../present.js';

export const command = defineCommand({
  name: 'info',
  declare: (cmd) =>
    cmd
      .description('what the cycle brought: projects integrated and incubated, highlights, summits')
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      ),
  examples: ['juno info', 'juno info --format json | jq .projects.incubated'],
  parse: (_args, options) => [options],
  handler: infoCommand,
});

export async function infoCommand(
  ctx: Context,
  options: { format: 'text' | 'json' },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  return present(ctx, infoView(timeline, await ctx.seriesData()), infoRenderers[options.format]);
}
