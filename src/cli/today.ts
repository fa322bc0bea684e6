import { type Day, isDay, looksLikeDay } from '../timeline/day.js';
import { UsageError } from './errors.js';

/** Strict `--date`: only a real calendar date written `YYYY-MM-DD`. */
export function parseDateOption(text: string): Day {
  if (isDay(text)) return text;
  if (looksLikeDay(text)) {
    throw new UsageError(`--date ${text}: not a calendar date`, 'give a real date, e.g. --date 2014-09-21');
  }
  throw new UsageError(`--date ${JSON.stringify(text)}: expected YYYY-MM-DD`, 'e.g. --date 2014-09-21');
}

/**
 * The instant in `SOURCE_DATE_EPOCH` (reproducible builds), or null when it is unset or empty. Anything but a
 * whole number of seconds is a usage error.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return null;
  const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH=${JSON.stringify(epoch)} is not a number of seconds since 1970-01-01`,
      'unset it or use --date YYYY-MM-DD',
    );
  }
  return date;
}

/**
 * Today, as a calendar day: `--date`, else the UTC date of `SOURCE_DATE_EPOCH` (reproducible builds), else the
 * local calendar date of `now`.
 */
export function resolveToday(dateOption: string | undefined, env: NodeJS.ProcessEnv, now: Date): Day {
  if (dateOption !== undefined) return parseDateOption(dateOption);
  const epoch = sourceDateEpoch(env);
  if (epoch !== null) return epoch.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
