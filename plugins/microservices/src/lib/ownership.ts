import {
  DEFAULT_NAMESPACE,
  Entity,
  RELATION_CHILD_OF,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { relationTargets, toCompoundRef } from './entityRefs';

/** A ref from a spec field, completed with a default kind and the entity's namespace. */
function specRef(
  entity: Entity,
  value: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const parsed = toCompoundRef(value, {
    defaultKind,
    defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
  });
  return parsed
    ? stringifyEntityRef(parsed).toLocaleLowerCase('en-US')
    : undefined;
}

/** The owner of an entity: the catalog's `ownedBy` relation, else `spec.owner`. */
export function ownerRefOf(entity: Entity): string | undefined {
  return (
    relationTargets(entity, RELATION_OWNED_BY)[0] ??
    specRef(entity, entity.spec?.owner, 'group')
  );
}

/** A Group's parent team: the `childOf` relation, else `spec.parent`. */
export function parentRefOf(group: Entity): string | undefined {
  return (
    relationTargets(group, RELATION_CHILD_OF)[0] ??
    specRef(group, group.spec?.parent, 'group')
  );
}

/** A Group's members: the `hasMember` relations, else `spec.members`. */
export function memberRefsOf(group: Entity): string[] {
  const fromRelations = relationTargets(group, RELATION_HAS_MEMBER);
  if (fromRelations.length) return fromRelations;
  const members = group.spec?.members;
  return Array.isArray(members)
    ? members.flatMap(m => specRef(group, m, 'user') ?? [])
    : [];
}

/** The contact e-mail of a Group or User (`spec.profile.email`). */
export function emailOf(entity: Entity): string | undefined {
  const email = (entity.spec?.profile as { email?: unknown } | undefined)
    ?.email;
  return typeof email === 'string' && email.includes('@') ? email : undefined;
}
