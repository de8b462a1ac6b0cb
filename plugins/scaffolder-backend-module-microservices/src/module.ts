import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPublishLocalFolderAction } from './actions/publishLocalFolder';
import { createValidateAction } from './actions/validate';
import { HttpValidationClient } from './ValidationClient';

/**
 * The scaffolder actions of the Microservices plugin: `microservices:validate`, and
 * `publish:local-folder` when `microservicesScaffolder.localPublish.directory` is configured.
 *
 * @public
 */
export const scaffolderModuleMicroservices = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'microservices',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, discovery, auth, config, catalog }) {
        scaffolder.addActions(
          createValidateAction({
            client: new HttpValidationClient(discovery, auth),
          }),
        );
        const directory = config.getOptionalString(
          'microservicesScaffolder.localPublish.directory',
        );
        if (directory) {
          scaffolder.addActions(
            createPublishLocalFolderAction({ directory, catalog, auth }),
          );
        }
      },
    });
  },
});
