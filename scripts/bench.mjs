// `npm run bench`: measures the built CLI as whole processes. It builds nothing itself (run `npm run bundle`
// first; a checkout has a committed one) and asserts nothing: it prints a table, with the targets of the issue beside the
// figures for reading, and writes the figures to bench/results.json.
//
//   node scripts/bench.mjs [--pairs N] [--sizes 1000,10000,100000] [--quick]
//   node scripts/bench.mjs --markdown     (prints bench/results.json as CONTRIBUTING.md's tables; measures nothing)
//
// Measured processes write to a pipe, as in scripts and CI. Wall-clock times on a shared machine are noisy:
// start-up pairs are interleaved so that both sides see the same load, and the load average is recorded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist/bin.cjs');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');

if (args.includes('--markdown')) {
  printMarkdown(JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')));
  process.exit(0);
}

/** The figures of a results file as CONTRIBUTING.md shows them. */
function printMarkdown({ machine, pairs, startup, scale }) {
  const yes = (ok) => (ok ? 'yes' : 'no');
  const n = (value) => value.toLocaleString('en-US');
  console.log(
    `Latest figures (${machine.date}, commit ${machine.commit}, Node ${machine.node}, ${machine.cpus}, ${machine.memoryGiB} GiB, ${machine.platform}; load average ${machine.loadAverage.start.join(' ')} at the start; ${pairs} pairs):\n`,
  );
  console.log(
    '| Start-up | `node -e 0` | juno | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const r of startup) {
    const target = r.target ? `≤ ${r.target.toFixed(2)}×` : '–';
    console.log(
      `| \`${r.command}\` | ${r.nodeMedianMs} ms | ${r.junoMedianMs} ms | ${r.ratio.toFixed(2)}× | ${target} | ${r.target ? yes(r.ratio <= r.target) : '–'} |`,
    );
  }
  console.log(
    '\n| Scale | events | time | peak RSS | growth ×10 | target | met |\n| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of scale) {
    const checks = scaleTargets(r);
    const target = checks.map(([label]) => label).join(', ') || '–';
    const met = checks.length > 0 ? yes(checks.every(([, ok]) => ok)) : '–';
    console.log(
      `| \`${r.command}\` | ${n(r.events)} | ${r.seconds.toFixed(3)} s | ${r.peakRssMB} MB | ${r.growth === null ? '–' : `${r.growth}×`} | ${target} | ${met} |`,
    );
  }
}
/** Each target of a scale row, with whether the row meets it: `[['≤ 3 s', true], ['≤ 400 MB', true]]`. */
function scaleTargets(r) {
  const t = r.target ?? {};
  return [
    ...(t.seconds !== undefined ? [[`≤ ${t.seconds} s`, r.seconds <= t.seconds]] : []),
    ...(t.peakRssMB !== undefined ? [[`≤ ${t.peakRssMB} MB`, r.peakRssMB <= t.peakRssMB]] : []),
  ];
}

const PAIRS = Number(option('--pairs', quick ? '15' : '25'));
const WARMUP = 5;
const SIZES = option('--sizes', quick ? '1000,10000' : '1000,10000,100000')
  .split(',')
  .map(Number);

if (!existsSync(join(root, 'dist/juno.cjs'))) {
  console.error('bench: dist/juno.cjs is missing; run `npm run bundle` first');
  process.exit(2);
}

const loadAtStart = loadavg().map((l) => +l.toFixed(2));
const work = mkdtempSync(join(tmpdir(), 'juno-bench-'));
const rssFile = join(work, 'rss');
// Preloaded into measured processes: writes the peak resident set size (KiB) when the process exits.
const rssProbe = join(work, 'rss-probe.cjs');
writeFileSync(
  rssProbe,
  `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);

const env = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', NO_COLOR: '1' };

function timeRun(argv, { probe = false } = {}) {
  const nodeArgs = probe ? ['--require', rssProbe, ...argv] : argv;
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, nodeArgs, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${argv.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  }
  // maxRSS is in KiB; the targets are in MB (10^6 bytes).
  const rssMB = probe ? (Number(readFileSync(rssFile, 'utf8')) * 1024) / 1e6 : null;
  return { ms, rssMB };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Start-up: `node -e 0` and a juno command, interleaved A, B, A, B ... after a warm-up of both.
const STARTUP = [
  { name: 'juno next', argv: [bin, 'next', '--date', '2014-09-21'], target: 1.25 },
  { name: 'juno schedule', argv: [bin, 'schedule', '--date', '2014-09-21'], target: 1.3 },
  { name: 'juno export', argv: [bin, 'export'], target: 1.5 },
  { name: 'juno --help', argv: [bin, '--help'], target: null },
  {
    name: 'juno --series indri next',
    argv: [bin, '--series', 'indri', 'next', '--date', '2026-11-29'],
    target: 1.25,
  },
];
// A real openstack/releases schedule, read again as a release manager does (the import is kept after the warm-up).
const RELEASES = process.env.JUNO_OPENSTACK_RELEASES ?? join(root, '../shared/reference/openstack-releases');
const INDRI = join(RELEASES, 'doc/source/indri/schedule.yaml');
if (existsSync(INDRI))
  STARTUP.push({
    name: 'juno schedule --timeline indri/schedule.yaml',
    argv: [bin, 'schedule', '--timeline', INDRI, '--date', '2026-11-29'],
    target: 1.3,
  });
else console.error(`bench: ${INDRI} not found; reading a real schedule is not measured`);
const floor = ['-e', '0'];
const startup = [];
for (const command of STARTUP) {
  for (let i = 0; i < WARMUP; i++) {
    timeRun(floor);
    timeRun(command.argv);
  }
  const a = [];
  const b = [];
  const ratios = [];
  for (let i = 0; i < PAIRS; i++) {
    const base = timeRun(floor).ms;
    const cli = timeRun(command.argv).ms;
    a.push(base);
    b.push(cli);
    ratios.push(cli / base);
  }
  startup.push({
    command: command.name,
    pairs: PAIRS,
    nodeMedianMs: +median(a).toFixed(1),
    junoMedianMs: +median(b).toFixed(1),
    ratio: +median(ratios).toFixed(3),
    target: command.target,
  });
  process.stderr.write('.');
}

// Scale: generated timelines, one process per measurement (the median of three, one for the largest).
function generate(count) {
  const kinds = ['milestone', 'freeze', 'deadline', 'rc', 'release', 'summit', 'other'];
  const events = [];
  const base = Date.UTC(2010, 0, 4);
  for (let i = 0; i < count; i++) {
    const start = new Date(base + (i % 5000) * 86_400_000).toISOString().slice(0, 10);
    const kind = kinds[i % kinds.length];
    const end =
      kind === 'summit' ? new Date(base + ((i % 5000) + 4) * 86_400_000).toISOString().slice(0, 10) : start;
    events.push({
      id: `event-${i}`,
      name: `Generated ${kind} number ${i}, with a name long enough to be folded in calendars — ünïcödé`,
      kind,
      start,
      end,
      confidence: 'confirmed',
      sources: [`https://example.org/events/${i}`],
      notes: `Event ${i}; generated for the benchmark.`,
      aliases: [`e${i}`],
    });
  }
  events.push({ id: 'release', name: 'Release', kind: 'release', start: '2024-01-04' });
  const file = join(work, `timeline-${count}.json`);
  writeFileSync(file, JSON.stringify({ series: 'bench', updated: '2026-01-01T00:00:00Z', events }));
  return file;
}

