// Bundles the CLI into dist/: one entry file, plus chunks for the modules only some commands need.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { juno: 'src/cli/run.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  legalComments: 'linked',
  // Chunks sit beside the entry, so every module finds data/ at ../data/.
  chunkNames: '[name]-[hash]',
  define: { __JUNO_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies (cli-table3) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __junoRequire } from 'node:module'; const require = __junoRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
