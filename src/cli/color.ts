import { plainStyle, type Style } from '../render/style.js';

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

/** The style for colour on or off; chalk (and its terminal detection) loads only when colour is on. */
export async function makeStyle(enabled: boolean): Promise<Style> {
  if (!enabled) return plainStyle;
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
  };
}
