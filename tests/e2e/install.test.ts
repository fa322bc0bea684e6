// The package installed as users install it: `npm install -g` from the packed tarball and from a git repository,
// into an empty prefix, with an empty npm cache and --offline, so that an install needing any download fails.
// dist/ bundles everything juno runs, so neither install may fetch a dependency or run a build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, SPAWN_GUARD, tempDir } from '../helpers.js';

const INSTALL_TIMEOUT_MS = 120_000;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** npm's home for these runs (its logs and notices go there): never the checkout. In the run's own temp folder. */
const NPM_HOME = mkdtempSync(join(tmpdir(), 'juno-npm-home-'));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      HOME: NPM_HOME,
      TZ: 'UTC',
      NO_COLOR: '1',
    },
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** `npm install -g SPEC` into a new prefix, offline with an empty cache; the installed package's folder. */
function installGlobally(spec: string, dir: string): { prefix: string; installed: string } {
  const prefix = join(dir, 'prefix');
  const cache = join(dir, 'cache');
  run(
    'npm',
    ['install', '-g', spec, '--prefix', prefix, '--cache', cache, '--offline', '--no-audit', '--no-fund'],
    dir,
  );
  return { prefix, installed: join(prefix, 'lib/node_modules/juno') };
}

async function expectWorking({ prefix, installed }: { prefix: string; installed: string }) {
  expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('Apache License');
  const notices = readFileSync(join(installed, 'dist/THIRD_PARTY_NOTICES.txt'), 'utf8');
  for (const name of ['chalk', 'commander', 'date-fns', 'ical-generator', 'yaml'])
    expect(notices).toContain(name);
  const juno = join(prefix, 'bin/juno');
  expect(run(juno, ['--version'], prefix)).toBe(`${manifest.version}\n`);
  const expected = (await runMain(['next', '--date', '2014-09-21'])).stdout;
  expect(run(juno, ['next', '--date', '2014-09-21'], prefix)).toBe(expected);
}

describe('the package', () => {
  it('has no runtime dependency and no script that makes npm prepare a git dependency', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    // pacote runs `npm install` in a git dependency's clone when one of these exists; for a global install that
    // installs the clone itself globally (see scripts/build.mjs).
    for (const script of ['build', 'prepare', 'prepack', 'preinstall', 'install', 'postinstall'])
      expect(manifest.scripts).not.toHaveProperty(script);
    expect(manifest.engines.node).toMatch(/\^26\./);
  });
});

describe('npm install -g', SPAWN_GUARD, () => {
  it(
    'from the packed tarball downloads nothing and gives a working juno',
    async () => {
      const dir = tempDir();
      const name = run(
        'npm',
        ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir],
        ROOT,
      ).trim();
      await expectWorking(installGlobally(join(dir, name), dir));
    },
    INSTALL_TIMEOUT_MS,
  );

  it(
    'from a git repository downloads nothing, builds nothing and gives a working juno',
    async () => {
      // The working tree as it would be committed, with a dist/ built from it.
      const dir = tempDir();
      const repo = join(dir, 'repo');
      const tracked = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT);
      for (const path of tracked.split('\0').filter((p) => p && !p.startsWith('dist/'))) {
        if (!existsSync(join(ROOT, path))) continue;
        mkdirSync(dirname(join(repo, path)), { recursive: true });
        cpSync(join(ROOT, path), join(repo, path));
      }
      symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
      run(process.execPath, ['scripts/build.mjs'], repo);
      rmSync(join(repo, 'node_modules'));
      const git = ['-c', 'user.name=juno', '-c', 'user.email=juno@example.org', '-c', 'commit.gpgsign=false'];
      run('git', ['init', '-q'], repo);
      run('git', ['add', '-A'], repo);
      run('git', [...git, 'commit', '-q', '-m', 'juno'], repo);
      expect(run('git', ['ls-files', 'dist'], repo)).toContain('dist/juno.cjs');
      await expectWorking(installGlobally(`git+file://${repo}`, dir));
    },
    INSTALL_TIMEOUT_MS,
  );
});
