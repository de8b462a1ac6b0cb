import type { CheckResult } from './types';

/**
 * A check result as `POST /validate` and the linter's JSON write it: the contract's fields in
 * the contract's order, `exemption` and `related` only when present, nothing else an
 * adopter's check may have added.
 *
 * @public
 */
export function toCheckResultJson(check: CheckResult): CheckResult {
  const json: CheckResult = {
    id: check.id,
    principle: check.principle,
    status: check.status,
    message: check.message,
    remediation: check.remediation,
    weight: check.weight,
  };
  if (check.exemption) json.exemption = check.exemption;
  if (check.related) json.related = check.related;
  return json;
}
