import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { principalKey } from './principalKey';
import { LANDSCAPE_QUERY, queryAllEntities } from './queryAllEntities';
import { ShortLivedCache } from './ShortLivedCache';

/**
 * How long a caller's catalog access (the policy's decision, and under a conditional policy
 * the services it lets them see) is reused: every read route needs it, and under a
 * conditional policy it is a read of every service from the catalog. A change in the policy
 * or in what the catalog shows a caller applies within this time.
 */
export const CATALOG_ACCESS_TTL_MS = 5_000;

type CatalogReadAccess = 'all' | 'none' | 'conditional';

/** Reads the catalog for the engine, a page at a time. */
export class CatalogReader {
  private readonly access: ShortLivedCache<CatalogReadAccess>;
  private readonly visible: ShortLivedCache<Set<string>>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly permissions: PermissionsService,
    options: { accessTtlMs?: number } = {},
  ) {
    const ttlMs = options.accessTtlMs ?? CATALOG_ACCESS_TTL_MS;
    this.access = new ShortLivedCache({ ttlMs });
    this.visible = new ShortLivedCache({ ttlMs, maxEntries: 1_000 });
  }

  /** Every entity the engine needs, read with the plugin's own credentials. */
  async readLandscape(): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    return queryAllEntities(this.catalog, LANDSCAPE_QUERY, credentials);
  }

  /**
   * The refs (lower-case) of the services the caller may see in the catalog, so that
   * nobody sees scores of entities the catalog would hide from them; `undefined` when the
   * permission policy lets the caller read every entity (then the catalog is not asked).
   */
  async visibleServiceRefs(
    credentials: BackstageCredentials,
  ): Promise<Set<string> | undefined> {
    const access = await this.catalogReadAccess(credentials);
    if (access === 'all') return undefined;
    if (access === 'none') return new Set();
    // Conditional: let the catalog apply the policy's conditions.
    return this.visible.get(principalKey(credentials), () =>
      this.readVisibleServiceRefs(credentials),
    );
  }

  private async readVisibleServiceRefs(credentials: BackstageCredentials) {
    const entities = await queryAllEntities(
      this.catalog,
      {
        filter: { kind: 'Component', 'spec.type': 'service' },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      credentials,
    );
    return new Set(
      entities.map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US')),
    );
  }

  /** Whether the caller may see this entity in the catalog. */
  async isVisible(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const access = await this.catalogReadAccess(credentials);
    if (access !== 'conditional') return access === 'all';
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    return items[0] !== undefined && items[0] !== null;
  }

  /** What the permission policy lets the caller read in the catalog, before conditions. */
  private catalogReadAccess(
    credentials: BackstageCredentials,
  ): Promise<CatalogReadAccess> {
    return this.access.get(principalKey(credentials), async () => {
      const [decision] = await this.permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials },
      );
      if (decision.result === AuthorizeResult.ALLOW) return 'all';
      if (decision.result === AuthorizeResult.DENY) return 'none';
      return 'conditional';
    });
  }
}
