import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * The ref the catalog gives the Location entity of a `catalog.locations` config entry
 * (`generated-` and the SHA-1 of `type:target`, target resolved to an absolute path).
 */
export function configLocationRef(type: string, target: string): string {
  const hash = createHash('sha1').update(`${type}:${target}`).digest('hex');
  return `location:default/generated-${hash}`;
}

/**
 * Asks the catalog to re-read its `file` Locations that cover `folder`, so that what was
 * just published is registered now rather than at the next processing round: those it
 * lists, and the config location `<folder>/*\/catalog-info.yaml` (which the catalog does not
 * list while its glob matched nothing yet).
 *
 * @public
 */
export async function refreshLocationsCovering(
  folder: string,
  catalog: CatalogService,
  auth: AuthService,
  logger: LoggerService,
): Promise<string[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Location', 'spec.type': 'file' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec'],
    },
    { credentials },
  );
  const refs = new Set<string>([
    configLocationRef('file', path.join(folder, '*', 'catalog-info.yaml')),
  ]);
  for (const location of items) {
    const spec = location.spec as
      | { target?: unknown; targets?: unknown }
      | undefined;
    const targets = [
      spec?.target,
      ...(Array.isArray(spec?.targets) ? spec!.targets : []),
    ].filter((t): t is string => typeof t === 'string');
    if (!targets.some(t => path.resolve(t).startsWith(folder + path.sep)))
      continue;
    refs.add(
      `location:${location.metadata.namespace ?? 'default'}/${
        location.metadata.name
      }`,
    );
  }
  const refreshed: string[] = [];
  for (const ref of refs) {
    try {
      await catalog.refreshEntity(ref, { credentials });
      refreshed.push(ref);
    } catch (error) {
      logger.warn(
        `Could not ask the catalog to re-read ${ref}: ${String(error)}`,
      );
    }
  }
  return refreshed;
}

/**
 * `publish:local-folder`: publishes the workspace (or `sourcePath` in it) to
 * `<directory>/<name>/` on the backend's machine, with no external service, and asks the
 * catalog to re-read the file Locations that cover the directory. For demos and air-gapped
 * setups; a real installation publishes to its git host instead.
 *
 * @public
 */
export function createPublishLocalFolderAction(options: {
  directory: string;
  catalog: CatalogService;
  auth: AuthService;
}) {
  const directory = path.resolve(options.directory);
  return createTemplateAction({
    id: 'publish:local-folder',
    description: `Copies the workspace to ${directory}/<name>/ and refreshes the catalog Locations that cover it.`,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(
              /^[a-z0-9][a-z0-9._-]{0,62}$/,
              'lower case letters, digits, dots, dashes and underscores',
            )
            .describe('The folder to create under the configured directory'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'A folder of the workspace to publish instead of all of it',
            ),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('file: URL of the published folder'),
        catalogInfoPath: z =>
          z.string().describe('The published catalog-info.yaml'),
        refreshedLocations: z => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const target = resolveSafeChildPath(directory, ctx.input.name);
      const source = ctx.input.sourcePath
        ? resolveSafeChildPath(ctx.workspacePath, ctx.input.sourcePath)
        : ctx.workspacePath;
      const catalogInfoPath = path.join(target, 'catalog-info.yaml');
      ctx.output('remoteUrl', `file://${target}`);
      ctx.output('catalogInfoPath', catalogInfoPath);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish ${source} to ${target}`);
        ctx.output('refreshedLocations', []);
        return;
      }
      const exists = await fs.stat(target).then(
        () => true,
        () => false,
      );
      if (exists) {
        throw new ConflictError(
          `${target} already exists: choose another name`,
        );
      }
      await fs.mkdir(directory, { recursive: true });
      await fs.cp(source, target, {
        recursive: true,
        errorOnExist: true,
        force: false,
      });
      ctx.logger.info(`Published to ${target}`);
      const refreshed = await refreshLocationsCovering(
        directory,
        options.catalog,
        options.auth,
        ctx.logger,
      );
      if (refreshed.length) {
        ctx.logger.info(`Asked the catalog to re-read ${refreshed.join(', ')}`);
      }
      ctx.output('refreshedLocations', refreshed);
    },
  });
}
