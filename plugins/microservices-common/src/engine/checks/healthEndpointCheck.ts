import {
  HEALTH_ENDPOINT_ANNOTATION,
  parseHealthEndpoint,
} from '../../health/parseHealthEndpoint';
import type { CheckDefinition } from '../types';
import { fail, pass } from './outcomes';

const REMEDIATION = `Add \`${HEALTH_ENDPOINT_ANNOTATION}: https://<host>/health\` under \`metadata.annotations\`: an absolute http(s) URL without \`user:pass@\`.`;

/**
 * `observability.health-endpoint`: the service declares a health endpoint the prober accepts
 * (scheme, userinfo and syntax; whether the operator allows its host is configuration of the
 * backend, not of the service).
 */
export const healthEndpointCheck: CheckDefinition = {
  id: 'observability.health-endpoint',
  principle: 'observability',
  title: 'Health endpoint declared',
  description: `Declares a health endpoint: \`${HEALTH_ENDPOINT_ANNOTATION}\` is an absolute http(s) URL without userinfo.`,
  defaultWeight: 1,
  evaluate(service) {
    const raw = service.metadata?.annotations?.[HEALTH_ENDPOINT_ANNOTATION];
    if (raw === undefined) {
      return fail(
        `Declares no health endpoint: \`${HEALTH_ENDPOINT_ANNOTATION}\` is not set.`,
        REMEDIATION,
      );
    }
    const parsed = parseHealthEndpoint(raw);
    if (!parsed.ok) {
      return fail(
        `The health endpoint is not one the prober accepts: ${parsed.reason}.`,
        REMEDIATION,
      );
    }
    return pass(`Declares the health endpoint \`${parsed.url.href}\`.`);
  },
};
