import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const PAGE_SIZE = 500;

/**
 * The kinds and fields the engine reads: what a landscape evaluation needs of the catalog,
 * including the description that adopters' custom checks may test.
 */
export const LANDSCAPE_QUERY = {
  filter: {
    kind: ['Component', 'System', 'Domain', 'Group', 'User', 'API', 'Resource'],
  },
  fields: [
    'apiVersion',
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.description',
    'metadata.annotations',
    'metadata.tags',
    'spec',
  ],
};

/** Every entity matching the filter, with only the given fields, read a page at a time. */
export async function queryAllEntities(
  catalog: CatalogService,
  query: { filter: Record<string, string | string[]>; fields: string[] },
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const { filter, fields } = query;
  const entities: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE, fields }
        : { filter, fields, limit: PAGE_SIZE },
      { credentials },
    );
    entities.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return entities;
}
