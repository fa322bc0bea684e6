// Malformed and hostile timelines, each run through `juno schedule --timeline FILE` as a user would: exit 3
// (or 0 where the input is actually valid), one short message naming the file and the place, no stack trace.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, type ExpectStatic, expect, it } from 'vitest';
import { BIN, runJuno } from '../helpers.js';
import { ENDLESS_DEVICE, generateHostileFiles } from './generate.js';

const HOSTILE = fileURLToPath(new URL('.', import.meta.url));
const KINDS = 'milestone, freeze, deadline, rc, release, summit, eol, other';
const DEPTH_HINT = 'juno: hint: a timeline needs at most 5 levels; is this the file you meant?\n';
const PATH_HINT = 'juno: hint: check the path given to --timeline\n';
const TOKENS = (file: string) =>
  `juno: ${file}: holds more than 250,000 YAML tokens, more than any timeline needs\n` +
  'juno: hint: is this the file you meant? A larger timeline can be written as JSON\n';
// Hostile files must fail fast; a hang fails the test at this bound instead of stalling the suite.
const HANG_GUARD_MS = 30_000;

type Expected = string | RegExp;

/** Files committed under tests/hostile/files/, run from tests/hostile/ so that the label is `files/NAME`. */
const COMMITTED: [file: string, code: 0 | 3, stderr: Expected][] = [
  ['empty.json', 3, 'juno: files/empty.json: is empty\n'],
  ['blank.yaml', 3, 'juno: files/blank.yaml: is empty\n'],
  [
    'truncated.json',
    3,
    'juno: files/truncated.json: not valid JSON (line 3, column 18): Unterminated string\n',
  ],
  [
    'trailing-comma.json',
    3,
    'juno: files/trailing-comma.json: not valid JSON (line 1, column 30): Expected double-quoted property name\n',
  ],
  [
    'unexpected-token.json',
    3,
    "juno: files/unexpected-token.json: not valid JSON (line 1, column 28): Unexpected token '}'\n",
  ],
  [
    'top-array.json',
    3,
    'juno: files/top-array.json: (top level): expected an object with "series" and "events", got a list\n',
  ],
  [
    'top-null.json',
    3,
    'juno: files/top-null.json: (top level): expected an object with "series" and "events", got null\n',
  ],
  [
    'top-text.yaml',
    3,
    'juno: files/top-text.yaml: (top level): expected an object with "series" and "events", got text\n',
  ],
  ['events-missing.json', 3, 'juno: files/events-missing.json: events: is required (a list of events)\n'],
  [
    'events-object.json',
    3,
    'juno: files/events-object.json: events: expected a list of events, got an object\n',
  ],
  ['events-null.yaml', 3, 'juno: files/events-null.yaml: events: expected a list of events, got null\n'],
  [
    'wrong-types.json',
    3,
    [
      'series: expected a slug (lowercase letters, digits, hyphens), got the number 7',
      'title: expected text, got a list',
      'events[0].name: expected text, got the number 42',
      `events[0].kind: expected a kind (one of ${KINDS}), got a list`,
      'events[0].start: expected a date YYYY-MM-DD, got the number 20140904',
      'events[0].confidence: expected a confidence (one of confirmed, approximate, unverified), got boolean true',
      'events[0].sequence: expected a whole number from 0 to 2147483647, got the number -1',
      'events[0].aliases: expected a list of text, got "ff"',
      'events[0].sources: expected a list of text, got the number 3',
      'events[1]: expected an event object, got "not an event"',
    ]
      .map((line) => `juno: files/wrong-types.json: ${line}\n`)
      .join(''),
  ],
  [
    'impossible-dates.yaml',
    3,
    [
      'events[0].start: 2014-02-30 is not a calendar date',
      'events[1].start: 2014-13-01 is not a calendar date',
      'events[2].start: 2015-02-29 is not a calendar date',
      'events[3].start: "2014-1-6" is not a date in the form YYYY-MM-DD',
      'events[4].start: "tomorrow" is not a date in the form YYYY-MM-DD',
      'events[5].start: "2014-09-04T10:00:00Z" is not a date in the form YYYY-MM-DD',
    ]
      .map((line) => `juno: files/impossible-dates.yaml: ${line}\n`)
      .join(''),
  ],
  [
    'end-before-start.json',
    3,
    'juno: files/end-before-start.json: events[0].end: 2014-11-03 is before the start 2014-11-07\n',
  ],
  [
    'duplicate-ids.json',
    3,
    'juno: files/duplicate-ids.json: events[1].id: duplicate id "freeze"\n' +
      'juno: files/duplicate-ids.json: events[2].id: "ff" is already used by an alias of "freeze"\n',
  ],
  [
    'unknown-kind.yaml',
    3,
    `juno: files/unknown-kind.yaml: events[0].kind: unknown kind "party" (expected one of ${KINDS})\n` +
      `juno: files/unknown-kind.yaml: events[1].kind: unknown kind "Summit" (expected one of ${KINDS})\n`,
  ],
  [
    'missing-names.json',
    3,
    'juno: files/missing-names.json: events[0].name: is required\n' +
      'juno: files/missing-names.json: events[1].name: must not be empty\n' +
      'juno: files/missing-names.json: events[2].name: must not be empty\n' +
      'juno: files/missing-names.json: events[3].name: is required\n',
  ],
  ['syntax-error.yaml', 3, 'juno: files/syntax-error.yaml: line 6, column 1: Missing closing "quote\n'],
  [
    'duplicate-keys.yaml',
    3,
    'juno: files/duplicate-keys.yaml: line 7, column 5: Map keys must be unique\n' +
      'juno: files/duplicate-keys.yaml: line 8, column 1: Map keys must be unique\n',
  ],
  [
    'two-documents.yaml',
    3,
    'juno: files/two-documents.yaml: line 3, column 1: holds more than one YAML document (a second "---"); a timeline is one\n',
  ],
  [
    'alias-bomb.yaml',
    3,
    'juno: files/alias-bomb.yaml: YAML aliases expand too far (more than 1000 alias uses)\n' +
      'juno: hint: write the repeated parts out, or use fewer nested aliases\n',
  ],
  ['aliases-used-fairly.yaml', 0, ''],
  ['proto.json', 0, ''],
  ['proto.yaml', 0, ''],
];

