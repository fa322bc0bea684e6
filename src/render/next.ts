// `juno next`: the next event(s), one line each, or JSON.
import { dayRange } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { daysAhead, toJson } from './format.js';
import type { TextOrJson } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { breakAfterDash, type Fit, fitColumns, renderColumns } from './table.js';
import { type NextView, nextEventsOf, nextJson } from './views/next.js';

/** On a narrow terminal the name narrows first (to 20 columns), then the date, the name again, the time left. */
const FIT_STEPS: Fit['steps'] = [
  [1, 20],
  [0, 0],
  [1, 0],
  [2, 0],
];

/**
 * One line per event: "Thu 25 Sep 2014  RC1 target (rc)  in 4 days"; nothing when no event is ahead. On a
 * terminal narrower than that, the name wraps (then a date range takes two lines).
 */
function renderText(view: NextView, { style, width }: RenderOptions): string {
  const events = nextEventsOf(view);
  if (events.length === 0) return '';
  const rows = events.map((e) => [
    breakAfterDash(dayRange(e.start, e.end)),
    `${oneLine(e.name)} (${e.kind})`,
    daysAhead(e.daysUntil),
  ]);
  const text = renderColumns({
    rows,
    paintCell: (row, column) => {
      if (column === 1) return style.bold;
      if (column === 2) return (events[row]?.daysUntil ?? 0) <= 7 ? style.warn : style.accent;
      return undefined;
    },
    ...fitColumns(undefined, rows, { width, steps: FIT_STEPS }),
  });
  return style.text(text);
}

export const nextRenderers = {
  text: renderText,
  json: (view) => toJson(nextJson(view)),
} satisfies Record<TextOrJson, Render<NextView>>;
