// `juno phase`: where the cycle is today.
import { daysBetween, longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { daysAgo, daysAhead, toJson } from './format.js';
import type { TextOrJson } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { wrapHanging } from './table.js';
import { type PhaseView, phaseJson } from './views/phase.js';

/** The phase id alone on the first line (for scripts), then a sentence for people; nothing without a phase. */
function renderText(view: PhaseView, { style, width }: RenderOptions): string {
  const { phase, today, until } = view;
  if (phase === null) return '';
  // Plain text, wrapped to a terminal's width; the phase's name painted where it stands.
  const name = oneLine(phase.name);
  const parts = [name];
  if (phase.start !== null) {
    const since = daysBetween(phase.start, today);
    parts.push(`since ${longDay(phase.start)} (${daysAgo(since)})`);
  }
  if (phase.end !== null) parts.push(`until ${longDay(phase.end)}`);
  let line = parts.join(' ');
  if (until && view.next) {
    const left = daysBetween(today, until.start);
    line += `; ${oneLine(until.name)} on ${longDay(until.start)} (${daysAhead(left)}) begins ${oneLine(view.next.name).toLowerCase()}`;
  }
  const lines = wrapHanging(`${line}.`, width);
  const first = lines[0] as string;
  lines[0] = first.startsWith(name) ? style.bold(name) + first.slice(name.length) : first;
  return style.text(`${phase.id}\n${lines.join('\n')}\n`);
}

export const phaseRenderers = {
  text: renderText,
  json: (view) => toJson(phaseJson(view)),
} satisfies Record<TextOrJson, Render<PhaseView>>;
