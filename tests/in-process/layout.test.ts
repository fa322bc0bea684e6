// `juno schedule` on terminals of 80 and 50 columns, for the bundled Juno timeline and for a real upstream cycle:
// every event keeps its row, its date, its week and its whole name (wrapped at spaces only), continuation lines stay
// inside the Event column, and no line is wider than the terminal except the ones listed in KNOWN_OVERWIDE below.
import { eastAsianWidth } from 'get-east-asian-width';
import { describe, expect, it } from 'vitest';
import type { ScheduleJson } from '../contract.js';
import { hasReleases, RELEASES } from '../external.js';
import { runMain } from '../helpers.js';

const INDRI = `${RELEASES}/doc/source/indri/schedule.yaml`;
const HAVE_INDRI = hasReleases();

const CASES = {
  juno: ['schedule', '--date', '2014-09-21'],
  indri: ['schedule', '--timeline', INDRI, '--date', '2026-11-23'],
} as const;
type Case = keyof typeof CASES;
type Part = 'title' | 'progress' | 'table' | 'legend';

/**
 * Lines known today to be wider than the terminal, by part of the output: the widest of each. Fixing one means
 * removing it here; anything else wider than the terminal fails.
 * - The progress line does not fit 80 columns (the bar is 30 wide, the dates after it are not shortened).
 * - The title is not shortened either: an upstream cycle's RST title makes it 90 columns.
 * - At 50 columns the table is not narrowed at all: once the Kind column is dropped, the Event column would need
 *   to be under 12 columns, so the table keeps its full width rather than wrap every name.
 */
const KNOWN_OVERWIDE: Record<`${Case} at ${50 | 80}`, Partial<Record<Part, number>>> = {
  'juno at 80': { progress: 82 },
  'juno at 50': { title: 77, progress: 82, table: 98 },
  'indri at 80': { title: 81, progress: 82 },
  'indri at 50': { title: 81, progress: 82, table: 102 },
};

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
  const blank = lines.indexOf('', 3);
  const body = lines.slice(4, blank === -1 ? undefined : blank);
  const rows: Layout['rows'] = [];
  for (const line of body) {
    if (line.startsWith(' ')) rows.at(-1)?.continued.push(line);
    else rows.push({ main: line, continued: [] });
  }
  return {
    lines,
    parts: {
      title: [lines[0] ?? ''],
      progress: [lines[1] ?? ''],
      table: lines.slice(3, blank === -1 ? undefined : blank),
      legend: blank === -1 ? [] : lines.slice(blank + 1),
    },
    header: lines[3] ?? '',
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

describe.each([80, 50])('juno schedule on a terminal of %i columns', (width) => {
  it.for(Object.keys(CASES) as Case[])(
    '%s: every event keeps its row, date, week and whole name',
    async (name, { skip }) => {
      if (name === 'indri' && !HAVE_INDRI) skip();
      const args = [...CASES[name]];
      const shown = await runMain(args, {}, { columns: width });
      expect(shown.stderr).toBe('');
      expect(shown.code).toBe(0);
      // A terminal gets colour; it adds escape codes and nothing else.
      expect(shown.stdout).toMatch(SGR);
      const text = shown.stdout.replace(SGR, '');
      expect((await runMain([...args, '--color', 'never'], {}, { columns: width })).stdout).toBe(text);

      const { events } = JSON.parse((await runMain([...args, '--format', 'json'])).stdout) as ScheduleJson;
      const layout = layoutOf(text);
      const { header } = layout;
      expect(header).toMatch(/^Date +Week +Event +(Kind +)?When$/);
      const week = header.indexOf('Week');
      const event = header.indexOf('Event');
      const eventEnd = header.search(/ (Kind|When)$| Kind /) + 1;
      const when = header.indexOf('When');
      expect(layout.rows).toHaveLength(events.length);
      layout.rows.forEach(({ main, continued }, i) => {
        const expected = events[i];
        expect(slice(main, 0, week), main).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} /);
        expect(slice(main, week, event).trim(), main).toBe(expected?.week ?? '');
        expect(slice(main, when).trim(), main).not.toBe('');
        for (const line of continued) {
          expect(slice(line, 0, event).trim(), line).toBe('');
          expect(slice(line, eventEnd).trim(), line).toBe('');
        }
        // Wrapped at spaces only: the pieces joined by one space give the name back.
        const pieces = [main, ...continued].map((line) => slice(line, event, eventEnd).trim());
        expect(pieces.join(' ')).toBe(expected?.name);
      });

      expect(overwide(layout, width)).toEqual(KNOWN_OVERWIDE[`${name} at ${width as 50 | 80}`]);
      if (width === 80) expect(Math.max(...layout.parts.table.map(columnsOf))).toBeLessThanOrEqual(80);
      await expect(name === 'juno' ? text : skeleton(text)).toMatchFileSnapshot(
        `../__snapshots__/layout/schedule-${name}-${width}.txt`,
      );
    },
  );
});
