import {
  CheckResult,
  GroupScore,
  HEALTH_STATUSES,
  HealthStatus,
  isFailingCheck,
  LandscapeSummary,
  PrinciplePassRate,
} from '@microservices-backstage/plugin-microservices-common';

export interface SummaryInput {
  services: Array<{
    entityRef: string;
    owner?: string;
    system?: string;
    domain?: string;
    lifecycle?: string;
    score: number;
    level: string;
    checks: CheckResult[];
    health?: HealthStatus;
  }>;
  /** The configured level names, highest first, then the level below all. */
  levelOrder: string[];
  run?: {
    finishedAt: string;
    cycles: string[][];
    sharedDatastores: LandscapeSummary['sharedDatastores'];
  };
  /**
   * Every evaluated service (lower-case refs). Cycles and shared datastores that involve a
   * service outside `services` (one the caller may not see) are left out.
   */
  allServiceRefs: Set<string>;
}

function groupScores(
  services: SummaryInput['services'],
  key: (s: SummaryInput['services'][number]) => string | undefined,
): GroupScore[] {
  // '' collects the services without one; it becomes the entry without `key`.
  const groups = new Map<string, { total: number; count: number }>();
  for (const service of services) {
    const k = key(service) ?? '';
    const g = groups.get(k) ?? { total: 0, count: 0 };
    g.total += service.score;
    g.count += 1;
    groups.set(k, g);
  }
  return [...groups.entries()]
    .map(([k, g]): GroupScore => {
      const group: GroupScore = {
        serviceCount: g.count,
        averageScore: Math.round(g.total / g.count),
      };
      if (k) group.key = k;
      return group;
    })
    .sort(
      (a, b) =>
        a.averageScore - b.averageScore ||
        (a.key ?? '').localeCompare(b.key ?? ''),
    );
}

const distinctSorted = (values: Array<string | undefined>) =>
  [...new Set(values.filter((v): v is string => !!v))].sort();

/** Worst pass rate first; principles with nothing applicable last. */
function byPassRate(a: PrinciplePassRate, b: PrinciplePassRate): number {
  if (a.passRate === null || b.passRate === null) {
    return Number(a.passRate === null) - Number(b.passRate === null);
  }
  return a.passRate - b.passRate || a.principle.localeCompare(b.principle);
}

/** Pass rate per principle, scores per owner/system/domain, levels, cycles, shared datastores. */
export function buildLandscapeSummary(input: SummaryInput): LandscapeSummary {
  const principles = new Map<string, PrinciplePassRate>();
  const levels = new Map<string, number>(input.levelOrder.map(l => [l, 0]));
  const health = new Map<HealthStatus, number>(HEALTH_STATUSES.map(h => [h, 0]));
  for (const service of input.services) {
    levels.set(service.level, (levels.get(service.level) ?? 0) + 1);
    const status = service.health ?? 'unknown';
    health.set(status, (health.get(status) ?? 0) + 1);
    const failing = new Set<string>();
    const applicable = new Set<string>();
    for (const check of service.checks) {
      let p = principles.get(check.principle);
      if (!p) {
        p = {
          principle: check.principle,
          failingServices: 0,
          applicableServices: 0,
          pass: 0,
          fail: 0,
          warn: 0,
          exempt: 0,
          notApplicable: 0,
          error: 0,
          passRate: null,
        };
        principles.set(check.principle, p);
      }
      if (check.status === 'not-applicable') p.notApplicable += 1;
      else p[check.status] += 1;
      if (isFailingCheck(check)) failing.add(check.principle);
      if (check.status !== 'not-applicable') applicable.add(check.principle);
    }
    for (const principle of failing) principles.get(principle)!.failingServices += 1;
    for (const principle of applicable) principles.get(principle)!.applicableServices += 1;
  }
  for (const p of principles.values()) {
    const applicable = p.pass + p.fail + p.warn + p.error;
    p.passRate = applicable ? p.pass / applicable : null;
  }

  const visible = new Set(input.services.map(s => s.entityRef.toLocaleLowerCase('en-US')));
  const isShown = (ref: string) => {
    const r = ref.toLocaleLowerCase('en-US');
    return !input.allServiceRefs.has(r) || visible.has(r);
  };

  const total = input.services.reduce((sum, s) => sum + s.score, 0);
  const order = new Map(input.levelOrder.map((level, index) => [level, index]));
  return {
    serviceCount: input.services.length,
    averageScore: input.services.length
      ? Math.round(total / input.services.length)
      : null,
    evaluatedAt: input.run?.finishedAt,
    principles: [...principles.values()].sort(byPassRate),
    byOwner: groupScores(input.services, s => s.owner),
    bySystem: groupScores(input.services, s => s.system),
    byDomain: groupScores(input.services, s => s.domain),
    // Configured levels in their order; a level no longer configured (older results) after them.
    levels: [...levels.entries()]
      .map(([level, count]) => ({ level, count }))
      .sort(
        (a, b) =>
          (order.get(a.level) ?? order.size) - (order.get(b.level) ?? order.size),
      ),
    health: [...health.entries()].map(([status, count]) => ({ status, count })),
    filterOptions: {
      owners: distinctSorted(input.services.map(s => s.owner)),
      systems: distinctSorted(input.services.map(s => s.system)),
      domains: distinctSorted(input.services.map(s => s.domain)),
      lifecycles: distinctSorted(input.services.map(s => s.lifecycle)),
      levels: input.levelOrder.filter(level => levels.get(level)),
    },
    sharedDatastores: (input.run?.sharedDatastores ?? []).filter(d =>
      d.services.every(isShown),
    ),
    cycles: (input.run?.cycles ?? []).filter(c => c.every(isShown)),
  };
}
