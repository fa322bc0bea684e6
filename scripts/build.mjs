// Bundles the CLI into dist/ as CommonJS, which Node 20 loads faster than ES modules and can run from V8's code
// cache (see src/cli/code-cache.ts):
//   dist/bin.cjs         the boot, required by the executable bin/juno.js: runs juno.cjs through the code cache
//   dist/juno.cjs        the program; each command's modules are initialised only when it runs
//   dist/vendor/yaml.cjs the YAML parser, read from disk only for YAML files (and for JSON syntax errors)
//
//   node scripts/build.mjs [--no-minify]     (--no-minify keeps names readable, for CPU profiles)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const { version } = JSON.parse(readFileSync(root('package.json'), 'utf8'));

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
 * commander requires node:child_process when it loads, for executable subcommands, which juno does not have;
 * that module pulls in net, dgram and more. It is required on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
      loader: 'js',
    }));
  },
};

/**
 * date-fns's `format` is initialised on its first call rather than at start-up: the patterns of the commonest
 * commands are written without it (see formatDay in src/timeline/day.ts), and its locale data is a noticeable
 * part of start-up. It stays in the bundle, so the code cache covers it.
 */
const lazyDateFns = {
  name: 'lazy-date-fns',
  setup(b) {
    b.onResolve({ filter: /^date-fns\/format$/ }, (args) =>
      args.namespace === 'lazy-date-fns'
        ? undefined
        : { path: 'date-fns/format', namespace: 'lazy-date-fns' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-date-fns' }, () => ({
      contents:
        "let m; module.exports = { get format() { return (m ??= require('date-fns/format')).format; } };",
      loader: 'js',
      resolveDir: root('.'),
    }));
  },
};

/**
 * ical-generator 10.x folds lines with a new TextEncoder per character: seconds for ten thousand events.
 * patches/ical-generator+10.2.0.patch (applied by patch-package when `npm install` or `npm ci` runs `prepare`)
 * fixes its TypeScript source, as 11.x does upstream (which needs Node 22), and that source is what is bundled;
 * vitest.config.ts points tests at the same source. Drop all three when juno requires Node 22.
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
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'linked',
  logLevel: 'warning',
  write: false,
};

rmSync(root('dist'), { recursive: true, force: true });
const results = await Promise.all([
  build({
    ...common,
    entryPoints: { juno: 'src/cli/run.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    plugins: [yamlApart, lazyChildProcess, lazyDateFns, patchedIcal],
    // The bundle finds its files from `__dirname`; `import.meta.url` is only in code for running from source.
    define: {
      __JUNO_VERSION__: JSON.stringify(version),
      __JUNO_BUNDLE__: 'true',
      'import.meta.url': 'undefined',
    },
    banner: { js: `/*juno-build:${'0'.repeat(16)}*/` },
  }),
  build({
    ...common,
    entryPoints: { bin: 'src/cli/boot.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    stdin: { contents: "module.exports = require('yaml');", resolveDir: '.', loader: 'js' },
    outfile: 'dist/vendor/yaml.cjs',
  }),
]);

// Stamp the program with a hash of its content, so that a code cache is never used with another build.
for (const file of results.flatMap((r) => r.outputFiles)) {
  let text = file.text;
  if (text.startsWith('/*juno-build:')) {
    const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
    text = text.replace(/^\/\*juno-build:0{16}\*\//, `/*juno-build:${id}*/`);
  }
  mkdirSync(dirname(file.path), { recursive: true });
  // The boot keeps a shebang and the executable bit, so that it can also be run directly.
  if (file.path.endsWith('bin.cjs'))
    writeFileSync(file.path, `#!/usr/bin/env node\n${text}`, { mode: 0o755 });
  else writeFileSync(file.path, text);
}
