import { toJson } from '../../render/format.js';
import { phaseJson, renderPhaseText } from '../../render/phase.js';
import { phaseAt } from '../../timeline/query.js';
import type { Context } from '../context.js';
import { NothingError } from '../errors.js';
import type { CommandResult } from '../main.js';

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
