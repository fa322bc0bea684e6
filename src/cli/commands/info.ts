import { renderInfo } from '../../render/info.js';
import type { Context } from '../context.js';
import type { CommandResult } from '../main.js';

export async function infoCommand(
  ctx: Context,
  options: { format: 'text' | 'json' },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  return { stdout: renderInfo(timeline, options.format, ctx.style) };
}
