import { asciiText, plainStyle, type Style } from '../render/style.js';

export const COLOR_CHOICES = ['auto', 'always', 'never'] as const;
export type ColorChoice = (typeof COLOR_CHOICES)[number];

/**
 * Colour on or off, decided once: `--color always|never` wins; otherwise `NO_COLOR` (any non-empty value) turns
 * it off, `FORCE_COLOR` turns it on, and otherwise it needs a terminal whose `TERM` is not `dumb`.
 */
export function decideColor(choice: ColorChoice, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/**
 * Whether the terminal shows UTF-8, decided once: not when `TERM` is `dumb`, nor when the locale that sets the
 * character encoding (the first non-empty of LC_ALL, LC_CTYPE, LANG, as POSIX orders them) names no UTF-8 (`C`,
 * `POSIX`, `en_US.ISO-8859-1`); when none of them is set, UTF-8 (as on macOS and Windows terminals, which often
 * set no locale). It holds for piped output too: what reads it has the same locale. JSON is always UTF-8.
 */
export function decideUnicode(env: NodeJS.ProcessEnv): boolean {
  if (env.TERM === 'dumb') return false;
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((value) => value !== undefined && value !== '');
  return locale === undefined || /utf-?8/i.test(locale);
}

/**
 * The style for colour on or off, with Unicode symbols or their ASCII stand-ins; chalk (and its terminal
 * detection) loads only when colour is on.
 */
export async function makeStyle(enabled: boolean, unicode = true): Promise<Style> {
  const ascii = unicode ? {} : { ascii: true, text: asciiText };
  if (!enabled) return { ...plainStyle, ...ascii };
  const { Chalk } = await import('chalk');
  // chalk's own detection is bypassed: the decision above is the only one.
  const chalk = new Chalk({ level: 1 });
  return {
    color: true,
    dim: chalk.dim,
    bold: chalk.bold,
    accent: chalk.cyan,
    warn: chalk.yellow,
    good: chalk.green,
    bad: chalk.red,
    highlight: chalk.inverse,
    ascii: false,
    text: (out) => out,
    ...ascii,
  };
}
