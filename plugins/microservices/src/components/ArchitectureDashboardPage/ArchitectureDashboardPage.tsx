import { ReactNode } from 'react';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { LandscapeSummary } from '@microservices-backstage/plugin-microservices-common';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { microservicesApiRef } from '../../api';
import {
  MicroservicesLinks,
  useMicroservicesLinks,
} from '../../hooks/useMicroservicesLinks';
import {
  DEPENDENCY_CYCLE_CHECK,
  SHARED_DATASTORE_CHECK,
} from '../../lib/dependencyModel';
import { shortRef } from '../../lib/entityRefs';
import { formatDateTime, formatRelative } from '../../lib/formatTime';
import { comparePrinciples, principleTitle } from '../../lib/principles';
import { ServiceFilterKey } from '../../lib/serviceListUrlState';
import { GroupScoreTable } from '../GroupScoreTable';
import { HealthStatusCountsCard } from '../HealthStatusCountsCard';
import { LandscapeTrendCard } from '../LandscapeTrendCard';
import { LevelBadge } from '../LevelBadge';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';
import {
  PrinciplePassRateChart,
  formatPassRate,
} from '../PrinciplePassRateChart';
import { StatusText } from '../StatusText';

/** A number that links to the overview filtered accordingly (text when the page is not mounted). */
function FilteredLink(props: {
  links: MicroservicesLinks;
  filters: Partial<Record<ServiceFilterKey, string[]>>;
  label?: string;
  children: ReactNode;
}) {
  const { links, filters, label, children } = props;
  if (!links.overview) return <>{children}</>;
  return (
    <Link to={links.overview(filters)} aria-label={label}>
      {children}
    </Link>
  );
}

/** Average of the per-owner averages weighted by service count: every service has an owner. */
function averageScore(summary: LandscapeSummary): number | undefined {
  const total = summary.byOwner.reduce((sum, g) => sum + g.serviceCount, 0);
  if (total === 0) return undefined;
  return Math.round(
    summary.byOwner.reduce(
      (sum, g) => sum + g.averageScore * g.serviceCount,
      0,
    ) / total,
  );
}