// Targets (seconds, MB) by events; null where the issue sets none.
const SCALE = [
  {
    name: 'schedule --format json',
    argv: (file) => [bin, 'schedule', '--format', 'json', '--timeline', file, '--date', '2014-09-21'],
    targets: { 10000: { seconds: 0.5 }, 100000: { seconds: 3, peakRssMB: 400 } },
  },
  {
    name: 'export (ics)',
    argv: (file) => [bin, 'export', '--timeline', file],
    targets: { 10000: { seconds: 1 }, 100000: { seconds: 6, peakRssMB: 600 } },
  },
  { name: 'validate', argv: (file) => [bin, 'validate', file], targets: {} },
];
const scale = [];
for (const size of SIZES) {
  const file = generate(size);
  for (const command of SCALE) {
    const runs = size >= 100_000 ? 1 : 3;
    const samples = Array.from({ length: runs }, () => timeRun(command.argv(file), { probe: true }));
    scale.push({
      command: command.name,
      events: size,
      runs,
      seconds: +(median(samples.map((s) => s.ms)) / 1000).toFixed(3),
      peakRssMB: +Math.max(...samples.map((s) => s.rssMB)).toFixed(1),
      target: command.targets[size] ?? null,
    });
    process.stderr.write('.');
  }
}
process.stderr.write('\n');
for (const row of scale) {
  const previous = scale.find((r) => r.command === row.command && r.events * 10 === row.events);
  row.growth = previous ? +(row.seconds / previous.seconds).toFixed(2) : null;
}

const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
const machine = {
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString().slice(0, 10),
  commit: git.status === 0 ? git.stdout.trim() : null,
  loadAverage: { start: loadAtStart, end: loadavg().map((l) => +l.toFixed(2)) },
};

console.log(`juno benchmark on ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
console.log(
  `load average ${machine.loadAverage.start.join(' ')} at the start, ${machine.loadAverage.end.join(' ')} at the end\n`,
);
const mark = (ok) => (ok ? '✓' : '✗');
console.log('Start-up (median of interleaved pairs against `node -e 0`)');
console.log('command          node -e 0   juno      ratio   target');
for (const r of startup) {
  console.log(
    `${r.command.padEnd(16)} ${`${r.nodeMedianMs} ms`.padEnd(11)} ${`${r.junoMedianMs} ms`.padEnd(9)} ${`${r.ratio.toFixed(2)}×`.padEnd(7)} ${r.target ? `≤ ${r.target}× ${mark(r.ratio <= r.target)}` : ''}`,
  );
}
console.log('\nScale (generated timelines; growth = time ÷ time at a tenth of the events)');
console.log('command                  events    seconds   peak RSS    growth   target');
for (const r of scale) {
  const target = scaleTargets(r)
    .map(([label, ok]) => `${label} ${mark(ok)}`)
    .join(', ');
  console.log(
    `${r.command.padEnd(24)} ${String(r.events).padEnd(9)} ${r.seconds.toFixed(3).padEnd(9)} ${`${r.peakRssMB} MB`.padEnd(11)} ${(r.growth === null ? '' : `${r.growth}×`).padEnd(8)} ${target}`,
  );
}

mkdirSync(join(root, 'bench'), { recursive: true });
const out = join(root, 'bench/results.json');
writeFileSync(out, `${JSON.stringify({ machine, pairs: PAIRS, startup, scale }, null, 2)}\n`);
console.log(`\nFigures written to ${out}`);
rmSync(work, { recursive: true, force: true });
