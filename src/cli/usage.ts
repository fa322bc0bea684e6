// Commander's usage errors in juno's words. Commander reports every one through `Command.error(message, {code})`
// on the command whose arguments it was parsing; main.ts replaces that method on each command with `usageError`,
// so that what reaches the one catch is a UsageError like juno's own: one sentence, echoed values in double
// quotes, and a hint that points to the help of the command concerned.
import type { Option } from '@commander-js/extra-typings';
import { oneLine } from '../timeline/text.js';
import type { AnyCommand } from './command.js';
import { UsageError } from './errors.js';

/** A value the user typed, as messages echo it: one line, at most 100 characters, in double quotes. */
export const quoted = (value: string): string => `"${oneLine(value).slice(0, 100)}"`;

/** `a, b or c`. */
export const orList = (words: readonly string[]): string =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

/** The command line that names `cmd`: `juno next`, or `juno` for the program itself. */
function commandLine(cmd: AnyCommand): string {
  return cmd.parent ? `juno ${cmd.name()}` : 'juno';
}

/** The hint every usage error ends with: the help of the command concerned, after anything more specific. */
export function seeHelp(cmd: AnyCommand, before?: string): string {
  const help = `see ${commandLine(cmd)} --help`;
  return before ? `${before} (${help})` : help;
}

/** The option named by its flags as commander quotes them (`-n, --count <n>`), on this command or the program. */
function findOption(cmd: AnyCommand, flags: string): Option | undefined {
  for (let c: AnyCommand | null = cmd; c; c = c.parent) {
    const found = (c.options as readonly Option[]).find((o) => o.flags === flags);
    if (found) return found;
  }
  return undefined;
}

const nameOf = (option: Option): string => option.long ?? option.short ?? option.flags;

/** What a value must be: the choices, or what commander's parser (ours, throwing InvalidArgumentError) said. */
function invalidValue(
  cmd: AnyCommand,
  subject: string,
  value: string,
  choices: readonly string[] | undefined,
  said: string,
  noun: string,
) {
  if (choices)
    return new UsageError(`unknown ${noun} ${quoted(value)}`, seeHelp(cmd, `choose ${orList(choices)}`));
  return new UsageError(`${subject} ${quoted(value)}: ${said.trim()}`, seeHelp(cmd));
}

/** `option '<flags>' argument '<value>' is invalid. <why>` and its command-argument twin, decoded. */
function invalidArgument(cmd: AnyCommand, message: string): UsageError {
  const option = /^option '(.*?)' argument '/.exec(message);
  if (option) {
    const found = findOption(cmd, option[1] as string);
    const end = message.lastIndexOf("' is invalid.");
    const value = message.slice(option[0].length, end);
    const said = message.slice(end + "' is invalid.".length);
    const subject = found ? nameOf(found) : (option[1] as string);
    const noun = subject === '--format' ? 'format' : `${subject} value`;
    return invalidValue(cmd, subject, value, found?.argChoices, said, noun);
  }
  const argument = /^command-argument value '([\s\S]*)' is invalid for argument '(.*?)'\.([\s\S]*)$/.exec(
    message,
  );
  if (argument) {
    const [, value, name, said] = argument as unknown as [string, string, string, string];
    const registered = cmd.registeredArguments.find((a) => a.name() === name);
    return invalidValue(cmd, name, value, registered?.argChoices, said, name);
  }
  return new UsageError(message, seeHelp(cmd));
}

/** The arguments a command shows in its help (schedule's catch for a mistyped command name is not one). */
const shownArguments = (cmd: AnyCommand) => cmd.registeredArguments.filter((a) => a.description !== '');

/** More words than the command takes: those past the ones it takes, with what it takes. */
export function excessArguments(cmd: AnyCommand, args: readonly string[]): UsageError {
  const shown = shownArguments(cmd);
  const extra = args.slice(shown.length).map(quoted).join(', ');
  if (shown.length === 0)
    return new UsageError(`${cmd.name()} takes no arguments, got ${extra}`, seeHelp(cmd));
  const names = shown.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
  const count = shown.length === 1 ? 'one argument' : `${shown.length} arguments`;
  return new UsageError(`${cmd.name()} takes ${count}, ${names}; also got ${extra}`, seeHelp(cmd));
}

/**
 * Commander's error `message` (with its `error: ` prefix) of `code`, raised on `cmd`, as juno's UsageError. `shown`
 * is the command the user named: the program when the default command runs unnamed (`juno --bogus`).
 */
export function usageError(
  raisedOn: AnyCommand,
  text: string,
  code: string | undefined,
  shown: AnyCommand = raisedOn,
): UsageError {
  const message = text.replace(/^error: /, '');
  const cmd = raisedOn;
  switch (code) {
    case 'commander.unknownOption': {
      const match = /^unknown option '([\s\S]*?)'(?:\n\(Did you mean (.+)\?\))?$/.exec(message);
      const flag = match?.[1] ?? message;
      const suggestion = match?.[2];
      const where = shown.parent ? `${shown.name()} has no option` : 'unknown option';
      return new UsageError(
        `${where} ${quoted(flag)}`,
        seeHelp(shown, suggestion ? `did you mean ${suggestion}?` : undefined),
      );
    }
    case 'commander.optionMissingArgument': {
      const flags = /^option '(.*)' argument missing$/.exec(message)?.[1] ?? '';
      const option = findOption(cmd, flags);
      const value = /<(.+)>/.exec(flags)?.[1] ?? 'value';
      return new UsageError(`${option ? nameOf(option) : flags} needs a value: <${value}>`, seeHelp(cmd));
    }
    case 'commander.missingArgument': {
      const name = /^missing required argument '(.*)'$/.exec(message)?.[1] ?? 'argument';
      return new UsageError(`${cmd.name()} needs an argument, <${name}>`, seeHelp(cmd));
    }
    case 'commander.excessArguments':
      return excessArguments(cmd, cmd.args);
    case 'commander.invalidArgument':
      return invalidArgument(cmd, message);
    case 'commander.unknownCommand': {
      const match = /^unknown command '([\s\S]*?)'(?:\n\(Did you mean (.+)\?\))?$/.exec(message);
      return new UsageError(
        `unknown command ${quoted(match?.[1] ?? message)}`,
        seeHelp(cmd, match?.[2] ? `did you mean ${match[2]}?` : undefined),
      );
    }
    default:
      return new UsageError(message, seeHelp(cmd));
  }
}
