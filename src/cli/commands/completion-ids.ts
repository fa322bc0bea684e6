// `juno [--series NAME | --timeline FILE] completion-ids`, hidden: the ids and aliases of the chosen timeline's
// events, one a line, for the completion scripts to ask at the moment they complete an event.
import { type CommandResult, type Context, defineCommand } from '../command.js';

export const EVENTS_COMMAND = 'completion-ids';

export const command = defineCommand({
  name: EVENTS_COMMAND,
  forPrograms: true,
  hidden: true,
  declare: (cmd) =>
    cmd.description('the ids and aliases of the timeline’s events, one a line (for completion)'),
  examples: ['juno --series indri completion-ids'],
  parse: () => [],
  handler: completionIdsCommand,
});

export async function completionIdsCommand(ctx: Context): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const ids = [...new Set(timeline.events.flatMap((e) => [e.id, ...e.aliases]))].sort();
  return { stdout: ids.map((id) => `${id}\n`).join('') };
}
