import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * Parses a ref as the backend writes it (`group:default/orders-team`), or as a person types
 * it (`orders-team`), into a compound ref; undefined when it is not a ref at all.
 */
export function toCompoundRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(ref.trim(), {
      defaultKind: defaults.defaultKind,
      defaultNamespace: defaults.defaultNamespace ?? DEFAULT_NAMESPACE,
    });
  } catch {
    return undefined;
  }
}

/** A full, lower-case ref (`group:default/orders-team`), the form the backend filters on. */
export function normalizeRef(ref: string, defaultKind: string): string {
  const parsed = toCompoundRef(ref, { defaultKind });
  return (parsed ? stringifyEntityRef(parsed) : ref.trim()).toLocaleLowerCase(
    'en-US',
  );
}

/**
 * A short label for a ref: the name, prefixed by the namespace when not `default`, and by the
 * kind when it differs from the expected one (`user:marek.nowak` among groups).
 */
export function shortRef(ref: string, expectedKind?: string): string {
  const parsed = toCompoundRef(ref, { defaultKind: expectedKind });
  if (!parsed) return ref;
  const namespace =
    parsed.namespace.toLocaleLowerCase('en-US') === DEFAULT_NAMESPACE
      ? ''
      : `${parsed.namespace}/`;
  const kind =
    expectedKind &&
    parsed.kind.toLocaleLowerCase('en-US') !==
      expectedKind.toLocaleLowerCase('en-US')
      ? `${parsed.kind.toLocaleLowerCase('en-US')}:`
      : '';
  return `${kind}${namespace}${parsed.name}`;
}

/** The lower-case kind of a ref, or undefined. */
export function kindOf(ref: string): string | undefined {
  return toCompoundRef(ref)?.kind.toLocaleLowerCase('en-US');
}

/** The distinct targets (lower-case refs, sorted) of an entity's relations of one type. */
export function relationTargets(
  entity: Entity | undefined,
  type: string,
): string[] {
  return [
    ...new Set(
      (entity?.relations ?? [])
        .filter(r => r.type === type)
        .map(r => r.targetRef.toLocaleLowerCase('en-US')),
    ),
  ].sort();
}
