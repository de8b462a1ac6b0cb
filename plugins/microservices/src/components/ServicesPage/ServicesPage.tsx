import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  Link,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  PRINCIPLE_IDS,
  ServiceListResponse,
  ServiceSortField,
  ServiceSummary,
} from '@microservices-backstage/plugin-microservices-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { microservicesApiRef } from '../../api';
import {
  MicroservicesLinks,
  useMicroservicesLinks,
} from '../../hooks/useMicroservicesLinks';
import { shortRef, toCompoundRef } from '../../lib/entityRefs';
import { principleTitle } from '../../lib/principles';
import {
  EMPTY_SERVICE_LIST_STATE,
  PAGE_SIZES,
  ServiceFilterKey,
  ServiceListUrlState,
  isFiltered,
  parseServiceListUrl,
  serializeServiceListUrl,
  toServiceListQuery,
} from '../../lib/serviceListUrlState';
import { HealthCell } from '../HealthStatusLabel';
import { LevelBadge } from '../LevelBadge';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';
import { ServiceFilterOptions, ServiceFilters } from '../ServiceFilters';

const DEFAULT_LIFECYCLES = ['experimental', 'production', 'deprecated'];

function RefCell(props: { value?: string; kind: string }) {
  const { value, kind } = props;
  if (!value) return <>—</>;
  // The backend keeps what it could not resolve as written: show it as text.
  if (!toCompoundRef(value, { defaultKind: kind })) return <>{value}</>;
  return (
    <EntityRefLink entityRef={value} defaultKind={kind}>
      {shortRef(value, kind)}
    </EntityRefLink>
  );
}

function FailingPrinciplesCell(props: {
  service: ServiceSummary;
  links: MicroservicesLinks;
}) {
  const { service, links } = props;
  if (service.failingPrinciples.length === 0) return <>none</>;
  return (
    <>
      {service.failingPrinciples.map(principle => (
        <span
          key={principle}
          style={{ display: 'block', whiteSpace: 'nowrap' }}
        >
          {links.principle ? (
            <Link
              to={links.principle(principle)}
              title={principleTitle(principle)}
            >
              {principle}
            </Link>
          ) : (
            <span title={principleTitle(principle)}>{principle}</span>
          )}
        </span>
      ))}
    </>
  );
}

/** Sorting happens on the server; the table must keep the order it is given. */
const keepServerOrder = () => 0;

function buildColumns(
  state: ServiceListUrlState,
  links: MicroservicesLinks,
): TableColumn<ServiceSummary>[] {
  const sortable = (field: ServiceSortField) => ({
    field,
    customSort: keepServerOrder,
    defaultSort: state.orderBy === field ? state.order : undefined,
  });
  return [
    {
      title: 'Service',
      ...sortable('name'),
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
      render: s => (
        <EntityRefLink entityRef={s.entityRef} defaultKind="component">
          {s.title ?? s.name}
        </EntityRefLink>
      ),
    },
    {
      title: 'Owner',
      ...sortable('owner'),
      render: s => <RefCell value={s.owner} kind="group" />,
    },
    {
      title: 'System',
      ...sortable('system'),
      render: s => <RefCell value={s.system} kind="system" />,
    },
    {
      title: 'Domain',
      ...sortable('domain'),
      render: s => <RefCell value={s.domain} kind="domain" />,
    },
    {
      title: 'Lifecycle',
      ...sortable('lifecycle'),
      render: s => s.lifecycle ?? '—',
    },
    {
      title: 'Health',
      tooltip: 'Live health; latency and what was seen on hover. Sorted worst first.',
      ...sortable('health'),
      render: s => <HealthCell health={s.health} />,
    },
    {
      title: 'Score and level',
      ...sortable('score'),
      type: 'numeric',
      cellStyle: { whiteSpace: 'nowrap' },
      render: s => (
        <>
          {s.score} <LevelBadge level={s.level} />
        </>
      ),
    },
    {
      title: 'Failing principles',
      field: 'failingPrinciples',
      sorting: false,
      render: s => <FailingPrinciplesCell service={s} links={links} />,
    },
    { title: 'Dependencies', ...sortable('dependencyCount'), type: 'numeric' },
    { title: 'Dependents', ...sortable('dependentCount'), type: 'numeric' },
  ];
}

function withSelected(options: string[], selected: string[]): string[] {
  return [...new Set([...options, ...selected])].sort((a, b) =>
    a.localeCompare(b),
  );
}

/**
 * Every evaluated service in one table. Filters, search, sorting and paging live in the URL, so
 * a filtered view can be shared; the backend filters, sorts and pages, so large catalogs stay fast.
 */
