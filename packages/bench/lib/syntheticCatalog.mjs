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
 * The landscape of `services` services ingested into a catalog database, through the backend
 * benches' cache (bench-results/.catalog-cache; plugins/microservices-backend/bench/lib): the
 * first run of a size and database ingests it through a real backend (10-15 minutes for
 * 10,000 services here) and keeps the catalog's database, later runs start from a copy. The
 * backend that uses it must list `catalogFiles` as its locations. With `pg`, the catalog's
 * database is restored on that server (backstage_plugin_catalog).
 */
export async function ingestedSyntheticCatalog({ services, database, pg }) {
  const cached = fs.existsSync(path.join(resultsDir, '.catalog-cache'))
    ? fs
        .readdirSync(path.join(resultsDir, '.catalog-cache'))
        .some(
          f =>
            f.startsWith(`catalog-${services}-`) &&
            f.endsWith(database === 'pg' ? '.pgdump' : '.sqlite'),
        )
    : false;
  // Ingestion runs the built backend (packages/backend's dist).
  if (!cached) builtBackend.ensureBuilt();
  const started = Date.now();
  const prepared = await builtBackend.prepareCatalog({
    services,
    database,
    pg,
  });
  return {
    ...prepared,
    preparedMs: Date.now() - started,
    serviceRefs: syntheticServiceRefs(services),
  };
}
