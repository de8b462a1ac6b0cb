import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import microservicesPlugin from '@microservices-backstage/plugin-microservices/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import MenuIcon from '@material-ui/icons/Menu';

/** The architecture dashboard is a sub-page of the microservices page, so not a nav item of its own. */
function ArchitectureDashboardItem() {
  const dashboard = useRouteRef(microservicesPlugin.routes.dashboard);
  if (!dashboard) return null;
  return (
    <SidebarItem icon={AssessmentIcon} to={dashboard()} text="Architecture" />
  );
}

/**
 * The sidebar: the microservices pages first, then the catalog, its graph and the scaffolder,
 * then any other page; the settings at the bottom.
 */
export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));
      return (
        <Sidebar>
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:microservices')}
            <ArchitectureDashboardItem />
            {nav.take('page:catalog')}
            {nav.take('page:catalog-graph')}
            {nav.take('page:scaffolder')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
