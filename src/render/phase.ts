// `juno phase`: where the cycle is today.
import { daysBetween, longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { daysAgo, daysAhead, toJson } from './format.js';
import type { TextOrJson } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { type PhaseView, phaseJson } from './views/phase.js';

/** The phase id alone on the first line (for scripts), then a sentence for people; nothing without a phase. */
function renderText(view: PhaseView, { style }: RenderOptions): string {
  const { phase, today, until } = view;
  if (phase === null) return '';
  const parts: string[] = [style.bold(oneLine(phase.name))];
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
  return `${phase.id}\n${line}.\n`;
}

export const phaseRenderers = {
  text: renderText,
  json: (view) => toJson(phaseJson(view)),
} satisfies Record<TextOrJson, Render<PhaseView>>;
