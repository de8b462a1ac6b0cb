import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SidebarContent } from './SidebarContent';

/** The app's sidebar. */
export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent],
});
