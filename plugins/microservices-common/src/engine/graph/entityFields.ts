/*
 * Tolerant readers for entity fields. Real catalog data has missing specs,
 * numbers where strings belong and lists where single values belong; these
 * readers never throw and return `undefined` or empty values instead.
 */
import type { Entity } from '@backstage/catalog-model';

/**
 * Lowercases for case-insensitive comparison. Backstage compares refs with
 * `toLocaleLowerCase('en-US')`, which equals the locale-independent
 * `toLowerCase` but is many times slower.
 */
export function lowercase(text: string): string {
  return text.toLowerCase();
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entity's `spec`, or an empty object when missing or not an object. */
export function specOf(entity: Entity): Record<string, unknown> {
  return isObject(entity.spec) ? entity.spec : {};
}

/** The value when it is a non-blank string, trimmed. */
export function stringValue(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Annotations that needed cleaning, per entity object. Clean ones (the common case) are the
 * entity's own object and need no entry: a weak map entry per entity costs the garbage
 * collector more than checking the values again.
 */
const cleanedAnnotations = new WeakMap<object, Record<string, string>>();
/** The last answer: a dozen checks ask for the annotations of the same service in a row. */
let lastEntity: unknown;
let lastAnnotations: Record<string, string> = {};

/** The entity's annotations that have a non-blank string value. */
export function annotationsOf(entity: Entity): Record<string, string> {
  if (entity === lastEntity) return lastAnnotations;
  const annotations = readAnnotations(entity);
  lastEntity = entity;
  lastAnnotations = annotations;
  return annotations;
}

function readAnnotations(entity: Entity): Record<string, string> {
  const raw =
    isObject(entity) && isObject(entity.metadata)
      ? entity.metadata.annotations
      : undefined;
  if (!isObject(raw)) {
    return {};
  }
  const cached = cleanedAnnotations.get(raw);
  if (cached) return cached;
  // Every value already a trimmed, non-blank string: the entity's own object is the answer
  // (read-only by contract), and nothing is copied.
  let clean = true;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (typeof value !== 'string' || value === '' || value.trim() !== value) {
      clean = false;
      break;
    }
  }
  if (clean) {
    return raw as Record<string, string>;
  }
  const result: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    const text = stringValue(raw[key]);
    if (text !== undefined) {
      result[key] = text;
    }
  }
  cleanedAnnotations.set(raw, result);
  return result;
}

/** The non-blank string entries of `metadata.tags`. */
export function tagsOf(entity: Entity): string[] {
  const raw = isObject(entity.metadata) ? entity.metadata.tags : undefined;
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.map(stringValue).filter((tag): tag is string => tag !== undefined);
}

/** The first of `keys` that the annotations hold, if any. */
export function firstAnnotation(
  annotations: Record<string, string>,
  keys: readonly string[],
): string | undefined {
  for (const key of keys) {
    if (annotations[key] !== undefined) return key;
  }
  return undefined;
}

/** Renders any value for a message: strings as written, others as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
