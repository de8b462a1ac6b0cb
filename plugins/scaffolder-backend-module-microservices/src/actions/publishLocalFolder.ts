import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * Asks the catalog to re-read its `file` Locations that cover `folder`, so that what was
 * just published is registered now rather than at the next processing round.
 */
export async function refreshLocationsCovering(
  folder: string,
  catalog: CatalogService,
  auth: AuthService,
  logger: LoggerService,
): Promise<string[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Location', 'spec.type': 'file' }, fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec'] },
    { credentials },
  );
  const refreshed: string[] = [];
  for (const location of items) {
    const spec = location.spec as { target?: unknown; targets?: unknown } | undefined;
    const targets = [spec?.target, ...(Array.isArray(spec?.targets) ? spec!.targets : [])]
      .filter((t): t is string => typeof t === 'string');
    if (!targets.some(t => path.resolve(t).startsWith(folder + path.sep))) continue;
    const ref = `location:${location.metadata.namespace ?? 'default'}/${location.metadata.name}`;
    await catalog.refreshEntity(ref, { credentials });
    refreshed.push(ref);
  }
  if (refreshed.length === 0) {
    logger.warn(
      `No catalog Location of type file covers ${folder}: add one (e.g. ${path.join(folder, '*', 'catalog-info.yaml')}) for the catalog to read what is published there`,
    );
  }
  return refreshed;
}

/**
 * `publish:local-folder`: publishes the workspace (or `sourcePath` in it) to
 * `<directory>/<name>/` on the backend's machine, with no external service, and asks the
 * catalog to re-read the file Locations that cover the directory. For demos and air-gapped
 * setups; a real installation publishes to its git host instead.
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
            .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lower case letters, digits, dots, dashes and underscores')
            .describe('The folder to create under the configured directory'),
        sourcePath: z =>
          z.string().optional().describe('A folder of the workspace to publish instead of all of it'),
      },
      output: {
        remoteUrl: z => z.string().describe('file: URL of the published folder'),
        catalogInfoPath: z => z.string().describe('The published catalog-info.yaml'),
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
        throw new ConflictError(`${target} already exists: choose another name`);
      }
      await fs.mkdir(directory, { recursive: true });
      await fs.cp(source, target, { recursive: true, errorOnExist: true, force: false });
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
