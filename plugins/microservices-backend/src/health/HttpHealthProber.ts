import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import {
  parseHealthEndpoint,
  ServiceHealth,
} from '@microservices-backstage/plugin-microservices-common';
import {
  addressRefusal,
  isHostAllowed,
  parseAllowedRanges,
} from './addressPolicy';
import { classifyHealthBody } from './classifyHealthBody';

export interface HttpHealthProberOptions {
  /** Per probe, covering DNS, connect, headers and body. */
  timeoutMs: number;
  /** A healthy answer slower than this is `degraded`. */
  degradedLatencyMs: number;
  /** Exact host names, `*.domain`, or `'*'`; empty: nothing is probed. */
  allowedHosts: string[];
  /** CIDR ranges of otherwise forbidden addresses that may be connected to. */
  allowedRanges: string[];
  /** Bytes of the body read at most; then the connection is closed. Default 64 kB. */
  maxBodyBytes?: number;
  /** For tests: replaces `dns.lookup(host, { all: true })`. */
  resolve?: (
    host: string,
  ) => Promise<Array<{ address: string; family: number }>>;
}

const DEFAULT_MAX_BODY = 64 * 1024;
const TIMEOUT = Symbol('timeout');
const USER_AGENT = 'backstage-microservices-health-prober';

const resolveAll = (host: string) =>
  dns.promises.lookup(host, { all: true, verbatim: true });

/**
 * Probes health endpoints over HTTP(S), guarded against SSRF: only http(s) without userinfo,
 * only allowed hosts, every resolved address checked (loopback, private, link-local, ... are
 * refused unless in `allowedRanges`), the connection made to that checked address only (no
 * second resolution), no redirects followed, the body read up to a cap, one timeout for all.
 * Sends no credentials and no headers from the catalog.
 */
export class HttpHealthProber {
  private readonly ranges: ReturnType<typeof parseAllowedRanges>;
  private readonly maxBody: number;
  private readonly resolve: NonNullable<HttpHealthProberOptions['resolve']>;

  constructor(private readonly options: HttpHealthProberOptions) {
    this.ranges = parseAllowedRanges(options.allowedRanges);
    this.maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.resolve = options.resolve ?? resolveAll;
  }

