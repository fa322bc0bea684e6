import { calendarRenderers } from '../../render/calendar.js';
import { calendarView } from '../../render/views/calendar.js';
import { isSupportedDay, SUPPORTED_DAYS } from '../../timeline/day.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { present } from '../present.js';
import { quoted } from '../usage.js';

export const command = defineCommand({
  name: 'calendar',
  declare: (cmd) =>
    cmd
      .description('month grids like cal (weeks start on Monday) with event days marked and a legend')
      .option('-m, --month <YYYY-MM>', 'the first month to show (default: the month of today)')
      .option('-n, --months <count>', 'how many months to show, stacked one under another', '1'),
  examples: [
    'juno calendar',
    'juno calendar --month 2014-09 --date 2014-09-21',
    'juno calendar --month 2014-09 --months 3',
  ],
  parse: (_args, options) => [
    {
      month: options.month === undefined ? undefined : parseMonth(options.month),
      months: parseMonthCount(options.months),
    },
  ],
  handler: calendarCommand,
});

/** `--month YYYY-MM`: a real month in the supported years, or a usage error. */
export function parseMonth(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw new UsageError(
      `--month ${quoted(value)}: not a month`,
      'give a month as YYYY-MM, e.g. --month 2014-09',
    );
  }
  if (!isSupportedDay(`${value}-01`)) {
    throw new UsageError(
      `--month ${quoted(value)}: outside the supported years ${SUPPORTED_DAYS.years}`,
      'e.g. --month 2014-09',
    );
  }
  return value;
}

export const MAX_MONTHS = 36;

/** `--months N`: how many months to show, 1 to MAX_MONTHS. */
export function parseMonthCount(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new UsageError(
      `--months ${quoted(value)}: not a whole number`,
      `give a whole number from 1 to ${MAX_MONTHS}, e.g. --months 3`,
    );
  }
  const count = Number(value);
  if (count < 1 || count > MAX_MONTHS) {
    throw new UsageError(
      `--months ${quoted(value)}: out of range, 1 to ${MAX_MONTHS}`,
      'e.g. --months 3 (see juno calendar --help)',
    );
  }
  return count;
}

export interface CalendarCommandOptions {
  /** `YYYY-MM`; default: the month of today. */
  month: string | undefined;
  months: number;
}

export async function calendarCommand(ctx: Context, options: CalendarCommandOptions): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const first = options.month ?? ctx.today.slice(0, 7);
  return present(ctx, calendarView(timeline, ctx.today, first, options.months), calendarRenderers.text);
}
