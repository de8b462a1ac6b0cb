import type { Entity } from '@backstage/catalog-model';
import { defaultEngineConfig } from './defaultEngineConfig';
import { annotationsOf, lowercase } from './graph/entityFields';
import { entityRefOf, RefValue } from './graph/entityRefs';
import { EntityNode, readEntityNode } from './graph/readEntityNode';
import { countDependents } from './graph/countDependents';
import { stronglyConnectedComponents } from './graph/stronglyConnectedComponents';
import type { SharedDatastore } from './types';

export type { EntityNode } from './graph/readEntityNode';
export type { RefValue } from './graph/entityRefs';

/**
 * Annotations naming a deployment unit; two services must not share one.
 *
 * @public
 */
export const DEPLOYMENT_ID_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'argocd/app-name',
] as const;

/** @public */
export interface CatalogGraphOptions {
  /** `Resource` `spec.type` values that count as a datastore (case-insensitive). */
  datastoreTypes?: readonly string[];
}

/**
 * One dependency edge: `from` depends on `to`. Backstage derives the same `dependsOn`
 * relation from `spec.dependsOn` on `from` and from `spec.dependencyOf` on `to`; an API
 * consumed by `from` and provided by `to` is an edge through that API.
 *
 * @public
 */
export interface DependencyEdge {
  from: string;
  to: string;
  via: 'dependsOn' | 'dependencyOf' | 'consumesApis';
  /** The API, for `consumesApis`. */
  apiRef?: string;
}

/** @public */
export interface SharedDeploymentId {
  annotation: string;
  value: string;
  /** Every service declaring it, sorted. */
  services: string[];
}

interface GraphAnalysis {
  cycles: string[][];
  cycleOf: Map<string, string[]>;
  /** Index into `dependentCounts` of each entity that has a dependency edge. */
  indexOf: Map<string, number>;
  dependentCounts: Int32Array;
}

/**
 * A ref as the graph's maps key it: lowercased. Refs the graph hands out are already
 * normalized, so lookups try the ref as given first; on a miss, a ref that is already in
 * normal form is not looked up again (lowercasing allocates a new string).
 */
const NORMALIZED = /^[a-z0-9:/._-]*$/;
const keyOf = (ref: string) => (NORMALIZED.test(ref) ? ref : lowercase(ref));

function lookup<V>(map: ReadonlyMap<string, V>, ref: string): V | undefined {
  const found = map.get(ref);
  return found !== undefined || NORMALIZED.test(ref)
    ? found
    : map.get(lowercase(ref));
}

const compareText = (a: string, b: string) => (a < b ? -1 : Number(a > b));
const compareEdges = (a: DependencyEdge, b: DependencyEdge) =>
  compareText(a.to, b.to) ||
  compareText(a.from, b.from) ||
  compareText(a.via, b.via) ||
  compareText(a.apiRef ?? '', b.apiRef ?? '');

const sortedDistinct = (values: Iterable<string>) =>
  [...new Set(values)].sort();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/**
 * An index of the catalog built once per evaluation. Refs are normalized
 * (`kind:namespace/name`, lowercased); lookups accept any casing. Graph-wide
 * results (cycles, blast radius, shared datastores and deployment ids) are
 * computed once, on first use, iteratively and in near-linear time.
 *
 * The dependency graph has an edge from an entity to each target of its
 * `spec.dependsOn`, from each entity named in an entity's `spec.dependencyOf` to that
 * entity, and from an entity to each Component providing an API it consumes.
 *
 * @public
 */
export class CatalogGraph {
  /** The input entities, each ref once (the first definition wins). */
  readonly entities: Entity[] = [];
  /** The `Component`s of `spec.type: service`, in input order. */
  readonly services: Entity[] = [];
  /** Refs defined more than once in the input, sorted. */
  readonly duplicateRefs: string[];

