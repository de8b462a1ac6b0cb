/*
 * Bad input, everywhere (issue 10): a table of hostile inputs over every route and parameter.
 * Whatever comes in: never a 5xx, a JSON body with a message on every 4xx, and never a stack
 * trace or a file path in the body. Inputs that can only be wrong (a negative limit, an object
 * where a string goes, a path parameter that is no entity name) must be refused with a 4xx.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { VALIDATE_MAX_BODY_BYTES } from '@microservices-backstage/plugin-microservices-common';
import net from 'net';
import request from 'supertest';
import { microservicesPlugin } from '../plugin';

jest.setTimeout(180_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      system: 'shop',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-a' },
    spec: { type: 'team', children: [] },
  },
];

/** `refuse`: must be a 4xx. `any`: may be a 2xx (a valid, odd input) or a 4xx. */
type Expect = 'refuse' | 'any';
interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  path: string;
  expect: Expect;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Values that are no entity name, raw in the path (already percent-encoded where needed). */
const BAD_PATH_SEGMENTS = [
  '%00',
  'a%00b',
  '%2F',
  'a%2Fb',
  '%2E%2E',
  '..%2F..%2Fetc%2Fpasswd',
  '%5C',
  'x'.repeat(64),
  'x'.repeat(5000),
  '%E2%80%AE',
  '%F0%9F%98%80',
  'caf%C3%A9',
  '%FF',
  '%E0%A4%A',
  '%',
  '%25',
  'a%20b',
  '-a',
  'a-',
  '_',
  '%0A',
  '%27%20OR%201%3D1--',
  '%22%3Bdrop%20table%20microservices_runs%3B--',
  '%3Cscript%3E',
  '%7B%7D',
  '__proto__',
];

/** Hostile values for any query parameter, as raw `name=value` pairs (name substituted). */
const HOSTILE_QUERY = (p: string): Array<[string, Expect]> => [
  [`${p}=%00`, 'any'],
  [`${p}=a%00b`, 'any'],
  [`${p}=%2F%2F`, 'any'],
  [`${p}=${'x'.repeat(5000)}`, 'any'],
  [`${p}=%E2%80%AE%F0%9F%98%80`, 'any'],
  [`${p}=%FF`, 'any'],
  [`${p}=%27%20OR%201%3D1--`, 'any'],
  [`${p}=%25`, 'any'],
  [`${p}=_`, 'any'],
  [`${p}[]=a&${p}[]=b`, 'any'],
  [`${p}[a]=b`, 'refuse'],
  [`${p}[a][b][c]=d`, 'refuse'],
  [`${p}[__proto__][x]=1`, 'any'],
  [`${p}=a&${p}=b`, 'any'],
  [`${p}=${Array.from({ length: 200 }, (_, i) => `v${i}`).join(',')}`, 'any'],
  [`${p}`, 'any'],
  [`${p}=`, 'any'],
];

/** Values that can only be wrong for a number parameter (limit, offset). */
const BAD_NUMBERS = [
  '-1',
  '0',
  '1.5',
  '1e3',
  '1e309',
  '99999999999999999999',
  '0x10',
  '%201',
  'NaN',
  'Infinity',
  '-0',
  '',
  'ten',
];

const SERVICE = '/services/default/orders';

/** Every route, its query parameters and the numbers among them. */
const ROUTES: Array<{
  method: 'GET' | 'POST';
  path: string;
  params: string[];
  numbers: string[];
}> = [
  { method: 'GET', path: '/health', params: [], numbers: [] },
  {
    method: 'GET',
    path: '/services',
    params: [
      'owner',
      'system',
      'domain',
      'lifecycle',
      'level',
      'failingPrinciple',
      'failingCheck',
      'health',
      'search',
      'orderBy',
      'order',
      'offset',
      'limit',
    ],
    numbers: ['offset', 'limit'],
  },
  { method: 'GET', path: SERVICE, params: [], numbers: [] },
  {
    method: 'GET',
    path: `${SERVICE}/history`,
    params: ['limit', 'since'],
    numbers: ['limit'],
  },
  {
    method: 'GET',
    path: `${SERVICE}/health`,
    params: ['limit', 'since'],
    numbers: ['limit'],
  },
  { method: 'GET', path: '/checks', params: [], numbers: [] },
  { method: 'GET', path: '/summary', params: [], numbers: [] },
  {
    method: 'GET',
    path: '/summary/history',
    params: ['limit'],
    numbers: ['limit'],
  },
  { method: 'POST', path: '/evaluate', params: [], numbers: [] },
  { method: 'POST', path: '/validate', params: [], numbers: [] },
];

