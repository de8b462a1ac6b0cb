/*
 * The health-endpoint annotation and the one parser both the compliance check and the
 * backend's prober use, so that "declared and acceptable" means the same in both places.
 * Pure: no DNS, no network; where the host resolves is the prober's question.
 */

/**
 * The annotation a service declares its health endpoint with.
 *
 * @public
 */
export const HEALTH_ENDPOINT_ANNOTATION =
  'microservices.backstage.io/health-endpoint';

/**
 * Longest accepted URL.
 *
 * @public
 */
export const HEALTH_ENDPOINT_MAX_LENGTH = 2048;

/** @public */
export type ParsedHealthEndpoint =
  | {
      ok: true;
      /** The URL as WHATWG parsing normalizes it (odd IPv4 spellings become dotted quads). */
      url: URL;
      /** `url.hostname` without IPv6 brackets. */
      host: string;
    }
  | { ok: false; reason: string };

/** `scheme://user@` or `scheme://:pass@` before the first path, query or fragment character. */
const USERINFO = /^[a-z][a-z0-9+.-]*:[/\\]*[^/\\?#]*@/i;

/**
 * Whether `value` is a health endpoint the prober accepts: an absolute `http` or `https` URL
 * with a host and without userinfo (`user:pass@`).
 *
 * @public
 */
export function parseHealthEndpoint(value: unknown): ParsedHealthEndpoint {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, reason: 'the URL is empty' };
  }
  const text = value.trim();
  if (text.length > HEALTH_ENDPOINT_MAX_LENGTH) {
    return {
      ok: false,
      reason: `the URL is longer than ${HEALTH_ENDPOINT_MAX_LENGTH} characters`,
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `\`${text}\` is not an absolute URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      reason: `the scheme \`${url.protocol.replace(
        /:$/,
        '',
      )}\` is not allowed (only http and https)`,
    };
  }
  if (url.username !== '' || url.password !== '' || USERINFO.test(text)) {
    return {
      ok: false,
      reason: 'the URL carries userinfo (`user:pass@`), which is never sent',
    };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') {
    return { ok: false, reason: 'the URL has no host' };
  }
  return { ok: true, url, host };
}
