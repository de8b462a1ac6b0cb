import { Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { GroupScore } from '@microservices-backstage/plugin-microservices-common';
import { shortRef, toCompoundRef } from '../../lib/entityRefs';
import { ServiceFilterKey } from '../../lib/serviceListUrlState';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';

/**
 * Average score and service count per team, system or domain. The name links to the catalog
 * entity; both numbers link to the services overview filtered to that group.
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
  const links = useMicroservicesLinks();
  const filtered = (key: string, text: string | number, label: string) =>
    links.overview ? (
      <Link to={links.overview({ [filterKey]: [key] })} aria-label={label}>
        {text}
      </Link>
    ) : (
      <>{text}</>
    );
  const columns: TableColumn<GroupScore>[] = [
    {
      title: groupLabel,
      field: 'key',
      highlight: true,
      render: g =>
        toCompoundRef(g.key, { defaultKind: kind }) ? (
          <EntityRefLink entityRef={g.key} defaultKind={kind}>
            {shortRef(g.key, kind)}
          </EntityRefLink>
        ) : (
          g.key
        ),
    },
    {
      title: 'Services',
      field: 'serviceCount',
      type: 'numeric',
      render: g =>
        filtered(
          g.key,
          g.serviceCount,
          `${g.serviceCount} services of ${shortRef(g.key, kind)}`,
        ),
    },
    {
      title: 'Average score',
      field: 'averageScore',
      type: 'numeric',
      defaultSort: 'asc',
      render: g =>
        filtered(
          g.key,
          g.averageScore,
          `Average score ${g.averageScore} of ${shortRef(
            g.key,
            kind,
          )}: show its services`,
        ),
    },
  ];
  return (
    <Table<GroupScore>
      title={title}
      columns={columns}
      data={groups}
      options={{
        paging: groups.length > 10,
        pageSize: 10,
        search: groups.length > 10,
        padding: 'dense',
        draggable: false,
      }}
      emptyContent={<div style={{ padding: 16 }}>Nothing to show.</div>}
    />
  );
}
