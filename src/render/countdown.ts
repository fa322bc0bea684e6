// `juno countdown`: how long until an event, as a sentence, JSON or the bare number of days.
import { dayRange } from '../timeline/day.js';
import { lengthInDays } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import { days, daysAgo, toJson } from './format.js';
import type { CountdownFormat } from './formats.js';
import type { Render } from './render.js';
import type { Style } from './style.js';
import type { CountdownView } from './views/countdown.js';

/** "25 days until Juno 2014.2 release, Thu 16 Oct 2014"; "Feature freeze was 17 days ago, Thu 4 Sep 2014". */
export function countdownSentence(event: EventView, style: Style): string {
  const name = style.bold(oneLine(event.name));
  const length = lengthInDays(event);
  const when = dayRange(event.start, event.end);
  const d = event.daysUntil;
  if (d > 0) return `${style.accent(days(d))} until ${name}, ${when}`;
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

export const countdownRenderers = {
  text: (view, { style }) => `${countdownSentence(view.event, style)}\n`,
  json: (view) => toJson(view),
  plain: (view) => `${view.event.daysUntil}\n`,
} satisfies Record<CountdownFormat, Render<CountdownView>>;
