// Bundles the CLI into dist/ as CommonJS, which Node 20 loads faster than ES modules and can run from V8's code
// cache (see src/cli/code-cache.ts):
//   dist/boot.cjs             the first module bin/juno.cjs loads: runs juno.cjs through the code cache
//   dist/juno.cjs             the program; each command's modules are initialised only when it runs
//   dist/vendor/<lib>.cjs     the large libraries, read from disk only by the commands that use them
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const VENDOR = ['yaml'];

/** `import … from 'yaml'` becomes `require('./vendor/yaml.cjs')`, evaluated where the import is. */
const vendorFiles = {
  name: 'vendor-files',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDOR.join('|')})$`) }, (args) => ({
      path: args.path,
      namespace: 'vendor',
    }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `module.exports = require('./vendor/${args.path}.cjs');`,
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

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  // `node scripts/build.mjs --no-minify` keeps names readable, for CPU profiles.
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'linked',
  logLevel: 'warning',
  write: false,
};

/**
 * ical-generator 10.x folds lines with a new TextEncoder per character: seconds for ten thousand events.
 * patches/ical-generator+10.2.0.patch (applied by `npm install`/`npm ci` through patch-package) fixes its
 * source, as 11.x does upstream (which needs Node 22); vitest.config.ts reads the same source.
 */
const ICAL_SOURCE = './node_modules/ical-generator/src/index.ts';
if (
  !readFileSync(new URL('../node_modules/ical-generator/src/tools.ts', import.meta.url), 'utf8').includes(
    'Patched for juno',
  )
) {
  console.error('build: ical-generator is not patched; run `npx patch-package` (npm install does it)');
  process.exit(1);
}

const patchedIcal = {
  name: 'patched-ical-generator',
  setup(b) {
    b.onResolve({ filter: /^ical-generator$/ }, () => ({
      path: fileURLToPath(new URL(`.${ICAL_SOURCE.slice(1)}`, new URL('../', import.meta.url))),
    }));
  },
};

const dist = new URL('../dist/', import.meta.url);
rmSync(dist, { recursive: true, force: true });
const results = await Promise.all([
  build({
    ...common,
    entryPoints: { juno: 'src/cli/run.ts', boot: 'src/cli/boot.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    plugins: [vendorFiles, lazyChildProcess, patchedIcal],
    define: { __JUNO_VERSION__: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
    inject: ['scripts/build/import-meta-url.js'],
    banner: { js: `/*juno-build:${'0'.repeat(16)}*/` },
  }),
  ...VENDOR.map((name) =>
    build({
      ...common,
      // ical-generator is bundled from its TypeScript source, which patches/ corrects (see ICAL_SOURCE).
      stdin: {
        contents:
          name === 'ical-generator'
            ? `export * from '${ICAL_SOURCE}'; export { default } from '${ICAL_SOURCE}';`
            : `module.exports = require('${name}');`,
        resolveDir: '.',
        loader: 'js',
      },
      outfile: `dist/vendor/${name}.cjs`,
    }),
  ),
]);

// Stamp each bundle with a hash of its content, so that a code cache is never used with another build.
for (const file of results.flatMap((r) => r.outputFiles)) {
  let text = file.text;
  if (text.startsWith('/*juno-build:')) {
    const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
    text = text.replace(/^\/\*juno-build:0{16}\*\//, `/*juno-build:${id}*/`);
  }
  mkdirSync(new URL('.', `file://${file.path}`), { recursive: true });
  writeFileSync(file.path, text);
}
