// Regenerates the bundled data from an openstack/releases checkout, with the same code as `juno update --from`:
// data/series.json (the series list and the snapshot it came from) and data/series/<series>.json (each series'
// schedule as juno's importer reads it, without upstream's prose).
//
//   npm run data -- CHECKOUT [--commit HASH --date YYYY-MM-DD]
//
// The snapshot is the checkout's last commit when it is a git checkout, else --commit/--date, else what the
// checkout's README says ("commit 02df7c9a3 of 2026-08-21"). Files are written aside and renamed into place.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { commit: { type: 'string' }, date: { type: 'string' } },
});
const [checkout] = positionals;
if (checkout === undefined || positionals.length > 1) {
  console.error('usage: npm run data -- CHECKOUT [--commit HASH --date YYYY-MM-DD]');
  process.exit(2);
}
if (
  (values.commit === undefined) !== (values.date === undefined) ||
  (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
) {
  console.error('data: --commit and --date go together, the date as YYYY-MM-DD');
  process.exit(2);
}

// The importer and the writers of `juno update`, bundled from the source as they are in juno itself.
const entry = `
export { importReleases } from './src/timeline/sources/upstream/releases.ts';
export { dataFiles } from './src/cli/update/files.ts';
export { checkoutSource } from './src/cli/update/sources.ts';
export { checkoutSnapshot, UPSTREAM_REPOSITORY } from './src/cli/update/snapshot.ts';
export { problemLine } from './src/cli/load.ts';
export { readBundled } from './src/timeline/sources/bundled.ts';
`;
const bundle = join(tmpdir(), `juno-data-${process.pid}.mjs`);
await build({
  stdin: { contents: entry, resolveDir: root(''), loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const juno = await import(pathToFileURL(bundle).href);
rmSync(bundle, { force: true });

let source;
try {
  source = juno.checkoutSource(checkout);
} catch (error) {
  console.error(`data: ${error.message}`);
  process.exit(5);
}
const imported = await juno.importReleases(source.read);
if (!imported.ok) {
  for (const problem of imported.problems)
    console.error(`data: ${juno.problemLine(problem.file ?? '', problem)}`);
  process.exit(3);
}
const today = new Date().toISOString().slice(0, 10);
const snapshot =
  values.commit !== undefined
    ? { commit: values.commit, date: values.date, source: juno.UPSTREAM_REPOSITORY }
    : juno.checkoutSnapshot(resolve(checkout), process.env, today);
if (snapshot.commit === 'unknown') {
  console.error(
    `data: ${checkout} is not a git checkout and does not say its commit; give --commit and --date`,
  );
  process.exit(2);
}

// The data as it is now: what changed from it is stamped with the snapshot's date, the rest keeps its stamps.
const before = new Map();
for (const { series } of imported.schedules) {
  const file = root(`data/series/${series}.json`);
  if (!existsSync(file)) continue;
  const read = juno.readBundled(JSON.parse(readFileSync(file, 'utf8')));
  if (read.ok) before.set(series, read.timeline);
}
const files = juno.dataFiles(imported.series, imported.schedules, snapshot, before);
// The bundled list names its JSON Schema, for editors.
files.set(
  'series.json',
  files.get('series.json').replace(/^\{\n/, '{\n  "$schema": "./series.schema.json",\n'),
);

// Written aside, then renamed into place; schedules of series no longer listed go.
const dataDir = root('data');
for (const [path, text] of files) {
  const target = join(dataDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp-${process.pid}`, text);
  renameSync(`${target}.tmp-${process.pid}`, target);
}
const seriesDir = join(dataDir, 'series');
for (const name of existsSync(seriesDir) ? readdirSync(seriesDir) : []) {
  if (!files.has(`series/${name}`)) rmSync(join(seriesDir, name));
}
const bytes = readdirSync(seriesDir).reduce((sum, name) => sum + statSync(join(seriesDir, name)).size, 0);
console.log(
  `data: ${imported.series.length} series from ${snapshot.source} commit ${snapshot.commit} of ${snapshot.date}; ` +
    `${imported.schedules.length} schedules in data/series/ (${bytes} bytes), ` +
    `${imported.unscheduled.length} series from the list alone (${imported.unscheduled.join(', ')})`,
);
