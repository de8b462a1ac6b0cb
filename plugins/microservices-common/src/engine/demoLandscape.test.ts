/*
 * Contract tests of the compliance engine against the demo landscape
 * (examples/, "Kestrel Outfitters"). The expectations below are copied from
 * examples/README.md ("Which service breaks which check", "Per service",
 * "Services expected to pass everything"); docs/checks.md is the spec both
 * follow. When a deliberate break is added to or removed from the landscape,
 * the README and the tables here change together.
 */
import type { Entity } from '@backstage/catalog-model';
import fs from 'fs';
import path from 'path';
import { defaultEngineConfig } from './defaultEngineConfig';
import { evaluateCatalog } from './evaluateCatalog';
import type {
  CatalogEvaluation,
  CheckResult,
  CheckStatus,
  ServiceEvaluation,
} from './types';
import { CORPORA_DIR, loadCorpus } from './__fixtures__/loadCorpus';

/** The demo landscape, relative to this file. */
const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');
const CHECKS_DOC = path.resolve(__dirname, '../../../../docs/checks.md');

/** Within the README's window: label-service's waiver valid, recommendations-service's expired. */
const NOW = new Date('2026-11-29T00:00:00Z');
/** After label-service's waiver expired on 2027-12-31. */
const AFTER_LABEL_WAIVER = new Date('2028-01-15T00:00:00Z');

/** The statuses other than `pass` the README documents for a check. */
interface NonPassing {
  fail?: string[];
  warn?: string[];
  exempt?: string[];
  notApplicable?: string[];
}

/** examples/README.md, "Which service breaks which check". Services not listed pass. */
const VIOLATIONS: Record<string, NonPassing> = {
  'decomposition.single-system': { fail: ['campaign-service'] },
  'decomposition.api-surface': { fail: ['product-catalog-service'] },
  'decomposition.bounded-fan-out': { fail: ['storefront-bff'] },
  'decomposition.references-resolve': { fail: ['campaign-service'] },
  'domain-driven-design.system-in-domain': {
    fail: ['reporting-service'],
    notApplicable: ['campaign-service'],
  },
  'domain-driven-design.no-cross-domain-coupling': {
    fail: ['returns-service'],
    notApplicable: ['reporting-service', 'campaign-service'],
  },
  'decentralized-data.owns-datastore': {
    fail: ['loyalty-service', 'campaign-service'],
    notApplicable: ['label-service'],
  },
  'decentralized-data.no-shared-datastore': {
    fail: [
      'order-service',
      'loyalty-service',
      'reporting-service',
      'campaign-service',
    ],
  },
  'continuous-delivery.ci-cd': {
    fail: ['gift-card-service', 'campaign-service'],
  },
  'continuous-delivery.source-repository': {
    fail: ['gift-card-service', 'campaign-service'],
  },
  'devops.owned-by-team': { fail: ['label-service'] },
  'devops.on-call': {
    fail: ['recommendations-service', 'gift-card-service', 'campaign-service'],
  },
  'infrastructure-as-code.declared': {
    fail: ['gift-card-service', 'campaign-service'],
  },
  'scalability.independently-deployable': {
    fail: ['pick-pack-service', 'packing-station-service'],
  },
  'fault-isolation.no-dependency-cycle': {
    fail: ['inventory-service', 'allocation-service', 'replenishment-service'],
  },
  'fault-isolation.blast-radius': { fail: ['auth-service'] },
  'technology-diversity.stack-declared': {
    warn: ['recommendations-service', 'campaign-service'],
  },
  'organizational-alignment.coherent-ownership': {
    fail: ['promotions-service', 'label-service'],
    notApplicable: ['campaign-service'],
  },
  'observability.monitoring': {
    fail: ['recommendations-service', 'gift-card-service', 'campaign-service'],
  },
  'observability.logging': {
    fail: ['recommendations-service', 'gift-card-service', 'campaign-service'],
  },
  'observability.tracing': {
    fail: ['recommendations-service', 'gift-card-service', 'campaign-service'],
  },
  'observability.health-endpoint': { fail: ['recommendations-service'] },
  'network-latency.communicates-through-apis': { fail: ['returns-service'] },
  'network-latency.apis-defined': {
    fail: ['campaign-service'],
    notApplicable: ['carrier-tracking-poller'],
  },
  'security.api-authentication': {
    fail: ['campaign-service', 'gift-card-service'],
    exempt: ['label-service'],
    warn: ['carrier-gateway-service'],
    notApplicable: ['carrier-tracking-poller'],
  },
  // Applies to services on an event API or a shared datastore; not-applicable to the rest,
  // which expectedStatus expands from DATA_CONSISTENCY_APPLIES.
  'data-consistency.strategy-declared': {
    fail: ['notification-service', 'loyalty-service', 'campaign-service'],
  },
};

