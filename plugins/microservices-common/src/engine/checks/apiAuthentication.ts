/*
 * Reads an API entity's definition to find whether it declares
 * authentication. Definitions can be large, so each API entity is inspected
 * once and the finding cached.
 */
import type { Entity } from '@backstage/catalog-model';
import { parseDocument } from 'yaml';
import {
  isObject,
  lowercase,
  specOf,
  stringValue,
} from '../graph/entityFields';

export interface AuthenticationFinding {
  status: 'pass' | 'fail' | 'warn';
  /** Completes "the API …", e.g. `declares the security schemes oauth2`. */
  detail: string;
}

const PLACEHOLDERS = ['$text', '$json', '$yaml', '$openapi', '$asyncapi'];
const cache = new WeakMap<Entity, AuthenticationFinding>();
/** A missing, empty or whitespace-only definition: it declares nothing. */
const NO_DEFINITION = 'has no definition';

function parseDefinition(
  definition: unknown,
): Record<string, unknown> | string {
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
  const document = parseDefinition(spec.definition);
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
  const schemes = securitySchemesOf(document);
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
