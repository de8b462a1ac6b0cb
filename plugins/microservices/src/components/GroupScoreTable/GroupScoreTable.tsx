import { useState } from 'react';
import type { GroupScore } from '@microservices-backstage/plugin-microservices-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { shortRef } from '../../lib/entityRefs';
import { ServiceFilterKey } from '../../lib/serviceListUrlState';
import { useNoMidWordBreakTable } from '../BreakableText';
import { FilteredLink } from '../FilteredLink';
import { RefName } from '../RefName';

/** Rows shown before "Show all"; a table of up to this many shows them all. */
export const GROUP_ROWS_SHOWN = 12;

/** What the row of services without an owner, system or domain is called. */
export const NONE_LABEL = '(none)';

/**
 * Average score and service count per team, system or domain, in the backend's order (worst
 * average first), the services without one last as a "(none)" row, not linked. The name links
 * to the catalog entity and both numbers to the overview filtered to that group. Up to
 * `GROUP_ROWS_SHOWN` rows show; the rest behind "Show all".
 */
export function GroupScoreTable(props: {
  title: string;
  /** Column title for the group, e.g. "Team". */
  groupLabel: string;
  groups: GroupScore[];
  kind: 'group' | 'system' | 'domain';
  filterKey: Extract<ServiceFilterKey, 'owner' | 'system' | 'domain'>;
}) {
  const { title, groupLabel, groups, kind, filterKey } = props;
  const classes = useNoMidWordBreakTable();
  const [all, setAll] = useState(false);
  const rows = [...groups.filter(g => g.key), ...groups.filter(g => !g.key)];
  const shown = all ? rows : rows.slice(0, GROUP_ROWS_SHOWN);
  const nameOf = (g: GroupScore) =>
    g.key ? shortRef(g.key, kind) : NONE_LABEL;
  const number = (g: GroupScore, value: number, label: string) =>
    g.key ? (
      <FilteredLink filters={{ [filterKey]: [g.key] }} label={label}>
        {value}
      </FilteredLink>
    ) : (
      value
    );
  return (
    <section aria-label={title}>
      <Typography variant="h6" component="h3">
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">Nothing to show.</Typography>
      ) : (
        <Table size="small" aria-label={title} className={classes.table}>
          <TableHead>
            <TableRow>
              <TableCell>{groupLabel}</TableCell>
              <TableCell align="right">Services</TableCell>
              <TableCell align="right">Average</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(g => (
              <TableRow key={g.key ?? NONE_LABEL}>
                <TableCell component="th" scope="row">
                  {g.key ? <RefName value={g.key} kind={kind} /> : NONE_LABEL}
                </TableCell>
                <TableCell align="right">
                  {number(
                    g,
                    g.serviceCount,
                    `${g.serviceCount} services of ${nameOf(g)}`,
                  )}
                </TableCell>
                <TableCell align="right">
                  {number(
                    g,
                    Math.round(g.averageScore),
                    `Average score ${Math.round(g.averageScore)} of ${nameOf(
                      g,
                    )}: show its services`,
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {rows.length > GROUP_ROWS_SHOWN && (
        <Button size="small" color="primary" onClick={() => setAll(a => !a)}>
          {all ? 'Show fewer' : `Show all ${rows.length}`}
        </Button>
      )}
    </section>
  );
}
