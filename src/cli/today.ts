import { type Day, isDay, isSupportedDay, looksLikeDay, SUPPORTED_DAYS } from '../timeline/day.js';
import { clip } from '../timeline/text.js';
import { UsageError } from './errors.js';

/**
 * A day given as today, strictly: only a real calendar date written `YYYY-MM-DD`, in the supported years.
 * `source` names where it came from (`--date`, `JUNO_DATE`), for the message.
 */
export function parseDateOption(text: string, source = '--date'): Day {
  const quoted = JSON.stringify(clip(text, 40));
  const shown = source === '--date' ? `--date ${quoted}` : `${source}=${quoted}`;
  const example = source === '--date' ? '--date 2014-09-21' : `${source}=2014-09-21`;
  if (isDay(text)) {
    if (isSupportedDay(text)) return text;
    throw new UsageError(`${shown}: outside the supported years ${SUPPORTED_DAYS.years}`, `e.g. ${example}`);
  }
  if (looksLikeDay(text)) {
    throw new UsageError(`${shown}: not a calendar date`, `give a real date, e.g. ${example}`);
  }
  throw new UsageError(`${shown}: expected YYYY-MM-DD`, `e.g. ${example}`);
}

/** The last second `SOURCE_DATE_EPOCH` may name: the end of the last supported day, 9996-12-31. */
const LAST_EPOCH = Date.parse(`${SUPPORTED_DAYS.last}T23:59:59Z`) / 1000;

/**
 * The instant in `SOURCE_DATE_EPOCH` (reproducible builds), or null when it is unset or empty. Anything but a
 * whole number of seconds up to the end of the last supported day is a usage error. It fixes the time stamps
 * written into exported files, never today: Nix shells set it to 1980-01-01 for every program run in them.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return null;
  const shown = JSON.stringify(epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch);
  if (!/^\d+$/.test(epoch)) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH=${shown} is not a number of seconds since 1970-01-01`,
      'it stamps exported files; unset it, or give whole seconds since 1970-01-01',
    );
  }
  const seconds = Number(epoch);
  if (seconds > LAST_EPOCH) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH=${shown} is after ${SUPPORTED_DAYS.last}, outside the supported years ${SUPPORTED_DAYS.years}`,
      'it stamps exported files; unset it, or give whole seconds since 1970-01-01',
    );
  }
  return new Date(seconds * 1000);
}

/**
 * Today, as a calendar day: `--date`, else `JUNO_DATE` (unset when empty), else the local calendar date of
 * `now`. `SOURCE_DATE_EPOCH` plays no part: it is about build time stamps (see `sourceDateEpoch`).
 */
export function resolveToday(dateOption: string | undefined, env: NodeJS.ProcessEnv, now: Date): Day {
  if (dateOption !== undefined) return parseDateOption(dateOption);
  const fromEnv = env.JUNO_DATE;
  if (fromEnv !== undefined && fromEnv !== '') return parseDateOption(fromEnv, 'JUNO_DATE');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
