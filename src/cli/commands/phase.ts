import { Option } from '@commander-js/extra-typings';
import { toJson } from '../../render/format.js';
import { TEXT_OR_JSON } from '../../render/formats.js';
import { phaseJson, renderPhaseText } from '../../render/phase.js';
import { phaseAt } from '../../timeline/query.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { NothingError } from '../errors.js';

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
  const found = phaseAt(timeline, ctx.today);
  if (!found) {
    throw new NothingError(
      timeline.phases.length === 0
        ? `the ${timeline.series} timeline defines no phases`
        : `no phase of ${timeline.series} covers ${ctx.today}`,
      'phases are listed under "phases" in the timeline file',
    );
  }
  const json = phaseJson(timeline.series, ctx.today, found.phase, found.next);
  return {
    stdout: options.format === 'json' ? toJson(json) : renderPhaseText(json, found.phase.until, ctx.style),
  };
}
