// Bundles the CLI into dist/ as CommonJS, which Node 20 loads faster than ES modules and can run from V8's code
// cache (the start-up machinery and what each trick saves: src/cli/startup/README.md):
//   dist/bin.cjs          the boot (src/cli/startup/boot.ts), the executable (package.json `bin`): runs
//                         juno.cjs through the code cache
//   dist/juno.cjs         the everyday program (src/cli/run.ts without the commands that write files, fetch or
//                         check); each command's modules are initialised only when it runs
//   dist/juno-full.cjs    the program with every command, which the boot runs for any other command line
//   dist/vendor/yaml.cjs  the YAML parser, read from disk only for YAML files (and for JSON syntax errors)
//   dist/THIRD_PARTY_NOTICES.txt  the licence of every package bundled into the files above, with its text
//   dist/build-stamp.json a hash of what the build was made from, so that a stale dist/ can be told
//
//   node scripts/build.mjs [--no-minify] [--if-stale | --prepare | --check]
//     --no-minify  keeps names readable, for CPU profiles
//     --if-stale   builds only when the source differs from what dist/ was built from (the tests' global setup)
//     --prepare    `postprepare`, after `npm install` or `npm ci` in a checkout: patches ical-generator, then
//                  builds if stale; where the build tools are not installed, a fresh dist/ is enough
//     --check      exits 1, building nothing, when dist/ was not built from the source as it is (CI, on a checkout)
//
// dist/ is committed, so that `npm install -g github:OWNER/juno` downloads nothing and builds nothing. Every package
// juno bundles is a devDependency, and package.json has none of the scripts (build, prepare, prepack, install…) that
// make npm prepare a git dependency: it would run `npm install` in the clone, which a global install turns into a
// global install of the clone itself, leaving a link to a deleted folder. So the build is `npm run bundle`, and the
// patch is applied by `postprepare`, which npm runs only for `npm install` and `npm ci` in the checkout.
// A commit that changes an input of the build commits dist/ too; CI checks it (--check).
//
// Files are written aside and renamed into place one by one, never by emptying dist/ first: a juno started by a
// test, or by another build running at the same moment, always finds a whole dist/bin.cjs and dist/juno.cjs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const { version } = JSON.parse(readFileSync(root('package.json'), 'utf8'));

/**
 * Juno's record in the bundled data/series.json, or null: before its end of life (`eolOf`), a run of the bundled
 * timeline has no first-run note, and the bundle knows so without reading the series list (`notes` in
 * src/cli/context.ts).
 */
function junoRecord() {
  const { series } = JSON.parse(readFileSync(root('data/series.json'), 'utf8'));
  return series.find((record) => record.name === 'juno') ?? null;
}

/**
 * What dist/ is made from: the source, this script, the dependencies as locked, the ical-generator patch, and
 * data/series.json, whose Juno record the bundle carries (`junoRecord` below).
 */
const INPUTS = [
  'src',
  'scripts/build.mjs',
  'package.json',
  'package-lock.json',
  'patches',
  'tsconfig.json',
  'data/series.json',
];
const STAMP = 'dist/build-stamp.json';

/** A hash of every input file's path and content. Taken before building: a file changed meanwhile makes it stale. */
function hashInputs() {
  const hash = createHash('sha256');
  const visit = (path) => {
    let entries;
    try {
      entries = readdirSync(root(path)).sort();
    } catch (error) {
      if (error.code === 'ENOENT') return;
      if (error.code !== 'ENOTDIR') throw error;
      hash
        .update(`${path}\0`)
        .update(readFileSync(root(path)))
        .update('\0');
      return;
    }
    for (const name of entries) visit(`${path}/${name}`);
  };
  for (const path of INPUTS) visit(path);
  return hash.digest('hex');
}

/** Whether dist/ was built from these inputs and still has every file that build wrote. */
function isFresh(inputs) {
  try {
    const stamp = JSON.parse(readFileSync(root(STAMP), 'utf8'));
    return stamp.inputs === inputs && stamp.files.every((file) => existsSync(root(file)));
  } catch {
    return false;
  }
}