/** Files written at test time (big or binary), run from the temporary folder so that the label is `NAME`. */
const GENERATED: [file: string, code: 0 | 3, stderr: Expected][] = [
  ['bom.json', 0, ''],
  ['bom.yaml', 0, ''],
  ['complex-key.yaml', 0, ''],
  ['nul.json', 3, 'juno: nul.json: line 2, column 13: holds a NUL byte; a timeline is text\n'],
  [
    'invalid-utf8.json',
    3,
    'juno: invalid-utf8.json: is not UTF-8 text\njuno: hint: save the file as UTF-8\n',
  ],
  ['latin1.yaml', 3, 'juno: latin1.yaml: is not UTF-8 text\njuno: hint: save the file as UTF-8\n'],
  ['deep.json', 3, `juno: deep.json: line 1, column 65: nested more than 64 levels deep\n${DEPTH_HINT}`],
  [
    'deep-object.json',
    3,
    `juno: deep-object.json: line 1, column 321: nested more than 64 levels deep\n${DEPTH_HINT}`,
  ],
  ['deep-64.json', 0, ''],
  [
    'deep-65.yaml',
    3,
    `juno: deep-65.yaml: line 3, column 71: nested more than 64 levels deep\n${DEPTH_HINT}`,
  ],
  // yaml runs out of stack before juno can count the levels; where depends on the engine's stack size.
  [
    'deep-flow.yaml',
    3,
    new RegExp(
      `^juno: deep-flow\\.yaml: line 1, column \\d+: nested more than 64 levels deep\\n${escapeRegExp(DEPTH_HINT)}$`,
    ),
  ],
  [
    'deep-block.yaml',
    3,
    new RegExp(
      `^juno: deep-block\\.yaml: line 2, column \\d+: nested more than 64 levels deep\\n${escapeRegExp(DEPTH_HINT)}$`,
    ),
  ],
  [
    'deep-string.json',
    3,
    'juno: deep-string.json: events[0].name: is 100000 characters long; at most 1000 are allowed\n',
  ],
  [
    'huge-name.json',
    3,
    'juno: huge-name.json: events[0].name: is 2097152 characters long; at most 1000 are allowed\n',
  ],
  [
    'huge-id.json',
    3,
    'juno: huge-id.json: events[0].id: is 2097152 characters long; at most 100 are allowed\n',
  ],
  [
    'huge-value.yaml',
    3,
    `juno: huge-value.yaml: events[0].start: "${'9'.repeat(39)}…" is not a date in the form YYYY-MM-DD\n`,
  ],
  [
    'huge-file.json',
    3,
    `juno: huge-file.json: is larger than 100 MB, more than any timeline needs\n${PATH_HINT}`,
  ],
  [
    'many-problems.json',
    3,
    `${Array.from(
      { length: 20 },
      (_, i) =>
        `juno: many-problems.json: events[${i}].kind: unknown kind "party" (expected one of ${KINDS})\n`,
    ).join('')}juno: … and 480 more problems\n`,
  ],
  [
    'folder.json',
    3,
    'juno: folder.json: a folder without schedule.yaml; give a timeline file, or a series folder of openstack/releases (doc/source/<series>)\n',
  ],
  [
    'loop-a.json',
    3,
    `juno: loop-a.json: cannot read the timeline: too many symbolic links (a loop?)\n${PATH_HINT}`,
  ],
  [
    'plain.json/inside.json',
    3,
    `juno: plain.json/inside.json: cannot read the timeline: a part of the path is not a folder\n${PATH_HINT}`,
  ],
  ['missing.json', 3, `juno: missing.json: cannot read the timeline: no such file\n${PATH_HINT}`],
  // 30,000 keys: yaml's own check of duplicates compared each with every earlier one.
  ['many-keys.yaml', 0, ''],
  [
    'many-duplicate-keys.yaml',
    3,
    `${Array.from(
      { length: 20 },
      (_, i) => `juno: many-duplicate-keys.yaml: line ${i + 5}, column 1: Map keys must be unique\n`,
    ).join('')}juno: … and 29979 more problems\n`,
  ],
  ['flow-map.yaml', 3, TOKENS('flow-map.yaml')],
  ['dense-seq.yaml', 3, TOKENS('dense-seq.yaml')],
  [
    'flow-seq-10mb.yaml',
    3,
    'juno: flow-seq-10mb.yaml: is larger than 4 MB, more than any YAML timeline needs\n' +
      'juno: hint: is this the file you meant? A larger timeline can be written as JSON (up to 100 MB)\n',
  ],
  [
    'yaml-errors.yaml',
    3,
    `${Array.from(
      { length: 20 },
      (_, i) =>
        `juno: yaml-errors.yaml: line 4, column ${i + 10}: Unexpected flow-seq-end token in YAML stream: "]"\n`,
    ).join('')}juno: … and 199979 more problems\n`,
  ],
  [
    'years.json',
    3,
    'juno: years.json: events[0].start: 0000-01-01 is outside the supported years 1000–9996\n' +
      'juno: years.json: events[1].start: 9999-12-31 is outside the supported years 1000–9996\n',
  ],
  [
    'numbers.yaml',
    3,
    'juno: numbers.yaml: releaseId: expected a release id such as "2014.2", got the number NaN\n' +
      'juno: numbers.yaml: events[0].sequence: expected a whole number from 0 to 2147483647, got the number 1e+21\n',
  ],
  ['dotenv', 3, 'juno: dotenv: (top level): expected an object with "series" and "events", got text\n'],
  [
    'shadow',
    3,
    'juno: shadow: (top level): expected an object with "series" and "events", got an object with neither\n',
  ],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expectClean(
  expect: ExpectStatic,
  result: { stdout: string; stderr: string; code: number | null },
  code: number,
  stderr: Expected,
) {
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
  else expect(result.stderr).toMatch(stderr);
  expect(result.code).toBe(code);
  if (code !== 0) expect(result.stdout).toBe('');
  else expect(result.stdout).toMatch(/^x · today Sun 21 Sep 2014/);
  for (const line of result.stderr.split('\n')) expect(line.length).toBeLessThan(300);
}

const schedule = (file: string, cwd: string) =>
  runJuno(['schedule', '--timeline', file, '--date', '2014-09-21'], { cwd });

// Each case spawns juno; they run side by side.
describe.concurrent('the committed corpus', () => {
  it.for(COMMITTED)(
    'files/%s exits %i',
    { timeout: HANG_GUARD_MS },
    async ([file, code, stderr], { expect }) => {
      expectClean(expect, await schedule(`files/${file}`, HOSTILE), code, stderr);
    },
  );
});

describe.concurrent('the generated corpus', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'juno-hostile-'));
    generateHostileFiles(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.for(GENERATED)('%s exits %i', { timeout: HANG_GUARD_MS }, async ([file, code, stderr], { expect }) => {
    expectClean(expect, await schedule(file, dir), code, stderr);
  });

  it(
    'long texts near their limits (2,000 events, 9.6 MB) print in every format',
    async () => {
      for (const format of ['table', 'json', 'csv']) {
        const result = await runJuno(['schedule', '--timeline', 'largest.json', '--format', format], {
          cwd: dir,
        });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`${'Ω'.repeat(600)} 1999`);
      }
    },
    HANG_GUARD_MS * 2,
  );

  it(
    'a timeline of 20,000 events prints in every format',
    async () => {
      for (const format of ['table', 'json', 'csv']) {
        const result = await runJuno(['schedule', '--timeline', 'many-events.json', '--format', format], {
          cwd: dir,
        });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Event number 19999');
      }
    },
    HANG_GUARD_MS * 2,
  );

  it.skipIf(ENDLESS_DEVICE === null)(
    'an endless device is refused after 100 MB',
    async () => {
      const result = await runJuno(['--timeline', ENDLESS_DEVICE as string]);
      expect(result).toEqual({
        stdout: '',
        stderr: `juno: ${ENDLESS_DEVICE}: is larger than 100 MB, more than any timeline needs\n${PATH_HINT}`,
        code: 3,
      });
    },
    HANG_GUARD_MS,
  );

  it('refuses an empty file name as a usage error', async () => {
    const result = await runJuno(['--timeline', '']);
    expect(result).toEqual({
      stdout: '',
      stderr: 'juno: --timeline needs a file name\njuno: hint: e.g. --timeline my-cycle.yaml\n',
      code: 2,
    });
  });
});