  private readonly nodes = new Map<string, EntityNode>();
  /** Refs of the input entities, so that checks need not re-derive them. */
  private readonly refs = new Map<Entity, string>();
  private readonly serviceRefs: string[] = [];
  private readonly providers = new Map<string, string[]>();
  private readonly dependencies = new Map<string, string[]>();
  private readonly dependents = new Map<string, string[]>();
  private readonly edgesFrom = new Map<string, DependencyEdge[]>();
  /** Built on first use: only callers showing a service's dependents need it. */
  private edgesTo?: Map<string, DependencyEdge[]>;
  private readonly selfDependent = new Set<string>();
  private readonly datastoresByRef = new Map<string, string[]>();
  private readonly cycleMemberSets = new WeakMap<string[], Set<string>>();
  private readonly datastoreTypes: Set<string>;
  private analysis?: GraphAnalysis;
  private datastoreUsers?: Map<string, string[]>;
  private deploymentIds?: Map<string, SharedDeploymentId[]>;
  private shared?: SharedDatastore[];
  private sharedByRef?: Map<string, SharedDatastore>;

  constructor(entities: readonly Entity[], options: CatalogGraphOptions = {}) {
    this.datastoreTypes = new Set(
      (options.datastoreTypes ?? defaultEngineConfig.datastoreTypes).map(
        lowercase,
      ),
    );
    const duplicates = new Set<string>();
    for (const entity of entities) {
      const ref = entityRefOf(entity);
      if (!ref) {
        continue; // no kind or name: nothing can refer to it
      }
      this.refs.set(entity, ref);
      if (this.nodes.has(ref)) {
        duplicates.add(ref);
        continue;
      }
      const node = readEntityNode(entity, ref);
      this.nodes.set(ref, node);
      this.entities.push(entity);
      if (node.kind === 'component' && node.type === 'service') {
        this.services.push(entity);
        this.serviceRefs.push(ref);
      }
    }
    this.duplicateRefs = [...duplicates].sort();
    this.indexEdges();
  }

  private indexEdges() {
    for (const node of this.nodes.values()) {
      if (node.kind === 'component') {
        for (const api of node.providesApis) {
          if (!api.ref) continue;
          const providers = this.providers.get(api.ref);
          if (!providers) this.providers.set(api.ref, [node.ref]);
          else if (!providers.includes(node.ref)) providers.push(node.ref);
        }
      }
    }
    // Each edge once: repeated entries in a list are deduplicated per list, without building
    // a key per edge (the graph of a large catalog has hundreds of thousands of edges).
    const addEdge = (edge: DependencyEdge) => {
      if (edge.from === edge.to) {
        // Providing and consuming the same API is not a dependency on oneself.
        if (edge.via !== 'consumesApis') this.selfDependent.add(edge.from);
        return;
      }
      pushTo(this.edgesFrom, edge.from, edge);
    };
    const distinctRefs = (values: RefValue[]): string[] => {
      if (values.length > 32) {
        // Long lists (generated catalogs): a set keeps this linear.
        return [...new Set(values.flatMap(({ ref }) => (ref ? [ref] : [])))];
      }
      const refs: string[] = [];
      for (const { ref } of values) {
        if (ref && !refs.includes(ref)) refs.push(ref);
      }
      return refs;
    };
    for (const node of this.nodes.values()) {
      for (const to of distinctRefs(node.dependsOn)) {
        addEdge({ from: node.ref, to, via: 'dependsOn' });
      }
      // Declared on the dependency's side; a dependent that does not exist adds no edge.
      for (const from of distinctRefs(node.dependencyOf)) {
        if (this.nodes.has(from))
          addEdge({ from, to: node.ref, via: 'dependencyOf' });
      }
      for (const apiRef of distinctRefs(node.consumesApis)) {
        for (const to of this.providers.get(apiRef) ?? []) {
          addEdge({ from: node.ref, to, via: 'consumesApis', apiRef });
        }
      }
    }
    // Sorted, so that results do not depend on the order of the input entities.
    for (const providers of this.providers.values()) providers.sort();
    for (const edges of this.edgesFrom.values()) edges.sort(compareEdges);
    for (const [from, edges] of this.edgesFrom) {
      // Sorted by target first, so repeated targets are adjacent.
      const targets: string[] = [];
      for (const edge of edges) {
        if (targets[targets.length - 1] !== edge.to) targets.push(edge.to);
      }
      this.dependencies.set(from, targets);
      for (const target of targets) {
        if (this.nodes.has(target)) pushTo(this.dependents, target, from);
      }
    }
    for (const dependents of this.dependents.values()) dependents.sort();
  }

