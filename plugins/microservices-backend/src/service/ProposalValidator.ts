import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { LANDSCAPE_QUERY, queryAllEntities } from './queryAllEntities';
import {
  catalogEntityProblem,
  CheckDefinition,
  EngineConfig,
  entityShapeProblem,
  evaluateCatalog,
  misspeltSpecKeys,
  parseCatalogYaml,
  ProposedServiceResult,
  SourcedCatalogEntity,
  toCheckResultJson,
  VALIDATE_MAX_DOCUMENTS,
  ValidateProposalResponse,
  ValidationProblem,
} from '@microservices-backstage/plugin-microservices-common';

/** A proposal as received: catalog YAML (one or several documents) or JSON (an entity or an array). */
export interface ProposalInput {
  format: 'yaml' | 'json';
  text: string;
}

/** Problems listed in a 400's message; the count of the rest follows. */
const MAX_LISTED_PROBLEMS = 20;

function describeProblem(problem: ValidationProblem): string {
  const where = [
    problem.document !== undefined ? `document ${problem.document}` : undefined,
    problem.line !== undefined ? `line ${problem.line}` : undefined,
  ].filter(Boolean);
  return where.length
    ? `${where.join(', ')}: ${problem.message}`
    : problem.message;
}

/** A 400 naming every problem with its document and line (never the body itself). */
export function proposalInputError(problems: ValidationProblem[]): InputError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(describeProblem);
  const rest = problems.length - listed.length;
  return new InputError(
    `Invalid proposal: ${listed.join('; ')}${
      rest > 0 ? `; and ${rest} more` : ''
    }`,
  );
}

/** JSON to entities: an entity or an array of them. Never echoes the input. */
function parseJsonProposal(text: string): {
  entities: SourcedCatalogEntity[];
  problems: ValidationProblem[];
} {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(
      String((error as Error)?.message),
    )?.[1];
    const line =
      position !== undefined
        ? text.slice(0, Number(position)).split('\n').length
        : undefined;
    return {
      entities: [],
      problems: [{ ...(line ? { line } : {}), message: 'malformed JSON' }],
    };
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length > VALIDATE_MAX_DOCUMENTS) {
    return {
      entities: [],
      problems: [
        {
          document: VALIDATE_MAX_DOCUMENTS + 1,
          message: `more than ${VALIDATE_MAX_DOCUMENTS} entities: refusing the rest`,
        },
      ],
    };
  }
  const entities: SourcedCatalogEntity[] = [];
  const problems: ValidationProblem[] = [];
  items.forEach((entity, i) => {
    const problem = entityShapeProblem(entity);
    if (problem) problems.push({ document: i + 1, message: problem });
    else entities.push({ entity, document: i + 1 });
  });
  return { entities, problems };
}

const refKey = (entity: Entity) =>
  `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');

/**
 * Scores proposed entities (a catalog-info.yaml before it is registered) together with the
 * live catalog as the caller may see it, as if they were registered: a proposed entity
 * replaces the registered one of the same ref. Throws InputError for input the catalog would
 * refuse (malformed YAML, limits, invalid entities), with document and line.
 */
export class ProposalValidator {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      engineConfig: EngineConfig;
      customChecks?: readonly CheckDefinition[];
      now?: () => Date;
    },
  ) {}

  /** Parses and validates a proposal into entities; throws InputError for any problem. */
  async readProposal(
    input: ProposalInput,
  ): Promise<SourcedCatalogEntity<Entity>[]> {
    const parsed =
      input.format === 'json'
        ? parseJsonProposal(input.text)
        : parseCatalogYaml(input.text, {
            maxDocuments: VALIDATE_MAX_DOCUMENTS,
          });
    if (parsed.problems.length > 0) throw proposalInputError(parsed.problems);
    if (parsed.entities.length === 0) {
      throw new InputError(
        'Invalid proposal: no entity in it (expected catalog entities)',
      );
    }
    const problems: ValidationProblem[] = [];
    for (const { entity, document, line } of parsed.entities) {
      const problem = await catalogEntityProblem(entity);
      if (problem) {
        problems.push({
          document,
          ...(line !== undefined ? { line } : {}),
          message: problem,
        });
      }
    }
    if (problems.length > 0) throw proposalInputError(problems);
    return parsed.entities as SourcedCatalogEntity<Entity>[];
  }

  async validate(
    input: ProposalInput,
    credentials: BackstageCredentials,
  ): Promise<ValidateProposalResponse> {
    const proposal = await this.readProposal(input);
    return this.evaluate(proposal, credentials);
  }

  /** Evaluates already validated entities against the catalog the caller may see. */
  async evaluate(
    proposal: SourcedCatalogEntity<Entity>[],
    credentials: BackstageCredentials,
  ): Promise<ValidateProposalResponse> {
    const problems: ValidationProblem[] = [];
    const proposed = new Map<string, SourcedCatalogEntity<Entity>>();
    const duplicates: ValidationProblem[] = [];
    for (const sourced of proposal) {
      const { entity, document, line } = sourced;
      const where = { document, ...(line !== undefined ? { line } : {}) };
      if (entity.kind.toLocaleLowerCase('en-US') === 'location') {
        problems.push({
          ...where,
          message: `Location ${entity.metadata.name}: its targets are not followed`,
        });
        continue;
      }
      const key = refKey(entity);
      const first = proposed.get(key);
      if (first) {
        duplicates.push({
          ...where,
          message: `${key} is defined twice (also in document ${first.document})`,
        });
        continue;
      }
      proposed.set(key, sourced);
      for (const warning of misspeltSpecKeys(entity)) {
        problems.push({ ...where, message: `${key}: ${warning}` });
      }
    }
    if (duplicates.length > 0) throw proposalInputError(duplicates);

    // The entities the engine needs, as the caller may see them in the catalog.
    const registered = await queryAllEntities(
      this.options.catalog,
      LANDSCAPE_QUERY,
      credentials,
    );
    const replacedRefs: string[] = [];
    const entities: Entity[] = [];
    for (const entity of registered) {
      const key = refKey(entity);
      if (proposed.has(key)) replacedRefs.push(key);
      else entities.push(entity);
    }
    entities.push(...[...proposed.values()].map(p => p.entity));

    const now = this.options.now?.() ?? new Date();
    const evaluation = evaluateCatalog(entities, this.options.engineConfig, {
      now,
      extraChecks: this.options.customChecks,
    });
    const services: ProposedServiceResult[] = [];
    for (const service of evaluation.services) {
      const sourced = proposed.get(
        service.entityRef.toLocaleLowerCase('en-US'),
      );
      if (!sourced) continue;
      services.push({
        entityRef: service.entityRef,
        score: service.score,
        level: service.level,
        nextLevel: service.nextLevel ?? null,
        source: {
          document: sourced.document,
          ...(sourced.line !== undefined ? { line: sourced.line } : {}),
        },
        warnings: service.warnings,
        checks: service.checks.map(toCheckResultJson),
      });
    }
    services.sort((a, b) => a.source.document - b.source.document);
    return {
      problems,
      services,
      entityCount: proposed.size,
      replacedRefs: replacedRefs.sort(),
    };
  }
}
