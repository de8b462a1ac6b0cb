import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  configLocationRef,
  createPublishLocalFolderAction,
} from './publishLocalFolder';
import { createActionContext } from '../__testUtils__/createActionContext';

describe('publish:local-folder', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-publish-'));
  const directory = path.join(root, 'published');
  const workspacePath = path.join(root, 'workspace');
  fs.mkdirSync(workspacePath);
  fs.writeFileSync(
    path.join(workspacePath, 'catalog-info.yaml'),
    'kind: Component\n',
  );

  const catalog = catalogServiceMock.mock({
    getEntities: async () => ({
      items: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'published', namespace: 'default' },
          spec: {
            type: 'file',
            target: path.join(directory, '*', 'catalog-info.yaml'),
          },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'other', namespace: 'default' },
          spec: { type: 'file', target: '/elsewhere/all.yaml' },
        },
      ],
    }),
  });
  const action = createPublishLocalFolderAction({
    directory,
    catalog,
    auth: mockServices.auth(),
  });

  it('copies the workspace into <directory>/<name> and refreshes the Locations covering it', async () => {
    const { ctx, outputs } = createActionContext(
      { name: 'orders' },
      { workspacePath },
    );
    await action.handler(ctx);
    expect(
      fs.readFileSync(
        path.join(directory, 'orders', 'catalog-info.yaml'),
        'utf8',
      ),
    ).toBe('kind: Component\n');
    expect(outputs).toEqual({
      remoteUrl: `file://${path.join(directory, 'orders')}`,
      catalogInfoPath: path.join(directory, 'orders', 'catalog-info.yaml'),
      refreshedLocations: [
        configLocationRef(
          'file',
          path.join(directory, '*', 'catalog-info.yaml'),
        ),
        'location:default/published',
      ],
    });
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/published',
      expect.anything(),
    );
  });

  it('computes the ref the catalog gives a config location', () => {
    expect(
      configLocationRef(
        'file',
        '/work/main/examples/templates/microservice/template.yaml',
      ),
    ).toBe(
      'location:default/generated-cd12ac7885bea6169e17424cd730d731c9630f7f',
    );
  });

  it('refuses to overwrite a published service', async () => {
    const { ctx } = createActionContext({ name: 'orders' }, { workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow(/already exists/);
  });

  it('writes nothing in a dry-run', async () => {
    const { ctx, outputs } = createActionContext(
      { name: 'dry' },
      { workspacePath, isDryRun: true },
    );
    await action.handler(ctx);
    expect(fs.existsSync(path.join(directory, 'dry'))).toBe(false);
    expect(outputs.refreshedLocations).toEqual([]);
  });

  it('refuses names that leave the directory', async () => {
    const { ctx } = createActionContext({ name: '../x' }, { workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow();
  });
});
