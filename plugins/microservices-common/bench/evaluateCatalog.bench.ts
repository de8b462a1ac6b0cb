/*
 * Benchmark of the pure engine: time and memory to evaluate the demo landscape, the largest
 * real-world catalog in test-data/, and synthetic landscapes of 1,000 and 10,000 services.
 * Prints numbers; asserts nothing. Run: npm run bench:engine (from the repository root).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { defaultEngineConfig, evaluateCatalog } from '../src';

const root = path.resolve(__dirname, '../../..');

function readYamlTree(dir: string): Entity[] {
  const out: Entity[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...readYamlTree(file));
    else if (/\.ya?ml$/.test(entry.name)) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const value = 'toJS' in doc ? doc.toJS() : undefined;
        if (value?.apiVersion && value?.kind && value?.metadata && value.kind !== 'Location') {
          out.push(value);
        }
      }
    }
  }
  return out;
}

/**
 * Teams, systems in domains, services calling each other through APIs, own databases.
 * `shape: 'layered'` calls only lower-numbered services (no cycles, deep dependents);
 * `shape: 'tangled'` calls at random, which makes almost every service one huge cycle
 * (the worst case for the graph-wide checks).
 */
function synthetic(services: number, shape: 'layered' | 'tangled'): Entity[] {
  const e: Entity[] = [];
  const teams = Math.max(5, Math.round(services / 20));
  const systems = Math.max(3, Math.round(services / 10));
  const meta = (kind: string, name: string, spec: object, annotations?: object): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations: annotations as any, tags: ['java'] },
    spec: spec as any,
  });
  for (let d = 0; d < 10; d++) e.push(meta('Domain', `domain-${d}`, { owner: 'team-0' }));
  for (let t = 0; t < teams; t++) e.push(meta('Group', `team-${t}`, { type: 'team', children: [] }));
  for (let s = 0; s < systems; s++)
    e.push(meta('System', `system-${s}`, { owner: `team-${s % teams}`, domain: `domain-${s % 10}` }));
  for (let i = 0; i < services; i++) {
    const system = i % systems;
    const team = system % teams;
    const consumes = [1, 2, 3]
      .map(k => (shape === 'tangled' ? (i * 7 + k * 13) % services : i - k * 3))
      .filter(j => j >= 0 && j !== i)
      .map(j => `api-${j}`);
    e.push(
      meta(
        'Component',
        `service-${i}`,
        {
          type: 'service',
          lifecycle: 'production',
          owner: `team-${team}`,
          system: `system-${system}`,
          providesApis: [`api-${i}`],
          consumesApis: consumes,
          dependsOn: [`resource:db-${i}`],
        },
        {
          'github.com/project-slug': `acme/service-${i}`,
          'backstage.io/source-location': `url:https://github.com/acme/service-${i}/`,
          'pagerduty.com/service-id': `P${i}`,
          'backstage.io/kubernetes-id': `service-${i}`,
          'prometheus.io/rule': 'up',
          'sentry.io/project-slug': `service-${i}`,
          'datadoghq.com/service-name': `service-${i}`,
        },
      ),
    );
    e.push(
      meta('API', `api-${i}`, {
        type: 'openapi',
        lifecycle: 'production',
        owner: `team-${team}`,
        definition:
          'openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths: {}\ncomponents:\n  securitySchemes:\n    bearer: {type: http, scheme: bearer}\nsecurity: [{bearer: []}]\n',
      }),
    );
    e.push(meta('Resource', `db-${i}`, { type: 'database', owner: `team-${team}`, system: `system-${system}` }));
  }
  return e;
}

function measure(name: string, load: () => Entity[], runs: number) {
  if (process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY)) return;
  const entities = load();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const times: number[] = [];
  let services = 0;
  let peakHeap = 0;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const result = evaluateCatalog(entities, defaultEngineConfig, { now: new Date('2026-11-29') });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    services = result.services.length;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  // eslint-disable-next-line no-console
  console.log(
    `${name.padEnd(34)} ${String(entities.length).padStart(7)} entities ${String(services).padStart(6)} services  ` +
      `median ${median.toFixed(1).padStart(8)} ms  min ${times[0].toFixed(1).padStart(8)} ms  ` +
      `heap +${(peakHeap / 2 ** 20).toFixed(0).padStart(4)} MB  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );
}

measure('demo landscape (examples/)', () => readYamlTree(path.join(root, 'examples')), 9);
measure(
  'benwilcock-backstage-catalogs',
  () => readYamlTree(path.join(root, 'test-data/catalogs/benwilcock-backstage-catalogs')),
  9,
);
measure('backstage-examples', () => readYamlTree(path.join(root, 'test-data/catalogs/backstage-examples')), 9);
measure('synthetic 1,000 services, layered', () => synthetic(1_000, 'layered'), 5);
measure('synthetic 10,000 services, layered', () => synthetic(10_000, 'layered'), 3);
measure('synthetic 10,000 services, tangled', () => synthetic(10_000, 'tangled'), 3);