  /** Probes each URL with at most `concurrency` probes in flight; results in input order. */
  async probeAll(
    urls: string[],
    concurrency: number,
  ): Promise<ServiceHealth[]> {
    const results: ServiceHealth[] = new Array(urls.length);
    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const i = next++;
        results[i] = await this.probe(urls[i]);
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.max(1, Math.min(concurrency, urls.length)) },
        worker,
      ),
    );
    return results;
  }

  /** One probe; never throws. */
  async probe(rawUrl: string): Promise<ServiceHealth> {
    const checkedAt = new Date().toISOString();
    const unknown = (message: string): ServiceHealth => ({
      status: 'unknown',
      checkedAt,
      message: `refused: ${message}`,
    });

    const parsed = parseHealthEndpoint(rawUrl);
    if (!parsed.ok) return unknown(parsed.reason);
    const { url, host } = parsed;
    if (!isHostAllowed(host, this.options.allowedHosts)) {
      return unknown(
        this.options.allowedHosts.length === 0
          ? `no host is allowed (microservices.health.allowedHosts is empty)`
          : `${host} is not in allowedHosts`,
      );
    }

    const started = Date.now();
    const deadline = started + this.options.timeoutMs;
    const unhealthy = (
      message: string,
      extra: Partial<ServiceHealth> = {},
    ): ServiceHealth => ({
      status: 'unhealthy',
      checkedAt,
      latencyMs: Date.now() - started,
      message,
      ...extra,
    });

    // Resolve once; every address must pass; connect only to a checked one.
    let addresses: Array<{ address: string; family: number }>;
    if (net.isIP(host)) {
      addresses = [{ address: host, family: net.isIP(host) }];
    } else {
      try {
        addresses = await withDeadline(this.resolve(host), deadline);
      } catch (e) {
        if (e === TIMEOUT)
          return unhealthy(
            `no answer within ${this.options.timeoutMs} ms (DNS)`,
          );
        return unhealthy(
          `DNS lookup of ${host} failed (${
            (e as NodeJS.ErrnoException).code ?? e
          })`,
        );
      }
      if (addresses.length === 0) return unhealthy(`${host} has no address`);
    }
    for (const { address } of addresses) {
      const refusal = addressRefusal(address, this.ranges);
      if (refusal) return unknown(refusal);
    }
    const target = addresses[0];
    return this.request(url, target, deadline, started, checkedAt);
  }

  private request(
    url: URL,
    target: { address: string; family: number },
    deadline: number,
    started: number,
    checkedAt: string,
  ): Promise<ServiceHealth> {
    const { timeoutMs, degradedLatencyMs } = this.options;
    // The connect hook answers with the checked address only: no second resolution.
    const lookup: LookupFunction = (_hostname, opts, callback) => {
      if ((opts as { all?: boolean }).all) {
        (callback as any)(null, [
          { address: target.address, family: target.family },
        ]);
      } else {
        callback(null, target.address, target.family);
      }
    };
    const client = url.protocol === 'https:' ? https : http;

    return new Promise<ServiceHealth>(resolvePromise => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined = undefined;
      let req: http.ClientRequest | undefined = undefined;
      const finish = (health: ServiceHealth) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req?.destroy();
        resolvePromise(health);
      };
      const unhealthy = (message: string, extra: Partial<ServiceHealth> = {}) =>
        finish({
          status: 'unhealthy',
          checkedAt,
          latencyMs: Date.now() - started,
          message,
          ...extra,
        });

      req = client.request(url, {
        method: 'GET',
        agent: false,
        lookup,
        headers: {
          accept: 'application/json, */*;q=0.5',
          'user-agent': USER_AGENT,
        },
        // No redirects: http/https never follow them; a 3xx is a result below.
      });
      timer = setTimeout(
        () => unhealthy(`no answer within ${timeoutMs} ms`),
        Math.max(0, deadline - Date.now()),
      );
      req.on('socket', socket => {
        socket.on('connect', () => {
          // Belt and braces: the peer must be the address that was checked.
          const peer = socket.remoteAddress;
          if (peer && net.isIP(peer) && !sameAddress(peer, target.address)) {
            unhealthy(
              `connected to ${peer}, not the checked address ${target.address}`,
            );
          }
        });
      });
      req.on('error', e => {
        const code = (e as NodeJS.ErrnoException).code;
        unhealthy(
          code
            ? `${describeError(code)} (${code})`
            : `request failed: ${e.message}`,
        );
      });
      req.on('response', res => {
        const httpStatus = res.statusCode ?? 0;
        if (httpStatus >= 300 && httpStatus < 400) {
          const location = String(res.headers.location ?? '(none)').slice(
            0,
            300,
          );
          unhealthy(
            `HTTP ${httpStatus} redirect to ${location}, not followed`,
            { httpStatus },
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const done = () => {
          const latencyMs = Date.now() - started;
          const body = Buffer.concat(chunks).toString('utf8');
          finish(
            verdict({
              httpStatus,
              body,
              truncated,
              latencyMs,
              degradedLatencyMs,
              checkedAt,
            }),
          );
        };
        res.on('data', (chunk: Buffer) => {
          if (settled || truncated) return;
          const room = this.maxBody - size;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          size += Math.min(chunk.length, room);
          if (size >= this.maxBody) {
            truncated = true;
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', () => {
          if (!truncated)
            unhealthy('the connection closed while reading the body', {
              httpStatus,
            });
        });
      });
      req.end();
    });
  }
}

function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(TIMEOUT),
        Math.max(0, deadline - Date.now()),
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

function sameAddress(a: string, b: string): boolean {
  try {
    return (
      ipaddr.process(a).toNormalizedString() ===
      ipaddr.process(b).toNormalizedString()
    );
  } catch {
    return false;
  }
}

function describeError(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable';
    default:
      return code.startsWith('ERR_TLS') || code.includes('CERT')
        ? 'TLS error'
        : 'request failed';
  }
}

function verdict(seen: {
  httpStatus: number;
  body: string;
  truncated: boolean;
  latencyMs: number;
  degradedLatencyMs: number;
  checkedAt: string;
}): ServiceHealth {
  const {
    httpStatus,
    body,
    truncated,
    latencyMs,
    degradedLatencyMs,
    checkedAt,
  } = seen;
  const base = { checkedAt, latencyMs, httpStatus };
  const cut = truncated ? ' (body cut at the size limit)' : '';
  const said = classifyHealthBody(body);
  if (httpStatus >= 400 || httpStatus < 200) {
    const words = said ? `, body says ${said.word}` : '';
    return {
      ...base,
      status: 'unhealthy',
      message: `HTTP ${httpStatus}${words}${cut}`,
    };
  }
  if (said && said.status !== 'healthy') {
    return {
      ...base,
      status: said.status,
      message: `HTTP ${httpStatus}, body says ${said.word}${cut}`,
    };
  }
  if (latencyMs > degradedLatencyMs) {
    return {
      ...base,
      status: 'degraded',
      message: `HTTP ${httpStatus} in ${latencyMs} ms, slower than ${degradedLatencyMs} ms${cut}`,
    };
  }
  const words = said ? `, body says ${said.word}` : '';
  return {
    ...base,
    status: 'healthy',
    message: `HTTP ${httpStatus}${words}${cut}`,
  };
}
