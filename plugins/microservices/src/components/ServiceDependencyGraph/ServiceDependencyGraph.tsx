import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  DependencyItem,
  GraphSide,
  graphSide,
  itemMarks,
} from '../../lib/dependencyModel';
import { BreakableText } from '../BreakableText';

/** Joins the class names that are set. */
function classNames(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    display: 'grid',
    alignItems: 'center',
    columnGap: theme.spacing(8),
    width: 'fit-content',
    maxWidth: '100%',
    margin: theme.spacing(1, 'auto', 3),
    // Wide enough for the arrows, never wider than the card.
    gridTemplateColumns: 'minmax(0, max-content)',
  },
  column: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minWidth: 0,
    position: 'relative',
    zIndex: 1,
  },
  columnTitle: {
    color: theme.palette.text.secondary,
    marginBottom: theme.spacing(0.5),
  },
  node: {
    ...theme.typography.body2,
    display: 'block',
    boxSizing: 'border-box',
    maxWidth: 300,
    padding: theme.spacing(0.75, 1.5),
    border: `1px solid ${theme.palette.text.secondary}`,
    borderRadius: 8,
    background: theme.palette.background.paper,
    overflowWrap: 'normal',
    wordBreak: 'normal',
    textAlign: 'left',
  },
  service: {
    background: theme.palette.primary.main,
    borderColor: theme.palette.primary.main,
    color: theme.palette.primary.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
    position: 'relative',
    zIndex: 1,
  },
  upstream: { borderColor: theme.palette.primary.light },
  flagged: {
    borderColor: theme.palette.status.error,
    borderWidth: 2,
  },
  missing: {
    borderStyle: 'dashed',
    borderColor: theme.palette.text.secondary,
    color: theme.palette.text.secondary,
    background: theme.palette.background.default,
  },
  more: {
    ...theme.typography.body2,
    borderStyle: 'dashed',
    color: theme.palette.primary.main,
    cursor: 'pointer',
  },
  label: { display: 'block' },
  marks: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  problemMarks: { color: theme.palette.status.error },
  serviceMarks: { color: theme.palette.primary.contrastText },
  edges: {
    position: 'absolute',
    top: 0,
    left: 0,
    overflow: 'visible',
    pointerEvents: 'none',
    zIndex: 0,
  },
  edge: {
    fill: 'none',
    stroke: theme.palette.text.secondary,
    strokeWidth: 1.5,
  },
  dashedEdge: { strokeDasharray: '4 3' },
  arrow: { fill: theme.palette.text.secondary },
}));

function NodeBox(props: {
  item: DependencyItem;
  labelOf: (ref: string) => string;
  detail?: string;
  side: 'upstream' | 'downstream';
}) {
  const { item, labelOf, detail, side } = props;
  const classes = useStyles();
  const marks = itemMarks(item);
  const kind =
    item.kind === 'component'
      ? ''
      : `${item.datastore ? 'datastore' : item.kind}: `;
  const label = (
    <span className={classes.label}>
      {kind}
      <BreakableText text={item.title ?? labelOf(item.entityRef)} />
    </span>
  );
  const lines = (
    <>
      {detail && (
        <Typography variant="caption" className={classes.marks}>
          {detail}
        </Typography>
      )}
      {marks.length > 0 && (
        <Typography
          variant="caption"
          className={classNames(classes.marks, classes.problemMarks)}
        >
          {marks.join(', ')}
        </Typography>
      )}
    </>
  );
  const className = classNames(
    classes.node,
    side === 'upstream' && classes.upstream,
    item.exists && marks.length > 0 && classes.flagged,
    !item.exists && classes.missing,
  );
  if (!item.exists) {
    // Not in the catalog: drawn dashed and never linked.
    return (
      <div className={className} data-missing="true">
        {label}
        {lines}
      </div>
    );
  }
  return (
    <div className={className}>
      <EntityRefLink entityRef={item.entityRef} title={item.entityRef}>
        {label}
      </EntityRefLink>
      {lines}
    </div>
  );
}

function Column(props: {
  title: string;
  side: GraphSide;
  direction: 'upstream' | 'downstream';
  labelOf: (ref: string) => string;
  detailOf: (item: DependencyItem) => string | undefined;
  onExpand: () => void;
}) {
  const { title, side, direction, labelOf, detailOf, onExpand } = props;
  const classes = useStyles();
  return (
    <div>
      <Typography
        variant="caption"
        component="p"
        className={classes.columnTitle}
      >
        {title}
      </Typography>
      <ul className={classes.column} data-graph-side={direction}>
        {side.shown.map(item => (
          <li key={item.entityRef} data-graph-node>
            <NodeBox
              item={item}
              labelOf={labelOf}
              detail={detailOf(item)}
              side={direction}
            />
          </li>
        ))}
        {side.hidden > 0 && (
          <li data-graph-node data-graph-more>
            <ButtonBase
              className={classNames(classes.node, classes.more)}
              onClick={onExpand}
              aria-label={`Show ${side.hidden} more`}
            >
              +{side.hidden} more
            </ButtonBase>
          </li>
        )}
      </ul>
    </div>
  );
}

interface Edge {
  d: string;
  dashed: boolean;
}

