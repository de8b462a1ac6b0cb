/*
 * Benchmark of the pure engine on the synthetic landscape (createSyntheticLandscape) of
 * 1,000, 10,000 and 50,000 services, next to JSON.parse of the same entities (the floor:
 * what merely reading them costs), and on the demo and real-world catalogs. Prints a table and
 * writes it as JSON (bench-results/engine.json, the shape every section of `npm run bench`
 * writes); asserts nothing. Run: npm run bench:engine [-- --quick] from the repository root.
 *
 * Time is process CPU time (user + system, all threads, so GC included), median of the runs,
 * because the machines are shared: wall time is printed too. "cold" is the first evaluation in
 * the process (no API definition seen before), "warm" the median of the later ones (the
 * scheduled runs of a backend see the same definitions again).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { defaultEngineConfig, evaluateCatalog } from '../src';
import { createSyntheticLandscape } from '../src/testUtils';

const root = path.resolve(__dirname, '../../..');
const only = process.env.BENCH_ONLY;
const quick = process.argv.includes('--quick');
const sizes = (process.env.BENCH_SIZES ?? (quick ? '1000' : '1000,10000,50000'))
  .split(',')
  .map(Number);

function readYamlTree(dir: string): Entity[] {
  const out: Entity[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'templates') out.push(...readYamlTree(file));
    } else if (/\.ya?ml$/.test(entry.name)) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const value = 'toJS' in doc ? doc.toJS() : undefined;
        if (
          value?.apiVersion &&
          value?.kind &&
          value?.metadata &&
          value.kind !== 'Location'
        ) {
          out.push(value);
        }
      }
    }
  }
  return out;
}

const gc = () => (global as any).gc?.();

function cpuMs<T>(work: () => T): { ms: number; wallMs: number; value: T } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return {
    ms: (used.user + used.system) / 1000,
    wallMs: performance.now() - wall,
    value,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Row {
  landscape: string;
  entities: number;
  services: number;
  jsonMB: number;
  parseMs: number;
  coldMs: number;
  warmMs: number;
  warmWallMs: number;
  ratioCold: number;
  ratioWarm: number;
  heapMB: number;
  peakRssMB: number;
}

function measure(
  landscape: string,
  load: () => Entity[],
  runs: number,
): Row | undefined {
  if (only && !landscape.includes(only)) return undefined;
  const entities = load();
  const json = JSON.stringify(entities);
  const parses: number[] = [];
  for (let r = 0; r < Math.max(3, runs); r++) {
    gc();
    parses.push(cpuMs(() => JSON.parse(json)).ms);
  }
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = 0;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const times: number[] = [];
  const walls: number[] = [];
  let services = 0;
  for (let r = 0; r < runs; r++) {
    const run = cpuMs(() =>
      evaluateCatalog(entities, defaultEngineConfig, {
        now: new Date('2026-11-29'),
      }),
    );
    times.push(run.ms);
    walls.push(run.wallMs);
    services = run.value.services.length;
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed - heapBefore);
    peakRss = Math.max(peakRss, usage.rss);
    gc();
  }
  clearInterval(sampler);
  const parseMs = median(parses);
  const warm = times.length > 1 ? median(times.slice(1)) : times[0];
  const row: Row = {
    landscape,
    entities: entities.length,
    services,
    jsonMB: json.length / 1e6,
    parseMs,
    coldMs: times[0],
    warmMs: warm,
    warmWallMs: walls.length > 1 ? median(walls.slice(1)) : walls[0],
    ratioCold: times[0] / parseMs,
    ratioWarm: warm / parseMs,
    heapMB: peakHeap / 2 ** 20,
    peakRssMB: peakRss / 2 ** 20,
  };
  // eslint-disable-next-line no-console
  console.log(
    [
      landscape.padEnd(30),
      String(row.entities).padStart(7),
      String(row.services).padStart(6),
      row.jsonMB.toFixed(1).padStart(6),
      row.parseMs.toFixed(0).padStart(6),
      row.coldMs.toFixed(0).padStart(7),
      row.warmMs.toFixed(0).padStart(7),
      `${row.ratioCold.toFixed(1)}x`.padStart(7),
      `${row.ratioWarm.toFixed(1)}x`.padStart(7),
      row.heapMB.toFixed(0).padStart(6),
      row.peakRssMB.toFixed(0).padStart(6),
    ].join(' '),
  );
  return row;
}

// eslint-disable-next-line no-console
console.log(
  `engine on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${
    process.version
  }, load ${os
    .loadavg()
    .map(l => l.toFixed(1))
    .join(' ')}\n` +
    `${'landscape'.padEnd(
      30,
    )} entities  svcs  JSON MB parse   cold    warm   cold/p  warm/p heapMB rssMB`,
);
const rows = [
  measure(
    'demo landscape (examples/)',
    () => readYamlTree(path.join(root, 'examples')),
    7,
  ),
  measure(
    'benwilcock-backstage-catalogs',
    () =>
      readYamlTree(
        path.join(root, 'test-data/catalogs/benwilcock-backstage-catalogs'),
      ),
    7,
  ),
  ...sizes.map(n =>
    measure(
      `synthetic ${n.toLocaleString('en-US')} services`,
      () => createSyntheticLandscape({ services: n }),
      n >= 50_000 ? 3 : 5,
    ),
  ),
].filter(Boolean);

const out =
  process.env.BENCH_OUT ?? path.join(root, 'bench-results', 'engine.json');
const fixed = (digits: number) => (value: number) =>
  Number(value.toFixed(digits));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify(
    {
      section: 'engine',
      title:
        'The engine: every check of every principle, next to JSON.parse of the same entities',
      columns: [
        'landscape',
        'entities',
        'services',
        'JSON MB',
        'JSON.parse ms',
        'engine cold ms',
        'engine warm ms',
        'cold / parse',
        'warm / parse',
        'heap MB',
        'peak RSS MB',
      ],
      rows: rows.map(r => [
        r!.landscape,
        r!.entities,
        r!.services,
        fixed(1)(r!.jsonMB),
        fixed(0)(r!.parseMs),
        fixed(0)(r!.coldMs),
        fixed(0)(r!.warmMs),
        fixed(1)(r!.ratioCold),
        fixed(1)(r!.ratioWarm),
        fixed(0)(r!.heapMB),
        fixed(0)(r!.peakRssMB),
      ]),
      notes: [
        'ms of process CPU time (user + system, GC included), median of the runs; ratio = engine / JSON.parse of the same entities',
        '"cold": first evaluation in the process (no API definition inspected yet); "warm": median of the later runs',
        `load average at the end: ${os
          .loadavg()
          .map(l => l.toFixed(1))
          .join(' ')}; ${os.cpus().length} x ${
          os.cpus()[0]?.model ?? 'cpu'
        }, node ${process.version}`,
      ],
      data: {
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          memGB: os.totalmem() / 2 ** 30,
          node: process.version,
          load: os.loadavg(),
        },
        rows,
      },
    },
    null,
    2,
  )}\n`,
);
// eslint-disable-next-line no-console
console.log(`written to ${path.relative(root, out)}`);
