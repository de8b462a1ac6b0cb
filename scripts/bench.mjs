/* eslint-disable no-console */
// `npm run bench [-- --quick]`: the benchmark suite of issue 11 in one run on one machine.
// Installs what the sections need (Chromium, PostgreSQL server binaries; as .ci/run does),
// runs the five sections in order, each a separate command bounded in time that writes
// bench-results/<section>.json, then prints one combined report with the machine it ran on and
// writes bench-results/bench.json (and bench.md, the same tables in Markdown). A section that
// fails or is missing is reported as such and the others still run; the exit code is non-zero
// when any failed. `--only=engine,overview` runs some of the sections.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'bench-results');
const quick = process.argv.includes('--quick');
const only = process.argv
  .find(a => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const scripts =
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
    .scripts ?? {};

/**
 * The first section that needs the synthetic catalog ingests it into Backstage's catalog and
 * keeps a dump (bench-results/.catalog-cache); that takes 20-40 minutes here. Until a dump of
 * the size exists, the sections that may ingest get that much more time.
 */
const catalogSize = quick ? 500 : 10000;
const catalogCacheDir = path.join(resultsDir, '.catalog-cache');
const catalogCached =
  fs.existsSync(catalogCacheDir) &&
  fs
    .readdirSync(catalogCacheDir)
    .some(
      f => f.startsWith(`catalog-${catalogSize}-`) && f.endsWith('.pgdump'),
    );
const ingesting = catalogCached ? 0 : quick ? 20 : 60;

/** The sections in order, the root script that runs each, and its time bound in minutes. */
const SECTIONS = [
  { section: 'engine', script: 'bench:engine', minutes: quick ? 5 : 15 },
  {
    section: 'scoring-run',
    script: 'bench:scoring-run',
    minutes: (quick ? 10 : 30) + ingesting,
  },
  {
    section: 'http',
    script: 'bench:http',
    minutes: (quick ? 10 : 30) + ingesting,
  },
  {
    section: 'tech-insights',
    script: 'bench:tech-insights',
    minutes: (quick ? 15 : 45) + ingesting,
  },
  {
    section: 'overview',
    script: 'bench:overview',
    minutes: (quick ? 15 : 40) + ingesting,
  },
];

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map(l => Number(l.toFixed(2))),
  };
}

// --- What the sections need: the same checks and installs as .ci/run. ---

function asRoot(args) {
  const isRoot = process.getuid?.() === 0;
  const [cmd, ...rest] = isRoot ? args : ['sudo', '-n', ...args];
  return spawnSync(cmd, rest, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
  });
}

const commandExists = name =>
  spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const hasPostgres = () =>
  commandExists('initdb') ||
  (fs.existsSync('/usr/lib/postgresql') &&
    fs
      .readdirSync('/usr/lib/postgresql')
      .some(v => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));
const hasChromium = () =>
  [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].some(p => p && fs.existsSync(p));

function ensurePrerequisites() {
  const missing = [
    ...(hasPostgres()
      ? []
      : [{ pkg: 'postgresql', what: 'PostgreSQL server binaries' }]),
    ...(hasChromium() ? [] : [{ pkg: 'chromium', what: 'Chromium' }]),
  ];
  if (missing.length === 0) return [];
  const problems = [];
  const update = asRoot(['apt-get', 'update', '-qq']);
  for (const { pkg, what } of missing) {
    console.log(`Installing ${what} (apt-get install ${pkg})`);
    const result =
      update.status === 0
        ? asRoot(['apt-get', 'install', '-y', '-qq', pkg])
        : update;
    if (result.status !== 0) {
      problems.push(
        `could not install ${what} (${pkg}): ${(
          result.stderr ||
          result.stdout ||
          result.error?.message ||
          ''
        )
          .trim()
          .split('\n')
          .pop()}`,
      );
    }
  }
  for (const p of problems)
    console.warn(`warning: ${p}; the sections that need it will fail`);
  return problems;
}

/**
 * The sections that run the built backend build our packages with `backstage-cli package
 * build`, which bundles their type declarations from `dist-types/`: on a fresh clone nothing
 * has emitted them yet. `tsc` emits them (type errors are CI's concern, not the benchmark's).
 */