/** Curves from each dependent to the service and from the service to each dependency. */
function useEdges(
  root: React.RefObject<HTMLDivElement>,
  service: React.RefObject<HTMLDivElement>,
  deps: unknown[],
) {
  const [edges, setEdges] = useState<{
    width: number;
    height: number;
    edges: Edge[];
  }>({ width: 0, height: 0, edges: [] });
  const measure = useCallback(() => {
    const rootEl = root.current;
    const serviceEl = service.current;
    if (!rootEl || !serviceEl) return;
    const origin = rootEl.getBoundingClientRect();
    const svc = serviceEl.getBoundingClientRect();
    if (svc.width === 0) return; // not laid out (tests)
    const next: Edge[] = [];
    const curve = (x1: number, y1: number, x2: number, y2: number) => {
      const mx = (x1 + x2) / 2;
      return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    };
    const sy = svc.top + svc.height / 2 - origin.top;
    rootEl
      .querySelectorAll<HTMLElement>('[data-graph-side] > [data-graph-node]')
      .forEach(li => {
        const box = (
          li.firstElementChild as HTMLElement
        ).getBoundingClientRect();
        const y = box.top + box.height / 2 - origin.top;
        const dashed =
          li.hasAttribute('data-graph-more') ||
          !!li.querySelector('[data-missing]');
        const side = li.parentElement?.getAttribute('data-graph-side');
        if (side === 'downstream') {
          next.push({
            d: curve(
              box.right - origin.left,
              y,
              svc.left - origin.left - 8,
              sy,
            ),
            dashed,
          });
        } else {
          next.push({
            d: curve(
              svc.right - origin.left,
              sy,
              box.left - origin.left - 8,
              y,
            ),
            dashed,
          });
        }
      });
    setEdges({ width: origin.width, height: origin.height, edges: next });
  }, [root, service]);

  useLayoutEffect(() => {
    measure();
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => measure());
    observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [measure, ...deps]);
  return edges;
}

/**
 * The service between what depends on it (left) and what it depends on (right), drawn at the
 * page's font size and sized to its content, so it never overlaps what follows. Beyond
 * `MAX_GRAPH_NEIGHBOURS` per side the rest collapse into "+N more". Entities that are not in
 * the catalog are dashed and not linked; nodes on a cycle or sharing a datastore are outlined
 * and say so in words.
 */
export function ServiceDependencyGraph(props: {
  serviceLabel: string;
  serviceMarks: string[];
  upstream: DependencyItem[];
  downstream: DependencyItem[];
  labelOf: (ref: string) => string;
  detailOf: (
    item: DependencyItem,
    direction: 'upstream' | 'downstream',
  ) => string | undefined;
  description: string;
}) {
  const {
    serviceLabel,
    serviceMarks,
    upstream,
    downstream,
    labelOf,
    detailOf,
    description,
  } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState({ up: false, down: false });
  const left = graphSide(downstream, expanded.down);
  const right = graphSide(upstream, expanded.up);
  const root = useRef<HTMLDivElement>(null);
  const service = useRef<HTMLDivElement>(null);
  const edges = useEdges(root, service, [
    expanded.up,
    expanded.down,
    upstream,
    downstream,
  ]);
  const columns = [
    left.shown.length ? 'minmax(0, max-content)' : null,
    'max-content',
    right.shown.length ? 'minmax(0, max-content)' : null,
  ].filter(Boolean);
  return (
    <div
      ref={root}
      className={classes.root}
      style={{ gridTemplateColumns: columns.join(' ') }}
      role="group"
      aria-label={description}
      data-testid="dependency-graph"
    >
      <svg
        className={classes.edges}
        width={edges.width}
        height={edges.height}
        aria-hidden="true"
      >
        <defs>
          <marker
            id="microservices-graph-arrow"
            viewBox="0 0 10 10"
            refX="0"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className={classes.arrow} />
          </marker>
        </defs>
        {edges.edges.map((e, i) => (
          <path
            key={i}
            d={e.d}
            className={classNames(classes.edge, e.dashed && classes.dashedEdge)}
            markerEnd="url(#microservices-graph-arrow)"
          />
        ))}
      </svg>
      {left.shown.length > 0 && (
        <Column
          title={`Depended on by (${downstream.length})`}
          side={left}
          direction="downstream"
          labelOf={labelOf}
          detailOf={item => detailOf(item, 'downstream')}
          onExpand={() => setExpanded(e => ({ ...e, down: true }))}
        />
      )}
      <div ref={service} className={classNames(classes.node, classes.service)}>
        <span className={classes.label}>
          <BreakableText text={serviceLabel} />
        </span>
        {serviceMarks.length > 0 && (
          <Typography
            variant="caption"
            className={classNames(classes.marks, classes.serviceMarks)}
          >
            {serviceMarks.join(', ')}
          </Typography>
        )}
      </div>
      {right.shown.length > 0 && (
        <Column
          title={`Depends on (${upstream.length})`}
          side={right}
          direction="upstream"
          labelOf={labelOf}
          detailOf={item => detailOf(item, 'upstream')}
          onExpand={() => setExpanded(e => ({ ...e, up: true }))}
        />
      )}
    </div>
  );
}
