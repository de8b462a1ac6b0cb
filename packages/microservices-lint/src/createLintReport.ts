import {
  CatalogEvaluation,
  CheckResult,
  misspeltSpecKeys,
  ServiceEvaluation,
} from '@microservices-backstage/plugin-microservices-common';
import type {
  CatalogFiles,
  SkippedFile,
  SkippedLocation,
  SourceLocation,
} from './readCatalogFiles';

export interface ServiceReport extends ServiceEvaluation {
  /** Whether the service passes the bar (see LintReport.bar). */
  passed: boolean;
  /** Where the evaluated definition was read. */
  source?: SourceLocation;
}

export interface DuplicateRef {
  entityRef: string;
  /** Every definition; the first one is evaluated. */
  sources: SourceLocation[];
}

/** A problem in an entity that Backstage would ignore silently, e.g. a misspelt spec key. */
export interface EntityWarning {
  entityRef: string;
  source: SourceLocation;
  message: string;
}

export interface LintReport {
  services: ServiceReport[];
  /** Whether every service passes the bar: exit code 0 or 1. */
  passed: boolean;
  /**
   * `fail-under`: a service fails when its score is below `failUnder`;
   * `no-failing-checks`: when a check with a weight above 0 has status fail or error.
   */
  bar: 'fail-under' | 'no-failing-checks';
  failUnder?: number;
  /** The catalog YAML files read from the paths: their services are linted. */
  files: string[];
  /** The catalog YAML files read from the context paths only: in the graph, not linted. */
  contextFiles: string[];
  /** Entities read (Locations excepted), services and context included. */
  entityCount: number;
  skippedFiles: SkippedFile[];
  skippedLocations: SkippedLocation[];
  duplicateRefs: DuplicateRef[];
  /** Warnings on the linted entities (services or not), with where each entity was read. */
  warnings: EntityWarning[];
  /** Every dependency cycle with a linted service in it once, as the refs of its members. */
  cycles: string[][];
  /** The --config file, when one was given. */
  configFile?: string;
  /** Notes for people: e.g. a config file without a `microservices:` section. */
  notes: string[];
}

/** A failing check: what fails a service under the default bar. */
export const isFailing = (check: CheckResult) =>
  (check.status === 'fail' || check.status === 'error') && check.weight > 0;

export interface CreateLintReportOptions {
  /**
   * Why the catalog would refuse an entity (its own words), by `file:line` of the
   * entity's document; reported as a warning on the linted entities.
   */
  catalogProblems?: ReadonlyMap<string, string>;
  failUnder?: number;
  configFile?: string;
  notes?: string[];
}

/**
 * Joins the engine's evaluation with where each entity came from, keeps the
 * services not read from context paths, and applies the bar.
 */
export function createLintReport(
  catalog: CatalogFiles,
  evaluation: CatalogEvaluation,
  options: CreateLintReportOptions = {},
): LintReport {
  const { failUnder } = options;
  const { graph } = evaluation;
  const sourcedOf = new Map(
    catalog.entities.map(sourced => [sourced.entity, sourced]),
  );
  const passes = (service: ServiceEvaluation) =>
    failUnder === undefined
      ? !service.checks.some(isFailing)
      : service.score >= failUnder;

  const services: ServiceReport[] = [];
  for (const service of evaluation.services) {
    const entity = graph.get(service.entityRef);
    const sourced = entity ? sourcedOf.get(entity) : undefined;
    if (!sourced?.context) {
      services.push({
        ...service,
        passed: passes(service),
        source: sourced?.source,
      });
    }
  }
  const linted = new Set(services.map(service => service.entityRef));

  const duplicates = new Set(evaluation.duplicateRefs);
  const definitions = new Map<string, SourceLocation[]>();
  for (const { entity, source } of catalog.entities) {
    const ref = graph.refOf(entity);
    if (duplicates.has(ref)) {
      definitions.set(ref, [...(definitions.get(ref) ?? []), source]);
    }
  }

  const warnings: EntityWarning[] = [];
  for (const { entity, source, context } of catalog.entities) {
    if (context) continue;
    const refused = options.catalogProblems?.get(
      `${source.file}:${source.line}`,
    );
    if (refused) {
      warnings.push({
        entityRef: graph.refOf(entity),
        source,
        message: `the catalog would refuse this entity: ${refused}`,
      });
    }
    for (const message of misspeltSpecKeys(entity)) {
      warnings.push({ entityRef: graph.refOf(entity), source, message });
    }
  }

  return {
    services,
    warnings,
    passed: services.every(service => service.passed),
    bar: failUnder === undefined ? 'no-failing-checks' : 'fail-under',
    failUnder,
    files: catalog.files,
    contextFiles: catalog.contextFiles,
    entityCount: catalog.entities.length,
    skippedFiles: catalog.skippedFiles,
    skippedLocations: catalog.skippedLocations,
    duplicateRefs: evaluation.duplicateRefs.map(entityRef => ({
      entityRef,
      sources: definitions.get(entityRef) ?? [],
    })),
    cycles: evaluation.cycles.filter(cycle =>
      cycle.some(ref => linted.has(ref)),
    ),
    configFile: options.configFile,
    notes: options.notes ?? [],
  };
}