/** The services data-consistency.strategy-declared applies to; it passes for the others of these. */
const DATA_CONSISTENCY_APPLIES = [
  'order-service', // provides order-events; declares outbox
  'shipment-service', // consumes order-events; declares eventual
  'reporting-service', // shares reporting-warehouse; declares eventual
  'notification-service',
  'loyalty-service',
  'campaign-service',
];

/** examples/README.md, "Per service": the services that do not pass everything. */
const SCORES: Record<string, { score: number; level: string }> = {
  'storefront-bff': { score: 98, level: 'silver' },
  'product-catalog-service': { score: 98, level: 'silver' },
  'recommendations-service': { score: 86, level: 'bronze' },
  'promotions-service': { score: 95, level: 'silver' },
  'gift-card-service': { score: 68, level: 'none' },
  'order-service': { score: 93, level: 'bronze' },
  'loyalty-service': { score: 85, level: 'bronze' },
  'notification-service': { score: 96, level: 'silver' },
  'inventory-service': { score: 93, level: 'bronze' },
  'allocation-service': { score: 93, level: 'bronze' },
  'replenishment-service': { score: 93, level: 'bronze' },
  'pick-pack-service': { score: 95, level: 'silver' },
  'packing-station-service': { score: 95, level: 'silver' },
  'carrier-gateway-service': { score: 98, level: 'silver' },
  'label-service': { score: 88, level: 'none' },
  'returns-service': { score: 91, level: 'silver' },
  'campaign-service': { score: 35, level: 'none' },
  'auth-service': { score: 98, level: 'silver' },
  'reporting-service': { score: 89, level: 'bronze' },
};

/** examples/README.md, "Services expected to pass everything (20, score 100, gold)". */
const CLEAN_SERVICES = [
  'search-service',
  'wishlist-service',
  'cart-service',
  'checkout-service',
  'payment-service',
  'fraud-detection-service',
  'refund-service',
  'tax-service',
  'order-tracking-service',
  'receiving-service',
  'shipment-service',
  'delivery-slot-service',
  'carrier-tracking-poller',
  'customer-profile-service',
  'preferences-service',
  'address-book-service',
  'review-service',
  'permission-service',
  'audit-log-service',
  'feature-flag-service',
];

/** examples/README.md, "Services (39)". */
const SERVICES_BY_SYSTEM: Record<string, string[]> = {
  storefront: [
    'storefront-bff',
    'product-catalog-service',
    'search-service',
    'wishlist-service',
    'recommendations-service',
    'promotions-service',
    'cart-service',
    'checkout-service',
  ],
  payments: [
    'payment-service',
    'fraud-detection-service',
    'refund-service',
    'tax-service',
    'gift-card-service',
  ],
  'order-management': ['order-service', 'order-tracking-service'],
  warehouse: [
    'inventory-service',
    'allocation-service',
    'replenishment-service',
    'receiving-service',
    'pick-pack-service',
    'packing-station-service',
  ],
  shipping: [
    'shipment-service',
    'carrier-gateway-service',
    'label-service',
    'returns-service',
    'delivery-slot-service',
    'carrier-tracking-poller',
  ],
  'customer-accounts': [
    'customer-profile-service',
    'preferences-service',
    'address-book-service',
  ],
  'customer-engagement': [
    'notification-service',
    'loyalty-service',
    'review-service',
  ],
  identity: ['auth-service', 'permission-service', 'audit-log-service'],
  'developer-platform': ['feature-flag-service'],
  analytics: ['reporting-service'],
  marketing: ['campaign-service'],
};
const ALL_SERVICES = Object.values(SERVICES_BY_SYSTEM).flat();

/** examples/README.md, "What is in it". */
const KIND_COUNTS: Record<string, number> = {
  Domain: 4,
  System: 10,
  Component: 41,
  API: 44,
  Resource: 41,
  Group: 16,
  User: 23,
};

