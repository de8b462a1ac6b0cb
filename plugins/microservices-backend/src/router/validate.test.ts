import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { stringify } from 'yaml';
import { microservicesPlugin } from '../plugin';

jest.setTimeout(60_000);

const entity = (
  kind: string,
  name: string,
  spec: JsonObject,
  apiVersion = 'backstage.io/v1alpha1',
): Entity => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

/** The live catalog: two teams in one domain; team-a's orders owns orders-db; ledger depends on a not yet registered audit. */
const catalog: Entity[] = [
  entity('Group', 'team-a', { type: 'team', children: [] }),
  entity('Group', 'team-b', { type: 'team', children: [] }),
  entity('Domain', 'commerce', { owner: 'team-a' }),
  entity('System', 'shop', { owner: 'team-a', domain: 'commerce' }),
  entity('System', 'billing', { owner: 'team-b', domain: 'commerce' }),
  entity('Resource', 'orders-db', {
    type: 'database',
    owner: 'team-a',
    system: 'shop',
  }),
  entity('Resource', 'hidden-db', {
    type: 'database',
    owner: 'team-b',
    system: 'billing',
  }),
  entity('Component', 'orders', {
    type: 'service',
    lifecycle: 'production',
    owner: 'team-a',
    system: 'shop',
    dependsOn: ['resource:default/orders-db'],
  }),
  entity('Component', 'ledger', {
    type: 'service',
    lifecycle: 'production',
    owner: 'team-b',
    system: 'billing',
    dependsOn: ['component:default/audit'],
  }),
];

/** A catalog that hides hidden-db from users (not from the plugin's own credentials). */
function catalogFactory() {
  const backing = catalogServiceMock({ entities: catalog });
  const isUser = (options: unknown) =>
    (options as { credentials?: { principal?: { type?: string } } } | undefined)
      ?.credentials?.principal?.type === 'user';
  return catalogServiceMock.mock({
    queryEntities: async (req, options) => {
      const page = await backing.queryEntities(req, options);
      return isUser(options)
        ? {
            ...page,
            items: page.items.filter(e => e.metadata.name !== 'hidden-db'),
          }
        : page;
    },
    getEntitiesByRefs: (req, options) =>
      backing.getEntitiesByRefs(req, options),
  }).factory;
}

async function startBackend(options: { deny?: boolean } = {}) {
  const { server } = await startTestBackend({
    features: [
      microservicesPlugin,
      catalogFactory(),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: { microservices: { schedule: { initialDelay: { hours: 1 } } } },
      }),
      mockServices.permissions.factory({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    ],
  });
  return server;
}

const asUser = () => mockCredentials.user.header('user:default/alice');

function post(server: any, body: string, type = 'application/yaml') {
  return request(server)
    .post('/api/microservices/validate')
    .set('Authorization', asUser())
    .set('Content-Type', type)
    .send(body);
}

const service = (name: string, spec: JsonObject) =>
  entity('Component', name, {
    type: 'service',
    lifecycle: 'production',
    ...spec,
  });

const yamlOf = (...entities: Entity[]) =>
  entities.map(e => stringify(e)).join('---\n');

const checkOf = (body: any, ref: string, id: string) =>
  body.services
    .find((s: any) => s.entityRef === ref)
    ?.checks.find((c: any) => c.id === id);

