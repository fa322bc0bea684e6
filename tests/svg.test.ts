import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../src/render/markup.js';
import { renderTimelineSvg, textWidth } from '../src/render/svg.js';
import { addDays } from '../src/timeline/day.js';
import { parseTimeline } from '../src/timeline/parse.js';
import type { Timeline } from '../src/timeline/types.js';
import { makeTimeline, ROOT } from './helpers.js';

const juno = (() => {
  const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
  if (!result.ok) throw new Error('bundled timeline invalid');
  return result.timeline;
})();

const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => (m[1] as string).replace(/<[^>]+>/g, ''));

describe('the SVG picture', () => {
  const svg = renderTimelineSvg(juno, '2014-09-21');

  it('matches its snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/juno-2014-09-21.svg');
  });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('is self-contained and deterministic', () => {
    expect(svg).not.toMatch(/<script|<image|@import|@font-face|href=/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200"')).toBe(true);
    expect(renderTimelineSvg(juno, '2014-09-21')).toBe(svg);
  });

  it('names every event in real text, those outside the picture in a footnote', () => {
    const all = texts(svg).join('\n');
    for (const event of juno.events) expect(all).toContain(escapeXml(event.name));
    expect(all).toMatch(/Outside this picture: Icehouse Design Summit, Hong Kong .*Juno end of life/);
    for (const week of ['R-26', 'R-6', 'R+0', 'R+3']) expect(texts(svg)).toContain(week);
    for (const phase of ['Development', 'Released (stable maintenance)']) expect(texts(svg)).toContain(phase);
  });

  it('draws today only when it falls in the picture', () => {
    expect(texts(svg)).toContain('Today: Sun 21 Sep 2014 (R-4), Feature freeze');
    expect(renderTimelineSvg(juno, '2016-01-01')).not.toContain('Today:');
    expect(renderTimelineSvg(juno, '2016-01-01')).not.toContain('id="today"');
  });

  it('escapes markup in names and stays well-formed', () => {
    const tricky = makeTimeline({
      title: 'Tom & Jerry\'s <cycle> "2"',
      events: [
        { id: 'a', name: '<script>alert(1)</script> & more', kind: 'milestone', start: '2014-09-04' },
        { id: 'release', name: 'R ]]> \u2028 done', kind: 'release', start: '2014-10-16' },
      ],
    });
    const out = renderTimelineSvg(tricky, '2014-09-21');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(out).toContain('Tom &amp; Jerry&apos;s &lt;cycle&gt; &quot;2&quot;');
  });

  it('titles a cycle without saying "release" twice', () => {
    const titled = makeTimeline({
      series: 'indri',
      title: 'Indri Release Schedule',
      releaseId: '2027.1',
      events: [{ id: 'release', name: 'Indri release', kind: 'release', start: '2027-04-01' }],
    });
    expect(renderTimelineSvg(titled, '2027-01-01')).toContain(
      '<title id="juno-title">Indri Release Schedule (2027.1)</title>',
    );
    expect(svg).toContain('<title id="juno-title">OpenStack Juno (2014.2) release cycle</title>');
  });

  it('says so when there is nothing to draw', () => {
    const empty = makeTimeline({ events: [{ id: 'eol', name: 'EOL', kind: 'eol', start: '2015-12-07' }] });
    const out = renderTimelineSvg(empty, '2014-09-21');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('This timeline has no events to draw.');
  });

  it('estimates text widths from font metrics', () => {
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('mmmm', 10));
    expect(textWidth('Feature freeze', 13, true)).toBeGreaterThan(textWidth('Feature freeze', 13));
    expect(escapeXml('a\u0000b\uffff')).toBe('ab');
  });
});

/** The axis's week names with where they are centred and whether they are bold. */
const axisLabels = (svg: string) =>
  [...svg.matchAll(/<text x="([\d.]+)"[^>]*class="week"( font-weight="bold")?>([^<]*)<\/text>/g)].map(
    (m) => ({
      x: Number(m[1]),
      bold: m[2] !== undefined,
      name: m[3] as string,
    }),
  );

describe("the picture's axis", () => {
  // Weeks named by their source, the first with a name wider than a week (upstream's previous release week).
  const names = ['Xylem R+0', ...Array.from({ length: 26 }, (_, i) => `R-${26 - i}`), 'R+0'];
  const cycle: Timeline = {
    ...makeTimeline({
      releaseWeek: '2030-04-01',
      phases: [{ id: 'development', name: 'Development', from: 'prev', until: 'release' }],
      events: [
        { id: 'prev', name: 'Previous release', kind: 'release', start: '2029-09-26' },
        { id: 'release', name: 'Release', kind: 'release', start: '2030-04-03' },
      ],
    }),
    weeks: names.map((name, i) => ({
      name,
      upstream: i > 0,
      start: addDays('2029-09-24', 7 * i),
      end: addDays('2029-09-28', 7 * i),
      events: [],
    })),
  };

  it('names each week as the source does; a name wider than its week leaves out the neighbour it would touch', () => {
    const labels = axisLabels(renderTimelineSvg(cycle, '2030-01-01'));
    const drawn = labels.map((l) => l.name);
    expect(drawn.slice(0, 3)).toEqual(['Xylem R+0', 'R-25', 'R-24']);
    expect(drawn).toContain('R-1');
    expect(labels.filter((l) => l.bold).map((l) => l.name)).toEqual(['R+0']);
    // No two names touch.
    labels.slice(1).forEach((label, i) => {
      const before = labels[i] as (typeof labels)[number];
      expect(before.x + textWidth(before.name, 10) / 2).toBeLessThan(label.x - textWidth(label.name, 10) / 2);
    });
  });

  it('thins the names to every other week, counting from the release week, when weeks are narrow', () => {
    const drawn = axisLabels(renderTimelineSvg(cycle, '2030-01-01', { width: 700 })).map((l) => l.name);
    expect(drawn).toContain('R+0');
    expect(drawn).toContain('R-2');
    expect(drawn).not.toContain('R-1');
    expect(drawn).not.toContain('R-3');
  });

  it("starts at upstream's first named week when the first dated phase is feature freeze, and says so", () => {
    const ocata: Timeline = {
      ...makeTimeline({
        releaseWeek: '2017-02-20',
        phases: [
          { id: 'development', name: 'Development', from: null, until: 'ff' },
          { id: 'feature-freeze', name: 'Feature freeze', from: 'ff', until: null },
        ],
        events: [{ id: 'ff', name: 'Feature freeze', kind: 'freeze', start: '2017-01-23' }],
      }),
      weeks: [
        { name: 'R-15', upstream: true, start: '2016-11-07', end: '2016-11-11', events: [] },
        { name: 'R-4', upstream: true, start: '2017-01-23', end: '2017-01-27', events: ['ff'] },
      ],
    };
    const svg = renderTimelineSvg(ocata, '2016-12-01');
    expect(axisLabels(svg)[0]?.name).toBe('R-15');
    expect(texts(svg)).toContain('From Mon 7 Nov 2016, week by week');
  });

  it('names weeks by ISO week, with the year, in a timeline without a release or week names', () => {
    const plain = makeTimeline({
      events: [
        { id: 'a', name: 'A', kind: 'milestone', start: '2014-12-23' },
        { id: 'b', name: 'B', kind: 'milestone', start: '2015-01-08' },
      ],
    });
    const drawn = axisLabels(renderTimelineSvg(plain, '2014-12-31')).map((l) => l.name);
    expect(drawn.slice(0, 3)).toEqual(['2014-W52', '2015-W01', '2015-W02']);
  });
});
