import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderTimelineSvg, textWidth } from '../src/render/svg.js';
import { parseTimeline } from '../src/timeline/parse.js';
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
