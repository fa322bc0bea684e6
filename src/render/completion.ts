// Shell completion scripts, generated from the same option definitions the CLI parses. Event ids are not in the
// script: it asks juno for those of the timeline the command line chooses (--series, --timeline, JUNO_SERIES), with
// the hidden command `juno [--series NAME | --timeline FILE] completion-ids`, so they follow every series.
import type { Shell } from './formats.js';
import type { Render } from './render.js';

export interface OptionSpec {
  long: string;
  short: string | null;
  description: string;
  /** What the value completes to: fixed words, event ids (asked of juno), files, or free text; null: a flag. */
  value: { words: string[] } | 'events' | 'files' | 'text' | null;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** The command's first argument is an event id or alias. */
  eventArgument: boolean;
  /** The command's first argument is one of these words. */
  argumentWords: string[] | null;
  /** The command's first argument is a path: a file (`validate FILE`) or a folder (`publish DIR`); else null. */
  pathArgument: 'file' | 'folder' | null;
}

export interface CompletionSpec {
  program: string;
  commands: CommandSpec[];
  globalOptions: OptionSpec[];
  /** The hidden command that prints the ids and aliases of the chosen timeline's events, one a line. */
  eventsCommand: string;
  /** The global options whose value chooses the timeline, passed on to `eventsCommand`. */
  timelineOptions: string[];
}

const shellWord = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const flags = (o: OptionSpec) => (o.short ? [o.long, o.short] : [o.long]);

function bash(spec: CompletionSpec): string {
  const valueCase = (options: OptionSpec[], indent: string) =>
    options
      .filter((o) => o.value !== null && o.value !== 'text')
      .map((o) => {
        const words =
          o.value === 'files'
            ? `COMPREPLY=($(compgen -f -- "$cur"))`
            : o.value === 'events'
              ? `COMPREPLY=($(compgen -W "$(_${spec.program}_events)" -- "$cur"))`
              : `COMPREPLY=($(compgen -W ${shellWord((o.value as { words: string[] }).words.join(' '))} -- "$cur"))`;
        return `${indent}${flags(o).join('|')}) ${words}; return ;;`;
      })
      .join('\n');
  const textOptions = [...spec.globalOptions, ...spec.commands.flatMap((c) => c.options)]
    .filter((o) => o.value === 'text')
    .flatMap(flags);
  const globals = spec.globalOptions.flatMap((o) => [o.long]).join(' ');
  const commandCases = spec.commands
    .map((c) => {
      const optionWords = [...c.options.map((o) => o.long), '--help'].join(' ');
      const argument = c.eventArgument
        ? `\n      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W "$(_${spec.program}_events)" -- "$cur")); return; }`
        : c.pathArgument
          ? `\n      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -${c.pathArgument === 'folder' ? 'd' : 'f'} -- "$cur")); return; }`
          : c.argumentWords
            ? `\n      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W ${shellWord(c.argumentWords.join(' '))} -- "$cur")); return; }`
            : '';
      const values = valueCase(c.options, '        ');
      return `    ${c.name})${values ? `\n      case "$prev" in\n${values}\n      esac` : ''}${argument}
      COMPREPLY=($(compgen -W ${shellWord(`${optionWords} ${globals}`)} -- "$cur")) ;;`;
    })
    .join('\n');
  const chooser = spec.timelineOptions.join('|');
  return `# bash completion for ${spec.program}
# The ids and aliases of the events of the timeline the words typed so far choose.
_${spec.program}_events() {
  local i args=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${chooser})
        # bash splits --series=indri at the = sign.
        if [[ "\${COMP_WORDS[i+1]}" == "=" ]]; then args+=("\${COMP_WORDS[i]}=\${COMP_WORDS[i+2]}"); i=$((i + 2))
        else args+=("\${COMP_WORDS[i]}" "\${COMP_WORDS[i+1]}"); i=$((i + 1)); fi ;;
    esac
  done
  command ${spec.program} "\${args[@]}" ${spec.eventsCommand} 2>/dev/null
}
_${spec.program}() {
  local cur prev cmd i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local commands=${shellWord(spec.commands.map((c) => c.name).join(' '))}
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ " $commands " == *" \${COMP_WORDS[i]} "* ]]; then cmd="\${COMP_WORDS[i]}"; break; fi
  done
  case "$prev" in
${valueCase(spec.globalOptions, '    ')}
${textOptions.length > 0 ? `    ${textOptions.join('|')}) return ;;\n` : ''}  esac
  case "$cmd" in
${commandCases}
    *) COMPREPLY=($(compgen -W "$commands ${globals} --help --version" -- "$cur")) ;;
  esac
}
complete -F _${spec.program} ${spec.program}
`;
}

function zshEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, `'\\''`)
    .replace(/\[/g, '\\[')
    .replace(/\]/g, '\\]')
    .replace(/:/g, '\\:');
}

function zshOption(o: OptionSpec, events: string): string[] {
  const description = zshEscape(o.description);
  let action = '';
  if (o.value === 'files') action = ':file:_files';
  else if (o.value === 'events') action = `:event:${events}`;
  else if (o.value === 'text') action = ':value: ';
  else if (o.value) action = `:value:(${o.value.words.join(' ')})`;
  return flags(o).map((flag) => `'${flag}[${description}]${action}'`);
}

