// `juno countdown`: how long until an event, as a sentence, JSON or the bare number of days.
import { dayRange } from '../timeline/day.js';
import { lengthInDays } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import { daysAgo, span, toJson } from './format.js';
import type { CountdownFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { plainStyle, type Style } from './style.js';
import { wrapHanging } from './table.js';
import type { CountdownView } from './views/countdown.js';

/**
 * "25 days until Juno 2014.2 release, Thu 16 Oct 2014"; "Feature freeze was 17 days ago, Thu 4 Sep 2014"; spans of
 * 60 days and more in months or years (see `span`).
 */
function countdownSentence(event: EventView, style: Style): string {
  const name = style.bold(oneLine(event.name));
  const length = lengthInDays(event);
  const when = dayRange(event.start, event.end);
  const d = event.daysUntil;
  if (d > 0) return `${style.accent(span(d))} until ${name}, ${when}`;
  if (length > 1 && -d < length) {
    return `${name} is on: ${style.good(`day ${1 - d} of ${length}`)} (${when})`;
  }
  if (d === 0) return `${name} is ${style.good('today')}, ${when}`;
  if (length > 1) {
    const sinceEnd = -d - length + 1;
    return `${name} ended ${style.dim(daysAgo(sinceEnd))} (${when})`;
  }
  return `${name} was ${style.dim(daysAgo(-d))}, ${when}`;
}

/** The sentence, coloured; on a terminal too narrow for it, wrapped at spaces (and then left uncoloured). */
function renderText(view: CountdownView, { style, width }: RenderOptions): string {
  const lines = wrapHanging(countdownSentence(view.event, plainStyle), width);
  return style.text(`${lines.length > 1 ? lines.join('\n') : countdownSentence(view.event, style)}\n`);
}

export const countdownRenderers = {
  text: renderText,
  json: (view) => toJson(view),
  plain: (view) => `${view.event.daysUntil}\n`,
} satisfies Record<CountdownFormat, Render<CountdownView>>;
