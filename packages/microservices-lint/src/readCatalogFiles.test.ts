import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entityProblem, readCatalogFiles } from './readCatalogFiles';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'microservices-lint-read-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const write = (name: string, content: string) => {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

describe('readCatalogFiles', () => {
  it('reads every document with its line, keeps placeholders, skips Locations and empty documents', () => {
    const file = write(
      'catalog-info.yaml',
      [
        '# comment',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata: { name: a-api }',
        'spec: { type: openapi, definition: { $text: ./openapi.yaml } }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Location',
        'metadata: { name: more }',
        'spec: { targets: [./other.yaml] }',
        '---',
        '',
      ].join('\n'),
    );
    const catalog = readCatalogFiles([file]);
    expect(catalog.errors).toEqual([]);
    expect(catalog.files).toEqual([file]);
    expect(catalog.entities).toEqual([
      {
        entity: expect.objectContaining({
          kind: 'API',
          spec: { type: 'openapi', definition: { $text: './openapi.yaml' } },
        }),
        source: { file, line: 3 },
      },
    ]);
    expect(catalog.skippedLocations).toEqual([{ file, line: 8, name: 'more' }]);
  });

  it('does not loop on a symbolic link to a parent folder', () => {
    write(
      'sub/group.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: g }\n',
    );
    fs.symlinkSync(tmp, path.join(tmp, 'sub', 'loop'));
    const catalog = readCatalogFiles([tmp]);
    expect(catalog.errors).toEqual([]);
    expect(catalog.entities).toHaveLength(1);
  });

  it('refuses an explicitly named file without documents', () => {
    const file = write('empty.yaml', '# nothing here\n');
    expect(readCatalogFiles([file]).errors.map(e => e.message)).toEqual([
      `${file}: no YAML document in it: expected catalog entities`,
    ]);
  });
});

describe('entityProblem', () => {
  it('accepts an entity, whatever its name looks like', () => {
    expect(
      entityProblem({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'invalid component' },
      }),
    ).toBeUndefined();
  });

  it('names what is missing', () => {
    expect(
      entityProblem({ apiVersion: 'v1', kind: 'Component', metadata: {} }),
    ).toMatch(/^not a catalog entity: no metadata\.name /);
    expect(entityProblem(['a'])).toMatch(/the document is a list/);
    expect(entityProblem(42)).toMatch(/the document is a number/);
  });
});
