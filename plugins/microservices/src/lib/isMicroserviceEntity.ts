import type { Entity } from '@backstage/catalog-model';

/**
 * A Component of `spec.type: service` (case-insensitive): what the plugin scores.
 *
 * @public
 */
export function isMicroserviceEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    typeof entity.spec?.type === 'string' &&
    entity.spec.type.toLocaleLowerCase('en-US') === 'service'
  );
}
