import { Argument, type Option } from '@commander-js/extra-typings';
import {
  type CommandSpec,
  type CompletionSpec,
  completionRenderers,
  type OptionSpec,
} from '../../render/completion.js';
import { SHELLS, type Shell } from '../../render/formats.js';
import { CURRENT_SERIES } from '../../timeline/choose.js';
import { KINDS } from '../../timeline/types.js';
import { type AnyCommand, type CommandResult, type Context, defineCommand } from '../command.js';
import { present } from '../present.js';
import { EVENTS_COMMAND } from './completion-ids.js';

export const command = defineCommand({
  name: 'completion',
  forPrograms: true,
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
/** The global options that choose the timeline, which the script passes on when it asks for event ids. */
const TIMELINE_OPTIONS = ['--series', '--timeline'];

function optionSpec(option: Option, seriesWords: string[]): OptionSpec | null {
  if (!option.long || option.hidden) return null;
  const takesValue = option.required || option.optional;
  let value: OptionSpec['value'] = null;
  if (takesValue) {
    if (EVENT_OPTIONS.has(option.long)) value = 'events';
    else if (FILE_OPTIONS.has(option.long)) value = 'files';
    else if (option.long === '--kind') value = { words: [...KINDS] };
    else if (option.long === '--series') value = seriesWords.length > 0 ? { words: seriesWords } : 'text';
    else if (option.argChoices) value = { words: option.argChoices };
    else value = 'text';
  }
  return { long: option.long, short: option.short ?? null, description: option.description, value };
}

/**
 * Describes the program's commands and options for completion, from commander's own definitions (hidden commands
 * left out). `series` completes its argument to the series names, `--series` its value to them and `current`.
 */
export function describeProgram(program: AnyCommand, seriesNames: string[] = []): CompletionSpec {
  const seriesWords = seriesNames.length > 0 ? [...seriesNames, CURRENT_SERIES] : [];
  const specs = (options: readonly Option[]) =>
    options.map((o) => optionSpec(o, seriesWords)).filter((o): o is OptionSpec => o !== null);
  const visible = new Set(program.createHelp().visibleCommands(program));
  const shown = program.commands.filter((c: AnyCommand) => visible.has(c));
  const commands: CommandSpec[] = shown.map((c: AnyCommand) => {
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
      pathArgument: first?.name() === 'file' ? 'file' : first?.name() === 'dir' ? 'folder' : null,
    };
  });
  return {
    program: program.name(),
    commands,
    globalOptions: specs(program.options as readonly Option[]).filter((o) => o.long !== '--version'),
    eventsCommand: EVENTS_COMMAND,
    timelineOptions: TIMELINE_OPTIONS,
  };
}

export async function completionCommand(
  ctx: Context,
  shell: Shell,
  program: AnyCommand,
): Promise<CommandResult> {
  // The script is installed once: event ids are asked of juno as they are completed, series names are the list's.
  const series = (await ctx.seriesData()).series.map((s) => s.name);
  return present(ctx, describeProgram(program, series), completionRenderers[shell]);
}
