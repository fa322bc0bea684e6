// `juno calendar`: month grids like cal(1), weeks starting on Monday, with event days marked and a legend under
// each month. Months are stacked one under another, so any number of them fits an 80-column terminal.
import { addDays, type Day, formatDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import { confidenceLegend, confidenceMark, headingParts } from './format.js';
import type { CalendarFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import { joinParts, type Part } from './table.js';
import type { CalendarMonth, CalendarView } from './views/calendar.js';

/** Lines never exceed this many columns, nor the terminal's width; long event names are shortened. */
const MAX_WIDTH = 80;

/** A day with a one-day event (or the first day of one); wins over a multi-day event's day. */
export const EVENT_MARK = '*';
/** A day of a multi-day event (shaded when colour is on). */
export const SPAN_MARK = '+';

const CELL = 5;
const GRID_WIDTH = 7 * CELL;
const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
function isMultiDay(e: EventView): boolean {
  return e.start !== e.end;
}

function on(e: EventView, day: Day): boolean {
  return e.start <= day && day <= e.end;
}

/** The mark of a day: `*` when a one-day event falls on it, `+` when only multi-day events cover it. */
function dayMark(events: EventView[], day: Day): '' | typeof EVENT_MARK | typeof SPAN_MARK {
  const here = events.filter((e) => on(e, day));
  if (here.some((e) => !isMultiDay(e))) return EVENT_MARK;
  return here.length > 0 ? SPAN_MARK : '';
}

/** A day's cell, CELL characters wide, the number always in the same two columns: " 4*  ", "[21] ", "[25*]". */
function dayCell(day: Day, month: CalendarMonth, today: Day, style: Style): string {
  if (day.slice(0, 7) !== month.month) return ' '.repeat(CELL);
  const mark = dayMark(month.events, day);
  const number = formatDay(day, 'd').padStart(2);
  let body = `${number}${mark}`;
  if (mark === EVENT_MARK) body = style.accent(style.bold(body));
  else if (mark === SPAN_MARK) body = style.highlight(body);
  const isToday = day === today;
  const text = isToday ? `[${body}]` : ` ${body}`;
  const visible = 1 + 2 + mark.length + (isToday ? 1 : 0);
  return isToday ? style.bold(text) + ' '.repeat(CELL - visible) : text + ' '.repeat(CELL - visible);
}

/** Dates for the legend, without the year (the month heading gives it) unless the event spans two years. */
function legendDates(e: EventView): string {
  if (e.start === e.end) return formatDay(e.start, 'EEE d MMM');
  if (e.start.slice(0, 7) === e.end.slice(0, 7))
    return `${formatDay(e.start, 'EEE d')} – ${formatDay(e.end, 'EEE d MMM')}`;
  const pattern = e.start.slice(0, 4) === e.end.slice(0, 4) ? 'EEE d MMM' : 'EEE d MMM yyyy';
  return `${formatDay(e.start, pattern)} – ${formatDay(e.end, pattern)}`;
}

function shorten(text: string, width: number, style: Style): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  const ellipsis = style.ascii ? '...' : '…';
  return `${chars.slice(0, Math.max(0, width - ellipsis.length)).join('')}${ellipsis}`;
}

function renderMonth(month: CalendarMonth, view: CalendarView, style: Style, width: number): string[] {
  const first = `${month.month}-01`;
  const heading = formatDay(first, 'MMMM yyyy');
  const pad = Math.floor((GRID_WIDTH - heading.length) / 2);
  const lines = [style.bold(`${' '.repeat(pad)}${heading}`)];
  lines.push(
    WEEKDAYS.map((d) => ` ${d}  `)
      .join('')
      .trimEnd(),
  );
  for (const week of month.weeks) {
    const cells = Array.from({ length: 7 }, (_, i) =>
      dayCell(addDays(week.monday, i), month, view.today, style),
    );
    lines.push(`${cells.join('')}  ${style.dim(oneLine(week.name))}`.trimEnd());
  }
  lines.push('');
  if (month.events.length === 0) {
    lines.push(style.dim('  No events this month.'));
    return lines;
  }
  const dates = month.events.map(legendDates);
  // A loop, not a spread into Math.max: a month may hold a few hundred thousand events.
  let datesWidth = 0;
  for (const date of dates) datesWidth = Math.max(datesWidth, date.length);
  month.events.forEach((e, i) => {
    const mark = isMultiDay(e) ? SPAN_MARK : EVENT_MARK;
    const prefix = `  ${mark} ${(dates[i] as string).padEnd(datesWidth)}  `;
    const confidence = confidenceMark(e.confidence);
    const name = shorten(oneLine(e.name), width - prefix.length - confidence.length, style);
    const paint = isMultiDay(e) ? style.highlight : (t: string) => style.accent(style.bold(t));
    lines.push(`  ${paint(mark)} ${(dates[i] as string).padEnd(datesWidth)}  ${name}${confidence}`);
  });
  return lines;
}

function renderCalendar(view: CalendarView, { style, width }: RenderOptions): string {
  const columns = Math.min(MAX_WIDTH, width ?? MAX_WIDTH);
  // Piped, the heading stays on one line; a terminal gets it on as many as its width needs.
  const lines = [...joinParts(headingParts(view, view.phase, style), ' · ', width), ''];
  view.months.forEach((month, i) => {
    if (i > 0) lines.push('');
    for (const line of renderMonth(month, view, style, columns)) lines.push(line);
  });
  const legend: Part[] = [
    { text: `${EVENT_MARK} event` },
    { text: `${SPAN_MARK} multi-day event` },
    { text: '[ ] today' },
  ];
  legend.push(...confidenceLegend(view.months.flatMap((m) => m.events.map((e) => e.confidence))));
  lines.push('', ...joinParts(legend, ' · ', columns).map((l) => style.dim(l)));
  return style.text(`${lines.join('\n')}\n`);
}

export const calendarRenderers = { text: renderCalendar } satisfies Record<
  CalendarFormat,
  Render<CalendarView>
>;
