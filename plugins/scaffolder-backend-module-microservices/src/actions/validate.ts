import fs from 'node:fs/promises';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CATALOG_YAML_LIMITS,
  isFailingCheck,
  parseCatalogYaml,
  ProposedServiceResult,
} from '@microservices-backstage/plugin-microservices-common';
import type { ValidationClient } from '../ValidationClient';

/**
 * `microservices:validate`: scores the entity files produced so far (paths in the workspace)
 * against the live catalog, as the validation API does, logs every service's score and what
 * to fix, outputs `services`, and fails the task (or only warns, `failOnError: false`) when a
 * service scores under `minimumScore`. Reads only: it runs in dry-runs too.
 *
 * @public
 */
export function createValidateAction(options: { client: ValidationClient }) {
  return createTemplateAction({
    id: 'microservices:validate',
    description:
      'Scores catalog entity files of the workspace against the microservice principles and the live catalog; fails under minimumScore.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Refuse to publish a service that does not score 100',
        example: [
          'steps:',
          '  - id: validate',
          '    action: microservices:validate',
          '    input:',
          '      files: [catalog-info.yaml]',
          '      minimumScore: 100',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        files: z =>
          z
            .array(z.string().min(1))
            .min(1)
            .default(['catalog-info.yaml'])
            .describe('Entity files, relative to the workspace'),
        minimumScore: z =>
          z
            .number()
            .int()
            .min(0)
            .max(100)
            .default(0)
            .describe('A service scoring under it fails the step'),
        newEntitiesOnly: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'true: fail when an entity of the files is already in the catalog (its name is taken)',
            ),
        failOnError: z =>
          z
            .boolean()
            .default(true)
            .describe('false: log a warning instead of failing the task'),
      },
      output: {
        services: z =>
          z
            .array(
              z.object({
                entityRef: z.string(),
                score: z.number(),
                level: z.string(),
                passed: z.boolean(),
                failingChecks: z.array(z.string()),
              }),
            )
            .describe('Every service in the files, scored'),
      },
    },
    async handler(ctx) {
      const files = ctx.input.files ?? ['catalog-info.yaml'];
      const minimumScore = ctx.input.minimumScore ?? 0;
      const failOnError = ctx.input.failOnError ?? true;
      const newEntitiesOnly = ctx.input.newEntitiesOnly ?? false;

      const entities: Entity[] = [];
      for (const file of files) {
        const path = resolveSafeChildPath(ctx.workspacePath, file);
        let stat;
        try {
          stat = await fs.stat(path);
        } catch {
          throw new InputError(`${file}: no such file in the workspace`);
        }
        if (stat.size > CATALOG_YAML_LIMITS.maxBytes) {
          throw new InputError(
            `${file}: more than ${CATALOG_YAML_LIMITS.maxBytes} bytes`,
          );
        }
        const { entities: read, problems } = parseCatalogYaml(
          await fs.readFile(path, 'utf8'),
        );
        if (problems.length > 0) {
          throw new InputError(
            problems
              .map(p => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`)
              .join('\n'),
          );
        }
        entities.push(...(read.map(r => r.entity) as Entity[]));
      }

      const result = await options.client.validate(
        entities,
        await ctx.getInitiatorCredentials(),
      );
      for (const problem of result.problems) {
        ctx.logger.warn(
          `document ${problem.document ?? '?'}: ${problem.message}`,
        );
      }

      const services = result.services.map((service: ProposedServiceResult) => {
        const failing = service.checks.filter(
          c => isFailingCheck(c) && c.weight > 0,
        );
        const passed = service.score >= minimumScore;
        ctx.logger.info(
          `${passed ? 'PASS' : 'FAIL'} ${service.entityRef}: score ${
            service.score
          }, level ${service.level} (minimum score ${minimumScore})`,
        );
        for (const check of service.checks) {
          if (check.status === 'pass' || check.status === 'not-applicable')
            continue;
          ctx.logger.info(
            `  ${check.status} ${check.id} (${check.principle}, weight ${
              check.weight
            }): ${check.message}${
              check.remediation ? ` Fix: ${check.remediation}` : ''
            }`,
          );
        }
        return {
          entityRef: service.entityRef,
          score: service.score,
          level: service.level,
          passed,
          failingChecks: failing.map(c => c.id),
        };
      });
      ctx.output('services', services);

      const under = services.filter(s => !s.passed);
      let message: string | undefined;
      if (newEntitiesOnly && result.replacedRefs.length > 0) {
        message = `Already in the catalog: ${result.replacedRefs.join(
          ', ',
        )} (choose another name)`;
      } else if (services.length === 0) {
        message = `No service (Component of type service) in ${files.join(
          ', ',
        )}`;
      } else if (under.length > 0) {
        message = `${under
          .map(s => `${s.entityRef} scores ${s.score}`)
          .join(', ')}: under the minimum score ${minimumScore}`;
      }
      if (message) {
        if (failOnError) throw new Error(message);
        ctx.logger.warn(`${message} (failOnError is false: going on)`);
      }
    },
  });
}
