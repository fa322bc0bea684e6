import { type CountdownJson, type NextJson, renderCountdown, renderNext } from '../../render/countdown.js';
import { longDay } from '../../timeline/day.js';
import { filterByKind, nextEvents } from '../../timeline/query.js';
import type { Kind } from '../../timeline/types.js';
import { SCHEMA_VERSION, viewEvent } from '../../timeline/view.js';
import type { Context } from '../context.js';
import { NothingError } from '../errors.js';
import type { CommandResult } from '../main.js';
import { resolveEvent } from '../resolve.js';

export async function countdownCommand(
  ctx: Context,
  name: string,
  options: { format: 'text' | 'json'; plain: boolean },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const event = resolveEvent(timeline, name);
  const json: CountdownJson = {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    today: ctx.today,
    event: viewEvent(timeline, event, ctx.today),
  };
  return { stdout: renderCountdown(json, options.plain ? 'plain' : options.format, ctx.style) };
}

export async function nextCommand(
  ctx: Context,
  options: { kinds: Kind[]; count: number | undefined; format: 'text' | 'json' },
): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const events = nextEvents(filterByKind(timeline.events, options.kinds), ctx.today, options.count ?? 1);
  if (events.length === 0) {
    const what = options.kinds.length > 0 ? `no ${options.kinds.join(' or ')} event` : 'no event';
    throw new NothingError(`${what} begins on or after ${longDay(ctx.today)} in ${timeline.series}`);
  }
  const views = events.map((e) => viewEvent(timeline, e, ctx.today));
  const json: NextJson = { schemaVersion: SCHEMA_VERSION, series: timeline.series, today: ctx.today };
  if (options.count === undefined) json.event = views[0];
  else json.events = views;
  return { stdout: renderNext(json, options.format, ctx.style) };
}