/** Parameters that accept only a fixed vocabulary or format: any hostile value is refused. */
const STRICT_PARAMS = new Set([
  'failingPrinciple',
  'failingCheck',
  'health',
  'orderBy',
  'order',
  'since',
  'offset',
  'limit',
]);

/**
 * Of the hostile values, these are valid for the strict parameters too: empty (no filter),
 * and `a`, `b` (well-formed principle and check ids, of no service).
 */
const ACCEPTED_AS_EMPTY_OR_ID = /^\w+(=|\[\]=a&\w+\[\]=b|=a&\w+=b)?$/;

function buildCases(): Case[] {
  const cases: Case[] = [];
  const json = { 'Content-Type': 'application/json' };
  for (const route of ROUTES) {
    const body =
      route.path === '/validate'
        ? { headers: json, body: '{"apiVersion":"backstage.io/v1alpha1"}' }
        : {};
    // Unknown filters and prototype names: refused on every route.
    // qs drops `__proto__` before the route sees it: ignored, not refused.
    cases.push({
      method: route.method,
      path: `${route.path}?__proto__=x`,
      expect: 'any',
      ...body,
    });
    for (const q of [
      'foo=bar',
      'constructor[prototype][polluted]=1',
      'hasOwnProperty=1',
      'toString=x',
      'a.b=c',
      '%00=1',
      '%FF=1',
      'ownerr=x',
      'LIMIT=1',
    ]) {
      cases.push({
        method: route.method,
        path: `${route.path}?${q}`,
        expect: 'refuse',
        ...body,
      });
    }
    for (const p of route.params) {
      for (const [q, expect] of HOSTILE_QUERY(p)) {
        cases.push({
          method: route.method,
          path: `${route.path}?${q}`,
          expect:
            STRICT_PARAMS.has(p) && !ACCEPTED_AS_EMPTY_OR_ID.test(q)
              ? 'refuse'
              : expect,
          ...body,
        });
      }
    }
    for (const p of route.numbers) {
      for (const value of BAD_NUMBERS) {
        // limit=0 is refused; offset=0 is the first page.
        const ok = p === 'offset' && (value === '0' || value === '-0');
        cases.push({
          method: route.method,
          path: `${route.path}?${p}=${value}`,
          expect: ok && value === '0' ? 'any' : 'refuse',
        });
      }
    }
    // Every other method: 405 (HEAD and OPTIONS may be answered).
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      cases.push({ method, path: route.path, expect: 'refuse' });
    }
    cases.push({
      method: route.method === 'GET' ? 'POST' : 'GET',
      path: route.path,
      expect: 'refuse',
    });
    for (const method of ['HEAD', 'OPTIONS'] as const) {
      cases.push({ method, path: route.path, expect: 'any' });
    }
  }
  // Path parameters: bad namespace, bad name, on the three routes that take them.
  for (const suffix of ['', '/history', '/health']) {
    for (const bad of BAD_PATH_SEGMENTS) {
      cases.push({
        method: 'GET',
        path: `/services/${bad}/orders${suffix}`,
        expect: 'refuse',
      });
      cases.push({
        method: 'GET',
        path: `/services/default/${bad}${suffix}`,
        expect: 'refuse',
      });
    }
    // Valid names of no evaluated service: 404.
    cases.push({
      method: 'GET',
      path: `/services/default/nope${suffix}`,
      expect: 'refuse',
    });
    cases.push({
      method: 'GET',
      path: `/services/Default/ORDERS${suffix}`,
      expect: 'any',
    });
  }
  // Paths that are no route.
  for (const path of [
    '/services/default',
    '/services/default/orders/extra',
    '/services/default/orders/history/extra',
    '/services/',
    '/nope',
    '/summary/',
    '/%2e%2e/%2e%2e/etc/passwd',
    `/${'x'.repeat(8000)}`,
  ]) {
    cases.push({ method: 'GET', path, expect: 'any' });
  }
  // since: hostile dates.
  for (const since of [
    '2026-13-01',
    '2026-02-30T00:00:00Z',
    '0000-00-00',
    '-271821-04-20T00:00:00Z',
    '2026-12-02T03:12:04+25:00',
    'yesterday',
    '1733100000',
    '2026-12-02%00',
  ]) {
    cases.push({
      method: 'GET',
      path: `${SERVICE}/history?since=${since}`,
      expect: 'refuse',
    });
    cases.push({
      method: 'GET',
      path: `${SERVICE}/health?since=${since}`,
      expect: 'refuse',
    });
  }
  // Bodies: where a route takes none, and /validate with wrong or broken ones.
  const bodies: Array<[Record<string, string>, string | Buffer, Expect]> = [
    [{ 'Content-Type': 'text/html' }, '<html></html>', 'refuse'],
    [
      { 'Content-Type': 'multipart/form-data; boundary=x' },
      '--x\r\n\r\nhi\r\n--x--',
      'refuse',
    ],
    [
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      'a=b&c[d]=e',
      'refuse',
    ],
    [
      { 'Content-Type': 'application/octet-stream' },
      Buffer.from([0, 1, 2, 255]),
      'refuse',
    ],
    [{ 'Content-Type': 'application/json' }, '{"not json', 'refuse'],
    [{ 'Content-Type': 'application/json' }, '', 'refuse'],
    [{ 'Content-Type': 'application/json' }, 'null', 'refuse'],
    [{ 'Content-Type': 'application/json' }, '"a string"', 'refuse'],
    [{ 'Content-Type': 'application/json' }, '[]', 'refuse'],
    [
      { 'Content-Type': 'application/json' },
      '{"__proto__":{"polluted":1}}',
      'refuse',
    ],
    [
      { 'Content-Type': 'application/json' },
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'refuse',
    ],
    [{ 'Content-Type': 'application/json; charset=utf-16' }, '{}', 'refuse'],
    [
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      'not gzip',
      'refuse',
    ],
    [
      { 'Content-Type': 'application/json', 'Content-Encoding': 'br' },
      'x',
      'refuse',
    ],
    [{ 'Content-Type': 'application/yaml' }, 'a: [1, 2', 'refuse'],
    [{ 'Content-Type': 'application/yaml' }, '*alias', 'refuse'],
    [{ 'Content-Type': 'application/yaml' }, 'a: &a [*a]', 'refuse'],
    [
      { 'Content-Type': 'application/yaml' },
      '\uFEFF--- !!js/function "x"',
      'refuse',
    ],
    [
      { 'Content-Type': 'application/yaml' },
      Buffer.from('\uFEFFkind: Component', 'utf16le'),
      'refuse',
    ],
    [{ 'Content-Type': 'application/yaml' }, `${'- '.repeat(5000)}x`, 'refuse'],
    [
      { 'Content-Type': 'application/yaml' },
      'x'.repeat(VALIDATE_MAX_BODY_BYTES + 1),
      'refuse',
    ],
    [
      { 'Content-Type': 'application/json' },
      `{"a":"${'x'.repeat(VALIDATE_MAX_BODY_BYTES)}"}`,
      'refuse',
    ],
  ];
  for (const [headers, body, expect] of bodies) {
    cases.push({ method: 'POST', path: '/validate', headers, body, expect });
    // /evaluate takes no body: it ignores it (never parses or echoes it).
    cases.push({
      method: 'POST',
      path: '/evaluate',
      headers,
      body,
      expect: 'any',
    });
  }
  return cases;
}