const DOCUMENTED_CYCLE = [
  'component:default/allocation-service',
  'component:default/inventory-service',
  'component:default/replenishment-service',
];
const DOCUMENTED_SHARED_DATASTORES = [{
  datastoreRef: 'resource:default/orders-db',
  services: [
    'component:default/loyalty-service',
    'component:default/order-service',
  ],
  owners: ['group:default/engagement-team', 'group:default/orders-team'],
  systems: [
    'system:default/customer-engagement',
    'system:default/order-management',
  ],
  conflicting: true,
},
// Named only by the Resource's own spec.dependencyOf on campaign-service's side.
{
  datastoreRef: 'resource:default/reporting-warehouse',
  services: [
    'component:default/campaign-service',
    'component:default/reporting-service',
  ],
  owners: ['group:default/data-team', 'group:default/engagement-team'],
  systems: ['system:default/analytics', 'system:default/marketing'],
  conflicting: true,
}];

const refOf = (name: string) => `component:default/${name}`;

/** The check ids of docs/checks.md, in the order of its table. */
function documentedCheckIds(): string[] {
  const doc = fs.readFileSync(CHECKS_DOC, 'utf8');
  return [...doc.matchAll(/^\| `([a-z-]+\.[a-z-]+)` \|/gm)].map(m => m[1]);
}

/** The README's status for one service and check; `pass` when unlisted. */
function expectedStatus(checkId: string, service: string): CheckStatus {
  const documented = VIOLATIONS[checkId] ?? {};
  if (documented.fail?.includes(service)) return 'fail';
  if (documented.warn?.includes(service)) return 'warn';
  if (documented.exempt?.includes(service)) return 'exempt';
  if (documented.notApplicable?.includes(service)) return 'not-applicable';
  if (
    checkId === 'data-consistency.strategy-declared' &&
    !DATA_CONSISTENCY_APPLIES.includes(service)
  ) {
    return 'not-applicable';
  }
  return 'pass';
}

/** Every entity reachable from examples/all.yaml, through the shared loader. */
function loadLandscape(): Entity[] {
  return loadCorpus(path.relative(CORPORA_DIR, EXAMPLES_DIR));
}

function evaluationOf(
  evaluation: CatalogEvaluation,
  service: string,
): ServiceEvaluation {
  const found = evaluation.services.find(s => s.entityRef === refOf(service));
  if (!found) throw new Error(`${service} was not evaluated`);
  return found;
}

function resultOf(
  evaluation: CatalogEvaluation,
  service: string,
  checkId: string,
): CheckResult {
  const found = evaluationOf(evaluation, service).checks.find(
    c => c.id === checkId,
  );
  if (!found) throw new Error(`no ${checkId} result for ${service}`);
  return found;
}