  /** Its dependency edges (what it depends on), each once; targets may be dangling. */
  upstreamOf(ref: string): readonly DependencyEdge[] {
    return lookup(this.edgesFrom, ref) ?? [];
  }

  /** The edges of the entities that depend on it. */
  downstreamOf(ref: string): readonly DependencyEdge[] {
    if (!this.edgesTo) {
      const edgesTo = new Map<string, DependencyEdge[]>();
      for (const edges of this.edgesFrom.values()) {
        for (const edge of edges) {
          if (this.nodes.has(edge.to)) pushTo(edgesTo, edge.to, edge);
        }
      }
      for (const edges of edgesTo.values()) edges.sort(compareEdges);
      this.edgesTo = edgesTo;
    }
    return lookup(this.edgesTo, ref) ?? [];
  }

  /** The normalized ref of an entity ('' when it has no kind or name). */
  refOf(entity: Entity): string {
    return this.refs.get(entity) ?? entityRefOf(entity) ?? '';
  }

  /** The entity a ref names, or undefined; `ref` is a full `kind:namespace/name`, any case. */
  node(ref: string): EntityNode | undefined {
    return lookup(this.nodes, ref);
  }

  nodeOf(entity: Entity): EntityNode | undefined {
    return this.nodes.get(this.refOf(entity));
  }

  get(ref: string): Entity | undefined {
    return this.node(ref)?.entity;
  }

  has(ref: string | undefined): boolean {
    return ref !== undefined && lookup(this.nodes, ref) !== undefined;
  }

  isService(ref: string): boolean {
    const node = this.node(ref);
    return node?.kind === 'component' && node.type === 'service';
  }

  isDatastore(ref: string): boolean {
    const node = this.node(ref);
    return (
      node?.kind === 'resource' &&
      node.type !== undefined &&
      this.datastoreTypes.has(node.type)
    );
  }

  /** Distinct dependencies, itself excluded; `dependsOn` targets may be dangling. */
  dependenciesOf(ref: string): string[] {
    return lookup(this.dependencies, ref) ?? [];
  }

  /** Entities that depend on it directly. */
  dependentsOf(ref: string): string[] {
    return lookup(this.dependents, ref) ?? [];
  }

  /** Whether its own `spec.dependsOn` or `spec.dependencyOf` names itself. */
  dependsOnItself(ref: string): boolean {
    return this.selfDependent.has(keyOf(ref));
  }

  /** The Components whose `spec.providesApis` lists the API. */
  providersOf(apiRef: string): string[] {
    return lookup(this.providers, apiRef) ?? [];
  }

  /**
   * Refs in `dependsOn`, `dependencyOf` and `consumesApis` that are invalid or name no
   * entity. `owner`, `system` and `providesApis` are left out: the checks on ownership,
   * system and API definitions charge those (see docs/checks.md, "Missing references").
   */
  danglingRefsOf(ref: string): RefValue[] {
    const node = this.node(ref);
    if (!node) {
      return [];
    }
    const dangling: RefValue[] = [];
    for (const field of [node.dependsOn, node.dependencyOf, node.consumesApis]) {
      for (const value of field) {
        if (value.ref === undefined || !this.nodes.has(value.ref)) {
          dangling.push(value);
        }
      }
    }
    return dangling;
  }

