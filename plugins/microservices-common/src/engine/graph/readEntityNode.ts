import type { Entity } from '@backstage/catalog-model';
import { lowercase, specOf, stringValue } from './entityFields';
import { namespaceOf, readRef, readRefs, RefValue } from './entityRefs';

/** An entity with the fields the checks use, read tolerantly and resolved. */
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

/** Reads an entity whose normalized ref is `ref`; never throws. */
export function readEntityNode(entity: Entity, ref: string): EntityNode {
  const spec = specOf(entity);
  const defaultNamespace = namespaceOf(entity);
  const defaultsFor = (defaultKind?: string) => ({
    defaultKind,
    defaultNamespace,
  });
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
