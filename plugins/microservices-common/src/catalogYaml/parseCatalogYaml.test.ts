import {
  CATALOG_YAML_LIMITS,
  parseCatalogYaml,
  parseYamlDocuments,
} from './parseCatalogYaml';
import { catalogEntityProblem } from './validateCatalogEntity';

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

/** Nine levels of nine aliases each: 9^9 expansions when read naively. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefghi'[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

describe('parseCatalogYaml', () => {
  it('reads several documents with their index and line, skipping empty ones', () => {
    const { entities, problems } = parseCatalogYaml(
      `# a comment\n${component('a')}---\n---\n${component('b')}`,
    );
    expect(problems).toEqual([]);
    expect(entities.map(e => [e.document, e.line])).toEqual([
      [1, 2],
      [3, 12],
    ]);
  });

  it('reports malformed YAML with the document and line', () => {
    const { problems } = parseCatalogYaml(
      `${component('a')}---\n${component('b')}  owner: twice\n`,
    );
    expect(problems).toEqual([
      {
        document: 2,
        line: 18,
        message: 'malformed YAML: Map keys must be unique',
      },
    ]);
  });

  it('reports documents that are not entities, each with its place', () => {
    const { entities, problems } = parseCatalogYaml(
      `just a string\n---\n${component('a')}---\nkind: Component\n`,
    );
    expect(entities).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        document: 1,
        line: 1,
        message: expect.stringMatching(/the document is a string/),
      }),
      expect.objectContaining({
        document: 3,
        line: 12,
        message: expect.stringMatching(/no apiVersion, no metadata.name/),
      }),
    ]);
  });

  it('refuses an alias bomb quickly', () => {
    const started = Date.now();
    const { problems } = parseCatalogYaml(ALIAS_BOMB);
    expect(problems).toEqual([
      expect.objectContaining({
        document: 1,
        line: 1,
        message: expect.stringMatching(/alias bomb/),
      }),
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses more documents than the limit, without parsing the rest', () => {
    const source = `---\n${component('a')}`.repeat(10_000);
    const started = Date.now();
    const { problems } = parseCatalogYaml(source);
    expect(problems).toEqual([
      expect.objectContaining({
        document: CATALOG_YAML_LIMITS.maxDocuments + 1,
        message: `more than ${CATALOG_YAML_LIMITS.maxDocuments} YAML documents: refusing the rest`,
      }),
    ]);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps placeholders as written', () => {
    const { entities } = parseCatalogYaml(
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: x }\nspec:\n  definition:\n    $text: ./openapi.yaml\n',
    );
    expect((entities[0].entity as any).spec.definition).toEqual({
      $text: './openapi.yaml',
    });
  });

  it('says whether a document looks like an entity on the syntax tree', () => {
    expect(
      parseYamlDocuments(`openapi: 3.0.0\n---\n${component('a')}`).map(
        d => d.looksLikeEntity,
      ),
    ).toEqual([false, true]);
  });
});

describe('catalogEntityProblem', () => {
  const entity = (overrides: Record<string, unknown>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    ...overrides,
  });

  it('accepts a valid entity', async () => {
    await expect(catalogEntityProblem(entity({}))).resolves.toBeUndefined();
  });

  it("refuses an invalid name in the catalog's words", async () => {
    await expect(
      catalogEntityProblem(entity({ metadata: { name: 'invalid component' } })),
    ).resolves.toMatch(
      /^Policy check failed for component:default\/invalid component: "metadata.name" is not valid; expected a string that is sequences of \[a-zA-Z0-9\] separated by any of \[-_.\], at most 63 characters in total but found "invalid component"/,
    );
  });

  it('refuses a wrong apiVersion', async () => {
    await expect(
      catalogEntityProblem(entity({ apiVersion: 'backstage.io/v2' })),
    ).resolves.toBe(
      'No processor recognized the entity component:default/orders as valid, possibly caused by a foreign kind or apiVersion',
    );
  });

  it('accepts a Template, as the catalog with the scaffolder does', async () => {
    await expect(
      catalogEntityProblem({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'microservice' },
        spec: {},
      }),
    ).resolves.toBeUndefined();
  });

  it('refuses a spec the kind does not allow', async () => {
    await expect(
      catalogEntityProblem(entity({ spec: { type: 'service' } })),
    ).resolves.toMatch(/lifecycle/);
  });
});
