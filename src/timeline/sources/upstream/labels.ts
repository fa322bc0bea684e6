// What upstream's event labels say: `c-nova-spec-freeze` is the Caracal (c) cycle's Nova spec freeze, a deadline.
import type { Kind } from '../../types.js';

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A slug from a folder or label name: lowercase letters, digits and hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The series initial and the rest: `c-nova-spec-freeze` → `c`, `nova-spec-freeze`. */
export function splitLabel(label: string): { initial: string | null; slug: string } {
  const m = /^([a-z])-(.+)$/.exec(label);
  return m ? { initial: m[1] as string, slug: m[2] as string } : { initial: null, slug: label };
}

/** The kind a label's suffix says. */
export function kindOfLabel(label: string): Kind {
  const { slug } = splitLabel(label);
  if (/^[123]$/.test(slug)) return 'milestone';
  if (/^(ff|sf|soft-sf|hard-sf|rf|mf)$/.test(slug)) return 'freeze';
  if (slug === 'rc1' || slug === 'finalrc') return 'rc';
  if (slug === 'final') return 'release';
  if (/(^|-)(v?ptg|summit)(-\d+)?$/.test(slug)) return 'summit';
  if (/deadline|freeze|checkpoint|final-lib|final-clientlib|highlights|declaration/.test(slug))
    return 'deadline';
  return 'other';
}

// Maps, not object literals: a label such as `c-constructor` must not find Object.prototype's members.
const KNOWN_NAMES = new Map([
  ['ff', 'Feature freeze'],
  ['sf', 'String freeze'],
  ['soft-sf', 'Soft string freeze'],
  ['hard-sf', 'Hard string freeze'],
  ['rf', 'Requirements freeze'],
  ['mf', 'Membership freeze'],
  ['rc1', 'RC1 target week'],
  ['finalrc', 'Final RCs and intermediary releases'],
  ['final-lib', 'Final release for non-client libraries'],
  ['final-clientlib', 'Final release for client libraries'],
  ['ptg', 'Project Team Gathering'],
  ['vptg', 'Virtual Project Team Gathering'],
  ['summit', 'Summit'],
]);

/** A readable name for a label without a titled section: `c-1` → "Caracal-1 milestone". */
export function fallbackName(label: string, series: string, released: string | null = null): string {
  const { initial, slug } = splitLabel(label);
  const own = initial === series.charAt(0);
  const name = capitalise(series);
  if (/^[123]$/.test(slug)) return own ? `${name}-${slug} milestone` : `Milestone ${slug}`;
  if (slug === 'final')
    return own ? `${name} release` : released ? `${capitalise(released)} release` : 'Release';
  return KNOWN_NAMES.get(slug) ?? capitalise(slug.replace(/-/g, ' '));
}

const ALIASES = new Map([
  ['final', ['release']],
  ['ff', ['feature-freeze', 'ff']],
  ['rc1', ['rc1']],
  ['1', ['milestone-1']],
  ['2', ['milestone-2']],
  ['3', ['milestone-3']],
]);

/** Aliases that let the same commands work on every cycle. */
export function aliasesOf(label: string, series: string): string[] {
  const { initial, slug } = splitLabel(label);
  if (initial !== series.charAt(0)) return [];
  return (ALIASES.get(slug) ?? []).filter((alias) => alias !== label);
}

/** The project a project-specific label names: `c-nova-spec-freeze` → nova. */
export function projectOf(label: string): string | null {
  const { slug } = splitLabel(label);
  const parts = slug.split('-');
  return parts.length > 1 ? (parts[0] as string) : null;
}
