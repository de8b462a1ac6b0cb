import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  LandscapeSummary,
  ServiceDetail,
} from '@microservices-backstage/plugin-microservices-common';

/** Test data shaped like the demo landscape's `order-service`. */
export const orderServiceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'order-service',
    namespace: 'default',
    annotations: {
      'pagerduty.com/integration-key': 'super-secret',
      'opsgenie.com/team': 'orders',
    },
  },
  spec: {
    type: 'service',
    owner: 'orders-team',
    lifecycle: 'production',
    system: 'order-management',
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/orders-team' },
    { type: 'providesApi', targetRef: 'api:default/order-api' },
    { type: 'consumesApi', targetRef: 'api:default/auth-api' },
    { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
  ],
};

export const ordersTeamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'orders-team', namespace: 'default' },
  spec: {
    type: 'team',
    parent: 'fulfillment-engineering',
    children: [],
    profile: { email: 'orders-team@kestrel.example' },
  },
  relations: [
    { type: 'childOf', targetRef: 'group:default/fulfillment-engineering' },
    { type: 'hasMember', targetRef: 'user:default/ines.duarte' },
    { type: 'hasMember', targetRef: 'user:default/tomas.berg' },
  ],
};

export const ordersDbEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', namespace: 'default' },
  spec: { type: 'database', owner: 'orders-team' },
};

export const orderServiceDetail: ServiceDetail = {
  entityRef: 'component:default/order-service',
  namespace: 'default',
  name: 'order-service',
  owner: 'group:default/orders-team',
  system: 'system:default/order-management',
  domain: 'domain:default/fulfillment',
  lifecycle: 'production',
  score: 93,
  level: 'bronze',
  failingPrinciples: ['decentralized-data'],
  failingChecks: ['decentralized-data.no-shared-datastore'],
  dependencyCount: 2,
  dependentCount: 1,
  health: { status: 'unknown' },
  evaluatedAt: '2026-11-29T10:00:00.000Z',
  upstream: [
    {
      entityRef: 'resource:default/orders-db',
      via: 'dependsOn',
      kind: 'resource',
      exists: true,
      datastore: true,
    },
    {
      entityRef: 'component:default/auth-service',
      via: 'consumesApis',
      apiRef: 'api:default/auth-api',
      kind: 'component',
      exists: true,
      datastore: false,
    },
  ],
  downstream: [
    {
      entityRef: 'component:default/checkout-service',
      via: 'consumesApis',
      apiRef: 'api:default/order-api',
      kind: 'component',
      exists: true,
      datastore: false,
    },
  ],
  sharedDatastores: [
    {
      datastoreRef: 'resource:default/orders-db',
      services: [
        'component:default/loyalty-service',
        'component:default/order-service',
      ],
      owners: ['group:default/engagement-team', 'group:default/orders-team'],
      systems: ['system:default/loyalty', 'system:default/order-management'],
      conflicting: true,
    },
  ],
  nextLevel: {
    level: 'silver',
    minScore: 75,
    missingChecks: ['decentralized-data.no-shared-datastore'],
    scoreShortfall: 0,
  },
  warnings: [],
  checks: [
    {
      id: 'decentralized-data.no-shared-datastore',
      principle: 'decentralized-data',
      status: 'fail',
      message:
        'Shares datastores across owners or systems: `resource:default/orders-db` is also used by `component:default/loyalty-service`.',
      remediation: 'Give each service its own datastore.',
      weight: 3,
      related: [
        'resource:default/orders-db',
        'component:default/loyalty-service',
      ],
    },
    {
      id: 'decentralized-data.owns-datastore',
      principle: 'decentralized-data',
      status: 'pass',
      message: 'Owns its datastores.',
      remediation: '',
      weight: 2,
    },
    {
      id: 'security.api-authentication',
      principle: 'security',
      status: 'exempt',
      message: '`api:default/order-api` declares no security scheme.',
      remediation: 'Declare components.securitySchemes.',
      weight: 2,
      exemption: {
        reason: 'Internal only until the gateway lands',
        expires: '2027-12-31',
        source: 'annotation',
      },
    },
    {
      id: 'technology-diversity.stack-declared',
      principle: 'technology-diversity',
      status: 'warn',
      message: 'Has no tags.',
      remediation: 'Add metadata.tags.',
      weight: 0,
    },
    {
      id: 'data-consistency.strategy-declared',
      principle: 'data-consistency',
      status: 'not-applicable',
      message: 'No catalog signal.',
      remediation: '',
      weight: 0,
    },
  ],
};

export const landscapeSummary: LandscapeSummary = {
  serviceCount: 39,
  averageScore: 81,
  evaluatedAt: '2026-11-29T10:00:00.000Z',
  principles: [
    {
      principle: 'security',
      failingServices: 1,
      applicableServices: 38,
      pass: 35,
      fail: 1,
      warn: 1,
      exempt: 1,
      notApplicable: 1,
      error: 0,
      passRate: 35 / 37,
    },
    {
      principle: 'decentralized-data',
      failingServices: 2,
      applicableServices: 38,
      pass: 74,
      fail: 3,
      warn: 0,
      exempt: 0,
      notApplicable: 1,
      error: 0,
      passRate: 74 / 77,
    },
    {
      principle: 'data-consistency',
      failingServices: 0,
      applicableServices: 0,
      pass: 0,
      fail: 0,
      warn: 0,
      exempt: 0,
      notApplicable: 39,
      error: 0,
      passRate: null,
    },
  ],
  byOwner: [
    { key: 'group:default/engagement-team', serviceCount: 5, averageScore: 90 },
    { key: 'group:default/orders-team', serviceCount: 2, averageScore: 97 },
  ],
  bySystem: [
    {
      key: 'system:default/order-management',
      serviceCount: 2,
      averageScore: 97,
    },
  ],
  byDomain: [
    { key: 'domain:default/fulfillment', serviceCount: 14, averageScore: 96 },
    { serviceCount: 3, averageScore: 55 },
  ],
  levels: [
    { level: 'gold', count: 10 },
    { level: 'silver', count: 12 },
    { level: 'bronze', count: 9 },
    { level: 'none', count: 8 },
  ],
  health: [{ status: 'unknown', count: 39 }],
  filterOptions: {
    owners: ['group:default/engagement-team', 'group:default/orders-team'],
    systems: ['system:default/order-management'],
    domains: ['domain:default/fulfillment'],
    lifecycles: ['production', 'experimental'],
    levels: ['gold', 'silver', 'bronze', 'none'],
  },
  sharedDatastores: [
    {
      datastoreRef: 'resource:default/orders-db',
      services: [
        'component:default/loyalty-service',
        'component:default/order-service',
      ],
      owners: ['group:default/engagement-team', 'group:default/orders-team'],
      systems: ['system:default/loyalty', 'system:default/order-management'],
      conflicting: true,
    },
  ],
  cycles: [
    [
      'component:default/allocation-service',
      'component:default/inventory-service',
      'component:default/replenishment-service',
    ],
  ],
};

/** An error as the client throws it for an HTTP status. */
export async function responseError(
  status: number,
  message = 'failed',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}
