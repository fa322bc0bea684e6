// The cycle as a picture: a self-contained, deterministic SVG (no scripts, fonts or images) with a time axis of
// months and R-N weeks, the phases as coloured bands, events as labelled markers and bars, and today's line.
// Labels are real <text> elements; their boxes are estimated from font metrics and stacked so none overlap.
import { addDays, type Day, daysBetween, formatDay, longDay, mondayOf } from '../timeline/day.js';
import { firstPhaseDay, type PhaseSpan, phaseAt, phaseSpans, releaseEvent } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { Confidence, Kind, Timeline, TimelineEvent } from '../timeline/types.js';
import { cycleClosing, cycleOpening, weekName } from '../timeline/weeks.js';
import { confidenceLegend, confidenceMark, timelineName } from './format.js';
import { escapeXml } from './markup.js';

export interface SvgOptions {
  /** Width in pixels; the height follows from the content. Default 1200. */
  width?: number;
  /** The picture's title (`export --name`); default: the timeline's name, as a release cycle. */
  title?: string;
}

const FONT = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";
const INK = '#1f2937';
const MUTED = '#4b5563';
const GRID = '#e5e7eb';
const TODAY = '#dc2626';

/** Phase colours by the usual phase ids; other phases take the fallback colours in order. */
const PHASE_COLORS: Record<string, string> = {
  'not-started': '#d1d5db',
  development: '#93c5fd',
  'feature-freeze': '#fcd34d',
  'release-candidate': '#fca5a5',
  released: '#86efac',
  'end-of-life': '#9ca3af',
};
const FALLBACK_COLORS = ['#c4b5fd', '#a5f3fc', '#fdba74', '#f9a8d4', '#bef264', '#cbd5e1'];

const KIND_COLORS: Record<Kind, string> = {
  milestone: '#1d4ed8',
  freeze: '#b45309',
  deadline: '#7c3aed',
  rc: '#be123c',
  release: '#15803d',
  summit: '#0f766e',
  eol: '#374151',
  other: '#475569',
};

const KIND_NAMES: Record<Kind, string> = {
  milestone: 'milestone',
  freeze: 'freeze',
  deadline: 'deadline',
  rc: 'release candidate',
  release: 'release',
  summit: 'summit',
  eol: 'end of life',
  other: 'other',
};

// Advance widths of DejaVu Sans (Verdana's are close), in em, for estimating label boxes before any browser
// lays them out. Characters not listed count as wide.
const NARROW = " .,:;!|ijlI'`()[]{}ftr";
const WIDTHS: Record<string, number> = {
  ' ': 0.318,
  '.': 0.318,
  ',': 0.318,
  ':': 0.337,
  ';': 0.337,
  '!': 0.401,
  "'": 0.275,
  '(': 0.39,
  ')': 0.39,
  '-': 0.361,
  '–': 0.5,
  '—': 1,
  '·': 0.318,
  '…': 1,
  '~': 0.838,
  '?': 0.531,
  '/': 0.337,
  '+': 0.838,
  i: 0.278,
  j: 0.278,
  l: 0.278,
  f: 0.352,
  t: 0.392,
  r: 0.411,
  s: 0.521,
  c: 0.55,
  z: 0.525,
  k: 0.579,
  v: 0.592,
  x: 0.592,
  y: 0.592,
  m: 0.974,
  w: 0.818,
  I: 0.295,
  J: 0.295,
  M: 0.863,
  W: 0.989,
  O: 0.787,
  Q: 0.787,
  C: 0.698,
  D: 0.77,
  G: 0.775,
  H: 0.752,
  N: 0.748,
  U: 0.732,
};

/** Estimated width in pixels of `text` at `size` px, a little generous so real text fits inside. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    const known = WIDTHS[c];
    if (known !== undefined) em += known;
    else if (/[a-z0-9]/.test(c)) em += 0.636;
    else if (/[A-Z]/.test(c)) em += 0.69;
    else if ((c.codePointAt(0) ?? 0) >= 0x2e80) em += 1.0;
    else em += NARROW.includes(c) ? 0.35 : 0.72;
  }
  return em * size * (bold ? 1.1 : 1) * 1.04;
}

/** Coordinates rounded to a tenth of a pixel, so the output is stable and small. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Box {
  x0: number;
  x1: number;
  /** Height above the marker line of the box's bottom and top edges. */
  bottom: number;
  top: number;
}