const inputs = hashInputs();
const flag = (name) => process.argv.includes(name);
if (flag('--check')) {
  if (isFresh(inputs)) process.exit(0);
  console.error('build: dist/ was not built from the current source; run `npm run bundle` and commit dist/');
  process.exit(1);
}
if (flag('--prepare')) {
  const hasBuildTools = existsSync(root('node_modules/esbuild/package.json'));
  if (hasBuildTools) patchIcalGenerator();
  if (isFresh(inputs)) process.exit(0);
  if (!hasBuildTools) {
    console.error(
      'build: dist/ was not built from this source and the build tools are not installed; install from a commit whose dist/ is current, or run `npm install` in a checkout',
    );
    process.exit(1);
  }
} else if (flag('--if-stale')) {
  if (isFresh(inputs)) process.exit(0);
  console.error('build: dist/ was not built from the current source; building it');
}

/** Applies patches/ (patch-package skips a patch already applied). */
function patchIcalGenerator() {
  const result = spawnSync(process.execPath, [root('node_modules/patch-package/index.js')], {
    cwd: root('.'),
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Imported here, so that the checks above need nothing but Node.
const { build } = await import('esbuild');

/** `import … from 'yaml'` becomes `require('./vendor/yaml.cjs')`, evaluated where the import is. */
const yamlApart = {
  name: 'yaml-apart',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, () => ({
      contents: "module.exports = require('./vendor/yaml.cjs');",
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/**
 * A plugin that puts a stand-in, `contents`, where the bundle imports a module matching `filter`: every import of
 * it is the one module `path` in the plugin's namespace. The stand-in's own require of the real module resolves as
 * usual (from `resolveDir` when given).
 */
function standIn(name, { filter, path, contents, resolveDir }) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, (args) => (args.namespace === name ? undefined : { path, namespace: name }));
      b.onLoad({ filter: /.*/, namespace: name }, () => ({
        contents,
        loader: 'js',
        ...(resolveDir === undefined ? {} : { resolveDir }),
      }));
    },
  };
}

/**
 * node:child_process pulls in net, dgram, stream and more when it loads: it is required on first use instead.
 * commander requires it when it loads, for executable subcommands, which juno does not have; `export` imports it
 * for git (src/cli/git.ts), which it runs only when nothing else dates the calendar; `update` for its snapshot.
 * The stand-in's own require is Node's module.
 */
const lazyChildProcess = standIn('lazy-child-process', {
  filter: /^(node:)?child_process$/,
  path: 'child_process',
  contents: [
    'module.exports = {',
    "  get spawn() { return require('node:child_process').spawn; },",
    "  get spawnSync() { return require('node:child_process').spawnSync; },",
    '};',
  ].join('\n'),
});

/**
 * date-fns's `format` is initialised on its first call rather than at start-up: the patterns of the commonest
 * commands are written without it (see formatDay in src/timeline/day.ts), and its locale data is a noticeable
 * part of start-up. It stays in the bundle, so the code cache covers it.
 */
const lazyDateFns = standIn('lazy-date-fns', {
  filter: /^date-fns\/format$/,
  path: 'date-fns/format',
  contents: "let m; module.exports = { get format() { return (m ??= require('date-fns/format')).format; } };",
  resolveDir: root('.'),
});

/**
 * ical-generator 10.x folds lines with a new TextEncoder per character: seconds for ten thousand events.
 * patches/ical-generator+10.2.0.patch (applied by patch-package when `npm install` or `npm ci` runs `postprepare`)
 * fixes its TypeScript source, as 11.x does upstream (which needs Node 22), and that source is what is bundled;
 * vitest.config.ts points tests at the same source. When juno requires Node 22: upgrade ical-generator, delete
 * patches/, this plugin and its check, the alias in vitest.config.ts, and patch-package (devDependencies and
 * `postprepare` in package.json).
 */
const ICAL_SOURCE = root('node_modules/ical-generator/src/index.ts');
if (!readFileSync(root('node_modules/ical-generator/src/tools.ts'), 'utf8').includes('Patched for juno')) {
  console.error('build: ical-generator is not patched; run `npx patch-package` (npm install does it)');
  process.exit(1);
}
const patchedIcal = {
  name: 'patched-ical-generator',
  setup(b) {
    b.onResolve({ filter: /^ical-generator$/ }, () => ({ path: ICAL_SOURCE }));
  },
};

const common = {
  absWorkingDir: root('.'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  write: false,
};

/**
 * The commands of the everyday program, dist/juno.cjs, from src/cli/startup/argv.ts (which the boot reads to choose
 * between the two programs): the source compiled on the fly, so that the list is written once.
 */
async function everydayCommands() {
  const { outputFiles } = await build({
    entryPoints: [root('src/cli/startup/argv.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const text = outputFiles[0].text;
  const { EVERYDAY_COMMANDS } = await import(
    `data:text/javascript;base64,${Buffer.from(text).toString('base64')}`
  );
  return EVERYDAY_COMMANDS;
}
const EVERYDAY = await everydayCommands();

/**
 * In the everyday program, a command the boot never runs it for (src/cli/startup/argv.ts) is a stand-in that says
 * so: the command's modules (ical-generator and the SVG for export, the publisher, the updater) stay out of it.
 */
const everydayOnly = {
  name: 'everyday-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => {
      if (!args.importer.endsWith(join('src', 'cli', 'commands', 'index.ts'))) return undefined;
      const name = args.path.slice(2, -3);
      if (EVERYDAY.has(name)) return undefined;
      if (args.kind !== 'dynamic-import')
        return {
          errors: [
            { text: `commands/${name}.ts is imported statically; the registry loads commands with import()` },
          ],
        };
      return { path: name, namespace: 'not-everyday' };
    });
    b.onLoad({ filter: /.*/, namespace: 'not-everyday' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`juno ${args.path} is in dist/juno-full.cjs, not in the everyday program`)});`,
      loader: 'js',
    }));
  },
};

/**
 * commander's own modules, without its package entry and that of @commander-js/extra-typings (whose classes are
 * commander's; the rest is types): each entry makes a global program juno never uses, two `new Command()` at
 * every start.
 */
const commanderDirect = standIn('commander-direct', {
  filter: /^@commander-js\/extra-typings$/,
  path: 'commander',
  contents: [
    "export { Argument } from './node_modules/commander/lib/argument.js';",
    "export { Command } from './node_modules/commander/lib/command.js';",
    "export { CommanderError, InvalidArgumentError } from './node_modules/commander/lib/error.js';",
    "export { Option } from './node_modules/commander/lib/option.js';",
  ].join('\n'),
  resolveDir: root('.'),
});

/** A program: `everyday` is dist/juno.cjs, else dist/juno-full.cjs with every command. */
const program = (everyday) => ({
  ...common,
  entryPoints: { [everyday ? 'juno' : 'juno-full']: 'src/cli/run.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  plugins: [
    ...(everyday ? [everydayOnly] : []),
    commanderDirect,
    yamlApart,
    lazyChildProcess,
    lazyDateFns,
    patchedIcal,
  ],
  // The bundle finds its files from `__dirname`; `import.meta.url` is only in code for running from source.
  define: {
    __JUNO_VERSION__: JSON.stringify(version),
    __JUNO_BUNDLE__: 'true',
    // As the text of its JSON: an object defined as such would be a module every other one initialises first.
    __JUNO_BUNDLED_RECORD__: JSON.stringify(JSON.stringify(junoRecord())),
    'import.meta.url': 'undefined',
  },
  banner: { js: `/*juno-build:${'0'.repeat(16)}*/` },
});

const results = await Promise.all([
  build(program(true)),
  build(program(false)),
  build({
    ...common,
    entryPoints: { bin: 'src/cli/startup/boot.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    stdin: { contents: "module.exports = require('yaml');", resolveDir: root('.'), loader: 'js' },
    outfile: 'dist/vendor/yaml.cjs',
  }),
]);

/** Writes a file aside and renames it into place, so that nobody reading it sees a missing or half file. */
function replaceFile(path, content, mode = 0o644) {
  mkdirSync(dirname(path), { recursive: true });
  const aside = `${path}.${process.pid}.partial`;
  writeFileSync(aside, content, { mode });
  renameSync(aside, path);
}

// The program is stamped with a hash of its content and of the YAML parser it loads, so that neither a code cache
// nor a kept import (src/cli/timeline-cache.ts) is ever used with another build of either.
// The YAML parser goes first and the boot last, so that a juno starting meanwhile finds what it loads.
const outputs = results.flatMap((r) => r.outputFiles);
// The boot reads the program as Latin-1 when it is ASCII, which costs far less than UTF-8 (src/cli/startup/
// README.md). esbuild escapes everything else except inside a regular expression literal: write `\u2026` there.
for (const file of outputs) {
  const at = file.text.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    const line = file.text.slice(0, at).split('\n').length;
    console.error(
      `build: ${relative(root('.'), file.path)}:${line}: ${JSON.stringify(file.text.slice(Math.max(0, at - 40), at + 10))} is not ASCII; escape it in the source (\\uXXXX)`,
    );
    process.exit(1);
  }
}
// The texts as written (Node's modules taken from the process), and one stamp for both programs and the YAML
// parser they load.
const texts = new Map(
  outputs.map((file) => [
    file.path,
    file.path.endsWith('yaml.cjs') ? file.text : builtinsFromProcess(file.text),
  ]),
);
const stampHash = createHash('sha256');
for (const [path, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1)))
  if (text.startsWith('/*juno-build:') || path.endsWith('vendor/yaml.cjs')) stampHash.update(text);
const buildId = stampHash.digest('hex').slice(0, 16);
const files = outputs
  .sort((a, b) => rank(a.path) - rank(b.path))
  .map((file) => {
    let text = texts.get(file.path);
    if (text.startsWith('/*juno-build:'))
      text = text.replace(/^\/\*juno-build:0{16}\*\//, `/*juno-build:${buildId}*/`);
    // The boot keeps a shebang and the executable bit, so that it can also be run directly.
    if (file.path.endsWith('bin.cjs')) replaceFile(file.path, `#!/usr/bin/env node\n${text}`, 0o755);
    else replaceFile(file.path, text);
    return relative(root('.'), file.path);
  });
/**
 * Node's own modules through `process.getBuiltinModule` (Node 20.16 and later), which hands over the module as Node
 * has it, rather than `require`, whose first calls in a run go through the module loader (its resolution and its
 * debug logging, each compiled on first use): some 75 µs of the six modules a start takes, in a fresh process.
 * esbuild writes every import of one as `require("node:…")`; a plugin making them modules of the bundle would
 * wrap each in an ES-module namespace, a getter per export.
 */
function builtinsFromProcess(text) {
  const replaced = text.replace(/\brequire\("(node:[a-z_/]+)"\)/g, 'process.getBuiltinModule("$1")');
  if (
    /\brequire\(["'](node:)?(fs|path|vm|buffer|events|process|child_process|os|tty|url|zlib)["']\)/.test(
      replaced,
    )
  ) {
    console.error('build: a bundle requires a Node module by another name than node:…');
    process.exit(1);
  }
  return replaced;
}
function rank(path) {
  return path.endsWith('bin.cjs') ? 2 : path.endsWith('.cjs') && !path.includes('vendor') ? 1 : 0;
}

/**
 * The notices of the third-party packages in the bundle: each one esbuild read a file of, with its name, version,
 * licence and the licence text it ships. They are devDependencies, so an install downloads none of them, and
 * their licences travel in dist/ instead.
 */
function thirdPartyNotices() {
  const packages = new Map();
  for (const input of results.flatMap((r) => Object.keys(r.metafile.inputs))) {
    if (input.includes(':')) continue; // a stand-in the build made
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match && !packages.has(match[1])) packages.set(match[1], root(match[1]));
  }
  const sections = [...packages.values()]
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const licenceFile = readdirSync(dir)
        .sort()
        .find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
      if (!licenceFile)
        throw new Error(`build: ${manifest.name} ships no licence file to put in the notices`);
      const text = readFileSync(join(dir, licenceFile), 'utf8').trim();
      return {
        name: manifest.name,
        heading: `${manifest.name} ${manifest.version} (${manifest.license})`,
        text,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const rule = '-'.repeat(78);
  return [
    `juno ${version} bundles the following packages into dist/. Their licences follow.`,
    ...sections.map(({ heading, text }) => `${rule}\n${heading}\n${rule}\n\n${text}`),
  ].join('\n\n');
}
const NOTICES = 'dist/THIRD_PARTY_NOTICES.txt';
replaceFile(root(NOTICES), `${thirdPartyNotices()}\n`);
files.push(NOTICES);

// Files an earlier build wrote and this one did not, and files left aside by a build that was interrupted.
const kept = new Set([...files, STAMP]);
const writing = /\.(\d+)\.partial$/;
const isRunning = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
for (const entry of readdirSync(root('dist'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = relative(root('.'), join(entry.parentPath, entry.name));
  const pid = writing.exec(path)?.[1];
  if (!kept.has(path) && !(pid && isRunning(Number(pid)))) rmSync(root(path), { force: true });
}
replaceFile(root(STAMP), `${JSON.stringify({ inputs, files }, null, 2)}\n`);
