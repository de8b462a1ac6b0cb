/*
 * Types of the compliance engine. The engine is pure: it takes catalog
 * entities and a configuration, and returns one evaluation per service.
 * The backend, the command-line linter and the frontend all share it.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CatalogGraph } from './CatalogGraph';

/**
 * The principle ids are a contract shared by the API, the linter and the UI.
 *
 * @public
 */
export const PRINCIPLE_IDS = [
  'decomposition',
  'domain-driven-design',
  'decentralized-data',
  'continuous-delivery',
  'devops',
  'infrastructure-as-code',
  'scalability',
  'fault-isolation',
  'technology-diversity',
  'organizational-alignment',
  'observability',
  'network-latency',
  'security',
  'data-consistency',
] as const;

/**
 * A principle id from PRODUCT.md, or an adopter's own one for custom checks.
 *
 * @public
 */
export type PrincipleId = (typeof PRINCIPLE_IDS)[number] | (string & {});

/** @public */
export type CheckStatus =
  | 'pass'
  | 'fail'
  | 'warn'
  | 'not-applicable'
  | 'exempt'
  | 'error';

/**
 * The result of one check on one service.
 *
 * @public
 */
export interface CheckResult {
  /** Check id, e.g. `fault-isolation.no-dependency-cycle`. */
  id: string;
  principle: PrincipleId;
  status: CheckStatus;
  /** What was seen, in a sentence. */
  message: string;
  /** What to change in catalog-info.yaml to pass; empty when passing. */
  remediation: string;
  weight: number;
  /** Present when status is `exempt`. */
  exemption?: {
    reason: string;
    expires?: string;
    source: 'annotation' | 'config';
  };
  /** Entity refs the finding is about (the other services of a cycle, the shared datastore...). */
  related?: string[];
}

/**
 * What a check returns; the engine fills in id, principle, weight and exemptions.
 *
 * @public
 */
export interface CheckOutcome {
  status: Exclude<CheckStatus, 'exempt' | 'error'>;
  message: string;
  remediation?: string;
  related?: string[];
}

/** @public */
export interface CheckDefinition {
  id: string;
  principle: PrincipleId;
  title: string;
  description: string;
  /** Default weight; 0 makes a check informational. */
  defaultWeight: number;
  /** Evaluates one service in the context of the whole graph. */
  evaluate(service: Entity, context: EvaluationContext): CheckOutcome;
}

/**
 * A configured check as the API returns it (`GET /checks`).
 *
 * @public
 */
export interface ConfiguredCheck {
  id: string;
  principle: PrincipleId;
  title: string;
  description: string;
  weight: number;
  enabled: boolean;
}

/**
 * A level of the rubric. A service holds it when it holds every lower level, its score
 * reaches `minScore`, and each of `requiredChecks` is `pass`, `exempt` or `not-applicable`
 * (`'*'` stands for every enabled check with a weight above 0).
 *
 * @public
 */
export interface LevelDefinition {
  name: string;
  minScore: number;
  requiredChecks: string[];
}

/**
 * What a service needs for the next level up.
 *
 * @public
 */
export interface LevelProgress {
  level: string;
  minScore: number;
  /** Required checks of that level (and those below) that it does not meet, in check order. */
  missingChecks: string[];
  /** Points short of `minScore`; 0 when the score is enough. */
  scoreShortfall: number;
}

/** @public */
export interface Exemption {
  entityRef: string;
  check: string;
  reason: string;
  /** ISO date (YYYY-MM-DD); the exemption no longer applies after this day. */
  expires?: string;
}

/** @public */
export interface EngineConfig {
  checks: Record<string, { enabled?: boolean; weight?: number }>;
  thresholds: {
    maxProvidedApis: number;
    maxFanOut: number;
    maxBlastRadius: number;
  };
  /** Lowest first after normalisation; a service that earns none gets `levelBelowAll`. */
  levels: LevelDefinition[];
  levelBelowAll: string;
  annotations: {
    ci: string[];
    monitoring: string[];
    logging: string[];
    tracing: string[];
    iac: string[];
    onCall: string[];
  };
  /** `Resource` `spec.type` values that count as a datastore. */
  datastoreTypes: string[];
  exemptions: Exemption[];
}

/**
 * Per service: every check's result, a score 0-100 and a level.
 *
 * @public
 */
export interface ServiceEvaluation {
  entityRef: string;
  score: number;
  level: string;
  /** The next level and what it takes; absent at the highest level. */
  nextLevel?: LevelProgress;
  checks: CheckResult[];
  /** Problems in the entity that Backstage ignores silently (misspelt spec keys). */
  warnings: string[];
}

/**
 * What a check sees besides the service: the whole graph, the configuration and the clock.
 *
 * @public
 */
export interface EvaluationContext {
  graph: CatalogGraph;
  config: EngineConfig;
  /** The evaluation's instant; checks must not read the system clock. */
  now: Date;
}

/**
 * A datastore that more than one service depends on.
 *
 * @public
 */
export interface SharedDatastore {
  datastoreRef: string;
  /** The services depending on it, sorted. */
  services: string[];
  /** The distinct owners of those services, sorted. */
  owners: string[];
  /** The distinct systems of those services, sorted. */
  systems: string[];
  /** True when the services differ in owner or system: a `decentralized-data` violation. */
  conflicting: boolean;
}

/**
 * The result of evaluating a whole catalog.
 *
 * @public
 */
export interface CatalogEvaluation {
  services: ServiceEvaluation[];
  /** Every dependency cycle once, as the refs of its members (sorted). */
  cycles: string[][];
  sharedDatastores: SharedDatastore[];
  /** Refs defined more than once in the input; the first definition is the one evaluated. */
  duplicateRefs: string[];
  /** The index the evaluation ran on, for callers that show edges and ownership. */
  graph: CatalogGraph;
}