interface LabelLine {
  /** The event's name, wrapped into rows of at most LABEL_WIDTH; the rows keep their spaces. */
  rows: string[];
  event: TimelineEvent;
}

type Pending = Omit<Label, 'anchor' | 'box' | 'textX'>;

interface Label {
  /** Where the leader line meets the axis. */
  x: number;
  /** Where the text is anchored. */
  textX: number;
  lines: LabelLine[];
  date: string;
  width: number;
  height: number;
  anchor: 'start' | 'end';
  box: Box;
}

const NAME_SIZE = 13;
const DATE_SIZE = 11.5;
const NAME_LINE = 16;
/** Names wider than this wrap onto further rows. */
const LABEL_WIDTH = 180;
/** Room kept right of the last event for its label. */
const LAST_LABEL_ROOM = 150;
const DATE_LINE = 14;
const LEADER_MIN = 16;
const GAP_X = 10;
const GAP_Y = 4;

function overlapsBox(a: Box, b: Box): boolean {
  return a.x0 < b.x1 + GAP_X && b.x0 < a.x1 + GAP_X && a.bottom < b.top + GAP_Y && b.bottom < a.top + GAP_Y;
}

/** True when a leader at `x` rising from the marker line to `height` crosses `box`. */
function leaderCrosses(x: number, height: number, box: Box): boolean {
  return box.x0 - 3 <= x && x <= box.x1 + 3 && box.bottom < height;
}

/**
 * The lowest height for a label's box that overlaps no placed box, lets no placed leader through it and, when
 * `strict`, sends its own leader through no placed box.
 */
function lowestSpot(label: Pending, placed: Label[], x0: number, strict: boolean): number | null {
  const heights = [LEADER_MIN, ...placed.map((p) => p.box.top + GAP_Y + 2)].sort((a, b) => a - b);
  const x1 = x0 + label.width;
  for (const bottom of heights) {
    const box = { x0, x1, bottom, top: bottom + label.height };
    const clear = placed.every(
      (p) =>
        !overlapsBox(box, p.box) &&
        !leaderCrosses(p.x, p.box.bottom, box) &&
        (!strict || !leaderCrosses(label.x, bottom, p.box)),
    );
    if (clear) return bottom;
  }
  return null;
}

/**
 * Stacks labels above the marker line, right to left, each at the lowest height where it overlaps no other
 * label, no leader passes through it and its own leader passes through no label. A label hangs right of its
 * leader, or left of it where the picture ends or (when `bothSides`) where that sits lower. Null when some
 * label finds no such height.
 */
function stackLabels(labels: Pending[], left: number, right: number, bothSides: boolean): Label[] | null {
  const placed: Label[] = [];
  for (const label of [...labels].sort((a, b) => b.x - a.x)) {
    const fitsRight = label.x - 2 + label.width <= right;
    const sides: ('start' | 'end')[] = fitsRight ? (bothSides ? ['start', 'end'] : ['start']) : ['end'];
    let best: Label | null = null;
    for (const anchor of sides) {
      const x0 = anchor === 'start' ? label.x - 2 : Math.max(left, label.x + 2 - label.width);
      const bottom = lowestSpot(label, placed, x0, true);
      if (bottom === null || (best && bottom >= best.box.bottom)) continue;
      best = {
        ...label,
        anchor,
        textX: anchor === 'start' ? x0 + 2 : x0 + label.width - 2,
        box: { x0, x1: x0 + label.width, bottom, top: bottom + label.height },
      };
    }
    if (!best) return null;
    placed.push(best);
  }
  return placed.sort((a, b) => a.x - b.x);
}

/**
 * Places the labels so that none overlaps another and no leader crosses a label: the flatter of two stackings
 * (labels hanging right only, which always succeeds, or on either side); the last resort lets leaders cross.
 */
function placeLabels(labels: Pending[], left: number, right: number): Label[] {
  const height = (placed: Label[]) => Math.max(0, ...placed.map((l) => l.box.top));
  const candidates = [stackLabels(labels, left, right, true), stackLabels(labels, left, right, false)].filter(
    (c): c is Label[] => c !== null,
  );
  if (candidates.length > 0) return candidates.reduce((a, b) => (height(b) < height(a) ? b : a));
  const placed: Label[] = [];
  for (const label of [...labels].sort((a, b) => b.x - a.x)) {
    const x0 = Math.min(label.x - 2, right - label.width);
    const bottom = lowestSpot(label, placed, x0, false) as number;
    placed.push({
      ...label,
      anchor: 'start',
      textX: x0 + 2,
      box: { x0, x1: x0 + label.width, bottom, top: bottom + label.height },
    });
  }
  return placed.sort((a, b) => a.x - b.x);
}

