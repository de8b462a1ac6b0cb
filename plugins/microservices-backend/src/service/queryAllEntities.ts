import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Entities a page: fewer, larger pages read a large catalog faster (36,712 entities in 19
 * pages instead of 74: about 2x faster at 10,000 services), at about 1 MB of JSON a page.
 */
export const CATALOG_PAGE_SIZE = 2000;

/** The kinds the engine reads. */
export const LANDSCAPE_KINDS = [
  'Component',
  'System',
  'Domain',
  'Group',
  'User',
  'API',
  'Resource',
];

const LANDSCAPE_KIND_SET = new Set(
  LANDSCAPE_KINDS.map(k => k.toLocaleLowerCase('en-US')),
);

/**
 * What a landscape evaluation needs of the catalog: the engine's kinds with only the fields it
 * reads. The kinds are kept by `keep`, not by a catalog filter: a filter on the kind makes
 * every page a query over the catalog's search table, which took 2-3x longer than reading
 * every entity in order (Locations and Templates are few).
 */
export const LANDSCAPE_QUERY = {
  fields: [
    'apiVersion',
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    // Adopters' custom checks may test it (and the Tech Insights side by side does).
    'metadata.description',
    'metadata.annotations',
    'metadata.tags',
    'spec',
  ],
  keep: (entity: Entity) =>
    LANDSCAPE_KIND_SET.has(entity.kind.toLocaleLowerCase('en-US')),
};

/**
 * Every entity matching the filter (every entity without one) that `keep` keeps, with only
 * the given fields, read a page at a time.
 */
export async function queryAllEntities(
  catalog: CatalogService,
  query: {
    filter?: Record<string, string | string[]>;
    fields: string[];
    keep?: (entity: Entity) => boolean;
  },
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const { filter, fields, keep } = query;
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: CATALOG_PAGE_SIZE, fields }
        : { ...(filter ? { filter } : {}), fields, limit: CATALOG_PAGE_SIZE },
      { credentials },
    );
    for (const entity of page.items) {
      if (!keep || keep(entity)) entities.push(entity);
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}
