// Options and option values shared by several commands' declarations.
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { oneLine } from '../timeline/text.js';
import { KINDS, type Kind } from '../timeline/types.js';
import { UsageError } from './errors.js';

/** A repeated option's values: pushed, since copying the list for each of thousands of values is quadratic. */
const collect = (value: string, previous: string[] = []) => {
  previous.push(value);
  return previous;
};

/** `--kind`, shared by the commands that list events. */
export const kindOption = () =>
  new Option(
    '-k, --kind <kinds>',
    `only these kinds, repeatable or comma-separated (${KINDS.join(', ')})`,
  ).argParser(collect);

/** The values of `--kind`, each a list of kinds. */
export function parseKinds(values: string[]): Kind[] {
  const kinds = values
    .flatMap((v) => v.split(','))
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean);
  for (const kind of kinds) {
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`unknown kind "${oneLine(kind)}"`, `kinds are ${KINDS.join(', ')}`);
    }
  }
  // `--kind ''` would otherwise mean every kind: the opposite of a list that names none.
  if (values.length > 0 && kinds.length === 0) {
    throw new UsageError(
      `--kind ${values.map((v) => `"${oneLine(v)}"`).join(' --kind ')}: names no kind`,
      `kinds are ${KINDS.join(', ')}; leave out --kind for all of them`,
    );
  }
  return kinds as Kind[];
}

/** An option value that must be a whole number of at least `minimum`; commander reports it otherwise. */
export function wholeNumber(minimum: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < minimum) {
      throw new InvalidArgumentError(`expected a whole number, at least ${minimum}`);
    }
    return Number(value);
  };
}
