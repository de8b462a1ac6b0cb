/*
 * Builders for small hand-written catalogs in tests. `compliantService`
 * passes every built-in check in `compliantCatalog`, so a test changes one
 * thing and looks at one check.
 */
import type { Entity } from '@backstage/catalog-model';
import { evaluateCatalog } from '../evaluateCatalog';
import type { CheckResult, EngineConfig } from '../types';
import { defaultEngineConfig } from '../defaultEngineConfig';
import type { EvaluationOptions } from '../createServiceEvaluator';

type Fields = Record<string, unknown>;

export function entity(
  kind: string,
  name: string,
  spec: Fields = {},
  metadata: Fields = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...metadata },
    // Tests pass malformed values on purpose: real catalogs have them.
    spec: spec as Entity['spec'],
  };
}

export const group = (name: string, spec: Fields = {}) =>
  entity('Group', name, { type: 'team', children: [], ...spec });
export const user = (name: string) => entity('User', name, { memberOf: [] });
export const domain = (name: string, spec: Fields = {}) =>
  entity('Domain', name, { owner: 'team-a', ...spec });
export const system = (name: string, spec: Fields = {}) =>
  entity('System', name, { owner: 'team-a', domain: 'commerce', ...spec });
export const resource = (name: string, spec: Fields = {}) =>
  entity('Resource', name, {
    type: 'database',
    owner: 'team-a',
    system: 'shop',
    ...spec,
  });

export const SECURED_OPENAPI = `openapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
paths: {}
components:
  securitySchemes:
    oauth: { type: oauth2, flows: {} }
`;

export const api = (name: string, spec: Fields = {}) =>
  entity('API', name, {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team-a',
    system: 'shop',
    definition: SECURED_OPENAPI,
    ...spec,
  });

/** Every annotation the default lists look for, unique per service where it must be. */
export function compliantAnnotations(name: string): Record<string, string> {
  return {
    'github.com/project-slug': `acme/${name}`,
    'backstage.io/source-location': `url:https://github.com/acme/${name}/tree/main/`,
    'pagerduty.com/service-id': 'P123',
    'backstage.io/kubernetes-id': name,
    'prometheus.io/rule': 'up',
    'sentry.io/project-slug': name,
    'jaegertracing.io/service': name,
    'microservices.backstage.io/health-endpoint': `https://${name}.example.com/health`,
  };
}

export function service(
  name: string,
  spec: Fields = {},
  metadata: Fields = {},
): Entity {
  return entity(
    'Component',
    name,
    {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      system: 'shop',
      ...spec,
    },
    metadata,
  );
}

export function compliantService(
  name: string,
  spec: Fields = {},
  metadata: Fields = {},
): Entity {
  return service(name, spec, {
    tags: ['java'],
    ...metadata,
    annotations: {
      ...compliantAnnotations(name),
      ...(metadata.annotations as Fields),
    },
  });
}

/** A domain, a system, a team and its parent: what compliant services refer to. */
export function compliantCatalog(): Entity[] {
  return [
    domain('commerce'),
    system('shop'),
    group('platform'),
    group('team-a', { parent: 'platform' }),
  ];
}

/** The result of one check for one service of a catalog. */
export function checkResult(
  entities: Entity[],
  serviceName: string,
  checkId: string,
  config: EngineConfig = defaultEngineConfig,
  options: EvaluationOptions = {},
): CheckResult {
  const evaluation = evaluateCatalog(entities, config, options);
  const found = evaluation.services.find(s =>
    s.entityRef.endsWith(`/${serviceName}`),
  );
  const result = found?.checks.find(check => check.id === checkId);
  if (!result) {
    throw new Error(`No result of ${checkId} for ${serviceName}`);
  }
  return result;
}