/** Words onto rows of at most `width` px; every row but the last keeps its trailing space. */
function wrap(text: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    const candidate = row === '' ? word : `${row} ${word}`;
    if (row !== '' && textWidth(candidate, NAME_SIZE, true) > width) {
      rows.push(`${row} `);
      row = word;
    } else row = candidate;
  }
  rows.push(row);
  return rows;
}

function shortDay(day: Day): string {
  return formatDay(day, 'EEE d MMM');
}

function shortRange(start: Day, end: Day): string {
  if (start === end) return shortDay(start);
  if (start.slice(0, 7) === end.slice(0, 7)) return `${formatDay(start, 'EEE d')} – ${shortDay(end)}`;
  return `${shortDay(start)} – ${shortDay(end)}`;
}

function marker(kind: Kind, x: number, y: number, confidence: Confidence | null): string {
  const color = KIND_COLORS[kind];
  const hollow = confidence === 'approximate' || confidence === 'unverified';
  const paint = hollow
    ? `fill="#fff" stroke="${color}" stroke-width="2"${confidence === 'unverified' ? ' stroke-dasharray="2 1.5"' : ''}`
    : `fill="${color}" stroke="#fff" stroke-width="1"`;
  const r = 6;
  switch (kind) {
    case 'milestone':
      return `<path d="M${n(x)} ${n(y - r - 1)}l${r + 1} ${r + 1}l${-r - 1} ${r + 1}l${-r - 1} ${-r - 1}z" ${paint}/>`;
    case 'freeze':
      return `<path d="M${n(x - r)} ${n(y - r + 1)}h${2 * r}l${-r} ${2 * r - 1}z" ${paint}/>`;
    case 'deadline':
      return `<rect x="${n(x - r + 1)}" y="${n(y - r + 1)}" width="${2 * r - 2}" height="${2 * r - 2}" ${paint}/>`;
    case 'release': {
      const points = Array.from({ length: 10 }, (_, i) => {
        const radius = i % 2 === 0 ? r + 3 : r - 2.5;
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        return `${n(x + radius * Math.cos(angle))},${n(y + radius * Math.sin(angle))}`;
      });
      return `<polygon points="${points.join(' ')}" ${paint}/>`;
    }
    case 'eol':
      return `<path d="M${n(x - r + 1)} ${n(y - r + 1)}l${2 * r - 2} ${2 * r - 2}m0 ${-2 * r + 2}l${-2 * r + 2} ${2 * r - 2}" stroke="${color}" stroke-width="2.5" fill="none"/>`;
    default:
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${r - 0.5}" ${paint}/>`;
  }
}

function phaseColor(id: string, index: number): string {
  return PHASE_COLORS[id] ?? (FALLBACK_COLORS[index % FALLBACK_COLORS.length] as string);
}

/** The picture's horizontal frame: the days it spans and where each day sits. */
interface Frame {
  /** Width of the picture. */
  W: number;
  left: number;
  right: number;
  /** The Monday the cycle opens. */
  rangeStart: Day;
  /** The day after the last one drawn (a Monday). */
  rangeEnd: Day;
  /** Pixels per week. */
  weekWidth: number;
  xOf: (day: Day) => number;
  clampDay: (day: Day) => Day;
}

/**
 * From the week the cycle opens to the Monday after its last week, or a few weeks later to leave room for the
 * last label.
 */
function frameOf(timeline: Timeline, opening: Day, W: number): Frame {
  const PAD = 40;
  const left = PAD;
  const right = W - PAD;
  const rangeStart = opening;
  const closing = cycleClosing(timeline, opening);
  const lastStart = timeline.events
    .filter((e) => e.start < addDays(closing, 7))
    .reduce((last, e) => (e.start > last ? e.start : last), rangeStart);
  let rangeEnd = addDays(closing, 7);
  const roomAfter = (end: Day) =>
    ((right - left) * daysBetween(lastStart, end)) / daysBetween(rangeStart, end);
  for (let extra = 0; extra < 8 && roomAfter(rangeEnd) < LAST_LABEL_ROOM; extra++) {
    rangeEnd = addDays(rangeEnd, 7);
  }
  const totalDays = daysBetween(rangeStart, rangeEnd);
  return {
    W,
    left,
    right,
    rangeStart,
    rangeEnd,
    weekWidth: ((right - left) * 7) / totalDays,
    xOf: (day) => left + ((right - left) * daysBetween(rangeStart, day)) / totalDays,
    clampDay: (day) => (day < rangeStart ? rangeStart : day > rangeEnd ? rangeEnd : day),
  };
}

