// The one place a command's view becomes its result: rendered once, and "nothing matched" turned into exit 1.
import type { Output } from '../render/format.js';
import type { NothingMatched, Render, Selection } from '../render/render.js';
import type { CommandResult, Context } from './command.js';
import { EXIT } from './errors.js';

/**
 * What a command gives when its view matched nothing: exit 1 and the reason on stderr (with its hint), and
 * `stdout` as it stands (a JSON document with its empty list, or nothing).
 */
export function nothingMatched(nothing: NothingMatched, stdout: Output = ''): CommandResult {
  return {
    stdout,
    exitCode: EXIT.failed,
    messages: nothing.hint === null ? [nothing.message] : [nothing.message, `hint: ${nothing.hint}`],
  };
}

/**
 * Renders `view` for stdout with the context's style and width. A view that can match nothing (a `Selection`)
 * and did is exit 1.
 */
export function present<View extends object>(ctx: Context, view: View, render: Render<View>): CommandResult {
  const stdout = render(view, { style: ctx.style, width: ctx.width });
  const nothing = 'nothing' in view ? (view as Selection).nothing : null;
  return nothing ? nothingMatched(nothing, stdout) : { stdout };
}
