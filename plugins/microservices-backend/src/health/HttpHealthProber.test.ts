/* eslint-disable jest/expect-expect */ // the SSRF cases assert in expectRefused
/* eslint jest/no-standalone-expect: ["error", { "additionalTestBlockFunctions": ["ipv6It"] }] */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import { HttpHealthProber, HttpHealthProberOptions } from './HttpHealthProber';

jest.setTimeout(30_000);

const HAS_IPV6_LOOPBACK = Object.values(os.networkInterfaces())
  .flat()
  .some(i => i?.address === '::1');
const ipv6It = HAS_IPV6_LOOPBACK ? it : it.skip;

/** A loopback test server that counts connections and answers per path. */
async function startServer(host = '127.0.0.1') {
  const state = { connections: 0, bytesWritten: 0 };
  const sockets = new Set<Socket>();
  // eslint-disable-next-line consistent-return
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/healthy') return json(200, { status: 'UP' });
    if (path === '/plain') return res.end('OK');
    if (path === '/slow')
      return void setTimeout(() => json(200, { status: 'UP' }), 400);
    if (path === '/hang') return undefined; // never answers
    if (path === '/500') return json(500, { status: 'DOWN' });
    if (path === '/spring-down') return json(200, { status: 'DOWN' });
    if (path === '/spring-out') return json(200, { status: 'OUT_OF_SERVICE' });
    if (path === '/ietf-pass') return json(200, { status: 'pass' });
    if (path === '/ietf-warn') return json(200, { status: 'warn' });
    if (path === '/ietf-fail') return json(200, { status: 'fail' });
    if (path === '/plain-degraded') return json(200, { status: 'degraded' });
    if (path === '/redirect') {
      res.writeHead(302, {
        location: 'http://169.254.169.254/latest/meta-data/',
      });
      return res.end();
    }
    if (path === '/huge') {
      // 200 MB of JSON-ish bytes, written as fast as the client reads.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const total = 200 * 1024 * 1024;
      const write = () => {
        while (state.bytesWritten < total && !res.destroyed) {
          state.bytesWritten += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', write);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => undefined);
      return write();
    }
    return json(404, { status: 'missing' });
  });
  server.on('connection', socket => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    state,
    port,
    url: (path: string) =>
      `http://${host.includes(':') ? `[${host}]` : host}:${port}${path}`,
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const OPEN: HttpHealthProberOptions = {
  timeoutMs: 1000,
  degradedLatencyMs: 200,
  allowedHosts: ['127.0.0.1', 'localhost', 'health.example.test'],
  allowedRanges: ['127.0.0.1/32'],
};

describe('HttpHealthProber', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.close();
  });

  describe('status', () => {
    const prober = new HttpHealthProber(OPEN);

    it.each([
      ['/healthy', 'healthy', 200, 'body says UP'],
      ['/plain', 'healthy', 200, 'HTTP 200'],
      ['/ietf-pass', 'healthy', 200, 'body says pass'],
      ['/500', 'unhealthy', 500, 'HTTP 500'],
      ['/404', 'unhealthy', 404, 'HTTP 404'],
      ['/spring-down', 'unhealthy', 200, 'body says DOWN'],
      ['/spring-out', 'degraded', 200, 'body says OUT_OF_SERVICE'],
      ['/ietf-warn', 'degraded', 200, 'body says warn'],
      ['/ietf-fail', 'unhealthy', 200, 'body says fail'],
      ['/plain-degraded', 'degraded', 200, 'body says degraded'],
    ])('%s is %s', async (path, status, httpStatus, message) => {
      const health = await prober.probe(server.url(path));
      expect(health).toMatchObject({ status, httpStatus });
      expect(health.message).toContain(message);
      expect(health.latencyMs).toEqual(expect.any(Number));
      expect(health.checkedAt).toEqual(expect.any(String));
    });

    it('is degraded when slower than degradedLatency', async () => {
      const health = await prober.probe(server.url('/slow'));
      expect(health).toMatchObject({ status: 'degraded', httpStatus: 200 });
      expect(health.message).toContain('slower than 200 ms');
      expect(health.latencyMs).toBeGreaterThanOrEqual(200);
    });

    it('is unhealthy when the endpoint hangs, after the timeout', async () => {
      const started = Date.now();
      const health = await prober.probe(server.url('/hang'));
      expect(health).toMatchObject({ status: 'unhealthy' });
      expect(health.message).toContain('no answer within 1000 ms');
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('is unhealthy when the connection is refused', async () => {
      const closed = await startServer();
      const url = closed.url('/healthy');
      await closed.close();
      const health = await prober.probe(url);
      expect(health).toMatchObject({ status: 'unhealthy' });
      expect(health.message).toContain('connection refused');
    });

    it('stops reading a 200 MB body at the cap and closes the connection', async () => {
      const started = Date.now();
      const health = await prober.probe(server.url('/huge'));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(health).toMatchObject({ httpStatus: 200 });
      expect(health.message).toContain('body cut at the size limit');
      // The server got nowhere near 200 MB out (socket buffers allow a few MB at most).
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(server.state.bytesWritten).toBeLessThan(50 * 1024 * 1024);
    });

    it('does not follow a redirect: a 3xx is unhealthy and names the Location', async () => {
      const health = await prober.probe(server.url('/redirect'));
      expect(health).toMatchObject({ status: 'unhealthy', httpStatus: 302 });
      expect(health.message).toBe(
        'HTTP 302 redirect to http://169.254.169.254/latest/meta-data/, not followed',
      );
      expect(server.state.connections).toBe(1);
    });

    it('probes many with bounded concurrency, in input order', async () => {
      const urls = ['/healthy', '/500', '/ietf-warn', '/healthy'].map(
        server.url,
      );
      const results = await prober.probeAll(urls, 2);
      expect(results.map(r => r.status)).toEqual([
        'healthy',
        'unhealthy',
        'degraded',
        'healthy',
      ]);
    });

    it('connects to a host name it resolved and checked (allowed range)', async () => {
      const named = new HttpHealthProber({
        ...OPEN,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      });
      const health = await named.probe(
        `http://health.example.test:${server.port}/healthy`,
      );
      expect(health).toMatchObject({ status: 'healthy' });
    });
  });

  describe('the SSRF guard', () => {
    /** Any host name, but no range opened: loopback is forbidden. */
    const closed = new HttpHealthProber({
      ...OPEN,
      allowedHosts: ['*'],
      allowedRanges: [],
    });

    async function expectRefused(
      prober: HttpHealthProber,
      url: string,
      reason: string | RegExp,
    ) {
      const health = await prober.probe(url);
      expect(health.status).toBe('unknown');
      expect(health.message).toMatch(reason);
      expect(health.httpStatus).toBeUndefined();
      expect(server.state.connections).toBe(0);
    }

    it('refuses loopback literals with the reason', async () => {
      await expectRefused(
        closed,
        server.url('/healthy'),
        /^refused: 127\.0\.0\.1 is a loopback address and not in allowedRanges$/,
      );
    });

    it.each([
      ['decimal', 'http://2130706433:PORT/healthy'],
      ['short', 'http://127.1:PORT/healthy'],
      ['hex short', 'http://0x7f.1:PORT/healthy'],
      ['octal', 'http://0177.0.0.1:PORT/healthy'],
    ])('refuses the %s IPv4 spelling of loopback', async (_, url) => {
      await expectRefused(
        closed,
        url.replace('PORT', String(server.port)),
        'refused: 127.0.0.1 is a loopback address',
      );
    });

    it('refuses a host name that resolves to 127.0.0.1 (localhost)', async () => {
      await expectRefused(
        closed,
        `http://localhost:${server.port}/healthy`,
        /refused: (127\.0\.0\.1|::1) is a loopback address and not in allowedRanges/,
      );
    });

    it('refuses a name when any of its addresses is forbidden', async () => {
      const prober = new HttpHealthProber({
        ...OPEN,
        allowedHosts: ['*'],
        resolve: async () => [
          { address: '127.0.0.1', family: 4 },
          { address: '10.0.0.7', family: 4 },
        ],
      });
      await expectRefused(
        prober,
        `http://mixed.example.test:${server.port}/healthy`,
        'refused: 10.0.0.7 is a private (RFC 1918) address',
      );
    });

    ipv6It(
      'never connects to a server on ::1 unless ::1 is allowed',
      async () => {
        const v6 = await startServer('::1');
        try {
          const health = await closed.probe(v6.url('/healthy'));
          expect(health.message).toBe(
            'refused: ::1 is a loopback address and not in allowedRanges',
          );
          expect(v6.state.connections).toBe(0);
          const open6 = new HttpHealthProber({
            ...OPEN,
            // About the address, not latency: a busy machine must not make it `degraded`.
            timeoutMs: 10_000,
            degradedLatencyMs: 10_000,
            allowedHosts: ['::1'],
            allowedRanges: ['::1/128'],
          });
          expect((await open6.probe(v6.url('/healthy'))).status).toBe(
            'healthy',
          );
          expect(v6.state.connections).toBe(1);
        } finally {
          await v6.close();
        }
      },
    );

    it('refuses IPv6 loopback and IPv4-mapped literals', async () => {
      await expectRefused(
        closed,
        `http://[::1]:${server.port}/healthy`,
        'refused: ::1 is a loopback address',
      );
      await expectRefused(
        closed,
        `http://[::ffff:127.0.0.1]:${server.port}/healthy`,
        'refused: ::ffff:7f00:1 is an IPv4-mapped IPv6 address of 127.0.0.1, a loopback address',
      );
    });

    it.each([
      [
        'http://169.254.169.254/latest/meta-data/',
        'link-local address (the cloud metadata address)',
      ],
      ['http://10.1.2.3/health', 'private (RFC 1918)'],
      ['http://172.16.0.1/health', 'private (RFC 1918)'],
      ['http://192.168.1.1/health', 'private (RFC 1918)'],
      ['http://100.64.0.1/health', 'carrier-grade NAT'],
      ['http://224.0.0.1/health', 'multicast'],
      ['http://255.255.255.255/health', 'broadcast'],
      ['http://0.0.0.0/health', 'unspecified'],
      ['http://240.0.0.1/health', 'reserved'],
      ['http://[fe80::1]/health', 'link-local'],
      ['http://[fd00::1]/health', 'unique-local (RFC 4193)'],
      ['http://[::]/health', 'unspecified'],
      [
        'http://[::ffff:10.0.0.1]/health',
        'IPv4-mapped IPv6 address of 10.0.0.1, a private',
      ],
    ])('refuses %s', async (url, reason) => {
      await expectRefused(closed, url, reason);
    });

    it.each([
      ['file:///etc/passwd', 'scheme `file`'],
      ['gopher://127.0.0.1:PORT/_GET%20/', 'scheme `gopher`'],
      ['http://user:pass@127.0.0.1:PORT/healthy', 'userinfo'],
      ['http://user@127.0.0.1:PORT/healthy', 'userinfo'],
    ])('refuses %s even where loopback is allowed', async (url, reason) => {
      const open = new HttpHealthProber(OPEN);
      await expectRefused(
        open,
        url.replace('PORT', String(server.port)),
        reason,
      );
    });

    it('refuses every host when allowedHosts is empty (the default)', async () => {
      const none = new HttpHealthProber({ ...OPEN, allowedHosts: [] });
      await expectRefused(
        none,
        server.url('/healthy'),
        'allowedHosts is empty',
      );
    });

    it('refuses hosts not in allowedHosts; *.domain matches subdomains only', async () => {
      const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
      const prober = new HttpHealthProber({
        ...OPEN,
        allowedHosts: ['*.example.test'],
        resolve,
      });
      await expectRefused(
        prober,
        `http://example.test:${server.port}/healthy`,
        'refused: example.test is not in allowedHosts',
      );
      await expectRefused(
        prober,
        `http://evil-example.test:${server.port}/healthy`,
        'not in allowedHosts',
      );
      const ok = await prober.probe(
        `http://a.example.test:${server.port}/healthy`,
      );
      expect(ok.status).toBe('healthy');
    });
  });
});