/** The picture of a timeline with nothing to draw: its title and a sentence. */
function emptyPicture(title: string, W: number): string {
  const H = 120;
  return `${[
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="40" y="48" font-size="24" font-weight="bold" fill="${INK}">${escapeXml(title)}</text>`,
    `<text x="40" y="84" font-size="14" fill="${MUTED}">This timeline has no events to draw.</text>`,
    '</svg>',
  ].join('\n')}\n`;
}

/** Labels: events that start on the same day share one label, one line per event, then the date. */
function eventLabels(shown: TimelineEvent[], { left, right, xOf, clampDay }: Frame): Label[] {
  const groups = new Map<Day, TimelineEvent[]>();
  for (const e of shown) {
    const key = clampDay(e.start);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const pending = [...groups.entries()].map(([day, events]) => {
    const lines = events.map((e) => ({
      rows: wrap(
        `${oneLine(e.name)}${confidenceMark(e.confidence)}`,
        Math.max(LAST_LABEL_ROOM - 10, Math.min(LABEL_WIDTH, right - xOf(day))),
      ),
      event: e,
    }));
    const ends = new Set(events.map((e) => e.end));
    const first = events[0] as TimelineEvent;
    const date = ends.size === 1 ? shortRange(first.start, first.end) : shortDay(first.start);
    const rows = lines.flatMap((l) => l.rows);
    // Loops, not spreads into Math.max: a day may hold a few hundred thousand events, a range as many weeks.
    let width = textWidth(date, DATE_SIZE);
    for (const r of rows) width = Math.max(width, textWidth(r.trimEnd(), NAME_SIZE, true));
    width += 4;
    return { x: xOf(day), lines, date, width, height: rows.length * NAME_LINE + DATE_LINE + 2 };
  });
  return placeLabels(pending, left, right);
}

/** Heights of the picture's rows, top to bottom. */
interface Rows {
  titleY: number;
  subtitleY: number;
  todayLabelY: number;
  labelsTop: number;
  markerY: number;
  bandY: number;
  bandH: number;
  axisY: number;
  weekLabelY: number;
  monthLabelY: number;
  legendY: number;
}

function rowsOf(labels: Label[], todayShown: boolean): Rows {
  let stack = LEADER_MIN;
  for (const l of labels) stack = Math.max(stack, l.box.top);
  const labelsTop = todayShown ? 116 : 90;
  const markerY = labelsTop + stack + 10;
  const bandY = markerY + 18;
  const bandH = 36;
  const axisY = bandY + bandH;
  const monthLabelY = axisY + 40;
  return {
    titleY: 44,
    subtitleY: 70,
    todayLabelY: 104,
    labelsTop,
    markerY,
    bandY,
    bandH,
    axisY,
    weekLabelY: axisY + 17,
    monthLabelY,
    legendY: monthLabelY + 40,
  };
}

type LegendEntry = { width: number; draw: (x: number, y: number) => string };
type PhaseEntry = { span: PhaseSpan; index: number };

const LEGEND_SIZE = 12.5;

function legendEntry(text: string, symbol: (x: number, y: number) => string): LegendEntry {
  return {
    width: 22 + textWidth(text, LEGEND_SIZE),
    draw: (x, y) =>
      `${symbol(x, y)}<text x="${n(x + 22)}" y="${n(y)}" class="legend">${escapeXml(text)}</text>`,
  };
}

/** The legend: the phases drawn, the kinds of the events drawn, today's line, the confidence marks. */
function legendEntries(spans: PhaseEntry[], shown: TimelineEvent[], todayShown: boolean): LegendEntry[] {
  const kinds = [...new Set(shown.map((e) => e.kind))].sort(
    (a, b) => Object.keys(KIND_COLORS).indexOf(a) - Object.keys(KIND_COLORS).indexOf(b),
  );
  const entries: LegendEntry[] = [];
  for (const { span, index } of spans) {
    entries.push(
      legendEntry(
        oneLine(span.name),
        (x, y) =>
          `<rect x="${n(x)}" y="${n(y - 11)}" width="16" height="14" rx="2" fill="${phaseColor(span.id, index)}"/>`,
      ),
    );
  }
  for (const kind of kinds) {
    const bar = kind === 'summit' || shown.some((e) => e.kind === kind && e.start !== e.end && kind !== 'rc');
    entries.push(
      legendEntry(KIND_NAMES[kind], (x, y) =>
        bar
          ? `<rect x="${n(x)}" y="${n(y - 9)}" width="16" height="10" rx="2" fill="${KIND_COLORS[kind]}"/>`
          : marker(kind, x + 8, y - 4, 'confirmed'),
      ),
    );
  }
  if (todayShown) {
    entries.push(
      legendEntry(
        'today',
        (x, y) => `<path d="M${n(x + 8)} ${n(y - 12)}v16" stroke="${TODAY}" stroke-width="2"/>`,
      ),
    );
  }
  for (const { confidence, text } of confidenceLegend(shown.map((e) => e.confidence)))
    entries.push(legendEntry(text, (x, y) => marker('other', x + 8, y - 4, confidence)));
  return entries;
}

/** Legend entries laid out in rows that fit between `left` and `right`. */
function legendRows(
  entries: LegendEntry[],
  left: number,
  right: number,
): { x: number; entry: LegendEntry }[][] {
  const rows: { x: number; entry: LegendEntry }[][] = [[]];
  let cursor = left;
  for (const entry of entries) {
    if (cursor + entry.width > right && cursor > left) {
      rows.push([]);
      cursor = left;
    }
    rows[rows.length - 1]?.push({ x: cursor, entry });
    cursor += entry.width + 22;
  }
  return rows;
}

/** Events outside the picture, named in a footnote so that every event appears somewhere. */
function footnoteLines(outside: TimelineEvent[], width: number): string[] {
  if (outside.length === 0) return [];
  const footnotes: string[] = [];
  let line = 'Outside this picture:';
  for (const e of outside) {
    const item = ` ${oneLine(e.name)} (${shortRange(e.start, e.end)} ${e.end.slice(0, 4)})`;
    const sep = line.endsWith(':') ? '' : ' ·';
    if (textWidth(line + sep + item, 12.5) > width) {
      footnotes.push(line + sep);
      line = item.trim();
    } else line += sep + item;
  }
  footnotes.push(line);
  return footnotes;
}

/** The document's opening: the root element, its title and description, the styles, the title and subtitle. */
function header(
  W: number,
  H: number,
  title: string,
  subtitle: string,
  description: string,
  rows: Rows,
): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="juno-title juno-desc" font-family="${FONT}">`,
    `<title id="juno-title">${escapeXml(title)}</title>`,
    `<desc id="juno-desc">${escapeXml(description)}</desc>`,
    '<style>',
    `text{fill:${INK}}`,
    `.name{font-size:${NAME_SIZE}px;font-weight:bold}`,
    `.date{font-size:${DATE_SIZE}px;fill:${MUTED}}`,
    `.halo{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}`,
    `.week{font-size:10px;fill:${MUTED}}`,
    `.month{font-size:13px;font-weight:bold}`,
    '.phase{font-size:12px;font-weight:bold}',
    `.legend{font-size:${LEGEND_SIZE}px}`,
    `.note{font-size:12.5px;fill:${MUTED}}`,
    '</style>',
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="40" y="${rows.titleY}" font-size="26" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="40" y="${rows.subtitleY}" font-size="14" fill="${MUTED}">${escapeXml(subtitle)}</text>`,
  ];
}

/** A phase's name in its band: whole, without its parenthesis, on two lines, or not at all, as room allows. */
function phaseName(name: string, x0: number, x1: number, bandY: number): string[] {
  const short = name.replace(/\s*\(.*\)$/, '');
  const room = x1 - x0 - 8;
  const words = short.split(' ');
  const cx = n((x0 + x1) / 2);
  const text = (y: number, t: string) =>
    `<text x="${cx}" y="${y}" text-anchor="middle" class="phase">${escapeXml(t)}</text>`;
  if (textWidth(name, 12, true) <= room) return [text(bandY + 22, name)];
  if (textWidth(short, 12, true) <= room) return [text(bandY + 22, short)];
  if (words.length > 1) {
    const half = Math.ceil(words.length / 2);
    const a = words.slice(0, half).join(' ');
    const b = words.slice(half).join(' ');
    if (Math.max(textWidth(a, 12, true), textWidth(b, 12, true)) <= room)
      return [text(bandY + 15, a), text(bandY + 29, b)];
  }
  return [];
}

/** Phase tints behind everything, the month grid lines, then the bands with their names. */
function drawPhases(spans: PhaseEntry[], months: Day[], frame: Frame, rows: Rows): string[] {
  const { rangeStart, rangeEnd, xOf, clampDay } = frame;
  const { labelsTop, bandY, bandH, axisY } = rows;
  const phaseParts: string[] = [];
  const tints: string[] = [];
  for (const { span, index } of spans) {
    const x0 = xOf(clampDay(span.start ?? rangeStart));
    const x1 = xOf(span.end === null ? rangeEnd : clampDay(addDays(span.end, 1)));
    if (x1 - x0 < 0.5) continue;
    const color = phaseColor(span.id, index);
    tints.push(
      `<rect x="${n(x0)}" y="${labelsTop - 6}" width="${n(x1 - x0)}" height="${n(bandY - labelsTop + 6)}" fill="${color}" fill-opacity="0.12"/>`,
    );
    phaseParts.push(
      `<rect x="${n(x0)}" y="${bandY}" width="${n(x1 - x0)}" height="${bandH}" fill="${color}"><title>${escapeXml(
        `${span.name}: ${span.start ? shortDay(span.start) : '…'} – ${span.end ? shortDay(span.end) : '…'}`,
      )}</title></rect>`,
      ...phaseName(oneLine(span.name), x0, x1, bandY),
    );
  }
  const out = ['<g id="phases">', ...tints];
  // Month grid lines, behind the labels.
  for (const m of months) {
    if (m > rangeStart) {
      out.push(`<path d="M${n(xOf(m))} ${labelsTop - 6}V${axisY + 46}" stroke="${GRID}" stroke-width="1"/>`);
    }
  }
  out.push(...phaseParts, '</g>');
  return out;
}

interface AxisWeek {
  monday: Day;
  name: string;
  /** The name is drawn under the week. */
  labelled: boolean;
}

/**
 * The weeks of the axis, each named as every view names it (`weekName`). Names are thinned to every other week
 * (or third…) when a typical name is wider than a week, counting from the release week, whose name is always
 * drawn; a name wider than that (upstream's "Victoria R+0") is drawn where it has room and left out where it would
 * touch a neighbour.
 */
function axisWeeks(timeline: Timeline, { rangeStart, rangeEnd, weekWidth, xOf }: Frame): AxisWeek[] {
  const weeks: AxisWeek[] = [];
  for (let monday = mondayOf(rangeStart); monday < rangeEnd; monday = addDays(monday, 7))
    weeks.push({ monday, name: weekName(timeline, monday), labelled: false });
  const widths = weeks.map((w) => textWidth(w.name, 10));
  const typical = [...widths].sort((a, b) => a - b)[Math.floor(widths.length / 2)] ?? 0;
  const every = Math.max(1, Math.ceil((typical + 4) / weekWidth));
  const anchorWeek = timeline.releaseWeek ?? rangeStart;
  const box = (i: number) => {
    const centre = xOf((weeks[i] as AxisWeek).monday) + weekWidth * (2.5 / 7);
    return { x0: centre - (widths[i] as number) / 2 - 2, x1: centre + (widths[i] as number) / 2 + 2 };
  };
  const release = weeks.findIndex((w) => w.monday === timeline.releaseWeek);
  const releaseBox = release >= 0 ? box(release) : null;
  let previous: { x0: number; x1: number } | null = null;
  weeks.forEach((week, i) => {
    if (Math.round(daysBetween(anchorWeek, week.monday) / 7) % every !== 0) return;
    const own = box(i);
    const clear = (other: { x0: number; x1: number } | null) =>
      !other || own.x1 <= other.x0 || other.x1 <= own.x0;
    if (i !== release && !(clear(previous) && clear(releaseBox))) return;
    week.labelled = true;
    previous = own;
  });
  return weeks;
}

/** The axis: a tick per week, the weeks' names (see `axisWeeks`), the month names under them. */
function drawAxis(timeline: Timeline, months: Day[], frame: Frame, rows: Rows): string[] {
  const { left, right, rangeStart, rangeEnd, weekWidth, xOf } = frame;
  const { axisY, weekLabelY, monthLabelY } = rows;
  const out = ['<g id="axis">', `<path d="M${left} ${axisY}H${right}" stroke="${INK}" stroke-width="1.5"/>`];
  for (const { monday, name, labelled } of axisWeeks(timeline, frame)) {
    const x = xOf(monday);
    if (monday >= rangeStart) out.push(`<path d="M${n(x)} ${axisY}v6" stroke="${INK}" stroke-width="1"/>`);
    if (labelled) {
      const bold = monday === timeline.releaseWeek ? ' font-weight="bold"' : '';
      out.push(
        `<text x="${n(x + weekWidth * (2.5 / 7))}" y="${weekLabelY}" text-anchor="middle" class="week"${bold}>${escapeXml(name)}</text>`,
      );
    }
  }
  months.forEach((m, i) => {
    const x0 = xOf(m < rangeStart ? rangeStart : m);
    const next = formatDay(addDays(m, 32), 'yyyy-MM-01');
    const x1 = xOf(next > rangeEnd ? rangeEnd : next);
    const withYear = i === 0 || m.slice(5, 7) === '01';
    const candidates = [
      formatDay(m, withYear ? 'MMMM yyyy' : 'MMMM'),
      formatDay(m, withYear ? 'MMM yyyy' : 'MMM'),
    ];
    const text = candidates.find((c) => textWidth(c, 13, true) <= x1 - x0 - 6);
    if (text) {
      out.push(
        `<text x="${n((x0 + x1) / 2)}" y="${monthLabelY}" text-anchor="middle" class="month">${text}</text>`,
      );
    }
  });
  out.push('</g>');
  return out;
}

/** Events: bars for multi-day events, markers for the rest, leaders up to their labels. */
function drawEvents(
  shown: TimelineEvent[],
  labels: Label[],
  { xOf, clampDay }: Frame,
  markerY: number,
): string[] {
  const out = ['<g id="events">'];
  for (const e of shown) {
    if (e.start === e.end) continue;
    const x0 = xOf(clampDay(e.start));
    const x1 = xOf(clampDay(addDays(e.end, 1)));
    const summit = e.kind === 'summit';
    const h = summit ? 14 : 6;
    const dashed = e.confidence === 'approximate' || e.confidence === 'unverified';
    out.push(
      `<rect x="${n(x0)}" y="${n(markerY - h / 2)}" width="${n(Math.max(3, x1 - x0))}" height="${h}" rx="${summit ? 3 : 2}" fill="${KIND_COLORS[e.kind]}"${
        dashed ? ' fill-opacity="0.5"' : ''
      }/>`,
    );
  }
  for (const label of labels) {
    const top = markerY - label.box.bottom;
    out.push(`<path d="M${n(label.x)} ${n(markerY - 8)}V${n(top)}" stroke="${MUTED}" stroke-width="1"/>`);
  }
  for (const e of shown) {
    if (e.start === e.end) out.push(marker(e.kind, xOf(e.start), markerY, e.confidence));
  }
  out.push('</g>');
  return out;
}

/** Today's line, with the day, its week (named as every view names it) and the phase. */
function drawToday(timeline: Timeline, today: Day, frame: Frame, rows: Rows): string[] {
  const { left, right, weekWidth, xOf } = frame;
  const phase = phaseAt(timeline, today)?.phase ?? null;
  const x = xOf(today) + weekWidth / 14;
  const text = `Today: ${longDay(today)} (${oneLine(weekName(timeline, today))})${phase ? `, ${oneLine(phase.name)}` : ''}`;
  const width = textWidth(text, 12.5, true);
  const tx = Math.min(Math.max(x, left + width / 2), right - width / 2);
  return [
    '<g id="today">',
    `<path d="M${n(x)} ${rows.todayLabelY + 5}V${rows.axisY}" stroke="${TODAY}" stroke-width="2" stroke-dasharray="6 3"/>`,
    `<text x="${n(tx)}" y="${rows.todayLabelY}" text-anchor="middle" font-size="12.5" font-weight="bold" fill="${TODAY}" class="halo label" style="fill:${TODAY}">${escapeXml(text)}</text>`,
    '</g>',
  ];
}

/** The labels, last so that they sit above lines: each event's name in rows, then the date. */
function drawLabels(labels: Label[], markerY: number): string[] {
  const out = ['<g id="labels">'];
  for (const label of labels) {
    const tx = label.textX;
    let y = markerY - label.box.top + NAME_LINE - 3;
    const ids = label.lines.map((l) => l.event.id).join(' ');
    out.push(`<g class="label" data-events="${escapeXml(ids)}">`);
    for (const line of label.lines) {
      const rows = line.rows.map(
        (row, i) => `<tspan x="${n(tx)}" y="${n(y + i * NAME_LINE)}">${escapeXml(row)}</tspan>`,
      );
      out.push(
        `<text text-anchor="${label.anchor}" class="name halo" data-event="${escapeXml(line.event.id)}">${rows.join('')}</text>`,
      );
      y += NAME_LINE * line.rows.length;
    }
    out.push(
      `<text x="${n(tx)}" y="${n(y - 2)}" text-anchor="${label.anchor}" class="date halo">${escapeXml(label.date)}</text>`,
      '</g>',
    );
  }
  out.push('</g>');
  return out;
}

/** The cycle as an SVG document, `width` px wide (default 1200). Pure: the same input gives the same bytes. */
export function renderTimelineSvg(timeline: Timeline, today: Day, options: SvgOptions = {}): string {
  const W = options.width ?? 1200;
  // "OpenStack Juno (2014.2) release cycle"; an upstream title already says what it is ("Indri Release Schedule").
  const name = timelineName(timeline);
  const title =
    options.title ?? (/\b(release|schedule|cycle)\b/i.test(name) ? name : `${name} release cycle`);
  const opening = cycleOpening(timeline);
  if (opening === null) return emptyPicture(title, W);

  const frame = frameOf(timeline, opening, W);
  const { left, right, rangeStart, rangeEnd } = frame;
  const inRange = (e: TimelineEvent) => e.end >= rangeStart && e.start < rangeEnd;
  const shown = timeline.events.filter(inRange);
  const outside = timeline.events.filter((e) => !inRange(e));
  const labels = eventLabels(shown, frame);
  const todayShown = today >= rangeStart && today < rangeEnd;
  const rows = rowsOf(labels, todayShown);

  const spans = phaseSpans(timeline)
    .map((span, index) => ({ span, index }))
    .filter(
      ({ span }) => (span.start ?? rangeStart) < rangeEnd && (span.end === null || span.end >= rangeStart),
    );
  const legend = legendRows(legendEntries(spans, shown, todayShown), left, right);
  const footnotes = footnoteLines(outside, right - left);
  const footY = rows.legendY + legend.length * 26 + 10;
  const H = Math.ceil(footY + footnotes.length * 18 + 14);

  const release = releaseEvent(timeline.events);
  // The first phase's day when it opens the picture's first week; an upstream cycle up to train opens before it.
  const phaseDay = firstPhaseDay(timeline);
  const firstDay = phaseDay !== null && mondayOf(phaseDay) === rangeStart ? phaseDay : rangeStart;
  const subtitle = release
    ? `From ${longDay(firstDay)} to the release on ${longDay(release.start)}; weeks counted from the release week, R+0`
    : `From ${longDay(firstDay)}, week by week`;
  const description = `${title}: ${shown.map((e) => `${oneLine(e.name)} ${shortRange(e.start, e.end)}`).join('; ')}.`;

  const months: Day[] = [];
  for (let m = `${rangeStart.slice(0, 7)}-01`; m < rangeEnd; m = formatDay(addDays(m, 32), 'yyyy-MM-01')) {
    months.push(m);
  }
  const out = [
    ...header(W, H, title, subtitle, description, rows),
    ...drawPhases(spans, months, frame, rows),
    ...drawAxis(timeline, months, frame, rows),
    ...drawEvents(shown, labels, frame, rows.markerY),
    ...(todayShown ? drawToday(timeline, today, frame, rows) : []),
    ...drawLabels(labels, rows.markerY),
    '<g id="legend">',
  ];
  legend.forEach((row, i) => {
    for (const { x, entry } of row) out.push(entry.draw(x, rows.legendY + i * 26));
  });
  footnotes.forEach((line, i) => {
    out.push(`<text x="${left}" y="${footY + i * 18}" class="note">${escapeXml(line)}</text>`);
  });
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}
