import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  PRINCIPLE_IDS,
  ServiceListQuery,
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
import {
  PrefetchedServiceList,
  useServiceList,
} from '../../hooks/useServiceList';
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
import { BreakableText, noMidWordBreak } from '../BreakableText';
import { HealthCell } from '../HealthStatusLabel';
import { LevelBadge } from '../LevelBadge';
import { LoadState, NO_SERVICES_EVALUATED } from '../LoadState';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';
import { RefName } from '../RefName';
import { ServiceFilterOptions, ServiceFilters } from '../ServiceFilters';
import { staleResultsMessage } from '../StaleResultsNotice';

/** Failing principles named in a row; the rest are counted ("and 2 more"). */
const MAX_PRINCIPLES_SHOWN = 3;

/** Cell padding that leaves room for ten columns at 1280 px. */
const CELL_PADDING = '6px 8px';

/**
 * An owner, system or domain: its name, wrapping only at hyphens. An owner that is a person
 * (a User) is marked as such, so it reads differently from a team.
 */
function RefCell(props: { value?: string; kind: string }) {
  const { value, kind } = props;
  if (!value) return <>—</>;
  // The backend keeps what it could not resolve as written: RefName shows it as text.
  return <RefName value={value} kind={kind} />;
}

function FailingPrinciplesCell(props: {
  service: ServiceSummary;
  links: MicroservicesLinks;
}) {
  const { service, links } = props;
  const principles = service.failingPrinciples;
  if (principles.length === 0) return <>none</>;
  const shown =
    principles.length > MAX_PRINCIPLES_SHOWN
      ? principles.slice(0, MAX_PRINCIPLES_SHOWN - 1)
      : principles;
  const rest = principles.slice(shown.length);
  return (
    <>
      {shown.map(principle => (
        <span key={principle} style={{ display: 'block' }}>
          {links.principle ? (
            <Link to={links.principle(principle)}>
              <BreakableText text={principleTitle(principle)} />
            </Link>
          ) : (
            <BreakableText text={principleTitle(principle)} />
          )}
        </span>
      ))}
      {rest.length > 0 && (
        <span
          style={{ display: 'block' }}
          title={rest.map(principleTitle).join(', ')}
        >
          and {rest.length} more
        </span>
      )}
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
    // The backend sorts by name unless told otherwise: the arrow says so.
    defaultSort: (state.orderBy ?? 'name') === field ? state.order : undefined,
  });
  const columns: TableColumn<ServiceSummary>[] = [
    {
      title: 'Service',
      ...sortable('name'),
      highlight: true,
      render: s => (
        <>
          <EntityRefLink
            entityRef={s.entityRef}
            defaultKind="component"
            title={s.entityRef}
          >
            <BreakableText text={s.title ?? s.name} />
          </EntityRefLink>
          {/* The lifecycle under the name leaves room for the other columns at 1280 px. */}
          <Typography
            variant="caption"
            color="textSecondary"
            component="span"
            style={{ display: 'block' }}
          >
            {s.lifecycle ?? 'no lifecycle'}
          </Typography>
        </>
      ),
    },
    {
      title: 'Owner',
      ...sortable('owner'),
      render: s => <RefCell value={s.owner} kind="group" />,
    },
    {
      // The domain is the system's: one column for both leaves room at 1280 px.
      title: 'System and domain',
      ...sortable('system'),
      render: s => (
        <>
          <RefCell value={s.system} kind="system" />
          {s.domain && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="span"
              style={{ display: 'block' }}
            >
              in <RefCell value={s.domain} kind="domain" />
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Health',
      tooltip:
        'Live health; latency and what was seen on hover. Sorted worst first.',
      ...sortable('health'),
      render: s => <HealthCell health={s.health} />,
    },
    {
      title: 'Score and level',
      ...sortable('score'),
      type: 'numeric',
      headerStyle: { whiteSpace: 'nowrap' },
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
    {
      title: 'Uses',
      tooltip: 'Dependencies: what it depends on',
      ...sortable('dependencyCount'),
      type: 'numeric',
      render: s => s.dependencyCount,
    },
    {
      title: 'Used by',
      tooltip: 'Dependents: what depends on it',
      ...sortable('dependentCount'),
      type: 'numeric',
      render: s => s.dependentCount,
    },
  ];
  // Names wrap at hyphens and spaces only, never mid-word (Backstage's cells break anywhere).
  // Widths from the content (the table's default is an equal share each, too narrow for some).
  return columns.map(column => ({
    ...column,
    width: 'auto',
    headerStyle: { padding: CELL_PADDING, ...column.headerStyle },
    cellStyle: {
      padding: CELL_PADDING,
      ...noMidWordBreak,
      ...(column.cellStyle as object),
    },
  }));
}

function withSelected(options: string[], selected: string[]): string[] {
  return [...new Set([...options, ...selected])].sort((a, b) =>
    a.localeCompare(b),
  );
}

/** @see ServicesPage */
export interface ServicesPageProps {
  /** The first page's request, started before this page's code loaded (see the router). */
  prefetchedList?: PrefetchedServiceList;
}

/**
 * Every evaluated service in one table. Filters, search, sorting and paging live in the URL, so
 * a filtered view can be shared; the backend filters, sorts and pages, so large catalogs stay fast.
 * The rows come first: the landscape summary (filter options, whether the results are stale) is
 * asked for once they are shown.
 */
export function ServicesPage(props: ServicesPageProps) {
  const { prefetchedList } = props;
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

  // The caller's teams, only for "mine": the other lists do not wait for the identity.
  const ownership = useAsync(async () => {
    if (!state.mine) return undefined;
    return (await identityApi.getBackstageIdentity()).ownershipEntityRefs;
  }, [identityApi, state.mine]);

  // undefined while the teams load; null when nothing can match (mine without teams).
  let query: ServiceListQuery | null | undefined;
  if (!state.mine) query = toServiceListQuery(state) ?? null;
  else if (ownership.value) {
    query = toServiceListQuery(state, ownership.value) ?? null;
  } else query = ownership.error ? null : undefined;
  const list = useServiceList({
    api,
    query,
    empty: { items: [], totalCount: 0, offset: 0, limit: state.pageSize },
    reloads,
    prefetched: prefetchedList,
  });

  // Filter options and the stale flag: asked for once the first rows are there, so that neither
  // the request nor its larger answer delays them; the filters work without them meanwhile.
  const [rowsSettled, setRowsSettled] = useState(false);
  useEffect(() => {
    if (!list.loading) setRowsSettled(true);
  }, [list.loading]);
  const summary = useAsync(
    async () => (rowsSettled ? api.getSummary() : undefined),
    [api, reloads, rowsSettled],
  );

  const options: ServiceFilterOptions = useMemo(() => {
    const o = summary.value?.filterOptions;
    return {
      owner: withSelected(o?.owners ?? [], state.filters.owner),
      system: withSelected(o?.systems ?? [], state.filters.system),
      domain: withSelected(o?.domains ?? [], state.filters.domain),
      lifecycle: withSelected(o?.lifecycles ?? [], state.filters.lifecycle),
      // Levels keep their configured order (highest first), not the alphabet.
      level: [...new Set([...(o?.levels ?? []), ...state.filters.level])],
      failingPrinciple: [
        ...new Set([
          ...PRINCIPLE_IDS,
          ...(summary.value?.principles.map(p => p.principle) ?? []),
          ...state.filters.failingPrinciple,
        ]),
      ],
    };
  }, [summary.value, state.filters]);

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

  const body = (
    <LoadState
      error={error}
      what="the services"
      onRetry={() => setReloads(n => n + 1)}
      empty={nothingEvaluated && NO_SERVICES_EVALUATED}
    >
      {() => (
        <>
          <Table<ServiceSummary>
            title={response ? `Services (${response.totalCount})` : 'Services'}
            // Under the title, in the toolbar's own height: the summary that says so comes after
            // the rows, and a notice above the table would push them down.
            subtitle={
              summary.value?.stale
                ? staleResultsMessage(summary.value.evaluatedAt)
                : undefined
            }
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
              pageSizeOptions: [
                ...new Set([...PAGE_SIZES, state.pageSize]),
              ].sort((a, b) => a - b),
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
              Health is “Unknown” for every service on this page: none declares
              a health endpoint the backend may probe (annotation
              microservices.backstage.io/health-endpoint, configuration
              microservices.health.allowedHosts), or none was probed yet.
            </Typography>
          )}
        </>
      )}
    </LoadState>
  );

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