function PassRateTable(props: {
  summary: LandscapeSummary;
  links: MicroservicesLinks;
}) {
  const { summary, links } = props;
  return (
    <Table size="small" aria-label="Pass rate per principle">
      <TableHead style={{ whiteSpace: 'nowrap' }}>
        <TableRow>
          <TableCell>Principle</TableCell>
          <TableCell align="right">Pass rate</TableCell>
          <TableCell align="right">Pass</TableCell>
          <TableCell align="right">Fail</TableCell>
          <TableCell align="right">Warn</TableCell>
          <TableCell align="right">Exempt</TableCell>
          <TableCell align="right">N/A</TableCell>
          <TableCell align="right">Error</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.principles.map(p => (
          <TableRow key={p.principle}>
            <TableCell component="th" scope="row">
              {links.principle ? (
                <Link to={links.principle(p.principle)}>
                  {principleTitle(p.principle)}
                </Link>
              ) : (
                principleTitle(p.principle)
              )}
            </TableCell>
            <TableCell align="right">{formatPassRate(p.passRate)}</TableCell>
            <TableCell align="right">{p.pass}</TableCell>
            <TableCell align="right">
              {p.fail + p.error > 0 ? (
                <FilteredLink
                  links={links}
                  filters={{ failingPrinciple: [p.principle] }}
                  label={`${p.fail} failing checks of ${principleTitle(
                    p.principle,
                  )}: show the services`}
                >
                  {p.fail}
                </FilteredLink>
              ) : (
                p.fail
              )}
            </TableCell>
            <TableCell align="right">{p.warn}</TableCell>
            <TableCell align="right">{p.exempt}</TableCell>
            <TableCell align="right">{p.notApplicable}</TableCell>
            <TableCell align="right">{p.error}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SharedDatastores(props: {
  summary: LandscapeSummary;
  links: MicroservicesLinks;
}) {
  const { summary, links } = props;
  const shared = summary.sharedDatastores;
  if (shared.length === 0) {
    return (
      <StatusText tone="ok">
        No datastore is shared across teams or systems.
      </StatusText>
    );
  }
  return (
    <>
      <WarningPanel
        severity="warning"
        title={`${shared.length} datastore${
          shared.length === 1 ? ' is' : 's are'
        } shared across teams or systems`}
        message="A datastore used by services of different teams or systems couples them: a schema change by one can break the other. Give each service its own datastore, or let one service own it and the others use its API."
        defaultExpanded
      />
      <Table size="small" aria-label="Shared datastores">
        <TableHead>
          <TableRow>
            <TableCell style={{ whiteSpace: 'nowrap' }}>Datastore</TableCell>
            <TableCell>Used by</TableCell>
            <TableCell>Owners</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shared.map(d => (
            <TableRow key={d.datastoreRef}>
              <TableCell component="th" scope="row">
                <EntityRefLink
                  entityRef={d.datastoreRef}
                  defaultKind="resource"
                >
                  {shortRef(d.datastoreRef, 'resource')}
                </EntityRefLink>
              </TableCell>
              <TableCell>
                {d.services.map((s, i) => (
                  <span key={s}>
                    {i > 0 && ', '}
                    <EntityRefLink entityRef={s} defaultKind="component">
                      {shortRef(s, 'component')}
                    </EntityRefLink>
                  </span>
                ))}
              </TableCell>
              <TableCell>
                {d.owners.map((o, i) => (
                  <span key={o}>
                    {i > 0 && ', '}
                    {shortRef(o, 'group')}
                  </span>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" style={{ marginTop: 8 }}>
        <FilteredLink
          links={links}
          filters={{ failingCheck: [SHARED_DATASTORE_CHECK] }}
        >
          Show the services that share a datastore
        </FilteredLink>
      </Typography>
    </>
  );
}

function DependencyCycles(props: {
  summary: LandscapeSummary;
  links: MicroservicesLinks;
}) {
  const { summary, links } = props;
  const cycles = summary.cycles;
  if (cycles.length === 0) {
    return <StatusText tone="ok">No dependency cycle.</StatusText>;
  }
  return (
    <>
      <WarningPanel
        severity="warning"
        title={`${cycles.length} dependency cycle${
          cycles.length === 1 ? '' : 's'
        }`}
        message="Services on a cycle depend on each other, directly or through APIs: they fail together and cannot be deployed or restarted in a safe order."
        defaultExpanded
      />
      <ol aria-label="Dependency cycles">
        {cycles.map(cycle => (
          <li key={cycle.join(' ')}>
            <Typography variant="body2" component="span">
              {cycle.length} members:{' '}
              {cycle.map((member, i) => (
                <span key={member}>
                  {i > 0 && ', '}
                  <EntityRefLink entityRef={member} defaultKind="component">
                    {shortRef(member, 'component')}
                  </EntityRefLink>
                </span>
              ))}
            </Typography>
          </li>
        ))}
      </ol>
      <Typography variant="body2">
        <FilteredLink
          links={links}
          filters={{ failingCheck: [DEPENDENCY_CYCLE_CHECK] }}
        >
          Show the services on a cycle
        </FilteredLink>
      </Typography>
    </>
  );
}

function Dashboard(props: { summary: LandscapeSummary }) {
  const { summary } = props;
  const links = useMicroservicesLinks();
  const average = averageScore(summary);
  const principles = {
    ...summary,
    principles: [...summary.principles].sort((a, b) =>
      comparePrinciples(a.principle, b.principle),
    ),
  };
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Landscape">
          <Grid container spacing={3}>
            <Grid item xs={12} sm={4}>
              <Typography variant="h3" component="p">
                <FilteredLink
                  links={links}
                  filters={{}}
                  label={`${summary.serviceCount} services: show them all`}
                >
                  {summary.serviceCount}
                </FilteredLink>
              </Typography>
              <Typography variant="body2">services evaluated</Typography>
            </Grid>
            <Grid item xs={12} sm={4}>
              <Typography variant="h3" component="p">
                {average ?? '—'}
              </Typography>
              <Typography variant="body2">average score</Typography>
            </Grid>
            <Grid item xs={12} sm={4}>
              <Typography variant="h6" component="p">
                {summary.evaluatedAt
                  ? formatRelative(summary.evaluatedAt)
                  : 'not yet'}
              </Typography>
              <Typography variant="body2">
                last evaluation
                {summary.evaluatedAt
                  ? ` (${formatDateTime(summary.evaluatedAt)})`
                  : ''}
              </Typography>
            </Grid>
          </Grid>
        </InfoCard>
      </Grid>

      <Grid item xs={12}>
        <InfoCard
          title="Pass rate per principle"
          subheader="Share of applicable check results that pass; fail counts link to the services failing the principle"
        >
          <Grid container spacing={3}>
            <Grid item xs={12} xl={5}>
              <PrinciplePassRateChart principles={principles.principles} />
            </Grid>
            <Grid item xs={12} xl={7} style={{ overflowX: 'auto' }}>
              <PassRateTable summary={principles} links={links} />
            </Grid>
          </Grid>
        </InfoCard>
      </Grid>

      <Grid item xs={12} md={6}>
        <InfoCard title="Shared datastores">
          <SharedDatastores summary={summary} links={links} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Dependency cycles">
          <DependencyCycles summary={summary} links={links} />
        </InfoCard>
      </Grid>

      <Grid item xs={12} md={6}>
        <InfoCard title="Levels" subheader="How many services reach each level">
          <LevelDistributionChart levels={summary.levels} />
          <Table size="small" aria-label="Services per level">
            <TableHead>
              <TableRow>
                <TableCell>Level</TableCell>
                <TableCell align="right">Services</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {summary.levels.map(l => (
                <TableRow key={l.level}>
                  <TableCell component="th" scope="row">
                    <LevelBadge level={l.level} />
                  </TableCell>
                  <TableCell align="right">
                    <FilteredLink
                      links={links}
                      filters={{ level: [l.level] }}
                      label={`${l.count} services at level ${l.level}: show them`}
                    >
                      {l.count}
                    </FilteredLink>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <LandscapeTrendCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <HealthStatusCountsCard health={summary.health} />
      </Grid>

      <Grid item xs={12} lg={6}>
        <GroupScoreTable
          title="Scores by team"
          groupLabel="Team"
          groups={summary.byOwner}
          kind="group"
          filterKey="owner"
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <GroupScoreTable
          title="Scores by system"
          groupLabel="System"
          groups={summary.bySystem}
          kind="system"
          filterKey="system"
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <GroupScoreTable
          title="Scores by domain"
          groupLabel="Domain"
          groups={summary.byDomain}
          kind="domain"
          filterKey="domain"
        />
      </Grid>
    </Grid>
  );
}

/**
 * The landscape at a glance: pass rate per principle, scores by team, system and domain,
 * levels, shared datastores and dependency cycles. Every number links to the filtered overview.
 */
export function ArchitectureDashboardPage() {
  const api = useApi(microservicesApiRef);
  const summary = useAsyncRetry(() => api.getSummary(), [api]);
  let content;
  if (summary.loading) {
    content = <Progress />;
  } else if (summary.error) {
    content = (
      <LoadErrorPanel
        error={summary.error}
        what="the landscape summary"
        onRetry={summary.retry}
      />
    );
  } else if (!summary.value || summary.value.serviceCount === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No services evaluated yet"
        description="The dashboard summarizes the evaluated services. Services are catalog Components with spec.type service; they are scored at the next evaluation."
      />
    );
  } else {
    content = <Dashboard summary={summary.value} />;
  }
  return (
    <MicroservicesPageLayout
      section="dashboard"
      subtitle="How the whole landscape follows the microservice principles"
    >
      {content}
    </MicroservicesPageLayout>
  );
}
