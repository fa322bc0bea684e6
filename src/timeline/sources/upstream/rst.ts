// schedule.rst: the top title and a titled section per label (`.. _c-1:`), its prose with the markup reduced.
// Anchors are normalised as labels are (`.. _u_cycle-highlights:` is the section of `u-cycle-highlights`).
import { cleanText, oneLine } from '../../text.js';
import { normaliseLabel } from './labels.js';

export interface RstSection {
  title: string | null;
  /** The section's prose, markup reduced, paragraphs separated by blank lines. */
  text: string;
  /** 1-based line of the anchor. */
  line: number;
}

export interface RstDocument {
  title: string | null;
  sections: Map<string, RstSection>;
}

const UNDERLINE = /^([=\-~^"'`#*+:.])\1*\s*$/;

/** A title: a line of text underlined by punctuation at least as long (or at least three characters). */
function isTitleAt(lines: string[], i: number): boolean {
  const text = lines[i]?.trim() ?? '';
  const under = (lines[i + 1] ?? '').trim();
  return (
    text !== '' &&
    !text.startsWith('..') &&
    !UNDERLINE.test(text) &&
    UNDERLINE.test(under) &&
    under.length >= Math.min(text.length, 3)
  );
}

/** The text of a role or link, without the spaces before its `<target>`. */
const markupText = (_match: string, text: string) => text.trimEnd();

/**
 * Inline markup to plain text: roles (:ref:`x <y>`), links (`x <y>`_), literals, emphasis. No part of a pattern
 * can match what a neighbouring part matches, and none reaches past the next backtick (or asterisk), so each
 * attempt scans a stretch of text no other attempt scans: linear in the text, whatever it holds.
 */
function plainRst(text: string): string {
  return text
    .replace(/:[a-z-]+:`([^`<]*)(?:<[^`>]*>)?`/g, markupText)
    .replace(/`([^`<]*)<[^`>]*>`_+/g, markupText)
    .replace(/``([^`]*)``/g, '$1')
    .replace(/\*\*([^*]+)\*\*|\*([^*]+)\*/g, '$1$2')
    .replace(/`([^`]*)`_*/g, '$1');
}

/**
 * Characters of prose kept for a section: a real one holds a few hundred, and its notes are cut to a thousand.
 * The rest of a longer section is not read.
 */
export const MAX_SECTION = 20_000;

/** Anchors stacked together and the one section they share, read once for all of them. */
interface SectionGroup {
  title: string | null;
  lines: string[];
  length: number;
  anchors: { label: string; line: number }[];
}

/** The top title and the section after each `.. _label:` anchor. Anchors stacked together share a section. */
export function parseRst(text: string): RstDocument {
  const lines = cleanText(text).split('\n');
  const groups: SectionGroup[] = [];
  let title: string | null = null;
  let pending: { label: string; line: number }[] = [];
  let current: SectionGroup | null = null;
  const open = (heading: string | null): SectionGroup => {
    const group = { title: heading, lines: [], length: 0, anchors: pending };
    groups.push(group);
    pending = [];
    return group;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const anchor = /^\.\. _([^:`]+):\s*$/.exec(line);
    if (anchor) {
      current = null;
      pending.push({ label: normaliseLabel(anchor[1] as string), line: i + 1 });
      continue;
    }
    if (isTitleAt(lines, i)) {
      const heading = oneLine(plainRst(line.trim()));
      if (pending.length > 0) current = open(heading);
      else if (title === null && groups.length === 0) title = heading;
      else current = null;
      i++;
      continue;
    }
    // An anchor followed by prose rather than a title: the section has no title.
    if (pending.length > 0 && line.trim() !== '') current = open(null);
    if (UNDERLINE.test(line) && line.trim().length >= 3) continue;
    if (current !== null && current.length < MAX_SECTION) {
      current.lines.push(line);
      current.length += line.length + 1;
    }
  }
  return { title, sections: sectionsOf(groups, pending) };
}

/** Each anchor's section: its group's prose in paragraphs; anchors left at the end have an empty one. */
function sectionsOf(
  groups: SectionGroup[],
  pending: { label: string; line: number }[],
): Map<string, RstSection> {
  const sections = new Map<string, RstSection>();
  for (const group of groups) {
    const prose = plainRst(group.lines.join('\n').slice(0, MAX_SECTION))
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '' && !p.startsWith('.. '))
      .join('\n\n');
    for (const { label, line } of group.anchors)
      sections.set(label, { title: group.title, text: prose, line });
  }
  for (const { label, line } of pending) sections.set(label, { title: null, text: '', line });
  return sections;
}
