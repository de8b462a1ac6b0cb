/*
 * Entity refs as Backstage resolves them, normalized to lowercase
 * `kind:namespace/name` so that lookups are case-insensitive.
 */
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { describeValue, isObject, stringValue } from './entityFields';

/**
 * A ref read from an entity field.
 *
 * @public
 */
export interface RefValue {
  /** Where it was read, e.g. `spec.dependsOn`. */
  field: string;
  /** As written (non-strings rendered as JSON). */
  text: string;
  /** Normalized ref; absent when the text is not a valid ref. */
  ref?: string;
}

/** @public */
export interface RefDefaults {
  /** Absent for fields where the kind must be written, like `dependsOn`. */
  defaultKind?: string;
  defaultNamespace: string;
}

/** `stringifyEntityRef` already lowercases each part. */
function normalize(kind: string, namespace: string, name: string): string {
  return stringifyEntityRef({ kind, namespace, name });
}

/** The normalized ref of an entity; undefined when it has no string kind or name. */
export function entityRefOf(entity: unknown): string | undefined {
  if (!isObject(entity) || !isObject(entity.metadata)) {
    return undefined;
  }
  const kind = stringValue(entity.kind);
  const name = stringValue(entity.metadata.name);
  if (!kind || !name) {
    return undefined;
  }
  return normalize(kind, namespaceOf(entity), name);
}

/** The entity's namespace, `default` when missing or not a string. */
export function namespaceOf(entity: unknown): string {
  const metadata = isObject(entity) ? entity.metadata : undefined;
  return (
    (isObject(metadata) ? stringValue(metadata.namespace) : undefined) ??
    DEFAULT_NAMESPACE
  );
}

/**
 * Parsed refs per defaults object. The same refs recur across a catalog (owners, systems,
 * popular APIs), and the graph's defaults objects are shared per namespace and kind, so most
 * reads are one lookup. Bounded, so that hostile input cannot grow it without limit.
 */
const parsedRefs = new WeakMap<RefDefaults, Map<string, string | null>>();
const MAX_PARSED_REFS = 200_000;

/**
 * Parses a ref as written in a field; undefined when it is not a valid ref.
 *
 * @public
 */
export function parseRef(
  text: string,
  defaults: RefDefaults,
): string | undefined {
  let cache = parsedRefs.get(defaults);
  if (!cache) {
    cache = new Map();
    parsedRefs.set(defaults, cache);
  }
  const cached = cache.get(text);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const parsed = parseRefUncached(text, defaults);
  if (cache.size >= MAX_PARSED_REFS) cache.clear();
  cache.set(text, parsed ?? null);
  return parsed;
}

function parseRefUncached(
  text: string,
  defaults: RefDefaults,
): string | undefined {
  try {
    const { kind, namespace, name } = parseEntityRef(text.trim(), defaults);
    return normalize(kind, namespace, name);
  } catch {
    return undefined;
  }
}

/**
 * Normalizes a user-written ref (config, API input), defaulting to a Component in `default`.
 *
 * @public
 */
export function normalizeEntityRef(
  text: string,
  defaultKind = 'component',
): string | undefined {
  return parseRef(text, { defaultKind, defaultNamespace: DEFAULT_NAMESPACE });
}

/** Reads a single-ref field; undefined when the field is absent or blank. */
export function readRef(
  value: unknown,
  field: string,
  defaults: RefDefaults,
): RefValue | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const text = stringValue(value);
  if (text === undefined) {
    return { field, text: describeValue(value) };
  }
  return { field, text, ref: parseRef(text, defaults) };
}

// Shared by every absent field; frozen, so that a caller changing one fails loudly.
const NO_REF_VALUES = Object.freeze([]) as unknown as RefValue[];

/** Reads a list-of-refs field; a lone string counts as a list of one. */
export function readRefs(
  value: unknown,
  field: string,
  defaults: RefDefaults,
): RefValue[] {
  if (value === undefined || value === null) {
    return NO_REF_VALUES; // most entities declare most fields not at all
  }
  const items = Array.isArray(value) ? value : [value];
  const refs: RefValue[] = [];
  for (const item of items) {
    const ref = readRef(item, field, defaults);
    if (ref) {
      refs.push(ref);
    }
  }
  return refs;
}
