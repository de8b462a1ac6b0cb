import type { HealthStatus } from '@microservices-backstage/plugin-microservices-common';

/*
 * What a health endpoint's JSON body says: Spring Boot actuator (`UP`, `DOWN`,
 * `OUT_OF_SERVICE`, `UNKNOWN`), the IETF health-check draft (`pass`, `warn`, `fail`) and a
 * plain JSON `status` in the usual words. Unrecognized words are degraded, not healthy.
 */
const WORDS: Record<string, HealthStatus> = {
  up: 'healthy',
  pass: 'healthy',
  ok: 'healthy',
  healthy: 'healthy',
  green: 'healthy',
  warn: 'degraded',
  warning: 'degraded',
  degraded: 'degraded',
  yellow: 'degraded',
  out_of_service: 'degraded',
  unknown: 'degraded',
  down: 'unhealthy',
  fail: 'unhealthy',
  failed: 'unhealthy',
  error: 'unhealthy',
  unhealthy: 'unhealthy',
  critical: 'unhealthy',
  red: 'unhealthy',
};

/** The body's verdict, or undefined when the body is not JSON with a string `status`. */
export function classifyHealthBody(
  body: string,
): { status: HealthStatus; word: string } | undefined {
  const text = body.trim();
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const word = (parsed as { status?: unknown })?.status;
  if (typeof word !== 'string' || word.trim() === '') return undefined;
  const status = WORDS[word.trim().toLowerCase()] ?? 'degraded';
  return { status, word: word.trim().slice(0, 40) };
}
