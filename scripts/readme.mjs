// Keeps the README's transcripts and option lists true: every block between `<!-- run: ARGS -->` and
// `<!-- /run -->` is the real output of `juno ARGS` (colour off, TZ=UTC). `--check` fails when one is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
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

const before = readFileSync(readmePath, 'utf8');
const after = renderReadme(before);
if (check) {
  if (before !== after) {
    console.error('README.md is out of date: run `npm run readme` and commit the result.');
    process.exit(1);
  }
} else if (before !== after) {
  writeFileSync(readmePath, after);
  console.log('README.md updated');
}
