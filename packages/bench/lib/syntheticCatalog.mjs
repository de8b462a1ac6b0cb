/*
 * The synthetic landscape of createSyntheticLandscape as the catalog of a real backend.
 * Imports TypeScript: run with --require @backstage/cli/config/nodeTransform.cjs.
 */
import fs from 'node:fs';
import path from 'node:path';
// The TypeScript sources compile to CommonJS here: their exports are on the default import.
import testUtils from '@microservices-backstage/plugin-microservices-common/testUtils';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the backend benches' catalog cache, shared by every section
import builtBackend from '../../../plugins/microservices-backend/bench/lib/builtBackend.ts';
import { resultsDir } from './benchSection.mjs';

/** The refs of the landscape's services (seed 1, as every section uses). */
export function syntheticServiceRefs(services) {
  return testUtils
    .createSyntheticLandscape({ services, seed: 1 })
    .filter(e => e.kind === 'Component' && e.spec?.type === 'service')
    .map(
      e => `component:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
    );
}

/**
 * The landscape of `services` services ingested into the catalog's database on the PostgreSQL
 * server `pg` (startPostgres), through the backend benches' cache (bench-results/.catalog-cache;
 * plugins/microservices-backend/bench/lib): the first run of a size ingests it through a real
 * backend (10,000 services: 15-35 minutes here) and keeps a pg_dump of the catalog's database,
 * later runs restore it (backstage_plugin_catalog). The backend that uses it must list
 * `catalogFiles` as its locations.
 */
export async function ingestedSyntheticCatalog({ services, pg }) {
  const cacheDir = path.join(resultsDir, '.catalog-cache');
  const cached =
    fs.existsSync(cacheDir) &&
    fs
      .readdirSync(cacheDir)
      .some(f => f.startsWith(`catalog-${services}-`) && f.endsWith('.pgdump'));
  // Ingestion runs the built backend (packages/backend's dist).
  if (!cached) builtBackend.ensureBuilt();
  const started = Date.now();
  const prepared = await builtBackend.prepareCatalog({
    services,
    database: 'pg',
    pg,
  });
  return {
    catalogFiles: prepared.catalogFiles,
    entities: prepared.entities,
    ingestedInMs: prepared.ingestedInMs,
    preparedMs: Date.now() - started,
    serviceRefs: syntheticServiceRefs(services),
  };
}
