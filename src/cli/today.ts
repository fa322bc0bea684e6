import { type Day, isDay, isSupportedDay, looksLikeDay, SUPPORTED_DAYS } from '../timeline/day.js';
import { UsageError } from './errors.js';

/** Strict `--date`: only a real calendar date written `YYYY-MM-DD`, in the supported years. */
export function parseDateOption(text: string): Day {
  if (isDay(text)) {
    if (isSupportedDay(text)) return text;
    throw new UsageError(
      `--date ${text}: outside the supported years ${SUPPORTED_DAYS.years}`,
      'e.g. --date 2014-09-21',
    );
  }
  if (looksLikeDay(text)) {
    throw new UsageError(`--date ${text}: not a calendar date`, 'give a real date, e.g. --date 2014-09-21');
  }
  throw new UsageError(`--date ${JSON.stringify(text)}: expected YYYY-MM-DD`, 'e.g. --date 2014-09-21');
}

/** The last second `SOURCE_DATE_EPOCH` may name: the end of the last supported day, 9996-12-31. */
const LAST_EPOCH = Date.parse(`${SUPPORTED_DAYS.last}T23:59:59Z`) / 1000;

/**
 * The instant in `SOURCE_DATE_EPOCH` (reproducible builds), or null when it is unset or empty. Anything but a
 * whole number of seconds up to the end of the last supported day is a usage error.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return null;
  const shown = JSON.stringify(epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch);
  if (!/^\d+$/.test(epoch)) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH=${shown} is not a number of seconds since 1970-01-01`,
      'unset it or use --date YYYY-MM-DD',
    );
  }
  const seconds = Number(epoch);
  if (seconds > LAST_EPOCH) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH=${shown} is after ${SUPPORTED_DAYS.last}, outside the supported years ${SUPPORTED_DAYS.years}`,
      'unset it or use --date YYYY-MM-DD',
    );
  }
  return new Date(seconds * 1000);
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
