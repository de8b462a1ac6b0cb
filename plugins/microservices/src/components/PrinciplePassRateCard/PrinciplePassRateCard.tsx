import { InfoCard, Link } from '@backstage/core-components';
import type { PrinciplePassRate } from '@microservices-backstage/plugin-microservices-common';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { principleTitle } from '../../lib/principles';
import { useNoMidWordBreakTable } from '../BreakableText';
import { FilteredLink } from '../FilteredLink';
import {
  PrinciplePassRateChart,
  formatPassRate,
} from '../PrinciplePassRateChart';

function PassRateTable(props: { principles: PrinciplePassRate[] }) {
  const tableClasses = useNoMidWordBreakTable();
  const { principles } = props;
  const links = useMicroservicesLinks();
  return (
    <Table
      size="small"
      className={tableClasses.table}
      aria-label="Pass rate per principle"
    >
      <TableHead>
        <TableRow>
          <TableCell>Principle</TableCell>
          <TableCell align="right">Pass rate</TableCell>
          <TableCell align="right">Services failing</TableCell>
          <TableCell align="right">Services checked</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {principles.map(p => (
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
            <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
              {formatPassRate(p.passRate)}
            </TableCell>
            <TableCell align="right">
              {p.failingServices > 0 ? (
                <FilteredLink
                  filters={{ failingPrinciple: [p.principle] }}
                  label={`${p.failingServices} ${
                    p.failingServices === 1 ? 'service fails' : 'services fail'
                  } ${principleTitle(p.principle)}: show them`}
                >
                  {p.failingServices}
                </FilteredLink>
              ) : (
                0
              )}
            </TableCell>
            <TableCell align="right">{p.applicableServices}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Pass rate per principle, worst first, as a chart and as a table whose counts are services
 * (those failing a check of the principle, and those it applies to), so each number matches
 * the filtered overview it links to.
 */
export function PrinciplePassRateCard(props: {
  principles: PrinciplePassRate[];
}) {
  const { principles } = props;
  return (
    <InfoCard
      title="Pass rate per principle"
      subheader="Worst first. Pass rate: share of applicable check results that pass. Services failing: services with at least one failing check of the principle; the number links to them."
    >
      <Grid container spacing={3}>
        <Grid item xs={12} lg={6}>
          <PrinciplePassRateChart principles={principles} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <PassRateTable principles={principles} />
        </Grid>
      </Grid>
    </InfoCard>
  );
}
