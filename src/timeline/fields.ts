// Reading the fields of an untyped document (parsed JSON or YAML): each value checked against what it should be,
// every problem collected with its path, nothing of a value quoted beyond a clipped, cleaned few characters.
import { type Day, isDay, isSupportedDay, looksLikeDay, unsupportedDay } from './day.js';
import { cleanText, clip } from './text.js';
import type { Problem } from './types.js';

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const URL_PATTERN = /^https?:\/\/\S+$/;
/**
 * Longest accepted values, in characters: a name fits a table row, a note a paragraph, an id a URL slug, and a
 * stamp (`updated`, `week`, `releaseId`) a date-time.
 */
export const LIMITS = { name: 1000, text: 20000, slug: 100, stamp: 40 } as const;
const MAX_TEXT: number = LIMITS.text;

/** A property name for a warning's path: cleaned and clipped, since keys are data too. */
export const keyLabel = (key: string) => clip(cleanText(key), 40);

/** A value as a problem quotes it: its type, or a clipped and cleaned string. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${clip(cleanText(value), 40)}"`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function has(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key) && record[key] !== undefined;
}

/** The path of `key` inside the value at `base` ('' at the top level), for problems and warnings. */
function at(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Collects problems and warnings while reading. Each method reads `record[key]`, the value at path
 * `at(base, key)`; paths are built only for a problem, since a large timeline has hundreds of thousands of values.
 */
export class Reader {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  text(record: Record<string, unknown>, key: string, base: string, max = MAX_TEXT): string | null {
    const value = record[key];
    if (value === null || !has(record, key)) return null;
    if (typeof value !== 'string') {
      this.problem(at(base, key), `expected text, got ${describe(value)}`);
      return null;
    }
    if (value.length > max) {
      this.problem(at(base, key), `is ${value.length} characters long; at most ${max} are allowed`);
      return null;
    }
    return cleanText(value);
  }

  requiredText(record: Record<string, unknown>, key: string, base: string, max = MAX_TEXT): string | null {
    if (!has(record, key) || record[key] === null) {
      this.problem(at(base, key), 'is required');
      return null;
    }
    const value = this.text(record, key, base, max);
    if (value !== null && value.trim() === '') {
      this.problem(at(base, key), 'must not be empty');
      return null;
    }
    return value;
  }

  slug(record: Record<string, unknown>, key: string, base: string, required: boolean): string | null {
    if (!has(record, key)) {
      if (required) this.problem(at(base, key), 'is required');
      return null;
    }
    const value = record[key];
    if (typeof value !== 'string') {
      this.problem(
        at(base, key),
        `expected a slug (lowercase letters, digits, hyphens), got ${describe(value)}`,
      );
      return null;
    }
    if (value.length > LIMITS.slug) {
      this.problem(at(base, key), `is ${value.length} characters long; at most ${LIMITS.slug} are allowed`);
      return null;
    }
    if (!SLUG.test(value)) {
      this.problem(at(base, key), `${describe(value)} is not a slug (lowercase letters, digits and hyphens)`);
      return null;
    }
    return value;
  }

  day(record: Record<string, unknown>, key: string, base: string, required: boolean): Day | null {
    if (!has(record, key)) {
      if (required) this.problem(at(base, key), 'is required');
      return null;
    }
    const value = record[key];
    if (typeof value !== 'string') {
      this.problem(at(base, key), `expected a date YYYY-MM-DD, got ${describe(value)}`);
      return null;
    }
    if (isDay(value)) {
      if (isSupportedDay(value)) return value;
      this.problem(at(base, key), unsupportedDay(value));
      return null;
    }
    this.problem(
      at(base, key),
      looksLikeDay(value)
        ? `${value} is not a calendar date`
        : `${describe(value)} is not a date in the form YYYY-MM-DD`,
    );
    return null;
  }

  /**
   * One of `values`, named by the key in problems (`unknown kind "party" (expected one of …)`). An optional one
   * may be null.
   */
  choice<T extends string>(
    record: Record<string, unknown>,
    key: string,
    base: string,
    values: readonly T[],
    required: boolean,
  ): T | null {
    if (!has(record, key)) {
      if (required) this.problem(at(base, key), 'is required');
      return null;
    }
    const value = record[key];
    if (value === null && !required) return null;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.problem(
      at(base, key),
      typeof value === 'string'
        ? `unknown ${key} ${describe(value)} (expected one of ${values.join(', ')})`
        : `expected a ${key} (one of ${values.join(', ')}), got ${describe(value)}`,
    );
    return null;
  }

  /** A whole number from 0 to `max`; absent or null is null. */
  wholeNumber(record: Record<string, unknown>, key: string, base: string, max: number): number | null {
    const value = record[key];
    if (value === null || !has(record, key)) return null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return value;
    this.problem(at(base, key), `expected a whole number from 0 to ${max}, got ${describe(value)}`);
    return null;
  }

  textList(record: Record<string, unknown>, key: string, base: string): string[] {
    const value = record[key];
    if (value === null || !has(record, key)) return [];
    if (!Array.isArray(value)) {
      this.problem(at(base, key), `expected a list of text, got ${describe(value)}`);
      return [];
    }
    const out: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'string')
        this.problem(`${at(base, key)}[${i}]`, `expected text, got ${describe(item)}`);
      else if (item.length > MAX_TEXT)
        this.problem(`${at(base, key)}[${i}]`, `is ${item.length} characters long`);
      else out.push(cleanText(item));
    }
    return out;
  }
}
