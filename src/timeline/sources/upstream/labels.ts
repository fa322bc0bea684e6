// What upstream's event labels say: `c-nova-spec-freeze` is the Caracal (c) cycle's Nova spec freeze, a deadline.
import { capitalise } from '../../text.js';
import type { Kind } from '../../types.js';

/** A slug from a folder or label name: lowercase letters, digits and hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A label or an RST anchor as the page's links know it: Sphinx turns `_` into `-` in ids, so the label
 * `u_cycle-highlights` and the anchor `.. _u_cycle-highlights:` are both `u-cycle-highlights`.
 */
export const normaliseLabel = slugify;

/** The series initial and the rest: `c-nova-spec-freeze` → `c`, `nova-spec-freeze`. */
export function splitLabel(label: string): { initial: string | null; slug: string } {
  const m = /^([a-z])-(.+)$/.exec(label);
  return m ? { initial: m[1] as string, slug: m[2] as string } : { initial: null, slug: label };
}

/** A series' release: `-final` from train on, `-release` before (`o-release`, `s-release`). */
export function isReleaseLabel(label: string): boolean {
  const { initial, slug } = splitLabel(label);
  return initial !== null && (slug === 'final' || slug === 'release');
}

/**
 * The kind a label says, by its suffix and, where the suffix is a project's own wording (`o-horizon-ff`,
 * `caracal extra-acs`), by its section's title. In order: the cross-project labels every cycle shares, then
 * summits, then deadlines and freezes of one project or group (all `deadline`), then the rest.
 */
export function kindOfLabel(label: string, title: string | null = null): Kind {
  const { slug } = splitLabel(label);
  const heading = title ?? '';
  if (isReleaseLabel(label)) return 'release';
  if (slug === 'eol' || /\bEOL\b/.test(heading)) return 'eol';
  if (/^[123]$/.test(slug)) return 'milestone';
  if (slug === 'rc1' || slug === 'finalrc') return 'rc';
  if (/^(ff|sf|soft-sf|hard-sf|rf|mf)$/.test(slug)) return 'freeze';
  if (
    /(^|-)(v?ptg\d*|summit)(-\d+)?$/.test(slug) ||
    /Project Team Gathering|\bPTG\b|\bSummit\b/.test(heading)
  )
    return 'summit';
  if (
    /deadline|freeze|frz|-prop$|trail|checkpoint|final-lib|final-clientlib|highlights|declaration/.test(
      slug,
    ) ||
    /deadline|freeze|checkpoint|declaration|highlights|trailing/i.test(heading)
  )
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

/**
 * A readable name for a label without a titled section: `c-1` → "Caracal-1 milestone"; a release is named after
 * the series it releases (`released`, when the series list tells).
 */
export function fallbackName(label: string, series: string, released: string | null = null): string {
  const { initial, slug } = splitLabel(label);
  const own = initial === series.charAt(0);
  const name = capitalise(series);
  if (/^[123]$/.test(slug)) return own ? `${name}-${slug} milestone` : `Milestone ${slug}`;
  if (isReleaseLabel(label))
    return released ? `${capitalise(released)} release` : own ? `${name} release` : 'Release';
  return KNOWN_NAMES.get(slug) ?? capitalise(slug.replace(/-/g, ' '));
}

const ALIASES = new Map([
  ['ff', ['feature-freeze', 'ff']],
  ['rc1', ['rc1']],
  ['1', ['milestone-1']],
  ['2', ['milestone-2']],
  ['3', ['milestone-3']],
]);

/** Aliases that let the same commands work on every cycle: `release` and `final` whichever word upstream used. */
export function aliasesOf(label: string, series: string): string[] {
  const { initial, slug } = splitLabel(label);
  if (initial !== series.charAt(0)) return [];
  const aliases = isReleaseLabel(label) ? ['release', 'final'] : (ALIASES.get(slug) ?? []);
  return aliases.filter((alias) => alias !== label);
}

/** Words that open project-specific labels without naming a project: `r-ptl-election`, `r-email-deadline`. */
const NOT_PROJECTS = new Set([
  'ptl',
  'tc',
  'email',
  'election',
  'extra',
  'goals',
  'cycle',
  'py',
  'design',
  'trailing',
  'final',
  'soft',
  'hard',
  'release',
  'community',
]);

/** Projects some labels name by a short form: `o-key-spec-freeze` is keystone's. */
const PROJECT_NAMES = new Map([['key', 'keystone']]);

/** The project a project-specific label names: `c-nova-spec-freeze` → nova, `o-key-spec-prop` → keystone. */
export function projectOf(label: string): string | null {
  const { slug } = splitLabel(label);
  const parts = slug.split('-');
  const word = parts[0] as string;
  if (parts.length < 2 || NOT_PROJECTS.has(word) || /^\d/.test(word)) return null;
  return PROJECT_NAMES.get(word) ?? word;
}
