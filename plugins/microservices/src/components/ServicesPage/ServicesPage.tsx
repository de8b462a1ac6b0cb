import { useCallback, useState } from 'react';
import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  ResponseErrorPanel,
  SupportButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ServiceSortField,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import { microservicesApiRef } from '../../api';
import { LevelBadge } from '../LevelBadge';

const columns: TableColumn<ServiceSummary>[] = [
  {
    title: 'Service',
    field: 'name',
    highlight: true,
    render: s => <EntityRefLink entityRef={s.entityRef} title={s.title ?? s.name} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: s => (s.owner ? <EntityRefLink entityRef={s.owner} defaultKind="group" /> : '—'),
  },
  {
    title: 'System',
    field: 'system',
    render: s => (s.system ? <EntityRefLink entityRef={s.system} defaultKind="system" /> : '—'),
  },
  {
    title: 'Domain',
    field: 'domain',
    render: s => (s.domain ? <EntityRefLink entityRef={s.domain} defaultKind="domain" /> : '—'),
  },
  { title: 'Lifecycle', field: 'lifecycle' },
  { title: 'Score', field: 'score', type: 'numeric' },
  {
    title: 'Level',
    field: 'level',
    render: s => <LevelBadge level={s.level} />,
  },
  {
    title: 'Failing principles',
    field: 'failingPrinciples',
    sorting: false,
    render: s => s.failingPrinciples.join(', ') || 'none',
  },
  { title: 'Dependencies', field: 'dependencyCount', type: 'numeric' },
  { title: 'Dependents', field: 'dependentCount', type: 'numeric' },
];

/** Every service of the catalog with its owner, system, lifecycle, score and level. */
export function ServicesPage() {
  const api = useApi(microservicesApiRef);
  const [error, setError] = useState<Error>();
  const [empty, setEmpty] = useState(false);

  const load = useCallback(
    async (query: {
      page: number;
      pageSize: number;
      search: string;
      orderBy?: { field?: unknown };
      orderDirection?: string;
    }) => {
      try {
        const response = await api.listServices({
          offset: query.page * query.pageSize,
          limit: query.pageSize,
          search: query.search || undefined,
          orderBy: (query.orderBy?.field as ServiceSortField | undefined) ?? undefined,
          order: query.orderDirection === 'desc' ? 'desc' : 'asc',
        });
        setError(undefined);
        setEmpty(response.totalCount === 0 && !query.search);
        return { data: response.items, page: query.page, totalCount: response.totalCount };
      } catch (e) {
        setError(e as Error);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    [api],
  );

  return (
    <Page themeId="tool">
      <Header
        title="Microservices"
        subtitle="Ownership, dependencies and architecture compliance of every service"
      />
      <Content>
        <ContentHeader title="Services">
          <SupportButton>
            Every catalog Component of type service, scored against the microservice principles.
          </SupportButton>
        </ContentHeader>
        {error && <ResponseErrorPanel error={error} />}
        {empty && !error ? (
          <EmptyState
            missing="data"
            title="No services evaluated yet"
            description="Register Components of spec.type service in the catalog; they appear here after the next evaluation."
          />
        ) : (
          <Table<ServiceSummary>
            title="Services"
            columns={columns}
            data={load as any}
            options={{ pageSize: 20, pageSizeOptions: [20, 50, 100], search: true, debounceInterval: 300 }}
          />
        )}
      </Content>
    </Page>
  );
}
