import { Gauge, InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useServiceDetail } from '../../hooks/useServiceDetail';
import { isFailingCheck } from '@microservices-backstage/plugin-microservices-common';
import { useCheckTitles } from '../../hooks/useCheckTitles';
import {
  countStatuses,
  describeCounts,
  missingRefsOf,
} from '../../lib/scorecard';
import { CheckResultItem, EvaluatedAt } from '../CheckResultItem';
import { LevelBadge } from '../LevelBadge';
import { CatalogWarnings, LevelProgress } from '../LevelProgress';
import { LoadState, NOT_EVALUATED } from '../LoadState';

/** Checks listed on the card; the rest are on the scorecard tab. */
const MAX_LISTED = 3;

/** @public */
export interface EntityComplianceCardProps {
  /**
   * Path of the entity page tab that shows the full scorecard, relative to the entity page
   * (e.g. `compliance`); the card links to it when given.
   */
  scorecardPath?: string;
  variant?: 'gridItem';
}

/** Score, level and the failing checks (with how to fix them) of the current service. */
export function EntityComplianceCard(props: EntityComplianceCardProps) {
  const { scorecardPath, variant } = props;
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const detail = useServiceDetail(entity);
  const { titles, titleOf } = useCheckTitles();

  let content = (
    <LoadState
      loading={detail.loading}
      error={detail.error}
      onRetry={detail.retry}
      what="the compliance result"
      notFound={NOT_EVALUATED}
      empty={NOT_EVALUATED}
    />
  );
  if (detail.value && !detail.loading && !detail.error) {
    const value = detail.value;
    const failing = value.checks.filter(isFailingCheck);
    const missing = missingRefsOf(value);
    const warnings = value.checks.filter(c => c.status === 'warn');
    const listed = [...failing, ...warnings].slice(0, MAX_LISTED);
    content = (
      <>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <Box width={90} aria-hidden="true">
            <Gauge
              value={value.score}
              fractional={false}
              max={100}
              unit=""
              size="small"
            />
          </Box>
          <div>
            <Typography variant="h5" component="p">
              Score {value.score} of 100
            </Typography>
            <LevelBadge level={value.level} />
            <Typography variant="body2" style={{ marginTop: 4 }}>
              {failing.length === 0
                ? 'Every applicable check passes: '
                : 'Checks: '}
              {describeCounts(countStatuses(value.checks))}
            </Typography>
            <LevelProgress detail={value} titleOf={titleOf} />
            <EvaluatedAt at={value.evaluatedAt} stale={value.stale} />
          </div>
        </Box>
        <CatalogWarnings warnings={value.warnings} />
        {listed.map(check => (
          <CheckResultItem
            key={check.id}
            check={check}
            title={titles?.get(check.id)}
            missingRefs={missing}
          />
        ))}
        {failing.length + warnings.length > listed.length && (
          <Typography variant="body2" color="textSecondary">
            {failing.length + warnings.length - listed.length} more on the
            scorecard.
          </Typography>
        )}
      </>
    );
  }

  const deepLink =
    scorecardPath && !detail.error
      ? {
          title: 'Full scorecard',
          link: `${entityRoute({
            namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
            kind: entity.kind.toLocaleLowerCase('en-US'),
            name: entity.metadata.name,
          })}/${scorecardPath.replace(/^\/+/, '')}`,
        }
      : undefined;
  return (
    <InfoCard
      title="Architecture compliance"
      deepLink={deepLink}
      variant={variant}
    >
      {content}
    </InfoCard>
  );
}
