/*
 * Real catalogs written by others (shared/catalogs, read-only; see its
 * README for their quirks). The findings asserted here were checked
 * against the YAML files by hand.
 */
import { evaluateCatalog } from './evaluateCatalog';
import type { CatalogEvaluation, CheckResult } from './types';
import { loadCorpus } from './__fixtures__/loadCorpus';

const NOW = new Date('2026-11-29T00:00:00Z');

function resultOf(
  evaluation: CatalogEvaluation,
  entityRef: string,
  checkId: string,
): CheckResult {
  const found = evaluation.services
    .find(s => s.entityRef === entityRef)
    ?.checks.find(c => c.id === checkId);
  if (!found) throw new Error(`no ${checkId} result for ${entityRef}`);
  return found;
}

function expectNoErrors(evaluation: CatalogEvaluation) {
  const errors = evaluation.services.flatMap(s =>
    s.checks
      .filter(c => c.status === 'error')
      .map(c => `${s.entityRef} ${c.id}: ${c.message}`),
  );
  expect(errors).toEqual([]);
}

describe('backstage-examples', () => {
  const evaluation = evaluateCatalog(
    loadCorpus('backstage-examples'),
    undefined,
    { now: NOW },
  );
  const result = (name: string, checkId: string) =>
    resultOf(evaluation, `component:default/${name}`, checkId);

  it('evaluates every service without errors', () => {
    expect(evaluation.services.length).toBe(20);
    expectNoErrors(evaluation);
    expect(evaluation.cycles).toEqual([]);
  });

  it('reports the refs the legacy top-level files define again', () => {
    expect(evaluation.duplicateRefs).toEqual([
      'api:default/hello-world',
      'api:default/petstore',
      'api:default/spotify',
      'api:default/starwars-graphql',
      'api:default/streetlights',
      'component:default/artist-lookup',
      'component:default/petstore',
      'component:default/playback-sdk',
      'component:default/podcast-api',
      'component:default/queue-proxy',
      'component:default/shuffle-api',
    ]);
  });

  it('fails devops.owned-by-team for an e-mail owner (wayback-component.yaml)', () => {
    expect(result('wayback-service', 'devops.owned-by-team')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('`internetarchive@example.com`'),
    });
  });

  it('charges each dangling ref of petstore once, to the check it belongs to', () => {
    // consumesApis: searcher names no API.
    expect(
      result('petstore', 'decomposition.references-resolve'),
    ).toMatchObject({
      status: 'fail',
      related: ['api:default/searcher'],
    });
    // owner: sre names no Group.
    expect(result('petstore', 'devops.owned-by-team')).toMatchObject({
      status: 'fail',
      related: ['group:default/sre'],
    });
    // providesApis: playback-order names no API.
    expect(result('petstore', 'network-latency.apis-defined').related).toEqual([
      'api:default/playback-order',
    ]);
  });

  it('evaluates the first artist-lookup, which owns its database', () => {
    expect(
      result('artist-lookup', 'decentralized-data.owns-datastore'),
    ).toMatchObject({
      status: 'pass',
      related: ['resource:default/artists-db'],
    });
    expect(result('artist-lookup', 'continuous-delivery.ci-cd').status).toBe(
      'pass',
    );
  });

  it('handles another namespace and an invalid name', () => {
    expect(
      resultOf(
        evaluation,
        'component:alternative/different-namespace',
        'devops.owned-by-team',
      ).status,
    ).toBe('pass');
    expect(
      result('invalid component', 'devops.owned-by-team').message,
    ).toContain('`user:default/guest`, a User');
  });

  it('finds a service owned by a group while its system is owned by a user of the same name', () => {
    expect(
      result('podcast-api', 'organizational-alignment.coherent-ownership'),
    ).toMatchObject({
      status: 'fail',
      related: [
        'system:default/podcast',
        'user:default/team-b',
        'group:default/team-b',
      ],
    });
  });

  it('fails subcomponents on scalability', () => {
    expect(
      result(
        'wayback-archive-ingestion',
        'scalability.independently-deployable',
      ).related,
    ).toEqual(['component:default/wayback-archive']);
  });
});

