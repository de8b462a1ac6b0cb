/*
 * The contract of `POST /api/microservices/validate` (see the backend's openapi.yaml), shared
 * by the backend, the scaffolder action and the register page.
 */
import type { CheckResult, LevelProgress } from './engine/types';
import type { CatalogYamlProblem } from './catalogYaml/parseCatalogYaml';

/**
 * `POST /validate`: the largest body accepted (413 above it).
 *
 * @public
 */
export const VALIDATE_MAX_BODY_BYTES = 1024 * 1024;
/**
 * `POST /validate`: the most documents (YAML) or array elements (JSON) accepted.
 *
 * @public
 */
export const VALIDATE_MAX_DOCUMENTS = 1000;
/**
 * The media types `POST /validate` reads.
 *
 * @public
 */
export const VALIDATE_YAML_MEDIA_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
] as const;

/**
 * A problem in the proposal: `document` and `line` are 1-based; `line` absent for JSON.
 *
 * @public
 */
export type ValidationProblem = CatalogYamlProblem;

/**
 * One proposed service, scored as if registered (the linter's JSON `services` shape).
 *
 * @public
 */
export interface ProposedServiceResult {
  entityRef: string;
  score: number;
  level: string;
  nextLevel: LevelProgress | null;
  /** Where the service was in the proposal. */
  source: { document: number; line?: number };
  /** Misspelt spec keys and other things Backstage would ignore silently. */
  warnings: string[];
  checks: Pick<
    CheckResult,
    | 'id'
    | 'principle'
    | 'status'
    | 'message'
    | 'remediation'
    | 'weight'
    | 'related'
    | 'exemption'
  >[];
}

/**
 * The answer of `POST /validate` (200).
 *
 * @public
 */
export interface ValidateProposalResponse {
  /** Things worth knowing that did not stop the evaluation (e.g. Locations not followed). */
  problems: ValidationProblem[];
  services: ProposedServiceResult[];
  /** Entities in the proposal, services or not. */
  entityCount: number;
  /** Of them, those that replace an entity of the same ref in the catalog. */
  replacedRefs: string[];
}
