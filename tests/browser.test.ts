/// <reference lib="dom" />
// The SVG picture as a browser renders it: headless Chromium (Debian's package) driven by playwright-core.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTimeline } from '../src/cli/load.js';
import { renderTimelineSvg } from '../src/render/svg.js';
import { parseTimeline } from '../src/timeline/parse.js';
import type { Timeline } from '../src/timeline/types.js';
import { chromiumTests, useChromium } from './chromium.js';
import { RELEASES } from './external.js';
import { FIXTURES, makeTimeline, ROOT } from './helpers.js';

const juno = (() => {
  const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
  if (!result.ok) throw new Error('bundled timeline invalid');
  return result.timeline;
})();

interface Rect {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  visible: boolean;
}

describe.runIf(chromiumTests('the SVG is not rendered in a browser'))('the SVG in Chromium', () => {
  const chromium = useChromium({ width: 1200, height: 800 });

  async function render(timeline: Timeline, today: string, name: string): Promise<Rect[]> {
    const svg = renderTimelineSvg(timeline, today);
    const page = await chromium().newPage();
    // No network: the picture must be self-contained.
    const requests: string[] = [];
    page.on('request', (r: { url(): string }) => requests.push(r.url()));
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const rects: Rect[] = await page.$$eval('svg text', (nodes: Element[]) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        return {
          text: node.textContent ?? '',
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
          visible: style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0,
        };
      }),
    );
    mkdirSync(`${ROOT}tests/artifacts`, { recursive: true });
    await page.locator('svg').screenshot({ path: `${ROOT}tests/artifacts/${name}.png` });
    writeFileSync(`${ROOT}tests/artifacts/${name}.svg`, svg);
    await page.close();
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    return rects;
  }

  function overlapping(rects: Rect[]): string[] {
    const found: string[] = [];
    rects.forEach((a, i) => {
      for (const b of rects.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        if (!apart) found.push(`"${a.text}" overlaps "${b.text}"`);
      }
    });
    return found;
  }

  it('shows every event label, visible, inside the picture, none overlapping any other text', async () => {
    const rects = await render(juno, '2014-09-21', 'juno-2014-09-21');
    for (const event of juno.events) {
      const rect = rects.find((r) => r.text.includes(event.name));
      expect(rect, event.id).toBeDefined();
      expect(rect?.visible, event.id).toBe(true);
      expect(rect?.width, event.id).toBeGreaterThan(0);
      expect(rect && rect.x >= 0 && rect.x + rect.width <= 1200, event.id).toBe(true);
    }
    expect(rects.find((r) => r.text.startsWith('Today: Sun 21 Sep 2014'))).toBeDefined();
    expect(overlapping(rects)).toEqual([]);
  });

  it('keeps labels apart on a day at the edge of the cycle and on a timeline of its own', async () => {
    const edge = await render(juno, '2014-04-14', 'juno-2014-04-14');
    expect(edge.find((r) => r.text.startsWith('Today: Mon 14 Apr 2014'))).toBeDefined();
    expect(overlapping(edge)).toEqual([]);
    // Crowded: eight events in two weeks, long names, markup characters.
    const events: Record<string, unknown>[] = Array.from({ length: 8 }, (_, i) => ({
      id: `e${i}`,
      name: `Event ${i} with a rather long name & <markup>`,
      kind: ['milestone', 'freeze', 'deadline', 'rc'][i % 4],
      start: `2014-09-${String(1 + i * 2).padStart(2, '0')}`,
    }));
    events.push({ id: 'release', name: 'Release', kind: 'release', start: '2014-10-16' });
    const crowded = makeTimeline({ title: 'A <crowded> & "busy" cycle', events });
    const rects = await render(crowded, '2014-09-21', 'crowded');
    for (const event of crowded.events) {
      expect(rects.some((r) => r.text.includes(event.name) && r.visible)).toBe(true);
    }
    expect(overlapping(rects)).toEqual([]);
  });

  it("keeps an upstream cycle's week names apart, the wide name of the week before the cycle included", async () => {
    const releases = RELEASES;
    const files = [
      `${FIXTURES}upstream/indri/schedule.yaml`,
      ...['antelope', 'wallaby', 'ocata']
        .map((series) => `${releases}/doc/source/${series}/schedule.yaml`)
        .filter((file) => existsSync(file)),
    ];
    for (const file of files) {
      const { timeline } = await loadTimeline(file);
      const svg = renderTimelineSvg(timeline, '2000-01-01');
      const weeks = [...svg.matchAll(/class="week"[^>]*>([^<]*)</g)].map((m) => m[1] as string);
      const rects = await render(timeline, '2000-01-01', `upstream-${timeline.series}`);
      for (const week of weeks)
        expect(
          rects.some((r) => r.text === week && r.visible),
          week,
        ).toBe(true);
      expect(overlapping(rects), file).toEqual([]);
    }
  });
});
