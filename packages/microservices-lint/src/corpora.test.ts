/*
 * Real catalogs written by others (shared/catalogs, read-only; see its
 * README): the linter must read whole folders of them without crashing.
 */
import path from 'node:path';
import { runLint } from './runLint';

const CORPORA = path.resolve(__dirname, '../../../test-data/catalogs');
const NOW = new Date('2026-11-29T00:00:00Z');

function lintFolder(name: string) {
  const folder = path.join(CORPORA, name);
  const result = runLint(['--format', 'json', folder], { now: NOW });
  return { folder, result, output: JSON.parse(result.stdout || '{}') };
}

describe('backstage-examples', () => {
  const { folder, result, output } = lintFolder('backstage-examples');

  it('fails its services (exit 1) without input errors', () => {
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(output.services).toHaveLength(20);
  });

  it('skips the OpenAPI document found in the folder, and the Locations', () => {
    expect(output.skipped.files).toEqual([
      {
        file: path.join(folder, 'apis/petstore-webhook.oas.yaml'),
        reason: 'no document has apiVersion and kind: not a catalog file',
      },
    ]);
    expect(
      output.skipped.locations.map((l: { name: string }) => l.name),
    ).toEqual(['backstage-examples', 'example-groups']);
  });

  it('still evaluates the entity with an invalid name', () => {
    expect(
      output.services.map((s: { entityRef: string }) => s.entityRef),
    ).toContain('component:default/invalid component');
  });

  it('names the refs defined twice with both files', () => {
    expect(output.duplicateRefs).toContainEqual({
      entityRef: 'component:default/petstore',
      sources: [
        { file: path.join(folder, 'petstore-component.yaml'), line: 1 },
        {
          file: path.join(folder, 'components/petstore-component.yaml'),
          line: 1,
        },
      ],
    });
  });

  it('refuses the OpenAPI document when it is named explicitly', () => {
    const file = path.join(folder, 'apis/petstore-webhook.oas.yaml');
    const named = runLint([file]);
    expect(named.exitCode).toBe(2);
    expect(named.stderr).toMatch(
      new RegExp(`^${file.replace(/\./g, '\\.')}:1: not a catalog entity: `),
    );
  });
});

describe('benwilcock-backstage-catalogs', () => {
  const { result, output } = lintFolder('benwilcock-backstage-catalogs');

  it('fails its services (exit 1) without input errors', () => {
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    // 337 services, 3 of them defined twice
    expect(output.services).toHaveLength(334);
    expect(output.duplicateRefs).toHaveLength(5);
  });

  it('gives text output too', () => {
    const text = runLint(
      [path.join(CORPORA, 'benwilcock-backstage-catalogs')],
      {
        now: NOW,
      },
    );
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/\nFAILED: 334 services in 25 files: /);
  });
});
