// `juno next`: the next event(s), one line each, or JSON.
import { dayRange } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { daysAhead, toJson } from './format.js';
import type { TextOrJson } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { displayWidth } from './table.js';
import { type NextView, nextEventsOf, nextJson } from './views/next.js';

/** One line per event: "Thu 25 Sep 2014  RC1 target (rc)  in 4 days"; nothing when no event is ahead. */
function renderText(view: NextView, { style }: RenderOptions): string {
  const events = nextEventsOf(view);
  const rows = events.map((e) => [
    dayRange(e.start, e.end),
    `${oneLine(e.name)} (${e.kind})`,
    daysAhead(e.daysUntil),
  ]);
  const widths = [0, 1].map((column) =>
    rows.reduce((w, row) => Math.max(w, displayWidth(row[column] ?? '')), 0),
  );
  return events
    .map((e, i) => {
      const [date, name, when] = rows[i] as [string, string, string];
      const paint = e.daysUntil <= 7 ? style.warn : style.accent;
      const pad = (text: string, column: number) =>
        ' '.repeat((widths[column] as number) - displayWidth(text));
      return `${date}${pad(date, 0)}  ${style.bold(name)}${pad(name, 1)}  ${paint(when)}\n`;
    })
    .join('');
}

export const nextRenderers = {
  text: renderText,
  json: (view) => toJson(nextJson(view)),
} satisfies Record<TextOrJson, Render<NextView>>;
