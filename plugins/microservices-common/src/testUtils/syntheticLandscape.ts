/*
 * One synthetic landscape generator for benchmarks and size tests: deterministic from a seed,
 * shaped like a real catalog (teams under business units, systems in domains, own and a few
 * shared datastores, APIs with real-sized definitions, dependencies with a long tail, a few
 * cycles, annotations at realistic frequencies).
 */
import type { Entity } from '@backstage/catalog-model';

/** @public */
export interface SyntheticLandscapeOptions {
  /** How many `Component`s of `spec.type: service`. */
  services: number;
  /** Same seed, same landscape. Default 1. */
  seed?: number;
}

/** mulberry32: small, fast, and good enough for shaping test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entity = (
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
  spec: spec as Entity['spec'],
});

function openApiDefinition(name: string, secured: boolean, paths: number): string {
  const lines = [
    'openapi: 3.0.3',
    'info:',
    `  title: ${name}`,
    '  version: 1.0.0',
    `servers:\n  - url: https://${name}.internal.example.com/v1`,
  ];
  if (secured) lines.push('security:\n  - bearerAuth: []');
  lines.push('paths:');
  for (let p = 0; p < paths; p++) {
    lines.push(
      `  /items${p}/{id}:`,
      '    get:',
      `      operationId: getItem${p}`,
      '      parameters:',
      '        - { name: id, in: path, required: true, schema: { type: string } }',
      '      responses:',
      "        '200': { description: OK }",
      "        '404': { description: Not found }",
    );
  }
  lines.push('components:');
  if (secured) {
    lines.push('  securitySchemes:', '    bearerAuth: { type: http, scheme: bearer }');
  }
  lines.push('  schemas:', '    Item: { type: object, properties: { id: { type: string } } }');
  return `${lines.join('\n')}\n`;
}

function asyncApiDefinition(name: string): string {
  return [
    "asyncapi: '2.6.0'",
    `info: { title: ${name}, version: 1.0.0 }`,
    'channels:',
    `  ${name}.events:`,
    '    subscribe:',
    '      message: { payload: { type: object } }',
    'components:',
    '  securitySchemes:',
    '    sasl: { type: scramSha512 }',
    '',
  ].join('\n');
}

/**
 * A landscape of `services` services and the entities around them: about 2.5 entities per
 * service. Same options, same entities, in the same order.
 *
 * @public
 */