/** A stack frame or a file path of the server in a response body. */
const LEAK =
  /\bat [\w.<>]+ \(|\bat \/|node_modules|\/work\/|\/src\/|\.(ts|js):\d+|"stack"/;

async function rawRequest(
  port: number,
  text: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', chunk => {
      data += chunk.toString();
      // A whole answer (head and a JSON body, or no body): done.
      const head = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data.slice(0, head));
      if (
        head >= 0 &&
        (!length || data.length >= head + 4 + Number(length[1]))
      ) {
        clearTimeout(timer);
        socket.destroy();
        resolve(data);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.on('error', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

describe('bad input everywhere', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let caller = 0;

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        microservicesPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            microservices: { schedule: { initialDelay: { hours: 1 } } },
            backend: { baseUrl: 'http://localhost:7007' },
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    }));
    const run = await request(server)
      .post('/api/microservices/evaluate')
      .set('Authorization', mockCredentials.user.header('user:default/setup'));
    if (run.status !== 200)
      throw new Error(`setup evaluation failed: ${run.status}`);
  });

  it('answers every hostile input with a 2xx or a clean 4xx, never a 5xx', async () => {
    const cases = buildCases();
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    for (const c of cases) {
      // A caller per request: the manual evaluation rate limit is tested elsewhere.
      const auth = mockCredentials.user.header(`user:default/fuzz-${caller++}`);
      let req = request(server)
        [c.method.toLowerCase() as 'get'](`/api/microservices${c.path}`)
        .set('Authorization', auth);
      for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
      if (c.body !== undefined) req = req.send(c.body);
      const res = await req;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const where = `${c.method} ${c.path.slice(0, 120)} -> ${res.status}`;
      const text = res.text ?? '';
      if (res.status >= 500)
        problems.push(`${where}: 5xx ${text.slice(0, 200)}`);
      if (c.expect === 'refuse' && (res.status < 400 || res.status >= 500)) {
        problems.push(`${where}: expected a 4xx`);
      }
      if (res.status >= 400 && c.method !== 'HEAD') {
        if (
          typeof res.body?.error?.message !== 'string' ||
          !res.body.error.message
        ) {
          problems.push(
            `${where}: no JSON error message (${text.slice(0, 100)})`,
          );
        }
      }
      if (LEAK.test(text))
        problems.push(`${where}: leaks ${text.match(LEAK)?.[0]}`);
      if (text.length > 20_000)
        problems.push(`${where}: body of ${text.length} characters`);
    }
    // eslint-disable-next-line no-console
    console.log(
      `Bad inputs tried: ${cases.length}; statuses: ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s} x${n}`)
        .join(', ')}`,
    );
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(500);
  });

  it('answers a truncated body cleanly and at once', async () => {
    const { port } = server.address() as net.AddressInfo;
    const auth = mockCredentials.user.header('user:default/truncated');
    // Declares 1000 bytes, sends 20, then stops writing (half-close): no hang, no 5xx.
    const started = Date.now();
    const answer = await rawRequest(
      port,
      `POST /api/microservices/validate HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{"apiVersion": "back`,
      15_000,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('did not arrive within 10 s');
    expect(answer).not.toMatch(LEAK);
    // Malformed request lines and headers: Node's parser answers 400 and closes.
    for (const text of [
      'GET /api/microservices/services HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n',
      'GET /api/microservices/services HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
      'GET /api/microservices/services\0 HTTP/1.1\r\nHost: localhost\r\n\r\n',
      'GARBAGE\r\n\r\n',
    ]) {
      const res = await rawRequest(port, text, 15_000);
      expect({ text, status: res.slice(0, 12) }).toEqual({
        text,
        status: 'HTTP/1.1 400',
      });
    }
  });
});
