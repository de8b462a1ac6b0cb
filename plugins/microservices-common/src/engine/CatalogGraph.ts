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

/** Everything the graph knows about one entity, so that each question costs one lookup. */
interface Slot {
  node: EntityNode;
  isService: boolean;
  /** Position in `services`; -1 for other entities. */
  serviceIndex: number;
  isDatastore: boolean;
  /** Its dependency edges, sorted; targets may be dangling. */
  edgesFrom: DependencyEdge[];
  /** Distinct targets of `edgesFrom`, sorted. */
  dependencies: string[];
  /** The slots of the targets that exist, in the same order. */
  dependencySlots: Slot[];
  /** Existing entities depending on it directly, sorted. */
  dependents: string[];
  selfDependent: boolean;
  datastores?: string[];
  /** Services depending on it, sorted, when it is a datastore (see servicesUsingDatastore). */
  datastoreUsers?: string[];
  /** Position in the cycle analysis; -1 when it takes no part (see analyse). */
  analysisIndex: number;
  cycle?: string[];
  dependentCount: number;
  deploymentIds?: SharedDeploymentId[];
}

// Shared by every slot without any; frozen, so that a caller changing one fails loudly.
const NO_REFS = Object.freeze([]) as unknown as string[];
const NO_EDGES = Object.freeze([]) as unknown as DependencyEdge[];
const NO_SLOTS = Object.freeze([]) as unknown as Slot[];

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

  private readonly slots = new Map<string, Slot>();
  /**
   * The slot of each input entity (a duplicate maps to its ref's first definition), built
   * on first need: evaluations walk the services in order (see slotOfEntity).
   */
  private slotsByEntity?: Map<Entity, Slot>;
  private readonly duplicateEntities: [Entity, Slot][] = [];
  private readonly serviceSlots: Slot[] = [];
  private nextService = 0;
  private readonly providers = new Map<string, string[]>();
  /** Built on first use: only callers showing a service's dependents need it. */
  private edgesTo?: Map<string, DependencyEdge[]>;
  private readonly cycleMemberSets = new WeakMap<string[], Set<string>>();
  private readonly datastoreTypes: Set<string>;
  private analysed?: { cycles: string[][] };
  private datastoreUsersIndexed = false;
  private deploymentIdsIndexed = false;
  private shared?: SharedDatastore[];
  private sharedByRef?: Map<string, SharedDatastore>;
  /**
   * The last slot asked for: checks ask about the service under evaluation many times in a
   * row, and a lookup in a map of every entity is the graph's most frequent cost.
   */
  private lastRef?: string;
  private lastSlot?: Slot;
  private lastEntity?: Entity;
  private lastEntitySlot?: Slot;

  constructor(entities: readonly Entity[], options: CatalogGraphOptions = {}) {
    this.datastoreTypes = new Set(
      (options.datastoreTypes ?? defaultEngineConfig.datastoreTypes).map(
        lowercase,
      ),
    );
    const duplicates = new Set<string>();
    const declaring: Slot[] = [];
    for (const entity of entities) {
      const ref = entityRefOf(entity);
      if (!ref) {
        continue; // no kind or name: nothing can refer to it
      }
      const existing = this.slots.get(ref);
      if (existing) {
        this.duplicateEntities.push([entity, existing]);
        duplicates.add(ref);
        continue;
      }
      const node = readEntityNode(entity, ref);
      const slot: Slot = {
        node,
        isService: node.kind === 'component' && node.type === 'service',
        serviceIndex: -1,
        isDatastore:
          node.kind === 'resource' &&
          node.type !== undefined &&
          this.datastoreTypes.has(node.type),
        edgesFrom: NO_EDGES,
        dependencies: NO_REFS,
        dependencySlots: NO_SLOTS,
        dependents: NO_REFS,
        selfDependent: false,
        datastores: undefined,
        datastoreUsers: undefined,
        analysisIndex: -1,
        cycle: undefined,
        dependentCount: 0,
        deploymentIds: undefined,
      };
      this.slots.set(ref, slot);
      if (
        node.providesApis.length > 0 ||
        node.dependsOn.length > 0 ||
        node.dependencyOf.length > 0 ||
        node.consumesApis.length > 0
      ) {
        declaring.push(slot);
      }
      this.entities.push(entity);
      if (slot.isService) {
        slot.serviceIndex = this.services.length;
        this.services.push(entity);
        this.serviceSlots.push(slot);
      }
    }
    this.duplicateRefs = [...duplicates].sort();
    this.indexEdges(declaring);
  }

  /**
   * Edges, dependencies and dependents. Only the entities that declare something are visited:
   * most of a catalog (users, groups, APIs, resources) declares no dependency.
   */
  private indexEdges(declaring: readonly Slot[]) {
    for (const { node } of declaring) {
      if (node.kind === 'component') {
        for (const api of node.providesApis) {
          if (!api.ref) continue;
          const providers = this.providers.get(api.ref);
          if (!providers) this.providers.set(api.ref, [node.ref]);
          else if (!providers.includes(node.ref)) providers.push(node.ref);
        }
      }
    }
    const withEdges: Slot[] = [];
    // Each edge once: repeated entries in a list are deduplicated per list, without building
    // a key per edge (the graph of a large catalog has hundreds of thousands of edges).
    const addEdge = (from: Slot, edge: DependencyEdge) => {
      if (edge.from === edge.to) {
        // Providing and consuming the same API is not a dependency on oneself.
        if (edge.via !== 'consumesApis') from.selfDependent = true;
        return;
      }
      if (from.edgesFrom === NO_EDGES) {
        from.edgesFrom = [edge];
        withEdges.push(from);
      } else {
        from.edgesFrom.push(edge);
      }
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
    for (const slot of declaring) {
      const node = slot.node;
      if (node.dependsOn.length > 0) {
        for (const to of distinctRefs(node.dependsOn)) {
          addEdge(slot, { from: node.ref, to, via: 'dependsOn' });
        }
      }
      // Declared on the dependency's side; a dependent that does not exist adds no edge.
      if (node.dependencyOf.length > 0) {
        for (const from of distinctRefs(node.dependencyOf)) {
          const fromSlot = this.slots.get(from);
          if (fromSlot) {
            addEdge(fromSlot, { from, to: node.ref, via: 'dependencyOf' });
          }
        }
      }
      if (node.consumesApis.length > 0) {
        for (const apiRef of distinctRefs(node.consumesApis)) {
          for (const to of this.providers.get(apiRef) ?? NO_REFS) {
            addEdge(slot, { from: node.ref, to, via: 'consumesApis', apiRef });
          }
        }
      }
    }
    // Sorted, so that results do not depend on the order of the input entities.
    for (const providers of this.providers.values()) {
      if (providers.length > 1) providers.sort();
    }
    const withDependents: Slot[] = [];
    for (const slot of withEdges) {
      const edges = slot.edgesFrom;
      if (edges.length > 1) edges.sort(compareEdges);
      // Sorted by target first, so repeated targets are adjacent.
      const targets: string[] = [];
      for (const edge of edges) {
        if (targets[targets.length - 1] !== edge.to) targets.push(edge.to);
      }
      slot.dependencies = targets;
      for (const target of targets) {
        const targetSlot = this.slots.get(target);
        if (!targetSlot) continue;
        if (slot.dependencySlots === NO_SLOTS) slot.dependencySlots = [];
        slot.dependencySlots.push(targetSlot);
        if (targetSlot.dependents === NO_REFS) {
          targetSlot.dependents = [];
          withDependents.push(targetSlot);
        }
        targetSlot.dependents.push(slot.node.ref);
      }
    }
    for (const slot of withDependents) {
      if (slot.dependents.length > 1) slot.dependents.sort();
    }
  }

  /** One lookup per ref, any casing; the last one is remembered. */
  private slot(ref: string): Slot | undefined {
    if (ref === this.lastRef) return this.lastSlot;
    const slot = lookup(this.slots, ref);
    this.lastRef = ref;
    this.lastSlot = slot;
    return slot;
  }

  private slotOfEntity(entity: Entity): Slot | undefined {
    if (entity === this.lastEntity) return this.lastEntitySlot;
    let slot: Slot | undefined = this.serviceSlots[this.nextService];
    if (slot?.node.entity !== entity) {
      slot =
        this.entitySlots().get(entity) ??
        this.slots.get(entityRefOf(entity) ?? '');
    }
    if (slot?.isService && slot.node.entity === entity) {
      this.nextService = slot.serviceIndex + 1;
    }
    this.lastEntity = entity;
    this.lastEntitySlot = slot;
    return slot;
  }

  private entitySlots(): Map<Entity, Slot> {
    if (!this.slotsByEntity) {
      this.slotsByEntity = new Map();
      for (const slot of this.slots.values()) {
        this.slotsByEntity.set(slot.node.entity, slot);
      }
      for (const [entity, slot] of this.duplicateEntities) {
        this.slotsByEntity.set(entity, slot);
      }
    }
    return this.slotsByEntity;
  }

  /** Its dependency edges (what it depends on), each once; targets may be dangling. */
  upstreamOf(ref: string): readonly DependencyEdge[] {
    return this.slot(ref)?.edgesFrom ?? NO_EDGES;
  }

  /** The edges of the entities that depend on it. */
  downstreamOf(ref: string): readonly DependencyEdge[] {
    if (!this.edgesTo) {
      const edgesTo = new Map<string, DependencyEdge[]>();
      for (const slot of this.slots.values()) {
        for (const edge of slot.edgesFrom) {
          if (this.slots.has(edge.to)) pushTo(edgesTo, edge.to, edge);
        }
      }
      for (const edges of edgesTo.values()) edges.sort(compareEdges);
      this.edgesTo = edgesTo;
    }
    return lookup(this.edgesTo, ref) ?? [];
  }

  /** The normalized ref of an entity ('' when it has no kind or name). */
  refOf(entity: Entity): string {
    return this.slotOfEntity(entity)?.node.ref ?? entityRefOf(entity) ?? '';
  }

  /** The entity a ref names, or undefined; `ref` is a full `kind:namespace/name`, any case. */
  node(ref: string): EntityNode | undefined {
    return this.slot(ref)?.node;
  }

  nodeOf(entity: Entity): EntityNode | undefined {
    return this.slotOfEntity(entity)?.node;
  }

  get(ref: string): Entity | undefined {
    return this.node(ref)?.entity;
  }

  has(ref: string | undefined): boolean {
    return ref !== undefined && this.slot(ref) !== undefined;
  }

  isService(ref: string): boolean {
    return this.slot(ref)?.isService ?? false;
  }

  isDatastore(ref: string): boolean {
    return this.slot(ref)?.isDatastore ?? false;
  }

  /**
   * Distinct dependencies, itself excluded; `dependsOn` targets may be dangling. The graph's
   * own list, sorted: read it, do not change it (an empty one is shared and frozen).
   */
  dependenciesOf(ref: string): string[] {
    return this.slot(ref)?.dependencies ?? NO_REFS;
  }

  /**
   * Entities that depend on it directly. The graph's own list, sorted: read it, do not change
   * it (an empty one is shared and frozen).
   */
  dependentsOf(ref: string): string[] {
    return this.slot(ref)?.dependents ?? NO_REFS;
  }

  /** Whether its own `spec.dependsOn` or `spec.dependencyOf` names itself. */
  dependsOnItself(ref: string): boolean {
    return this.slot(ref)?.selfDependent ?? false;
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
    for (const field of [
      node.dependsOn,
      node.dependencyOf,
      node.consumesApis,
    ]) {
      for (const value of field) {
        if (value.ref === undefined || !this.slots.has(value.ref)) {
          dangling.push(value);
        }
      }
    }
    return dangling;
  }

  /** The datastores among its dependencies (worked out once per entity: several checks ask). */
  datastoresOf(ref: string): string[] {
    const slot = this.slot(ref);
    return slot ? this.datastoresOfSlot(slot) : NO_REFS;
  }

  private datastoresOfSlot(slot: Slot): string[] {
    if (!slot.datastores) {
      let datastores = NO_REFS;
      for (const target of slot.dependencySlots) {
        if (target.isDatastore) {
          if (datastores === NO_REFS) datastores = [];
          datastores.push(target.node.ref);
        }
      }
      slot.datastores = datastores;
    }
    return slot.datastores;
  }

  /** The services that depend on a datastore, sorted. */
  servicesUsingDatastore(ref: string): string[] {
    if (!this.datastoreUsersIndexed) {
      this.datastoreUsersIndexed = true;
      for (const service of this.serviceSlots) {
        for (const target of service.dependencySlots) {
          if (target.isDatastore) {
            (target.datastoreUsers ??= []).push(service.node.ref);
          }
        }
      }
      for (const slot of this.slots.values()) {
        if (slot.datastoreUsers && slot.datastoreUsers.length > 1) {
          slot.datastoreUsers.sort();
        }
      }
    }
    return this.slot(ref)?.datastoreUsers ?? NO_REFS;
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
    this.analyse();
    return this.slot(ref)?.cycle;
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
    this.analyse();
    return this.slot(ref)?.dependentCount ?? 0;
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
    this.servicesUsingDatastore(''); // indexes every datastore's users
    const shared: SharedDatastore[] = [];
    for (const slot of this.slots.values()) {
      const services = slot.datastoreUsers;
      if (!slot.isDatastore || !services || services.length < 2) {
        continue;
      }
      const ownerKeys = services.map(service => this.ownerKeyOf(service) ?? '');
      const systemKeys = services.map(s => this.systemKeyOf(s) ?? '');
      shared.push({
        datastoreRef: slot.node.ref,
        services: [...services],
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
    if (!this.deploymentIdsIndexed) {
      this.deploymentIdsIndexed = true;
      this.indexSharedDeploymentIds();
    }
    return this.slot(ref)?.deploymentIds ?? [];
  }

  private indexSharedDeploymentIds() {
    const byId = new Map<string, SharedDeploymentId>();
    const slotsById = new Map<SharedDeploymentId, Slot[]>();
    for (const service of this.serviceSlots) {
      const annotations = annotationsOf(service.node.entity);
      for (const annotation of DEPLOYMENT_ID_ANNOTATIONS) {
        const value = annotations[annotation];
        if (value === undefined) continue;
        const key = `${annotation}\n${value}`;
        let id = byId.get(key);
        if (!id) {
          id = { annotation, value, services: [] };
          byId.set(key, id);
          slotsById.set(id, []);
        }
        id.services.push(service.node.ref);
        slotsById.get(id)!.push(service);
      }
    }
    for (const [id, slots] of slotsById) {
      if (id.services.length < 2) continue;
      id.services.sort();
      for (const slot of slots) (slot.deploymentIds ??= []).push(id);
    }
  }

  /**
   * Cycles and blast radius, for the whole graph at once: O((V + E) · ⌈S/32⌉), see
   * countDependents. Only entities with a dependency edge between existing entities (or
   * depending on themselves) take part: the others are on no cycle and nothing depends on them.
   */
  private analyse(): { cycles: string[][] } {
    if (this.analysed) {
      return this.analysed;
    }
    const members: Slot[] = [];
    const join = (slot: Slot) => {
      if (slot.analysisIndex === -1) {
        slot.analysisIndex = members.length;
        members.push(slot);
      }
    };
    for (const slot of this.slots.values()) {
      for (const target of slot.dependencySlots) {
        join(slot);
        join(target);
      }
      if (slot.selfDependent) join(slot);
    }
    const adjacency = members.map(slot =>
      slot.dependencySlots.map(target => target.analysisIndex),
    );
    const components = stronglyConnectedComponents(adjacency);

    const cycles: string[][] = [];
    for (const component of components) {
      if (component.length > 1 || members[component[0]].selfDependent) {
        const cycle = component.map(index => members[index].node.ref).sort();
        cycles.push(cycle);
        for (const index of component) members[index].cycle = cycle;
      }
    }
    cycles.sort((a, b) => a[0].localeCompare(b[0]));

    const isService = new Uint8Array(members.length);
    for (let index = 0; index < members.length; index++) {
      if (members[index].isService) isService[index] = 1;
    }
    const dependentCounts = countDependents(adjacency, components, isService);
    for (let index = 0; index < members.length; index++) {
      members[index].dependentCount = dependentCounts[index];
    }
    this.analysed = { cycles };
    return this.analysed;
  }
}
