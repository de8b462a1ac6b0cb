import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { GroupScore } from '@microservices-backstage/plugin-microservices-common';
import { shortRef, toCompoundRef } from '../../lib/entityRefs';
import { ServiceFilterKey } from '../../lib/serviceListUrlState';
import { BreakableText, noMidWordBreak } from '../BreakableText';
import { FilteredLink } from '../FilteredLink';

/** Rows listed before the table pages. */
const PAGE_SIZE = 10;

/** What the row of services without an owner, system or domain is called. */
export const NONE_LABEL = '(none)';

interface Row extends GroupScore {
  /** Unique per row: the key, or `(none)` for the services without one. */
  id: string;
}

/**
 * Average score and service count per team, system or domain, worst first. The name links to
 * the catalog entity and both numbers to the overview filtered to that group; the services
 * without one are a "(none)" row, not linked.
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
  const rows: Row[] = groups.map(g => ({ ...g, id: g.key ?? NONE_LABEL }));
  const nameOf = (g: Row) => (g.key ? shortRef(g.key, kind) : NONE_LABEL);
  const filtered = (g: Row, text: number, label: string) =>
    g.key ? (
      <FilteredLink filters={{ [filterKey]: [g.key] }} label={label}>
        {text}
      </FilteredLink>
    ) : (
      <>{text}</>
    );
  const columns: TableColumn<Row>[] = [
    {
      title: groupLabel,
      field: 'id',
      highlight: true,
      cellStyle: noMidWordBreak,
      render: g => {
        if (!g.key) return NONE_LABEL;
        if (!toCompoundRef(g.key, { defaultKind: kind }))
          return <BreakableText text={g.key} />;
        return (
          <EntityRefLink entityRef={g.key} defaultKind={kind}>
            <BreakableText text={shortRef(g.key, kind)} />
          </EntityRefLink>
        );
      },
    },
    {
      title: 'Services',
      field: 'serviceCount',
      type: 'numeric',
      render: g =>
        filtered(
          g,
          g.serviceCount,
          `${g.serviceCount} services of ${nameOf(g)}`,
        ),
    },
    {
      title: 'Average score',
      field: 'averageScore',
      type: 'numeric',
      defaultSort: 'asc',
      render: g =>
        filtered(
          g,
          Math.round(g.averageScore),
          `Average score ${Math.round(g.averageScore)} of ${nameOf(
            g,
          )}: show its services`,
        ),
    },
  ];
  const paging = rows.length > PAGE_SIZE;
  return (
    <Table<Row>
      title={title}
      columns={columns}
      data={rows}
      options={{
        paging,
        pageSize: paging ? PAGE_SIZE : Math.max(rows.length, 1),
        pageSizeOptions: paging ? [PAGE_SIZE, 25, 50] : [],
        emptyRowsWhenPaging: false,
        search: paging,
        padding: 'dense',
        draggable: false,
      }}
      emptyContent={<div style={{ padding: 16 }}>Nothing to show.</div>}
    />
  );
}
