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
import { LANDSCAPE_QUERY, queryAllEntities } from './queryAllEntities';


/** Reads the catalog for the engine, a page at a time. */
export class CatalogReader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly permissions: PermissionsService,
  ) {}

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
  async isVisible(entityRef: string, credentials: BackstageCredentials): Promise<boolean> {
    const access = await this.catalogReadAccess(credentials);
    if (access !== 'conditional') return access === 'all';
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    return items[0] !== undefined && items[0] !== null;
  }

  /** What the permission policy lets the caller read in the catalog, before conditions. */
  private async catalogReadAccess(
    credentials: BackstageCredentials,
  ): Promise<'all' | 'none' | 'conditional'> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return 'all';
    if (decision.result === AuthorizeResult.DENY) return 'none';
    return 'conditional';
  }
}