function zsh(spec: CompletionSpec): string {
  const events = `_${spec.program}_events`;
  const globals = spec.globalOptions.flatMap((o) => zshOption(o, events));
  const cases = spec.commands
    .map((c) => {
      const args = [...globals, ...c.options.flatMap((o) => zshOption(o, events))];
      if (c.eventArgument) args.push(`'1:event:${events}'`);
      else if (c.argumentWords) args.push(`'1:value:(${c.argumentWords.join(' ')})'`);
      else if (c.pathArgument === 'file') args.push(`'1:file:_files'`);
      else if (c.pathArgument === 'folder') args.push(`'1:folder:_files -/'`);
      return `        ${c.name}) _arguments ${args.join(' ')} ;;`;
    })
    .join('\n');
  const commands = spec.commands
    .map((c) => `    '${zshEscape(c.name)}:${zshEscape(c.description)}'`)
    .join('\n');
  return `#compdef ${spec.program}
# zsh completion for ${spec.program}
# The ids and aliases of the events of the timeline the whole command line chooses ($${spec.program}_words: the
# words before _arguments narrows $words to a command's own).
${events}() {
  local -a args ids
  local i
  for ((i = 2; i < \${#${spec.program}_words}; i++)); do
    case \${${spec.program}_words[i]} in
      ${spec.timelineOptions.join('|')}) args+=(\${${spec.program}_words[i]} \${${spec.program}_words[i+1]}); (( i++ )) ;;
      ${spec.timelineOptions.map((o) => `${o}=*`).join('|')}) args+=(\${${spec.program}_words[i]}) ;;
    esac
  done
  ids=(\${(f)"$(command ${spec.program} $args ${spec.eventsCommand} 2>/dev/null)"})
  compadd -a ids
}
_${spec.program}() {
  local context state state_descr line
  local -a ${spec.program}_words
  ${spec.program}_words=("\${words[@]}")
  typeset -A opt_args
  local -a commands
  commands=(
${commands}
  )
  _arguments -C ${globals.join(' ')} '1: :->command' '*:: :->args'
  case $state in
    command) _describe -t commands '${spec.program} command' commands ;;
    args)
      case $words[1] in
${cases}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _${spec.program} "$@"
else
  compdef _${spec.program} ${spec.program}
fi
`;
}

function fish(spec: CompletionSpec): string {
  const p = spec.program;
  const events = `'(__${p}_events)'`;
  const lines = [
    `# fish completion for ${p}`,
    `# The ids and aliases of the events of the timeline the words typed so far choose.`,
    `function __${p}_events`,
    '    set -l tokens (commandline -opc)',
    '    set -l args',
    '    set -l i 2',
    '    while test $i -le (count $tokens)',
    '        switch $tokens[$i]',
    `            case ${spec.timelineOptions.join(' ')}`,
    '                if test $i -lt (count $tokens)',
    '                    set -a args $tokens[$i] $tokens[(math $i + 1)]',
    '                    set i (math $i + 1)',
    '                end',
    `            case ${spec.timelineOptions.map((o) => `'${o}=*'`).join(' ')}`,
    '                set -a args $tokens[$i]',
    '        end',
    '        set i (math $i + 1)',
    '    end',
    `    command ${p} $args ${spec.eventsCommand} 2>/dev/null`,
    'end',
    `complete -c ${p} -f`,
  ];
  const option = (o: OptionSpec, condition: string) => {
    const parts = [`complete -c ${p}`];
    if (condition) parts.push(`-n ${shellWord(condition)}`);
    parts.push(`-l ${o.long.replace(/^--/, '')}`);
    if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
    if (o.value === 'files') parts.push('-r -F');
    else if (o.value === 'events') parts.push(`-x -a ${events}`);
    else if (o.value === 'text') parts.push('-x');
    else if (o.value) parts.push(`-x -a ${shellWord(o.value.words.join(' '))}`);
    parts.push(`-d ${shellWord(o.description)}`);
    return parts.join(' ');
  };
  for (const o of spec.globalOptions) lines.push(option(o, ''));
  for (const c of spec.commands) {
    lines.push(`complete -c ${p} -n __fish_use_subcommand -a ${c.name} -d ${shellWord(c.description)}`);
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(option(o, seen));
    if (c.eventArgument) lines.push(`complete -c ${p} -n ${shellWord(seen)} -a ${events}`);
    if (c.argumentWords)
      lines.push(`complete -c ${p} -n ${shellWord(seen)} -a ${shellWord(c.argumentWords.join(' '))}`);
    if (c.pathArgument === 'file') lines.push(`complete -c ${p} -n ${shellWord(seen)} -F`);
    if (c.pathArgument === 'folder')
      lines.push(`complete -c ${p} -n ${shellWord(seen)} -a '(__fish_complete_directories)'`);
  }
  return `${lines.join('\n')}\n`;
}

export const completionRenderers = { bash, zsh, fish } satisfies Record<Shell, Render<CompletionSpec>>;
