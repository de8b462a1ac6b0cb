import type { CheckResult } from './types';

/**
 * round(100 × (Σ weight(pass) + ½ Σ weight(warn)) / Σ weight(pass, warn, fail, error)).
 * `not-applicable` and `exempt` results count in neither sum; 100 when
 * nothing weighted applies.
 *
 * @public
 */
export function scoreChecks(checks: readonly CheckResult[]): number {
  let earned = 0;
  let possible = 0;
  for (const { status, weight } of checks) {
    if (status === 'pass') earned += weight;
    if (status === 'warn') earned += weight / 2;
    if (
      status === 'pass' ||
      status === 'warn' ||
      status === 'fail' ||
      status === 'error'
    ) {
      possible += weight;
    }
  }
  return possible === 0 ? 100 : Math.round((100 * earned) / possible);
}
