// Every human view on terminals of 80 and 50 columns, for the bundled Juno timeline and for a real upstream cycle:
// no line is wider than the terminal. `juno schedule` in detail: every event keeps its row, its date, its week and
// its whole name (wrapped at spaces only), continuation lines stay inside their column, and a Kind column left out
// is said in the legend. Text views wrap at spaces only: the same words in the same order as piped.
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import type { ScheduleJson } from '../contract.js';
import { hasReleases, RELEASES } from '../external.js';
import { runMain } from '../helpers.js';

const INDRI = `${RELEASES}/doc/source/indri/schedule.yaml`;
const HAVE_INDRI = hasReleases();

const CASES = {
  juno: ['--date', '2014-09-21'],
  indri: ['--timeline', INDRI, '--date', '2026-11-23'],
} as const;
type Case = keyof typeof CASES;
type Part = 'title' | 'progress' | 'table' | 'legend';

/** The views that must fit, with what runs them; `next` with a few events, `--help` of juno and of each. */
const VIEWS: string[][] = [
  ['schedule'],
  ['weeks'],
  ['calendar'],
  ['info'],
  ['series'],
  ['phase'],
  ['next', '--count', '5'],
  ['countdown', 'release'],
  ['--help'],
  ...['schedule', 'weeks', 'calendar', 'info', 'series', 'phase', 'next', 'countdown'].map((c) => [
    c,
    '--help',
  ]),
];

/** The views whose text only wraps: the same words in the same order as piped. */
const TEXT_VIEWS = new Set(['info', 'phase', 'countdown']);

/** Terminal columns of plain text: East Asian wide characters take two, combining marks none. */
function columnsOf(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (/\p{Mn}|\p{Me}|\u200b|\u200d/u.test(char)) continue;
    width += eastAsianWidth(code, { ambiguousAsWide: false });
  }
  return width;
}

/** The characters of `line` from column `from` up to (not including) column `to`; narrow characters only. */
function slice(line: string, from: number, to = Number.POSITIVE_INFINITY): string {
  return [...line].slice(from, to).join('');
}

interface Layout {
  lines: string[];
  parts: Record<Part, string[]>;
  header: string;
  rows: { main: string; continued: string[] }[];
}

function layoutOf(text: string): Layout {
  const lines = text.replace(/\n$/, '').split('\n');
  const head = lines.findIndex((line) => line.startsWith('Date '));
  const blank = lines.indexOf('', head);
  const body = lines.slice(head + 1, blank === -1 ? undefined : blank);
  const rows: Layout['rows'] = [];
  for (const line of body) {
    if (line.startsWith(' ')) rows.at(-1)?.continued.push(line);
    else rows.push({ main: line, continued: [] });
  }
  const progress = lines.findIndex((line) => /^█+░*|^░+/.test(line));
  return {
    lines,
    parts: {
      title: lines.slice(0, progress),
      progress: lines.slice(progress, head - 1),
      table: lines.slice(head, blank === -1 ? undefined : blank),
      legend: blank === -1 ? [] : lines.slice(blank + 1),
    },
    header: lines[head] ?? '',
    rows,
  };
}

/** The widest line of each part wider than `width`. */
function overwide(layout: Layout, width: number): Partial<Record<Part, number>> {
  const found: Partial<Record<Part, number>> = {};
  for (const [part, lines] of Object.entries(layout.parts) as [Part, string[]][]) {
    const widest = Math.max(0, ...lines.map(columnsOf));
    if (widest > width) found[part] = widest;
  }
  return found;
}

/** Every character but spaces as `x`: where text sits, without the text (upstream's words stay upstream's). */
const skeleton = (text: string) => text.replace(/[^ \n]/g, 'x');

const SGR = /\u001b\[\d+m/g;

const WEEKDAY_OR_DAY = /^((Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?\d{1,2} /;

describe.each([80, 50])('juno schedule on a terminal of %i columns', (width) => {
  it.for(Object.keys(CASES) as Case[])(
    '%s: every event keeps its row, date, week and whole name',
    async (name, { skip }) => {
      if (name === 'indri' && !HAVE_INDRI) skip();
      const args = ['schedule', ...CASES[name]];
      const shown = await runMain(args, {}, { columns: width });
      expect(shown.stderr).toBe('');
      expect(shown.code).toBe(0);
      // A terminal gets colour; it adds escape codes and nothing else.
      expect(shown.stdout).toMatch(SGR);
      const text = shown.stdout.replace(SGR, '');
      expect((await runMain([...args, '--color', 'never'], {}, { columns: width })).stdout).toBe(text);
      // COLUMNS fits piped output the same way.
      expect((await runMain(args, { COLUMNS: String(width) })).stdout).toBe(text);

      const { events } = JSON.parse((await runMain([...args, '--format', 'json'])).stdout) as ScheduleJson;
      const layout = layoutOf(text);
      const { header } = layout;
      expect(header).toMatch(/^Date +Week +Event +(Kind +)?When$/);
      const hasKind = header.includes(' Kind ');
      // A Kind column left out is said, never silent.
      expect(layout.parts.legend.join(' ').includes('Kind hidden to fit')).toBe(!hasKind);
      const week = header.indexOf('Week');
      const event = header.indexOf('Event');
      const eventEnd = header.search(/ (Kind|When)$| Kind /) + 1;
      const when = header.indexOf('When');
      expect(layout.rows).toHaveLength(events.length);
      layout.rows.forEach(({ main, continued }, i) => {
        const expected = events[i];
        expect(slice(main, 0, week), main).toMatch(WEEKDAY_OR_DAY);
        expect(slice(main, when).trim(), main).not.toBe('');
        const lines = [main, ...continued];
        // Wrapped at spaces only: the pieces of a column joined by one space give its text back.
        const column = (from: number, to: number) =>
          lines
            .map((line) => slice(line, from, to).trim())
            .filter((piece) => piece !== '')
            .join(' ');
        expect(column(week, event)).toBe(expected?.week ?? '');
        expect(column(event, eventEnd)).toBe(expected?.name);
        for (const line of continued) expect(slice(line, 0, 1), line).toBe(' ');
      });

      expect(overwide(layout, width)).toEqual({});
      await expect(name === 'juno' ? text : skeleton(text)).toMatchFileSnapshot(
        `../__snapshots__/layout/schedule-${name}-${width}.txt`,
      );
    },
  );
});

/** The words of `text` in order: what wrapping at spaces must keep. */
const words = (text: string) =>
  text
    .replace(SGR, '')
    .split(/\s+/)
    .filter((w) => w !== '');

describe.each([80, 50])('every view on a terminal of %i columns', (width) => {
  for (const name of Object.keys(CASES) as Case[]) {
    it.for(VIEWS.map((v) => v.join(' ')))(`${name}: %s fits`, async (view, { skip }) => {
      if (name === 'indri' && !HAVE_INDRI) skip();
      const args = [...CASES[name], ...view.split(' ')];
      const shown = await runMain(args, {}, { columns: width });
      expect(shown.code, shown.stderr).toBe(0);
      const lines = shown.stdout.replace(SGR, '').replace(/\n$/, '').split('\n');
      expect(shown.stdout).not.toBe('');
      const wide = lines.filter((line) => columnsOf(line) > width);
      expect(wide).toEqual([]);
      if (TEXT_VIEWS.has(view.split(' ')[0] as string)) {
        expect(words(shown.stdout)).toEqual(words((await runMain(args)).stdout));
      }
    });
  }
});
