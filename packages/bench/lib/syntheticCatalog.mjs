/*
 * The synthetic landscape of createSyntheticLandscape as a catalog file for a real backend's
 * `file` location. Imports TypeScript: run with --require @backstage/cli/config/nodeTransform.cjs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The TypeScript source compiles to CommonJS here: its exports are on the default import.
import testUtils from '@microservices-backstage/plugin-microservices-common/testUtils';

/**
 * Writes the landscape of `services` services (seed 1) as one file of JSON documents (JSON
 * is YAML) separated by `---`, and returns it with the entity and service counts.
 */
export function writeSyntheticCatalog(services, seed = 1) {
  const entities = testUtils.createSyntheticLandscape({ services, seed });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-bench-catalog-'));
  const file = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(file, entities.map(e => JSON.stringify(e)).join('\n---\n'));
  const serviceRefs = entities
    .filter(e => e.kind === 'Component' && e.spec?.type === 'service')
    .map(
      e => `component:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
    );
  return {
    file,
    dir,
    entities: entities.length,
    serviceRefs,
    megabytes: fs.statSync(file).size / 2 ** 20,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