describe('benwilcock-backstage-catalogs', () => {
  const evaluation = evaluateCatalog(
    loadCorpus('benwilcock-backstage-catalogs'),
    undefined,
    { now: NOW },
  );
  const result = (name: string, checkId: string) =>
    resultOf(evaluation, `component:default/${name}`, checkId);

  it('evaluates every service without errors', () => {
    expect(evaluation.services.length).toBeGreaterThan(300);
    expectNoErrors(evaluation);
    expect(evaluation.cycles).toEqual([]);
    expect(evaluation.duplicateRefs).toEqual([
      'api:default/cluster-api',
      'component:default/backstage',
      'component:default/tekton-pipelines',
      'component:default/vllm',
      'resource:default/kubernetes',
    ]);
  });

  it('sees where-for-dinner-db shared by two services of one owner and system', () => {
    expect(evaluation.sharedDatastores).toEqual([
      {
        datastoreRef: 'resource:default/where-for-dinner-db',
        services: [
          'component:default/where-for-dinner-availability',
          'component:default/where-for-dinner-search',
        ],
        owners: ['user:default/greg.meyer'],
        systems: ['system:default/where-for-dinner'],
        conflicting: false,
      },
    ]);
    expect(
      result(
        'where-for-dinner-search',
        'decentralized-data.no-shared-datastore',
      ).status,
    ).toBe('pass');
    expect(
      result('where-for-dinner-search', 'decentralized-data.owns-datastore')
        .status,
    ).toBe('pass');
    // message-broker is not a datastore type by default
    expect(
      result('where-for-dinner-notify', 'decentralized-data.owns-datastore')
        .status,
    ).toBe('not-applicable');
  });

  it('fails the where-for-dinner services on ownership by a person', () => {
    expect(result('where-for-dinner-ui', 'devops.owned-by-team').message).toBe(
      'Is owned by `user:default/greg.meyer`, a User (a person), not a team.',
    );
  });

  it('reports the dangling refs of red-hat-developer-hub and resource-viewer', () => {
    expect(
      result('red-hat-developer-hub', 'decomposition.references-resolve')
        .related,
    ).toEqual(['resource:default/postgresql']);
    // Its owner, system and provided API are charged by their own checks, once each.
    expect(
      result('red-hat-developer-hub', 'devops.owned-by-team').related,
    ).toEqual(['group:default/rhdh-team']);
    expect(
      result('red-hat-developer-hub', 'decomposition.single-system').related,
    ).toEqual(['system:default/rhdh-local']);
    expect(
      result('red-hat-developer-hub', 'network-latency.apis-defined').related,
    ).toEqual(['api:default/backstage-api']);
    // dependsOn: system:kubernetes names no entity.
    expect(
      result('resource-viewer', 'decomposition.references-resolve').related,
    ).toEqual(['system:default/kubernetes']);
  });

  it('flags direct service-to-service dependencies and the blast radius of kubernetes', () => {
    expect(
      result('where-for-dinner-ui', 'network-latency.communicates-through-apis')
        .related,
    ).toEqual([
      'component:default/where-for-dinner-availability',
      'component:default/where-for-dinner-search',
    ]);
    const kubernetes = result('kubernetes', 'fault-isolation.blast-radius');
    expect(kubernetes.status).toBe('fail');
    expect(kubernetes.related).toContain('component:default/argocd');
    expect(
      evaluation.graph.blastRadiusOf('component:default/kubernetes'),
    ).toBeGreaterThan(10);
  });

  it('fails subcomponents of backstage on scalability', () => {
    expect(
      result('software-catalog', 'scalability.independently-deployable')
        .message,
    ).toBe('Is a subcomponent of `component:default/backstage`.');
  });
});
