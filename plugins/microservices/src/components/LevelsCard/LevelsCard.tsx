import { InfoCard } from '@backstage/core-components';
import type { LevelCount } from '@microservices-backstage/plugin-microservices-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useNoMidWordBreakTable } from '../BreakableText';
import { FilteredLink } from '../FilteredLink';
import { LevelBadge } from '../LevelBadge';
import { LevelDistributionChart } from '../LevelDistributionChart';

/** How many services hold each level (highest first, zero counts included), each linking to them. */
export function LevelsCard(props: { levels: LevelCount[] }) {
  const tableClasses = useNoMidWordBreakTable();
  const { levels } = props;
  return (
    <InfoCard
      title="Levels"
      subheader="Services per level; a level is earned by passing its required checks"
    >
      <LevelDistributionChart levels={levels} />
      <Table
        size="small"
        className={tableClasses.table}
        aria-label="Services per level"
      >
        <TableHead>
          <TableRow>
            <TableCell>Level</TableCell>
            <TableCell align="right">Services</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {levels.map(l => (
            <TableRow key={l.level}>
              <TableCell component="th" scope="row">
                <LevelBadge level={l.level} />
              </TableCell>
              <TableCell align="right">
                {l.count > 0 ? (
                  <FilteredLink
                    filters={{ level: [l.level] }}
                    label={`${l.count} services at level ${l.level}: show them`}
                  >
                    {l.count}
                  </FilteredLink>
                ) : (
                  0
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
