import { Argument, type Option } from '@commander-js/extra-typings';
import {
  type CommandSpec,
  type CompletionSpec,
  completionRenderers,
  type OptionSpec,
} from '../../render/completion.js';
import { SHELLS, type Shell } from '../../render/formats.js';
import { KINDS } from '../../timeline/types.js';
import { type AnyCommand, type CommandResult, type Context, defineCommand } from '../command.js';
import { loadSeriesList, loadTimeline } from '../load.js';
import { present } from '../present.js';

export const command = defineCommand({
  name: 'completion',
  declare: (cmd) =>
    cmd
      .description('print a shell completion script (see the README for installing it)')
      .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS)),
  examples: [
    'juno completion bash > ~/.local/share/bash-completion/completions/juno',
    'juno completion zsh > ~/.zfunc/_juno',
    'juno completion fish > ~/.config/fish/completions/juno.fish',
  ],
  // Every command is defined when completion runs (see commandsToDefine): the script describes them all.
  parse: ([shell], _options, { program }) => [shell, program],
  handler: completionCommand,
});

const EVENT_OPTIONS = new Set(['--before', '--until', '--after']);
const FILE_OPTIONS = new Set(['--timeline', '--output']);

function optionSpec(option: Option): OptionSpec | null {
  if (!option.long || option.hidden) return null;
  const takesValue = option.required || option.optional;
  let value: OptionSpec['value'] = null;
  if (takesValue) {
    if (EVENT_OPTIONS.has(option.long)) value = 'events';
    else if (FILE_OPTIONS.has(option.long)) value = 'files';
    else if (option.long === '--kind') value = { words: [...KINDS] };
    else if (option.argChoices) value = { words: option.argChoices };
    else value = 'text';
  }
  return { long: option.long, short: option.short ?? null, description: option.description, value };
}

/**
 * Describes the program's commands and options for completion, from commander's own definitions. `series`
 * completes its argument to the series names.
 */
export function describeProgram(
  program: AnyCommand,
  events: string[],
  seriesNames: string[] = [],
): CompletionSpec {
  const specs = (options: readonly Option[]) =>
    options.map(optionSpec).filter((o): o is OptionSpec => o !== null);
  const commands: CommandSpec[] = program.commands.map((c: AnyCommand) => {
    const first = c.registeredArguments[0];
    const isEvent = first?.name() === 'event';
    return {
      name: c.name(),
      description: c.description(),
      options: specs(c.options as readonly Option[]),
      eventArgument: isEvent,
      argumentWords:
        c.name() === 'series' && seriesNames.length > 0
          ? seriesNames
          : !isEvent && first?.argChoices
            ? first.argChoices
            : null,
      fileArgument: first?.name() === 'file',
    };
  });
  return {
    program: program.name(),
    commands,
    globalOptions: specs(program.options as readonly Option[]).filter((o) => o.long !== '--version'),
    events,
  };
}

export async function completionCommand(
  ctx: Context,
  shell: Shell,
  program: AnyCommand,
): Promise<CommandResult> {
  // Event names come from the bundled timeline, whatever --timeline says: the script is installed once.
  const { timeline } = await loadTimeline();
  const events = [...new Set(timeline.events.flatMap((e) => [e.id, ...e.aliases]))].sort();
  const series = (await loadSeriesList()).map((s) => s.name);
  return present(ctx, describeProgram(program, events, series), completionRenderers[shell]);
}
