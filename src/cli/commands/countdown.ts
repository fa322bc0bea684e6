import { Option } from '@commander-js/extra-typings';
import { type CountdownJson, type NextJson, renderCountdown, renderNext } from '../../render/countdown.js';
import { TEXT_OR_JSON } from '../../render/formats.js';
import { longDay } from '../../timeline/day.js';
import { filterByKind, nextEvents } from '../../timeline/query.js';
import type { Kind } from '../../timeline/types.js';
import { SCHEMA_VERSION, viewEvent } from '../../timeline/view.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { NothingError } from '../errors.js';
import { resolveEvent } from '../resolve.js';

export const command = defineCommand({
  name: 'countdown',
  declare: (cmd) =>
    cmd
      .description('days until an event (or since it), by id or alias: release, ff, j-3, final, ...')
      .argument('<event>', 'an event id or alias, case-insensitive')
      .option(
        '-p, --plain',
        'print only the signed number of days until the first day (1 the day before, 0 on the day, -1 after)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      ),
  examples: [
    'juno countdown release --date 2014-09-21',
    'juno countdown ff --plain',
    'juno countdown kilo-summit --format json',
  ],
  parse: ([name], options) => [name, { format: options.format, plain: options.plain === true }],
  handler: countdownCommand,
});

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
