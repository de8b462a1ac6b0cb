import type {
  CheckResult,
  GroupScore,
  LandscapeSummary,
  PrinciplePassRate,
} from '@microservices-backstage/plugin-microservices-common';

export interface SummaryInput {
  services: Array<{
    entityRef: string;
    owner?: string;
    system?: string;
    domain?: string;
    score: number;
    level: string;
    checks: CheckResult[];
  }>;
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
  const groups = new Map<string, { total: number; count: number }>();
  for (const service of services) {
    const k = key(service);
    if (!k) continue;
    const g = groups.get(k) ?? { total: 0, count: 0 };
    g.total += service.score;
    g.count += 1;
    groups.set(k, g);
  }
  return [...groups.entries()]
    .map(([k, g]) => ({
      key: k,
      serviceCount: g.count,
      averageScore: Math.round(g.total / g.count),
    }))
    .sort((a, b) => a.averageScore - b.averageScore || a.key.localeCompare(b.key));
}

/** Pass rate per principle, scores per owner/system/domain, levels, cycles, shared datastores. */
export function buildLandscapeSummary(input: SummaryInput): LandscapeSummary {
  const principles = new Map<string, PrinciplePassRate>();
  const levels = new Map<string, number>();
  for (const service of input.services) {
    levels.set(service.level, (levels.get(service.level) ?? 0) + 1);
    for (const check of service.checks) {
      let p = principles.get(check.principle);
      if (!p) {
        p = {
          principle: check.principle,
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
    }
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

  return {
    serviceCount: input.services.length,
    evaluatedAt: input.run?.finishedAt,
    principles: [...principles.values()],
    byOwner: groupScores(input.services, s => s.owner),
    bySystem: groupScores(input.services, s => s.system),
    byDomain: groupScores(input.services, s => s.domain),
    levels: [...levels.entries()]
      .map(([level, count]) => ({ level, count }))
      .sort((a, b) => b.count - a.count),
    sharedDatastores: (input.run?.sharedDatastores ?? []).filter(d =>
      d.services.every(isShown),
    ),
    cycles: (input.run?.cycles ?? []).filter(c => c.every(isShown)),
  };
}