function emitTypeDeclarations() {
  console.log('Emitting type declarations (tsc) for the package builds');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 10 * 60_000,
    },
  );
  const emitted = fs.existsSync(
    path.join(root, 'dist-types/plugins/microservices-common/src/index.d.ts'),
  );
  console.log(`tsc: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return emitted
    ? []
    : [
        `tsc emitted no type declarations (${(
          result.stderr ||
          result.stdout ||
          result.error?.message ||
          `exit ${result.status}`
        )
          .trim()
          .split('\n')
          .pop()}); the sections that build the backend will fail`,
      ];
}

// --- Running one section. ---

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) {
      try {
        process.kill(-current.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    process.exit(130);
  });
}

/** Runs `npm run <script>` in its own process group; resolves with its exit and last lines. */
function runScript(script, minutes) {
  return new Promise(resolve => {
    const started = Date.now();
    const child = spawn(
      'npm',
      ['run', '--silent', script, ...(quick ? ['--', '--quick'] : [])],
      {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    current = child;
    let tail = '';
    const keep = chunk => {
      tail = (tail + chunk).slice(-4000);
    };
    child.stdout.on('data', chunk => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', chunk => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    let timedOut = false;
    const kill = sig => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      // The sections stop what they started on SIGTERM; whatever is left after 30 s is killed.
      setTimeout(() => kill('SIGKILL'), 30_000).unref();
    }, minutes * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({
        code,
        signal,
        timedOut,
        tail,
        durationMs: Date.now() - started,
      });
    });
  });
}

async function runSection({ section, script, minutes }) {
  console.log(
    `\n=== ${section} (npm run ${script}${
      quick ? ' -- --quick' : ''
    }; at most ${minutes} min) ===`,
  );
  if (!scripts[script]) {
    console.log(
      `not available: the root package.json has no script "${script}"`,
    );
    return {
      section,
      status: 'not available',
      error: `no root script "${script}"`,
    };
  }
  const file = path.join(resultsDir, `${section}.json`);
  const started = Date.now();
  const run = await runScript(script, minutes);
  const fresh = fs.existsSync(file) && fs.statSync(file).mtimeMs >= started;
  const result = fresh ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
  let error;
  if (run.timedOut) error = `stopped after ${minutes} min`;
  else if (run.code !== 0) error = `exited with ${run.code ?? run.signal}`;
  else if (!result) error = `wrote no bench-results/${section}.json`;
  if (error) {
    const lastLines = run.tail.trim().split('\n').slice(-8).join('\n');
    return {
      section,
      status: 'failed',
      error: `${error}${lastLines ? `:\n${lastLines}` : ''}`,
      durationMs: run.durationMs,
      result,
    };
  }
  return { section, status: 'ok', durationMs: run.durationMs, result };
}

// --- The report. ---

const cellText = cell =>
  cell === null || cell === undefined ? '–' : String(cell);

function textTable(columns, rows) {
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...rows.map(r => cellText(r[i]).length)),
  );
  const line = cells =>
    cells
      .map((c, i) =>
        i === 0
          ? cellText(c).padEnd(widths[i])
          : cellText(c).padStart(widths[i]),
      )
      .join('  ');
  return [
    line(columns),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

function markdownTable(columns, rows) {
  const numeric = columns.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every(r => typeof r[i] === 'number' || r[i] === null),
  );
  const cell = c => cellText(c).replace(/\|/g, '\\|');
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `|${numeric.map(n => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map(r => `| ${columns.map((_, i) => cell(r[i])).join(' | ')} |`),
  ].join('\n');
}

const minutesText = ms =>
  ms === undefined ? '' : ` in ${(ms / 60_000).toFixed(1)} min`;

function describeMachine(m) {
  return `${m.cores} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}, ${
    m.os
  }; load average ${m.loadAverage.join(' / ')} (1 / 5 / 15 min)`;
}

function report(run) {
  const text = [
    `npm run bench${run.quick ? ' -- --quick' : ''}: ${run.startedAt} to ${
      run.finishedAt
    }`,
    `machine: ${describeMachine(run.machine)}`,
    `load average at the end: ${run.machineAtEnd.loadAverage.join(' / ')}`,
  ];
  const md = [
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC${
      run.quick ? ' (--quick)' : ''
    } on ${describeMachine(
      run.machine,
    )}; load average at the end ${run.machineAtEnd.loadAverage.join(' / ')}.`,
  ];
  run.sections.forEach(({ section, status, error, durationMs, result }) => {
    const number = SECTIONS.findIndex(s => s.section === section) + 1;
    const heading = `${number}. ${result?.title ?? section}`;
    text.push('', `${heading} [${status}${minutesText(durationMs)}]`);
    md.push('', `### ${heading}`, '');
    if (status !== 'ok') {
      text.push(`  ${status}: ${error}`);
      md.push(
        `**${status === 'not available' ? 'Not available' : 'Failed'}**: ${error
          .split('\n')[0]
          .replace(/:$/, '')}`,
        '',
      );
    }
    // A section that failed after writing its table (e.g. a cross-check that did not hold)
    // still shows it.
    if (result) {
      text.push(
        textTable(result.columns, result.rows),
        ...result.notes.map(n => `  - ${n}`),
      );
      md.push(
        markdownTable(result.columns, result.rows),
        '',
        ...result.notes.map(n => `- ${n}`),
      );
    }
  });
  return { text: text.join('\n'), markdown: `${md.join('\n')}\n` };
}

// --- Main. ---

if (process.argv.includes('--report-only')) {
  // Prints and writes the report of the last run again (bench-results/bench.json).
  const last = JSON.parse(
    fs.readFileSync(path.join(resultsDir, 'bench.json'), 'utf8'),
  );
  const rendered = report(last);
  console.log(rendered.text);
  fs.writeFileSync(path.join(resultsDir, 'bench.md'), rendered.markdown);
  process.exit(0);
}

const startedAt = new Date();
const machineAtStart = machine();
console.log(
  `npm run bench${quick ? ' -- --quick' : ''} on ${describeMachine(
    machineAtStart,
  )}`,
);
const setupProblems = ensurePrerequisites();
if (!only || only.some(section => section !== 'engine')) {
  setupProblems.push(...emitTypeDeclarations());
}
const sections = [];
for (const entry of SECTIONS) {
  if (!only || only.includes(entry.section))
    sections.push(await runSection(entry));
}
const run = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  quick,
  machine: machineAtStart,
  machineAtEnd: machine(),
  setupProblems,
  sections,
};
const { text, markdown } = report(run);
console.log(`\n\n${'='.repeat(100)}\n${text}`);
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, 'bench.json'),
  `${JSON.stringify(run, null, 2)}\n`,
);
fs.writeFileSync(path.join(resultsDir, 'bench.md'), markdown);
console.log('\nwritten to bench-results/bench.json and bench-results/bench.md');
const failed = sections.filter(s => s.status !== 'ok');
if (failed.length > 0) {
  console.error(
    `\n${failed.length} section(s) not measured: ${failed
      .map(s => `${s.section} (${s.status})`)
      .join(', ')}`,
  );
  process.exitCode = 1;
}