/** Nine levels of nine aliases: 9^9 expansions when read naively. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map(
      (name, i) =>
        `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`,
    ),
].join('\n');

describe('POST /validate', () => {
  let server: any;
  beforeAll(async () => {
    server = await startBackend();
  });

  it('needs credentials and the validation permission', async () => {
    const anonymous = await request(server)
      .post('/api/microservices/validate')
      .set('Content-Type', 'application/yaml')
      .send('kind: Component');
    expect(anonymous.status).toBe(401);
    const denied = await startBackend({ deny: true });
    const res = await post(denied, yamlOf(service('x', { owner: 'team-a' })));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Missing permission microservices.validation.create',
    );
  });

  it('flags a proposed service that shares an existing datastore of another team', async () => {
    const res = await post(
      server,
      yamlOf(
        service('loyalty', {
          owner: 'team-b',
          system: 'billing',
          dependsOn: ['resource:default/orders-db'],
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.services).toHaveLength(1);
    expect(res.body.services[0]).toMatchObject({
      entityRef: 'component:default/loyalty',
      source: { document: 1, line: 1 },
    });
    expect(
      checkOf(
        res.body,
        'component:default/loyalty',
        'decentralized-data.no-shared-datastore',
      ),
    ).toMatchObject({
      status: 'fail',
      related: expect.arrayContaining(['resource:default/orders-db']),
    });
  });

  it('flags a proposed service that closes a dependency cycle', async () => {
    const res = await post(
      server,
      yamlOf(
        service('audit', {
          owner: 'team-b',
          system: 'billing',
          dependsOn: ['component:default/ledger'],
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(
      checkOf(
        res.body,
        'component:default/audit',
        'fault-isolation.no-dependency-cycle',
      ).status,
    ).toBe('fail');
    expect(res.body.services[0].level).not.toBe('gold');
  });

  it('replaces the registered entity of the same ref, and reads JSON arrays', async () => {
    const res = await post(
      server,
      JSON.stringify([
        entity('Resource', 'orders-db', {
          type: 'database',
          owner: 'team-b',
          system: 'billing',
        }),
        service('orders', {
          owner: 'team-a',
          system: 'shop',
          dependsOn: ['resource:default/orders-db'],
        }),
      ]),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(res.body.replacedRefs).toEqual([
      'component:default/orders',
      'resource:default/orders-db',
    ]);
    expect(res.body.services[0].source).toEqual({ document: 2 });
    // The proposed orders-db is owned by team-b: orders no longer owns its datastore.
    expect(
      checkOf(
        res.body,
        'component:default/orders',
        'decentralized-data.owns-datastore',
      ).status,
    ).toBe('fail');
  });

  it('sees the catalog as the caller may see it', async () => {
    const res = await post(
      server,
      yamlOf(
        service('reports', {
          owner: 'team-b',
          system: 'billing',
          dependsOn: ['resource:default/hidden-db'],
        }),
      ),
    );
    expect(
      checkOf(
        res.body,
        'component:default/reports',
        'decomposition.references-resolve',
      ).status,
    ).toBe('fail');
  });

  it('notes Locations and misspelt keys without failing', async () => {
    const res = await post(
      server,
      `${yamlOf(
        entity('Location', 'more', { targets: ['./a.yaml'] }),
      )}---\n${yamlOf(
        service('notes', {
          owner: 'team-a',
          system: 'shop',
          dependOn: ['component:default/orders'],
        }),
      )}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([
      {
        document: 1,
        line: 1,
        message: 'Location more: its targets are not followed',
      },
      expect.objectContaining({
        document: 2,
        message: expect.stringMatching(/dependOn.*dependsOn/),
      }),
    ]);
  });

  /* eslint-disable jest/expect-expect -- `refused` asserts */
  describe('refuses bad input with 400 or 413, without hanging, with document and line, never echoing the body', () => {
    const timings: Record<string, number> = {};
    afterAll(() => {
      // eslint-disable-next-line no-console
      console.log(`validate refusal times (ms): ${JSON.stringify(timings)}`);
    });

    async function refused(
      name: string,
      body: string,
      status: number,
      message: RegExp,
      type?: string,
    ) {
      const started = Date.now();
      const res = await post(server, body, type);
      timings[name] = Date.now() - started;
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).not.toContain('SECRET-MARKER');
      // Not timed here (the machines are shared): a hang fails on the file's 60 s timeout,
      // and the refusal times are printed.
      return res;
    }

    it('an alias bomb', async () => {
      await refused(
        'aliasBomb',
        `# SECRET-MARKER\n${ALIAS_BOMB}`,
        400,
        /^Invalid proposal: document 1, line 2: too many YAML alias expansions/,
      );
    });

    it('a 10 MB body', async () => {
      await refused(
        'tenMegabytes',
        `# SECRET-MARKER\n${'x'.repeat(10 * 1024 * 1024)}`,
        413,
        /larger than the 1 MB limit/,
      );
    });

    it('10,000 documents', async () => {
      await refused(
        'tenThousandDocuments',
        '---\nkind: Component\n'.repeat(10_000),
        400,
        /document 1001, line \d+: more than 1000 YAML documents/,
      );
    });

    it('10,000 JSON entities', async () => {
      await refused(
        'tenThousandJson',
        JSON.stringify(Array(10_000).fill({ kind: 'Component' })),
        400,
        /more than 1000 entities/,
        'application/json',
      );
    });

    it("invalid entity names, in the catalog's words", async () => {
      await refused(
        'invalidName',
        `${yamlOf(service('fine', { owner: 'team-a' }))}---\n${yamlOf(
          service('invalid component', { owner: 'team-a' }),
        )}`,
        400,
        /^Invalid proposal: document 2, line 11: Policy check failed for component:default\/invalid component: "metadata.name" is not valid/,
      );
    });

    it('a wrong apiVersion', async () => {
      await refused(
        'wrongApiVersion',
        yamlOf(
          entity(
            'Component',
            'x',
            { type: 'service', lifecycle: 'production', owner: 'team-a' },
            'backstage.io/v2',
          ),
        ),
        400,
        /^Invalid proposal: document 1, line 1: No processor recognized the entity component:default\/x as valid, possibly caused by a foreign kind or apiVersion$/,
      );
    });

    it('malformed YAML and JSON', async () => {
      await refused(
        'malformedYaml',
        `${yamlOf(service('a', { owner: 'team-a' }))}  owner: SECRET-MARKER\n`,
        400,
        /^Invalid proposal: document 1, line \d+: malformed YAML: Map keys must be unique$/,
      );
      await refused(
        'malformedJson',
        '{"SECRET-MARKER": ',
        400,
        /^Invalid proposal: (line 1: )?malformed JSON$/,
        'application/json',
      );
    });

    it('documents that are not entities, an empty body, another media type', async () => {
      await refused(
        'notEntity',
        'SECRET-MARKER',
        400,
        /document 1, line 1: not a catalog entity: the document is a string/,
      );
      await refused('empty', '   ', 400, /the body is empty/);
      await refused(
        'mediaType',
        'SECRET-MARKER',
        415,
        /Content-Type must be one of/,
        'text/plain',
      );
    });
  });

  /* eslint-enable jest/expect-expect */

  it('answers 400, never 500, for odd input', async () => {
    const yamlBodies = [
      'null',
      '42',
      '"a string"',
      '- a\n- b',
      '!!binary aGVsbG8=',
      '!custom { a: 1 }',
      `${'['.repeat(5000)}`,
      `${'a:\n '.repeat(2000)}b`,
      '\t\u0000',
      'kind: Component\nmetadata: { name: [1, 2] }\napiVersion: x',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: x, namespace: "Bad NS" }\nspec: {}',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: x, annotations: { a: 1 } }\nspec: { type: service, lifecycle: x, owner: y }',
      '---\n---\n',
    ];
    const jsonBodies = [
      'null',
      '42',
      '[]',
      '[null]',
      '{"kind":"Component"}',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '{"__proto__": {"x": 1}}',
    ];
    const statuses: string[] = [];
    for (const body of yamlBodies)
      statuses.push(`${(await post(server, body)).status}`);
    for (const body of jsonBodies)
      statuses.push(`${(await post(server, body, 'application/json')).status}`);
    expect(statuses.every(s => s === '400')).toBe(true);
  });

  it('answers quickly for a proposal against a catalog of this size', async () => {
    const started = Date.now();
    const res = await post(
      server,
      yamlOf(service('quick', { owner: 'team-a', system: 'shop' })),
    );
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
