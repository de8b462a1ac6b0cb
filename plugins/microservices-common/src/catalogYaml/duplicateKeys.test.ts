/*
 * Duplicate keys found in linear time (issue 10, bug 9): the `yaml` package's own check is
 * quadratic (one mapping with 80,000 keys took 45 s).
 */
import { parseCatalogYaml } from './parseCatalogYaml';

jest.setTimeout(60_000);

const header =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: big\nspec:\n';

function manyKeys(n: number, repeat?: { at: number; key: string }) {
  const lines = [header.trimEnd()];
  for (let i = 0; i < n; i++) {
    lines.push(`  key${i}: v`);
    if (repeat && i === repeat.at) lines.push(`  ${repeat.key}: again`);
  }
  return `${lines.join('\n')}\n`;
}

describe('duplicate keys', () => {
  it('parses one mapping of 80,000 keys (1.5 MB) in seconds, not a minute', () => {
    const source = manyKeys(80_000);
    const started = Date.now();
    const { entities, problems } = parseCatalogYaml(source);
    const ms = Date.now() - started;
    expect(problems).toEqual([]);
    expect(Object.keys((entities[0].entity as any).spec)).toHaveLength(80_000);
    expect(ms).toBeLessThan(15_000);
  });

  it('still refuses a repeated key among 80,000, with its line', () => {
    const source = manyKeys(80_000, { at: 70_000, key: 'key12' });
    const started = Date.now();
    const { problems } = parseCatalogYaml(source);
    expect(Date.now() - started).toBeLessThan(15_000);
    // Line 5 is `spec:`; key0 is on line 6; the repeat follows key70000.
    expect(problems).toEqual([
      {
        document: 1,
        line: 70_007,
        message: 'malformed YAML: Map keys must be unique',
      },
    ]);
  });

  it.each([
    ['block mapping', 'a: 1\nb: 2\na: 3\n', 3],
    ['flow mapping', 'x: { a: 1, b: 2, a: 3 }\n', 1],
    ['mapping in a list', 'list:\n  - a: 1\n    a: 2\n', 3],
    ['nested mapping', 'outer:\n  inner:\n    k: 1\n    k: 2\n', 4],
    ['the same number written twice', '1: a\n1.0: b\n', 2],
    ['the first of two repeats', 'a: 1\nb: 1\nb: 2\na: 2\n', 3],
  ])('finds a repeat: %s', (_, yaml, line) => {
    const { problems } = parseCatalogYaml(
      `${header}${yaml.replace(/^/gm, '  ')}`,
    );
    expect(problems).toEqual([
      {
        document: 1,
        line: line + 5,
        message: 'malformed YAML: Map keys must be unique',
      },
    ]);
  });

  it.each([
    ['same key in sibling mappings', 'a:\n  k: 1\nb:\n  k: 2\n'],
    ['a string and a number', '"1": a\n1: b\n'],
    ['the same key in list items', 'list:\n  - k: 1\n  - k: 2\n'],
  ])('accepts %s', (_, yaml) => {
    const { problems } = parseCatalogYaml(
      `${header}${yaml.replace(/^/gm, '  ')}`,
    );
    expect(problems).toEqual([]);
  });

  it('does not follow aliases while looking (an alias bomb stays cheap)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const { problems } = parseCatalogYaml(
      `${header}${bomb.replace(/^/gm, '  ')}\n`,
    );
    expect(problems[0].message).toMatch(/alias/);
  });
});