  /** The datastores among its dependencies (worked out once per entity: several checks ask). */
  datastoresOf(ref: string): string[] {
    let datastores = this.datastoresByRef.get(ref);
    if (!datastores) {
      datastores = this.dependenciesOf(ref).filter(target =>
        this.isDatastore(target),
      );
      this.datastoresByRef.set(ref, datastores);
    }
    return datastores;
  }

  /** The services that depend on a datastore, sorted. */
  servicesUsingDatastore(ref: string): string[] {
    if (!this.datastoreUsers) {
      this.datastoreUsers = new Map();
      for (const service of this.serviceRefs) {
        for (const datastore of this.datastoresOf(service)) {
          pushTo(this.datastoreUsers, datastore, service);
        }
      }
      for (const users of this.datastoreUsers.values()) users.sort();
    }
    return lookup(this.datastoreUsers, ref) ?? [];
  }

  /** Owner as a comparable key: the normalized ref, else the text as written. */
  ownerKeyOf(ref: string): string | undefined {
    const owner = this.node(ref)?.owner;
    return owner?.ref ?? owner?.text;
  }

  /** System as a comparable key: the normalized ref, else the text as written. */
  systemKeyOf(ref: string): string | undefined {
    const system = this.node(ref)?.system;
    return system?.ref ?? system?.text;
  }

  /** The entity's System, when `spec.system` names an existing System. */
  systemNodeOf(ref: string): EntityNode | undefined {
    const systemRef = this.node(ref)?.system?.ref;
    const system = systemRef === undefined ? undefined : this.node(systemRef);
    return system?.kind === 'system' ? system : undefined;
  }

  /** The domain ref of the entity's System, when it has a System with a `spec.domain`. */
  domainOf(ref: string): string | undefined {
    return this.systemNodeOf(ref)?.domain?.ref;
  }

  /** A Group's existing ancestors via `spec.parent`, nearest first; stops at loops. */
  groupAncestors(groupRef: string): string[] {
    const ancestors: string[] = [];
    const seen = new Set([keyOf(groupRef)]);
    let parent = this.node(groupRef)?.parent?.ref;
    while (parent && !seen.has(parent) && this.node(parent)?.kind === 'group') {
      ancestors.push(parent);
      seen.add(parent);
      parent = this.node(parent)?.parent?.ref;
    }
    return ancestors;
  }

  /** Every dependency cycle: strongly connected components of more than one entity, or an entity depending on itself. */
  get cycles(): string[][] {
    return this.analyse().cycles;
  }

  /** The members of the cycle the entity is on (itself included), if any. */
  cycleOf(ref: string): string[] | undefined {
    return lookup(this.analyse().cycleOf, ref);
  }

  /** The members of the entity's cycle as a set, built once per cycle. */
  cycleMembersOf(ref: string): ReadonlySet<string> | undefined {
    const members = this.cycleOf(ref);
    if (!members) return undefined;
    let set = this.cycleMemberSets.get(members);
    if (!set) {
      set = new Set(members);
      this.cycleMemberSets.set(members, set);
    }
    return set;
  }

  /** Blast radius: how many distinct services depend on it, directly or transitively. */
  blastRadiusOf(ref: string): number {
    const { indexOf, dependentCounts } = this.analyse();
    const index = lookup(indexOf, ref);
    return index === undefined ? 0 : dependentCounts[index];
  }

  /** The datastores it depends on that other services depend on too. */
  sharedDatastoresOf(ref: string): SharedDatastore[] {
    this.sharedByRef ??= new Map(
      this.sharedDatastores.map(shared => [shared.datastoreRef, shared]),
    );
    const byRef = this.sharedByRef;
    return this.datastoresOf(ref).flatMap(datastore => {
      const shared = byRef.get(datastore);
      return shared ? [shared] : [];
    });
  }

  /** Datastores that several services depend on, sorted by ref. */
  get sharedDatastores(): SharedDatastore[] {
    this.shared ??= this.findSharedDatastores();
    return this.shared;
  }

