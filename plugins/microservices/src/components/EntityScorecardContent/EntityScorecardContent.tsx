import { Gauge, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ServiceDetail } from '@microservices-backstage/plugin-microservices-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { microservicesApiRef } from '../../api';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { useServiceDetail } from '../../hooks/useServiceDetail';
import { principleExplanation, principleTitle } from '../../lib/principles';
import {
  countStatuses,
  describeCounts,
  groupChecksByPrinciple,
} from '../../lib/scorecard';
import { CheckResultItem, EvaluatedAt } from '../CheckResultItem';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { LevelBadge } from '../LevelBadge';
import { ServiceDetailState } from '../ServiceDetailState';
import { ScoreHistoryCard } from '../ScoreHistoryCard';

function ScoreSummary(props: { detail: ServiceDetail }) {
  const { detail } = props;
  const counts = countStatuses(detail.checks);
  return (
    <InfoCard title="Compliance score">
      <Box display="flex" alignItems="center" style={{ gap: 24 }}>
        <Box width={120} aria-hidden="true">
          <Gauge value={detail.score} fractional={false} max={100} unit="" />
        </Box>
        <div>
          <Typography variant="h4" component="p">
            Score {detail.score} of 100
          </Typography>
          <LevelBadge level={detail.level} />
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {describeCounts(counts)}
          </Typography>
          <EvaluatedAt at={detail.evaluatedAt} />
        </div>
      </Box>
    </InfoCard>
  );
}

/**
 * The full scorecard of a service: score and level, score history, and every check grouped
 * by principle with what was seen, how to fix it, and its exemption.
 */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  const api = useApi(microservicesApiRef);
  const links = useMicroservicesLinks();
  const detail = useServiceDetail(entity);
  // Check titles are a nicety: without them the ids are shown.
  const checkTitles = useAsync(async () => {
    const checks = await api.listChecks();
    return new Map(checks.map(c => [c.id, c.title]));
  }, [api]);

  if (!detail.value || detail.loading || detail.error) {
    return <ServiceDetailState detail={detail} what="the compliance result" />;
  }
  const groups = groupChecksByPrinciple(detail.value.checks);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <ScoreSummary detail={detail.value} />
      </Grid>
      <Grid item xs={12} md={7}>
        <ScoreHistoryCard entity={entity} />
      </Grid>
      {groups.map(group => (
        <Grid item xs={12} key={group.principle}>
          <section
            id={`principle-${group.principle}`}
            aria-label={principleTitle(group.principle)}
          >
            <InfoCard
              title={
                <Box
                  display="flex"
                  alignItems="center"
                  flexWrap="wrap"
                  style={{ gap: 16 }}
                >
                  <span>{principleTitle(group.principle)}</span>
                  <CheckStatusLabel status={group.worst} />
                </Box>
              }
              subheader={
                <>
                  {describeCounts(group.counts)}
                  {principleExplanation(group.principle) &&
                    ` — ${principleExplanation(group.principle)!.summary}`}
                </>
              }
              deepLink={
                links.principle
                  ? {
                      link: links.principle(group.principle),
                      title: `Why ${principleTitle(group.principle)} matters`,
                    }
                  : undefined
              }
            >
              {group.checks.map(check => (
                <CheckResultItem
                  key={check.id}
                  check={check}
                  title={checkTitles.value?.get(check.id)}
                />
              ))}
            </InfoCard>
          </section>
        </Grid>
      ))}
      {links.principles && (
        <Grid item xs={12}>
          <Link to={links.principles()}>All principles explained</Link>
        </Grid>
      )}
    </Grid>
  );
}