export function ServicesPage() {
  const api = useApi(microservicesApiRef);
  const identityApi = useApi(identityApiRef);
  const links = useMicroservicesLinks();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(
    () => parseServiceListUrl(searchParams),
    [searchParams],
  );
  const [reloads, setReloads] = useState(0);

  const update = useCallback(
    (
      change: (s: ServiceListUrlState) => ServiceListUrlState,
      replace = false,
    ) =>
      setSearchParams(
        prev => serializeServiceListUrl(change(parseServiceListUrl(prev))),
        {
          replace,
        },
      ),
    [setSearchParams],
  );

  const ownership = useAsync(async () => {
    if (!state.mine) return [];
    return (await identityApi.getBackstageIdentity()).ownershipEntityRefs;
  }, [identityApi, state.mine]);

  // Filter options; the list works without them, so a failure here only leaves them short.
  const summary = useAsync(() => api.getSummary(), [api, reloads]);

  const query = ownership.value
    ? toServiceListQuery(state, ownership.value)
    : undefined;
  const queryKey = JSON.stringify(query ?? null);
  const list = useAsync(async (): Promise<ServiceListResponse | undefined> => {
    if (!ownership.value || ownership.loading) return undefined;
    if (!query)
      return { items: [], totalCount: 0, offset: 0, limit: state.pageSize };
    return api.listServices(query);
    // queryKey stands for query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, queryKey, ownership.value, ownership.loading, reloads]);

  const options: ServiceFilterOptions = useMemo(() => {
    const s = summary.value;
    const seenLifecycles = (list.value?.items ?? []).flatMap(i =>
      i.lifecycle ? [i.lifecycle] : [],
    );
    return {
      owner: withSelected(
        s?.byOwner.map(g => g.key) ?? [],
        state.filters.owner,
      ),
      system: withSelected(
        s?.bySystem.map(g => g.key) ?? [],
        state.filters.system,
      ),
      domain: withSelected(
        s?.byDomain.map(g => g.key) ?? [],
        state.filters.domain,
      ),
      lifecycle: withSelected(
        [...DEFAULT_LIFECYCLES, ...seenLifecycles],
        state.filters.lifecycle,
      ),
      level: withSelected(
        s?.levels.map(l => l.level) ?? [],
        state.filters.level,
      ),
      failingPrinciple: [
        ...new Set([
          ...PRINCIPLE_IDS,
          ...(s?.principles.map(p => p.principle) ?? []),
          ...state.filters.failingPrinciple,
        ]),
      ],
    };
  }, [summary.value, list.value, state.filters]);

  const columns = useMemo(() => buildColumns(state, links), [state, links]);

  const onFilterChange = useCallback(
    (key: ServiceFilterKey, values: string[]) =>
      update(s => ({
        ...s,
        page: 0,
        filters: { ...s.filters, [key]: values },
      })),
    [update],
  );
  const onSearchChange = useCallback(
    (search: string) => update(s => ({ ...s, page: 0, search }), true),
    [update],
  );
  const onMineChange = useCallback(
    (mine: boolean) => update(s => ({ ...s, page: 0, mine })),
    [update],
  );
  const onClear = useCallback(
    () =>
      update(s => ({
        ...EMPTY_SERVICE_LIST_STATE,
        orderBy: s.orderBy,
        order: s.order,
        pageSize: s.pageSize,
      })),
    [update],
  );

  const response = list.value;
  const error = list.error ?? ownership.error;
  const loading = list.loading || ownership.loading;
  const nothingEvaluated =
    !error && response?.totalCount === 0 && !isFiltered(state);
  const allHealthUnknown =
    !!response?.items.length &&
    response.items.every(i => i.health.status === 'unknown');

  let body;
  if (error) {
    body = (
      <LoadErrorPanel
        error={error}
        what="the services"
        onRetry={() => setReloads(n => n + 1)}
      />
    );
  } else if (nothingEvaluated) {
    body = (
      <EmptyState
        missing="data"
        title="No services evaluated yet"
        description="Services are catalog Components with spec.type service. Register some in the catalog; they appear here after the next evaluation."
      />
    );
  } else {
    body = (
      <>
        <Table<ServiceSummary>
          title={response ? `Services (${response.totalCount})` : 'Services'}
          columns={columns}
          data={response?.items ?? []}
          isLoading={loading}
          page={state.page}
          totalCount={response?.totalCount ?? 0}
          onPageChange={(page, pageSize) =>
            update(s => ({ ...s, page, pageSize }))
          }
          onRowsPerPageChange={pageSize =>
            update(s => ({ ...s, page: 0, pageSize }))
          }
          onOrderChange={(columnIndex, direction) => {
            const field = columns[columnIndex]?.field as
              | ServiceSortField
              | undefined;
            update(s =>
              field && (direction as string) !== ''
                ? { ...s, page: 0, orderBy: field, order: direction }
                : { ...s, page: 0, orderBy: undefined, order: 'asc' },
            );
          }}
          options={{
            search: false,
            paging: true,
            pageSize: state.pageSize,
            pageSizeOptions: [...new Set([...PAGE_SIZES, state.pageSize])].sort(
              (a, b) => a - b,
            ),
            emptyRowsWhenPaging: false,
            padding: 'dense',
            thirdSortClick: false,
            draggable: false,
          }}
          emptyContent={
            <Typography variant="body1" style={{ padding: 16 }}>
              {state.mine
                ? 'No services are owned by you or your teams with these filters.'
                : 'No services match these filters.'}
            </Typography>
          }
        />
        {allHealthUnknown && (
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginTop: 8 }}
          >
            Health is “Unknown” for every service on this page: none declares a
            health endpoint the backend may probe (annotation
            microservices.backstage.io/health-endpoint, configuration
            microservices.health.allowedHosts), or none was probed yet.
          </Typography>
        )}
      </>
    );
  }

  return (
    <MicroservicesPageLayout section="services">
      <ServiceFilters
        state={state}
        options={options}
        onFilterChange={onFilterChange}
        onSearchChange={onSearchChange}
        onMineChange={onMineChange}
        onClear={onClear}
      />
      {body}
    </MicroservicesPageLayout>
  );
}
