/*
 * Reads an API entity's definition to find whether it declares authentication.
 * Definitions can be large and parsing YAML is the engine's most expensive step, so: a quick
 * structural scan decides the common case (schemes declared in block YAML or JSON), each API
 * entity is inspected once per evaluation, and findings are kept by the definition's content
 * across evaluations (the scheduled runs see the same definitions again and again).
 */
import type { Entity } from '@backstage/catalog-model';
import { parseDocument } from 'yaml';
import {
  isObject,
  lowercase,
  specOf,
  stringValue,
} from '../graph/entityFields';
import { scanSecuritySchemes } from './scanSecuritySchemes';

export interface AuthenticationFinding {
  status: 'pass' | 'fail' | 'warn';
  /** Completes "the API …", e.g. `declares the security schemes oauth2`. */
  detail: string;
}

const PLACEHOLDERS = ['$text', '$json', '$yaml', '$openapi', '$asyncapi'];
const cache = new WeakMap<Entity, AuthenticationFinding>();
/**
 * cyrb53: a fast 53-bit string hash. Keys by hash, not by text, so that the cache does not
 * keep every definition of the catalog alive between evaluations.
 */
function contentHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Findings by type, length and hash of the definition, across evaluations; bounded. */
const byContent = new Map<string, AuthenticationFinding>();
const MAX_REMEMBERED = 50_000;
/** A missing, empty or whitespace-only definition: it declares nothing. */
const NO_DEFINITION = 'has no definition';

function parseDefinition(
  definition: unknown,
): Record<string, unknown> | string | string[] {
  if (isObject(definition)) {
    const placeholder = PLACEHOLDERS.find(key => key in definition);
    return placeholder
      ? `its definition is a \`${placeholder}\` reference that the catalog resolves, not the document itself`
      : definition;
  }
  const text = stringValue(definition);
  if (!text) {
    return NO_DEFINITION;
  }
  try {
    const document = parseDocument(text);
    const parsed: unknown =
      document.errors.length > 0 ? undefined : document.toJS();
    return isObject(parsed)
      ? parsed
      : 'its definition does not parse as a JSON/YAML document';
  } catch {
    return 'its definition does not parse as a JSON/YAML document';
  }
}

function securitySchemesOf(document: Record<string, unknown>): string[] {
  const components = isObject(document.components) ? document.components : {};
  const schemes = [components.securitySchemes, document.securityDefinitions];
  return schemes.flatMap(value => (isObject(value) ? Object.keys(value) : []));
}

function inspect(api: Entity): AuthenticationFinding {
  const spec = specOf(api);
  const type = lowercase(stringValue(spec.type) ?? 'unknown');
  if (type !== 'openapi' && type !== 'asyncapi') {
    return {
      status: 'warn',
      detail: `is of type \`${type}\`, whose authentication cannot be checked`,
    };
  }
  const text = typeof spec.definition === 'string' ? spec.definition : undefined;
  const contentKey =
    text === undefined ? undefined : `${type}:${text.length}:${contentHash(text)}`;
  const remembered = contentKey && byContent.get(contentKey);
  if (remembered) return remembered;
  const finding = inspectDefinition(type, spec.definition, text);
  if (contentKey) {
    if (byContent.size >= MAX_REMEMBERED) byContent.clear();
    byContent.set(contentKey, finding);
  }
  return finding;
}

function inspectDefinition(
  type: string,
  definition: unknown,
  text: string | undefined,
): AuthenticationFinding {
  const scanned =
    text === undefined || text.trim() === '' ? undefined : scanSecuritySchemes(text);
  const document = scanned ?? parseDefinition(definition);
  if (document === NO_DEFINITION) {
    // An OpenAPI/AsyncAPI API without a definition declares no authentication
    // (docs/checks.md: only other API types are "not checkable").
    return {
      status: 'fail',
      detail: 'has no definition, so it declares no authentication',
    };
  }
  if (typeof document === 'string') {
    return { status: 'warn', detail: `cannot be checked: ${document}` };
  }
  const schemes = Array.isArray(document) ? document : securitySchemesOf(document);
  if (schemes.length === 0) {
    return {
      status: 'fail',
      detail:
        type === 'openapi'
          ? 'declares no `components.securitySchemes` (or `securityDefinitions`)'
          : 'declares no `components.securitySchemes`',
    };
  }
  return {
    status: 'pass',
    detail: `declares the security schemes ${schemes.join(', ')}`,
  };
}

/** Whether an API entity's definition declares authentication. */
export function apiAuthentication(api: Entity): AuthenticationFinding {
  let finding = cache.get(api);
  if (!finding) {
    finding = inspect(api);
    cache.set(api, finding);
  }
  return finding;
}
