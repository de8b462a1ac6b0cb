import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import microservicesPlugin from '@microservices-backstage/plugin-microservices/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The demo app on Backstage's new frontend system. Where the plugins' pages, entity cards and
 * tabs go (and in which order) is set in app-config.yaml under `app.extensions`.
 */
export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    orgPlugin,
    scaffolderPlugin,
    userSettingsPlugin,
    microservicesPlugin,
    navModule,
    signInModule,
  ],
});