describe('the demo landscape (examples/)', () => {
  const entities = loadLandscape();
  const evaluation = evaluateCatalog(entities, defaultEngineConfig, {
    now: NOW,
  });
  const checkIds = documentedCheckIds();

  describe('the expectation tables', () => {
    it('cover exactly the check ids of docs/checks.md', () => {
      expect(checkIds).toHaveLength(26);
      expect(Object.keys(VIOLATIONS).sort()).toEqual([...checkIds].sort());
    });

    it('are what the engine runs: every service gets every documented check, in order', () => {
      for (const service of evaluation.services) {
        expect(service.checks.map(c => c.id)).toEqual(checkIds);
      }
    });

    it('name only services of the landscape, and split them into clean and scored', () => {
      const named = Object.values(VIOLATIONS).flatMap(v => [
        ...(v.fail ?? []),
        ...(v.warn ?? []),
        ...(v.exempt ?? []),
        ...(v.notApplicable ?? []),
      ]);
      for (const service of named) expect(ALL_SERVICES).toContain(service);
      expect(CLEAN_SERVICES).toHaveLength(20);
      expect(Object.keys(SCORES)).toHaveLength(19);
      expect([...CLEAN_SERVICES, ...Object.keys(SCORES)].sort()).toEqual(
        [...ALL_SERVICES].sort(),
      );
    });
  });

  describe('size and shape', () => {
    const ofKind = (kind: string) => entities.filter(e => e.kind === kind);

    it('loads every file of examples/ through all.yaml', () => {
      const yamlFiles = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
          const full = path.join(dir, entry.name);
          // Software Templates are loaded by their own location, not all.yaml.
          if (entry.isDirectory()) {
            return entry.name === 'templates' ? [] : yamlFiles(full);
          }
          return entry.name.endsWith('.yaml') ? [full] : [];
        });
      const [location] = fs
        .readFileSync(path.join(EXAMPLES_DIR, 'all.yaml'), 'utf8')
        .split('targets:')
        .slice(1);
      const targets = [...location.matchAll(/^\s*-\s*(\S+)\s*$/gm)].map(m =>
        path.resolve(EXAMPLES_DIR, m[1]),
      );
      expect([...targets, path.join(EXAMPLES_DIR, 'all.yaml')].sort()).toEqual(
        yamlFiles(EXAMPLES_DIR).sort(),
      );
    });

    it('has the entity counts of the README', () => {
      const counts: Record<string, number> = {};
      for (const entity of entities) {
        counts[entity.kind] = (counts[entity.kind] ?? 0) + 1;
      }
      expect(counts).toEqual(KIND_COUNTS);
      expect(evaluation.duplicateRefs).toEqual([]);
    });

    it('meets the size constraints of a demo landscape', () => {
      expect(evaluation.services.length).toBeGreaterThanOrEqual(20);
      expect(evaluation.services.length).toBeLessThanOrEqual(40);
      expect(ofKind('Domain').length).toBeGreaterThanOrEqual(3);
      expect(ofKind('System').length).toBeGreaterThanOrEqual(3);
      expect(
        ofKind('Group').filter(g => g.spec?.type === 'team').length,
      ).toBeGreaterThanOrEqual(5);
      expect(ofKind('User').length).toBeGreaterThan(0);
      expect(
        ofKind('Resource').filter(r =>
          defaultEngineConfig.datastoreTypes.includes(String(r.spec?.type)),
        ).length,
      ).toBeGreaterThan(0);
      const definedApis = ofKind('API').filter(
        api =>
          typeof api.spec?.definition === 'string' &&
          api.spec.definition.trim() !== '',
      );
      expect(definedApis.length).toBeGreaterThan(0);
    });

    it('scores exactly the 39 services of the README, and no other component', () => {
      expect(evaluation.services.map(s => s.entityRef).sort()).toEqual(
        ALL_SERVICES.map(refOf).sort(),
      );
      const systemOf = (service: string) =>
        entities.find(
          e => e.kind === 'Component' && e.metadata.name === service,
        )?.spec?.system;
      for (const [system, services] of Object.entries(SERVICES_BY_SYSTEM)) {
        for (const service of services) expect(systemOf(service)).toBe(system);
      }
    });
  });

  describe('per check and service', () => {
    const rows = checkIds.flatMap(checkId =>
      ALL_SERVICES.map(service => ({
        checkId,
        service,
        expected: expectedStatus(checkId, service),
      })),
    );
    const documented = rows.filter(row => row.expected !== 'pass');
    const passing = rows.filter(row => row.expected === 'pass');

    it('has the full matrix', () => {
      expect(rows).toHaveLength(26 * 39);
    });

    // 1. Every documented violation (and documented not-applicable) is found.
    it.each(documented)(
      '$checkId is $expected for $service',
      ({ checkId, service, expected }) => {
        const result = resultOf(evaluation, service, checkId);
        expect({ status: result.status, message: result.message }).toEqual({
          status: expected,
          message: expect.any(String),
        });
      },
    );

    // 2. Nothing else is flagged.
    it.each(checkIds)('%s passes for every service not documented', checkId => {
      const unexpected = passing
        .filter(row => row.checkId === checkId)
        .map(({ service }) => ({
          service,
          result: resultOf(evaluation, service, checkId),
        }))
        .filter(({ result }) => result.status !== 'pass')
        .map(({ service, result }) => ({
          service,
          status: result.status,
          message: result.message,
        }));
      expect(unexpected).toEqual([]);
    });

    it('gives a remediation for every fail and warn', () => {
      const missing = evaluation.services.flatMap(s =>
        s.checks
          .filter(c => ['fail', 'warn'].includes(c.status) && !c.remediation)
          .map(c => `${s.entityRef} ${c.id}`),
      );
      expect(missing).toEqual([]);
    });
  });

  // 3. Scores and levels.
  describe('scores and levels', () => {
    it.each(Object.entries(SCORES))(
      '%s scores as the README says',
      (service, expected) => {
        const { score, level } = evaluationOf(evaluation, service);
        expect({ score, level }).toEqual(expected);
      },
    );

    it.each(CLEAN_SERVICES)('%s scores 100, gold', service => {
      const { score, level } = evaluationOf(evaluation, service);
      expect({ score, level }).toEqual({ score: 100, level: 'gold' });
    });
  });

  // 4. Graph-wide outputs.
  describe('graph-wide results', () => {
    it('finds exactly the documented cycle', () => {
      expect(evaluation.cycles).toEqual([DOCUMENTED_CYCLE]);
    });

    it('finds exactly the documented conflicting shared datastores', () => {
      expect(evaluation.sharedDatastores.filter(s => s.conflicting)).toEqual(
        DOCUMENTED_SHARED_DATASTORES,
      );
    });

    it('spreads services over every level, with low scores among them', () => {
      const levels: Record<string, number> = {};
      for (const service of evaluation.services) {
        levels[service.level] = (levels[service.level] ?? 0) + 1;
      }
      expect(levels).toEqual({ gold: 20, silver: 9, bronze: 7, none: 3 });
      const scores = evaluation.services.map(s => s.score).sort((a, b) => a - b);
      expect(scores.slice(0, 2)).toEqual([35, 68]);
      // No service on the cycle or sharing a datastore across teams is above bronze.
      for (const ref of [...DOCUMENTED_CYCLE, ...DOCUMENTED_SHARED_DATASTORES.flatMap(d => d.services)]) {
        expect(['bronze', 'none']).toContain(
          evaluation.services.find(s => s.entityRef === ref)!.level,
        );
      }
    });

    it('reports no error status anywhere', () => {
      const errors = evaluation.services.flatMap(s =>
        s.checks
          .filter(c => c.status === 'error')
          .map(c => `${s.entityRef} ${c.id}: ${c.message}`),
      );
      expect(errors).toEqual([]);
    });

    it('has no duplicate refs', () => {
      expect(evaluation.duplicateRefs).toEqual([]);
    });

    it('does not count the message-broker event-bus as a datastore', () => {
      expect(
        evaluation.sharedDatastores.map(s => s.datastoreRef),
      ).not.toContain('resource:default/event-bus');
    });
  });

  // 5. The demo exercises every principle both ways.
  describe('coverage', () => {
    const statusesOf = (checkId: string) =>
      new Set(
        evaluation.services.flatMap(s =>
          s.checks.filter(c => c.id === checkId).map(c => c.status),
        ),
      );

    it.each(checkIds)(
      '%s passes for some service and fails or warns for another',
      checkId => {
        const statuses = statusesOf(checkId);
        expect({
          passes: statuses.has('pass'),
          failsOrWarns: statuses.has('fail') || statuses.has('warn'),
        }).toEqual({ passes: true, failsOrWarns: true });
      },
    );
  });

  // 6. Waivers.
  describe('waivers', () => {
    const AUTH = 'security.api-authentication';
    const ON_CALL = 'devops.on-call';

    it('exempts label-service from api-authentication until 2027-12-31', () => {
      const result = resultOf(evaluation, 'label-service', AUTH);
      expect(result.status).toBe('exempt');
      expect(result.exemption).toEqual({
        reason: expect.stringMatching(/\S/),
        expires: '2027-12-31',
        source: 'annotation',
      });
    });

    it('reports the check again once the waiver on label-service has expired', () => {
      const later = evaluateCatalog(entities, defaultEngineConfig, {
        now: AFTER_LABEL_WAIVER,
      });
      const result = resultOf(later, 'label-service', AUTH);
      expect(result.status).toBe('fail');
      expect(result.exemption).toBeUndefined();
      expect(result.message).toContain('2027-12-31');
      expect(result.message).toMatch(/expired/);
      // One more failing check of weight 2; still no level (owned by a person).
      expect(evaluationOf(later, 'label-service')).toMatchObject({
        score: 83,
        level: 'none',
      });
    });

    it('keeps failing recommendations-service on on-call, noting the expired waiver', () => {
      const result = resultOf(evaluation, 'recommendations-service', ON_CALL);
      expect(result.status).toBe('fail');
      expect(result.exemption).toBeUndefined();
      expect(result.message).toContain('2025-06-30');
      expect(result.message).toMatch(/expired/);
    });

    it('exempts nothing else', () => {
      const exempt = evaluation.services.flatMap(s =>
        s.checks
          .filter(c => c.status === 'exempt')
          .map(c => `${s.entityRef} ${c.id}`),
      );
      expect(exempt).toEqual([`${refOf('label-service')} ${AUTH}`]);
    });
  });
});
