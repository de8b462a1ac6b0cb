import { PropsWithChildren } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';

export type MicroservicesSection =
  | 'services'
  | 'dashboard'
  | 'principles'
  | 'register';

/**
 * The frame of the plugin's pages: header, and tabs (as links) to the services overview, the
 * architecture dashboard and the principles.
 */
export function MicroservicesPageLayout(
  props: PropsWithChildren<{
    section: MicroservicesSection;
    subtitle?: string;
  }>,
) {
  const { section, subtitle, children } = props;
  const links = useMicroservicesLinks();
  const tabs = [
    { id: 'services', label: 'Services', to: links.overview?.() },
    {
      id: 'dashboard',
      label: 'Architecture dashboard',
      to: links.dashboard?.(),
    },
    { id: 'principles', label: 'Principles', to: links.principles?.() },
    { id: 'register', label: 'Register a service', to: links.register?.() },
  ].filter(
    (tab): tab is { id: MicroservicesSection; label: string; to: string } =>
      !!tab.to,
  );
  return (
    <Page themeId="tool">
      <Header
        title="Microservices"
        subtitle={
          subtitle ??
          'Ownership, dependencies and architecture compliance of every service'
        }
      />
      {tabs.length > 0 && (
        <HeaderTabs
          selectedIndex={Math.max(
            0,
            tabs.findIndex(tab => tab.id === section),
          )}
          tabs={tabs.map(tab => ({
            id: tab.id,
            label: tab.label,
            tabProps: { component: RouterLink, to: tab.to } as any,
          }))}
        />
      )}
      <Content>{children}</Content>
    </Page>
  );
}
