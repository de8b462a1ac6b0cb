import { InfoCard, Link } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { allPrincipleExplanations } from '../../lib/principles';
import { MicroservicesPageLayout } from '../MicroservicesPageLayout';

/** Every principle with its one-sentence summary; each has an anchor (its id) and a page. */
export function PrinciplesPage() {
  const links = useMicroservicesLinks();
  return (
    <MicroservicesPageLayout
      section="principles"
      subtitle="The microservice principles every service is checked against"
    >
      <Typography variant="body1" paragraph>
        Each service is scored against these principles by checks that read the
        software catalog. A principle&apos;s page explains why it matters, what
        the checks look at, and what to change in <code>catalog-info.yaml</code>{' '}
        to pass.
      </Typography>
      <Grid container spacing={3}>
        {allPrincipleExplanations().map(principle => (
          <Grid item xs={12} md={6} lg={4} key={principle.id} id={principle.id}>
            <InfoCard
              title={principle.title}
              subheader={principle.kind}
              variant="gridItem"
            >
              <Typography variant="body2" paragraph>
                {principle.summary}
              </Typography>
              {links.principle ? (
                <Link to={links.principle(principle.id)}>
                  Why {principle.title} matters and how to comply
                </Link>
              ) : null}
            </InfoCard>
          </Grid>
        ))}
      </Grid>
    </MicroservicesPageLayout>
  );
}
