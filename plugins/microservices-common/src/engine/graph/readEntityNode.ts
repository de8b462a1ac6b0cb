import type { Entity } from '@backstage/catalog-model';
import { lowercase, specOf, stringValue } from './entityFields';
import {
  namespaceOf,
  readRef,
  readRefs,
  RefDefaults,
  RefValue,
} from './entityRefs';

/**
 * An entity with the fields the checks use, read tolerantly and resolved.
 *
 * @public
 */
export interface EntityNode {
  ref: string;
  entity: Entity;
  /** Lowercased `kind`. */
  kind: string;
  /** Lowercased `spec.type`, when it is a string. */
  type?: string;
  owner?: RefValue;
  system?: RefValue;
  /** A System's `spec.domain`. */
  domain?: RefValue;
  /** A Group's `spec.parent`. */
  parent?: RefValue;
  subcomponentOf?: RefValue;
  dependsOn: RefValue[];
  /** `spec.dependencyOf`: entities that depend on this one, declared on this side. */
  dependencyOf: RefValue[];
  consumesApis: RefValue[];
  providesApis: RefValue[];
}

const lowercaseOrUndefined = (text?: string) =>
  text === undefined ? undefined : lowercase(text);

type DefaultKind = 'group' | 'system' | 'domain' | 'component' | 'api';
type NamespaceDefaults = Record<DefaultKind | 'none', RefDefaults>;

/** The defaults for each field, per namespace: built once, not once per entity and field. */
const defaultsByNamespace = new Map<string, NamespaceDefaults>();
function namespaceDefaults(defaultNamespace: string): NamespaceDefaults {
  let defaults = defaultsByNamespace.get(defaultNamespace);
  if (!defaults) {
    const forKind = (defaultKind?: string) => ({
      defaultKind,
      defaultNamespace,
    });
    defaults = {
      group: forKind('group'),
      system: forKind('system'),
      domain: forKind('domain'),
      component: forKind('component'),
      api: forKind('api'),
      none: forKind(),
    };
    // Namespaces are few; the bound only matters for hostile input.
    if (defaultsByNamespace.size > 1000) defaultsByNamespace.clear();
    defaultsByNamespace.set(defaultNamespace, defaults);
  }
  return defaults;
}

/** Reads an entity whose normalized ref is `ref`; never throws. */
export function readEntityNode(entity: Entity, ref: string): EntityNode {
  const spec = specOf(entity);
  const defaults = namespaceDefaults(namespaceOf(entity));
  const defaultsFor = (defaultKind?: DefaultKind) =>
    defaults[defaultKind ?? 'none'];
  return {
    ref,
    entity,
    kind: ref.slice(0, ref.indexOf(':')),
    type: lowercaseOrUndefined(stringValue(spec.type)),
    owner: readRef(spec.owner, 'spec.owner', defaultsFor('group')),
    system: readRef(spec.system, 'spec.system', defaultsFor('system')),
    domain: readRef(spec.domain, 'spec.domain', defaultsFor('domain')),
    parent: readRef(spec.parent, 'spec.parent', defaultsFor('group')),
    subcomponentOf: readRef(
      spec.subcomponentOf,
      'spec.subcomponentOf',
      defaultsFor('component'),
    ),
    // Backstage requires the kind in dependsOn refs: no default kind.
    dependsOn: readRefs(spec.dependsOn, 'spec.dependsOn', defaultsFor()),
    dependencyOf: readRefs(
      spec.dependencyOf,
      'spec.dependencyOf',
      defaultsFor(),
    ),
    consumesApis: readRefs(
      spec.consumesApis,
      'spec.consumesApis',
      defaultsFor('api'),
    ),
    providesApis: readRefs(
      spec.providesApis,
      'spec.providesApis',
      defaultsFor('api'),
    ),
  };
}