// Permissions do not stop root from reading a file, so as root the check runs juno as `nobody` instead;
// when that account cannot run juno here (node or the checkout out of its reach) it is skipped, saying so.
describe('an unreadable file', () => {
  const isRoot = process.getuid?.() === 0;
  const NOBODY = 65534;
  let dir: string;
  let file: string;
  let nobodyCanRun = false;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'juno-unreadable-'));
    chmodSync(dir, 0o755);
    file = join(dir, 'secret.json');
    writeFileSync(file, '{"series": "x", "events": []}');
    chmodSync(file, 0o000);
    if (isRoot) {
      const { spawnSync } = await import('node:child_process');
      const probe = spawnSync(process.execPath, [BIN, '--version'], { uid: NOBODY, gid: NOBODY });
      nobodyCanRun = probe.status === 0;
      if (!nobodyCanRun) {
        console.warn(
          'skipped: running as root, and user nobody cannot run this node or checkout, so a chmod 000 file stays readable',
        );
      }
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is exit 3 with "permission denied"', async (ctx) => {
    if (isRoot && !nobodyCanRun) ctx.skip();
    const args = ['--timeline', file];
    const result = await runJuno(args, isRoot ? { uid: NOBODY, cwd: tmpdir() } : {});
    expect(result).toEqual({
      stdout: '',
      stderr: `juno: ${file}: cannot read the timeline: permission denied\n${PATH_HINT}`,
      code: 3,
    });
  });
});
