// The big and binary members of the hostile corpus, written at test time instead of committed.
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const event = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  kind: 'other',
  start: '2014-09-04',
  ...extra,
});

const valid = (events: unknown[]) => JSON.stringify({ series: 'x', events });

/** Writes the generated corpus into `dir` (an empty temporary folder). */
export function generateHostileFiles(dir: string): void {
  const write = (name: string, content: string | Buffer) => writeFileSync(join(dir, name), content);
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(valid([event('a', 'A')]))]));
  write(
    'bom.yaml',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8('series: x\nevents:\n  - { id: a, name: A, kind: other, start: "2014-09-04" }\n'),
    ]),
  );
  write('nul.json', utf8('{"series": "x",\n "events": [\u0000]}'));
  write(
    'invalid-utf8.json',
    Buffer.concat([utf8('{"series": "x", "events": ["'), Buffer.from([0xc3, 0x28]), utf8('"]}')]),
  );
  write('latin1.yaml', Buffer.from('series: x\ntitle: Caf\xe9\nevents: []\n', 'latin1'));

  // A key that is a list, holding escape sequences: yaml would warn on stderr, quoting it, unless told not to.
  write('complex-key.yaml', 'series: x\nevents: []\n? [a, "\u001b]0;x\u0007"]\n: 1\n');

  const depth = 100_000;
  write('deep.json', `${'['.repeat(depth)}${']'.repeat(depth)}`);
  write('deep-object.json', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
  write('deep-string.json', valid([event('a', '['.repeat(depth))]));
  write('deep-flow.yaml', `${'['.repeat(depth)}${']'.repeat(depth)}`);
  write('deep-block.yaml', `a:\n${'- '.repeat(depth)}x\n`);
  // Just past the limit, where the parsers themselves cope: the limit, not the stack, refuses it.
  write('deep-65.yaml', `series: x\nevents: []\nextra: ${'['.repeat(64)}${']'.repeat(64)}\n`);
  write('deep-64.json', `{"series": "x", "events": [], "extra": ${'['.repeat(63)}${']'.repeat(63)}}`);

  write('huge-name.json', valid([event('a', 'n'.repeat(2 * 1024 * 1024))]));
  write('huge-id.json', valid([event('i'.repeat(2 * 1024 * 1024), 'A')]));
  write(
    'huge-value.yaml',
    `series: x\nevents:\n  - { id: a, name: A, kind: other, start: "${'9'.repeat(1_000_000)}" }\n`,
  );
  // Over the size limit without writing 100 MB: a sparse file, refused from its size before any read.
  write('huge-file.json', '{"series": "x", "events": [], "padding": "');
  truncateSync(join(dir, 'huge-file.json'), 101 * 1024 * 1024);
  write(
    'many-problems.json',
    valid(
      Array.from({ length: 500 }, (_, i) => ({
        id: `e${i}`,
        name: `E${i}`,
        kind: 'party',
        start: '2014-09-04',
      })),
    ),
  );
  write(
    'many-events.json',
    valid(
      Array.from({ length: 20_000 }, (_, i) => event(`e${i}`, `Event number ${i}`, { start: '2014-09-04' })),
    ),
  );

  // Long texts near their limits, in a file of almost 10 MB.
  write(
    'largest.json',
    valid(
      Array.from({ length: 2000 }, (_, i) =>
        event(`e${i}`, `${'Ω'.repeat(600)} ${i}`, {
          notes: 'n'.repeat(3000),
          location: 'L'.repeat(500),
          aliases: [`a${i}`, `b${i}`],
        }),
      ),
    ),
  );

  // YAML whose shape, not its size, made yaml slow: a key compared with every earlier one, a flow collection of
  // a million items. Each is refused by a limit, or read, within seconds.
  const yamlHead = 'series: x\nevents:\n  - { id: a, name: A, kind: other, start: "2014-09-04" }\n';
  write(
    'many-keys.yaml',
    `${yamlHead}${Array.from({ length: 30_000 }, (_, i) => `key${i}: ${i}`).join('\n')}\n`,
  );
  write('many-duplicate-keys.yaml', `${yamlHead}${'key: 1\n'.repeat(30_000)}`);
  write(
    'flow-map.yaml',
    `${yamlHead}extra: {${Array.from({ length: 80_000 }, (_, i) => `k${i}: ${i}`).join(', ')}}\n`,
  );
  write(
    'flow-seq-10mb.yaml',
    `${yamlHead}extra: [${Array.from({ length: 1_400_000 }, (_, i) => i).join(', ')}]\n`,
  );
  write('dense-seq.yaml', `${yamlHead}extra: [${'1,'.repeat(1_000_000)}1]\n`);
  write('yaml-errors.yaml', `${yamlHead}extra: [${']'.repeat(200_000)}\n`);

  // Days beyond four-digit years once sent the week views round forever.
  write(
    'years.json',
    valid([event('first', 'First', { start: '0000-01-01' }), event('last', 'Last', { start: '9999-12-31' })]),
  );
  write(
    'numbers.yaml',
    'series: x\nreleaseId: .nan\nevents:\n  - { id: a, name: A, kind: other, start: "2014-09-04", sequence: 1e+21 }\n',
  );
  // Files that are not timelines, holding what must not be echoed back.
  write('dotenv', 'API_KEY=sk-live-0123456789abcdef\nDB_PASSWORD=hunter2\n');
  write('shadow', 'root:$6$saltsalt$hashhashhashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');

  mkdirSync(join(dir, 'folder.json'));
  symlinkSync('loop-b.json', join(dir, 'loop-a.json'));
  symlinkSync('loop-a.json', join(dir, 'loop-b.json'));
  write('plain.json', valid([event('a', 'A')]));
}

/** Devices that never end; present on Linux and macOS. */
export const ENDLESS_DEVICE = existsSync('/dev/zero') ? '/dev/zero' : null;
