import {
  isFailingCheck,
  type CheckResult,
  type CheckStatus,
  type LevelProgress,
  type ServiceDetail,
} from '@microservices-backstage/plugin-microservices-common';
import { comparePrinciples } from './principles';

export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = {
  fail: 'Fail',
  error: 'Error',
  warn: 'Warning',
  exempt: 'Exempt',
  pass: 'Pass',
  'not-applicable': 'Not applicable',
};

/** Problems first: the order checks are listed in. */
const STATUS_ORDER: CheckStatus[] = [
  'fail',
  'error',
  'warn',
  'exempt',
  'pass',
  'not-applicable',
];

export function compareCheckStatus(a: CheckStatus, b: CheckStatus): number {
  return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
}

/** Failing, warning and exempt checks: what a reader has to look at. */
export function needsAttention(check: Pick<CheckResult, 'status'>): boolean {
  return (
    isFailingCheck(check) ||
    check.status === 'warn' ||
    check.status === 'exempt'
  );
}

export type StatusCounts = Record<CheckStatus, number>;

export function countStatuses(
  checks: Pick<CheckResult, 'status'>[],
): StatusCounts {
  const counts: StatusCounts = {
    pass: 0,
    fail: 0,
    warn: 0,
    exempt: 0,
    'not-applicable': 0,
    error: 0,
  };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

export interface PrincipleGroup {
  principle: string;
  /** Every check, problems first. */
  checks: CheckResult[];
  /** Failing, warning and exempt checks: shown open. */
  attention: CheckResult[];
  /** Passing and not-applicable checks: collapsed ("18 passing"). */
  settled: CheckResult[];
  counts: StatusCounts;
  /** The worst status in the group. */
  worst: CheckStatus;
}

/**
 * The checks of one service grouped by principle: principles with problems first (worst
 * first), then in the document's order; in each, checks problems first then by id.
 */
export function groupChecksByPrinciple(
  checks: CheckResult[],
): PrincipleGroup[] {
  const groups = new Map<string, CheckResult[]>();
  for (const check of checks) {
    const list = groups.get(check.principle) ?? [];
    list.push(check);
    groups.set(check.principle, list);
  }
  return [...groups.entries()]
    .map(([principle, list]) => {
      const sorted = [...list].sort(
        (a, b) =>
          compareCheckStatus(a.status, b.status) || a.id.localeCompare(b.id),
      );
      return {
        principle,
        checks: sorted,
        attention: sorted.filter(needsAttention),
        settled: sorted.filter(c => !needsAttention(c)),
        counts: countStatuses(sorted),
        worst: sorted[0].status,
      };
    })
    .sort((a, b) => {
      const problem = (g: PrincipleGroup) =>
        isFailingCheck({ status: g.worst }) || g.worst === 'warn'
          ? compareCheckStatus(g.worst, 'pass')
          : 0;
      return (
        problem(a) - problem(b) || comparePrinciples(a.principle, b.principle)
      );
    });
}

/** "2 failing, 1 warning, 3 passing" — the non-zero counts, problems first. */
export function describeCounts(counts: StatusCounts): string {
  const parts: string[] = [];
  const add = (n: number, singular: string, plural = singular) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? singular : plural}`);
  };
  add(counts.fail, 'failing');
  add(counts.error, 'error', 'errors');
  add(counts.warn, 'warning', 'warnings');
  add(counts.exempt, 'exempt');
  add(counts.pass, 'passing');
  add(counts['not-applicable'], 'not applicable');
  return parts.join(', ') || 'no checks';
}

/**
 * What a service needs for the next level, in words: "2 checks to silver: Owned by a team,
 * Not on a dependency cycle", plus the points it is short of the level's minimum score.
 * Undefined at the highest level.
 */
export function describeNextLevel(
  next: LevelProgress | undefined,
  titleOf: (checkId: string) => string = id => id,
): string | undefined {
  if (!next) return undefined;
  const parts: string[] = [];
  const n = next.missingChecks.length;
  if (n > 0) {
    parts.push(
      `${n} check${n === 1 ? '' : 's'} to ${next.level}: ${next.missingChecks
        .map(titleOf)
        .join(', ')}`,
    );
  }
  if (next.scoreShortfall > 0) {
    const points = `${next.scoreShortfall} point${
      next.scoreShortfall === 1 ? '' : 's'
    }`;
    parts.push(
      n > 0
        ? `and ${points} of score (${next.level} needs ${next.minScore})`
        : `${points} of score to ${next.level} (it needs ${next.minScore})`,
    );
  }
  if (parts.length === 0)
    return `Ready for ${next.level} at the next evaluation`;
  return parts.join('; ');
}

/** The check whose `related` refs are exactly the refs that name no entity. */
export const REFERENCES_RESOLVE_CHECK = 'decomposition.references-resolve';

/**
 * Refs of a service's result that name no entity in the catalog (lower-case): the edges the
 * backend marks `exists: false`, and what the failing references check names. Shown as text,
 * never as links to a page that does not exist.
 */
export function missingRefsOf(
  detail: Pick<ServiceDetail, 'upstream' | 'downstream' | 'checks'>,
): Set<string> {
  const refs = new Set<string>();
  for (const edge of [
    ...(detail.upstream ?? []),
    ...(detail.downstream ?? []),
  ]) {
    if (!edge.exists) refs.add(edge.entityRef.toLocaleLowerCase('en-US'));
  }
  const check = detail.checks.find(c => c.id === REFERENCES_RESOLVE_CHECK);
  if (check && isFailingCheck(check)) {
    for (const ref of check.related ?? []) {
      refs.add(ref.toLocaleLowerCase('en-US'));
    }
  }
  return refs;
}
