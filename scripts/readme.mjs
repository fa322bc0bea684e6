// Keeps the transcripts of README.md and CONTRIBUTING.md true: every block between `<!-- run: ARGS -->` and
// `<!-- /run -->` is the real output of `juno ARGS` (colour off, TZ=UTC). `--check` fails when one is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const documents = ['README.md', 'CONTRIBUTING.md'];
const check = process.argv.includes('--check');

function run(args) {
  const argv = args.match(/'[^']*'|"[^"]*"|\S+/g).map((a) => a.replace(/^['"]|['"]$/g, ''));
  const result = spawnSync(process.execPath, [`${root}dist/bin.cjs`, ...argv], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, TZ: 'UTC', NO_COLOR: '1' },
  });
  // CRLF line ends (iCalendar) are shown as plain newlines.
  const output = (result.stdout + result.stderr).replace(/\r\n/g, '\n').replace(/\s+$/, '');
  const status = result.status === 0 ? '' : `\n$ echo $?\n${result.status}`;
  return `\`\`\`console\n$ npx juno ${args}\n${output}${status}\n\`\`\``;
}

export function renderReadme(text) {
  return text.replace(
    /(<!-- run: (.+?) -->\n)[\s\S]*?(<!-- \/run -->)/g,
    (_, open, args, close) => `${open}${run(args)}\n${close}`,
  );
}

let stale = 0;
for (const name of documents) {
  const path = `${root}${name}`;
  const before = readFileSync(path, 'utf8');
  const after = renderReadme(before);
  if (before === after) continue;
  if (check) {
    console.error(`${name} is out of date: run \`npm run readme\` and commit the result.`);
    stale += 1;
  } else {
    writeFileSync(path, after);
    console.log(`${name} updated`);
  }
}
if (stale > 0) process.exitCode = 1;
