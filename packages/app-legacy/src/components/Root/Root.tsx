import { PropsWithChildren } from 'react';
import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarPage,
  SidebarSpace,
} from '@backstage/core-components';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import AssessmentIcon from '@material-ui/icons/Assessment';
import CreateComponentIcon from '@material-ui/icons/AddCircleOutline';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import HomeIcon from '@material-ui/icons/Home';
import MenuIcon from '@material-ui/icons/Menu';

export const Root = ({ children }: PropsWithChildren<{}>) => (
  <SidebarPage>
    <Sidebar>
      <SidebarGroup label="Menu" icon={<MenuIcon />}>
        <SidebarItem
          icon={DeviceHubIcon}
          to="microservices"
          text="Microservices"
        />
        <SidebarItem
          icon={AssessmentIcon}
          to="microservices/dashboard"
          text="Architecture"
        />
        <SidebarItem icon={HomeIcon} to="catalog" text="Catalog" />
        <SidebarItem icon={AccountTreeIcon} to="catalog-graph" text="Graph" />
        <SidebarItem icon={CreateComponentIcon} to="create" text="Create..." />
      </SidebarGroup>
      <SidebarSpace />
      <SidebarDivider />
    </Sidebar>
    {children}
  </SidebarPage>
);