  private findSharedDatastores(): SharedDatastore[] {
    const shared: SharedDatastore[] = [];
    for (const node of this.nodes.values()) {
      const services = this.isDatastore(node.ref)
        ? this.servicesUsingDatastore(node.ref)
        : [];
      if (services.length < 2) {
        continue;
      }
      const ownerKeys = services.map(service => this.ownerKeyOf(service) ?? '');
      const systemKeys = services.map(s => this.systemKeyOf(s) ?? '');
      shared.push({
        datastoreRef: node.ref,
        services: [...services].sort(),
        owners: sortedDistinct(ownerKeys.filter(Boolean)),
        systems: sortedDistinct(systemKeys.filter(Boolean)),
        conflicting:
          new Set(ownerKeys).size > 1 || new Set(systemKeys).size > 1,
      });
    }
    return shared.sort((a, b) => a.datastoreRef.localeCompare(b.datastoreRef));
  }

  /** The deployment ids (see DEPLOYMENT_ID_ANNOTATIONS) it shares with other services. */
  sharedDeploymentIdsOf(ref: string): SharedDeploymentId[] {
    if (!this.deploymentIds) {
      this.deploymentIds = this.indexSharedDeploymentIds();
    }
    return lookup(this.deploymentIds, ref) ?? [];
  }

  private indexSharedDeploymentIds(): Map<string, SharedDeploymentId[]> {
    const byId = new Map<string, SharedDeploymentId>();
    for (const service of this.serviceRefs) {
      const annotations = annotationsOf(this.nodes.get(service)!.entity);
      for (const annotation of DEPLOYMENT_ID_ANNOTATIONS) {
        const value = annotations[annotation];
        if (value === undefined) continue;
        const key = `${annotation}\n${value}`;
        const id = byId.get(key) ?? { annotation, value, services: [] };
        id.services.push(service);
        byId.set(key, id);
      }
    }
    const byService = new Map<string, SharedDeploymentId[]>();
    for (const id of byId.values()) {
      if (id.services.length < 2) continue;
      id.services.sort();
      for (const service of id.services) pushTo(byService, service, id);
    }
    return byService;
  }

  /**
   * Cycles and blast radius, for the whole graph at once: O((V + E) · ⌈S/32⌉), see
   * countDependents. Only entities with a dependency edge (or depending on themselves) take
   * part: the others are on no cycle and nothing depends on them.
   */
  private analyse(): GraphAnalysis {
    if (this.analysis) {
      return this.analysis;
    }
    const indexOf = new Map<string, number>();
    const refs: string[] = [];
    const add = (ref: string) => {
      if (!indexOf.has(ref)) {
        indexOf.set(ref, refs.length);
        refs.push(ref);
      }
    };
    for (const [from, targets] of this.dependencies) {
      if (!this.nodes.has(from)) continue;
      for (const target of targets) {
        if (this.nodes.has(target)) {
          add(from);
          add(target);
        }
      }
    }
    for (const ref of this.selfDependent) add(ref);
    const adjacency = refs.map(ref => {
      const targets: number[] = [];
      for (const target of this.dependencies.get(ref) ?? []) {
        const index = indexOf.get(target);
        if (index !== undefined) targets.push(index);
      }
      return targets;
    });
    const components = stronglyConnectedComponents(adjacency);

    const cycles: string[][] = [];
    const cycleOf = new Map<string, string[]>();
    for (const component of components) {
      if (component.length > 1 || this.selfDependent.has(refs[component[0]])) {
        const members = component.map(index => refs[index]).sort();
        cycles.push(members);
        for (const member of members) cycleOf.set(member, members);
      }
    }
    cycles.sort((a, b) => a[0].localeCompare(b[0]));

    const isService = new Uint8Array(refs.length);
    for (let index = 0; index < refs.length; index++) {
      if (this.isService(refs[index])) isService[index] = 1;
    }
    const dependentCounts = countDependents(adjacency, components, isService);
    this.analysis = { cycles, cycleOf, indexOf, dependentCounts };
    return this.analysis;
  }
}