export function createSyntheticLandscape(
  options: SyntheticLandscapeOptions,
): Entity[] {
  const n = options.services;
  const rand = random(options.seed ?? 1);
  const chance = (p: number) => rand() < p;
  const pick = (count: number) => Math.floor(rand() * count);
  const entities: Entity[] = [];

  const teams = Math.max(3, Math.ceil(n / 8));
  const units = Math.max(1, Math.ceil(teams / 6));
  const domains = Math.max(3, Math.ceil(n / 250));
  const systems = Math.max(3, Math.ceil(n / 6));

  entities.push(entity('Group', 'engineering', { type: 'organization', children: [] }));
  for (let u = 0; u < units; u++) {
    entities.push(
      entity('Group', `unit-${u}`, { type: 'business-unit', parent: 'engineering', children: [] }),
    );
  }
  for (let t = 0; t < teams; t++) {
    entities.push(
      entity('Group', `team-${t}`, { type: 'team', parent: `unit-${t % units}`, children: [] }),
    );
    for (let m = 0; m < 2; m++) {
      entities.push(
        entity('User', `user-${t}-${m}`, { memberOf: [`team-${t}`] }, {}),
      );
    }
  }
  for (let d = 0; d < domains; d++) {
    entities.push(entity('Domain', `domain-${d}`, { owner: `unit-${d % units}` }));
  }
  const systemOwner: number[] = [];
  for (let s = 0; s < systems; s++) {
    systemOwner.push(s % teams);
    const spec: Record<string, unknown> = { owner: `team-${s % teams}` };
    if (!chance(0.05)) spec.domain = `domain-${s % domains}`;
    entities.push(entity('System', `system-${s}`, spec));
  }

  // Popularity: a few services are called by many (a long tail), lower indexes more often.
  const popular = () => Math.floor(n * rand() ** 3);
  const providedApis: string[][] = [];
  for (let i = 0; i < n; i++) {
    let count = chance(0.15) ? 2 : 1;
    if (chance(0.05)) count = 0;
    providedApis.push(
      Array.from({ length: count }, (_, k) => `service-${i}-api${k ? `-${k}` : ''}`),
    );
  }

  for (let i = 0; i < n; i++) {
    const system = i % systems;
    const team = chance(0.85) ? systemOwner[system] : pick(teams);
    const name = `service-${i}`;
    const dependsOn: string[] = [];
    const consumes = new Set<string>();
    const hasDatastore = chance(0.9);
    if (hasDatastore) dependsOn.push(`resource:${name}-db`);
    // A few read another service's database: shared datastores.
    if (i > 0 && chance(0.02)) dependsOn.push(`resource:service-${pick(i)}-db`);
    // Direct calls to another service, which the principles discourage.
    if (i > 0 && chance(0.05)) dependsOn.push(`component:service-${pick(i)}`);
    // Consumed APIs, long-tailed in number: most consume a few, some a dozen.
    const fanOut = Math.min(12, Math.floor(-Math.log(1 - rand() * 0.999) * 2.5));
    for (let k = 0; k < fanOut; k++) {
      const target = popular();
      // Towards older services (layered), so that cycles are only the deliberate ones.
      const j = target < i ? target : pick(Math.max(1, i));
      if (j !== i && providedApis[j].length > 0) consumes.add(providedApis[j][0]);
    }
    // Every 400th pair calls each other through APIs: a few small cycles.
    if (i % 400 === 399 && i + 1 < n && providedApis[i + 1].length > 0) {
      consumes.add(providedApis[i + 1][0]);
    }
    if (i % 400 === 0 && i > 0 && providedApis[i - 1].length > 0) {
      consumes.add(providedApis[i - 1][0]);
    }
    const annotations: Record<string, string> = {};
    if (chance(0.9)) annotations['github.com/project-slug'] = `acme/${name}`;
    if (chance(0.9)) {
      annotations['backstage.io/source-location'] = `url:https://github.com/acme/${name}/`;
    }
    if (chance(0.8)) annotations['pagerduty.com/service-id'] = `P${i.toString(36).toUpperCase()}`;
    if (chance(0.85)) annotations['backstage.io/kubernetes-id'] = name;
    if (chance(0.8)) annotations['prometheus.io/rule'] = `up{job="${name}"} == 0`;
    if (chance(0.75)) annotations['grafana/loki-query'] = `{app="${name}"}`;
    if (chance(0.6)) annotations['jaegertracing.io/service'] = name;
    if (chance(0.7)) {
      annotations['microservices.backstage.io/health-endpoint'] = `https://${name}.internal.example.com/health`;
    }
    const eventApi = i % 10 === 0;
    if (eventApi && chance(0.5)) annotations['microservices.backstage.io/consistency'] = 'outbox';
    const metadata: Record<string, unknown> = {
      description: `Service ${i} of system ${system}.`,
      annotations,
    };
    if (chance(0.85)) metadata.tags = [['java', 'go', 'python', 'node'][i % 4]];
    const spec: Record<string, unknown> = {
      type: 'service',
      lifecycle: chance(0.9) ? 'production' : 'experimental',
      owner: `team-${team}`,
      system: `system-${system}`,
      providesApis: [...providedApis[i], ...(eventApi ? [`${name}-events`] : [])],
      consumesApis: [...consumes],
      dependsOn,
    };
    entities.push(entity('Component', name, spec, metadata));

    providedApis[i].forEach((api, k) => {
      entities.push(
        entity('API', api, {
          type: 'openapi',
          lifecycle: 'production',
          owner: `team-${team}`,
          system: `system-${system}`,
          definition: openApiDefinition(api, !chance(0.08), 1 + ((i + k) % 3)),
        }),
      );
    });
    if (eventApi) {
      entities.push(
        entity('API', `${name}-events`, {
          type: 'asyncapi',
          lifecycle: 'production',
          owner: `team-${team}`,
          system: `system-${system}`,
          definition: asyncApiDefinition(`${name}-events`),
        }),
      );
    }
    if (hasDatastore) {
      const resourceSpec: Record<string, unknown> = {
        type: chance(0.8) ? 'database' : 'cache',
        owner: `team-${team}`,
        system: `system-${system}`,
      };
      // Some datastores name another user on their own side.
      if (i > 0 && chance(0.01)) {
        resourceSpec.dependencyOf = [`component:service-${pick(i)}`];
      }
      entities.push(entity('Resource', `${name}-db`, resourceSpec));
    }
  }
  return entities;
}
