import { useLayoutEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import type {
  DependencyGraphEdge,
  DependencyGraphNode,
} from '../../lib/dependencyModel';

const useStyles = makeStyles(theme => ({
  service: { fill: theme.palette.primary.main },
  upstream: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.primary.light,
  },
  downstream: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.text.secondary,
  },
  flagged: { stroke: theme.palette.status.error, strokeWidth: 3 },
  text: { fill: theme.palette.text.primary, fontSize: 13 },
  serviceText: {
    fill: theme.palette.primary.contrastText,
    fontSize: 13,
    fontWeight: 'bold',
  },
  marks: { fill: theme.palette.status.error, fontSize: 11 },
  serviceMarks: {
    fill: theme.palette.primary.contrastText,
    fontSize: 11,
    fontStyle: 'italic',
  },
  link: {
    cursor: 'pointer',
    '&:focus': { outline: `2px solid ${theme.palette.primary.main}` },
  },
}));

function GraphNode(props: { node: DependencyGraphNode }) {
  const { node } = props;
  const classes = useStyles();
  const navigate = useNavigate();
  const entityLink = useEntityRefLink();
  const textRef = useRef<SVGGElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!textRef.current) return;
    const box = textRef.current.getBBox();
    const width = Math.round(box.width);
    const height = Math.round(box.height);
    if (width !== size.width || height !== size.height)
      setSize({ width, height });
  }, [size.width, size.height]);
  const padding = 10;
  const width = size.width + padding * 2;
  const height = size.height + padding * 2;
  const kind = node.kind === 'component' ? '' : `${node.kind}: `;
  const rectClass = [
    classes[node.role],
    node.marks.length && node.role !== 'service' ? classes.flagged : '',
  ].join(' ');
  const href = entityLink(node.id);
  const body = (
    <g>
      <rect className={rectClass} width={width} height={height} rx={8} />
      <g ref={textRef} transform={`translate(${padding}, ${padding})`}>
        <text
          className={
            node.role === 'service' ? classes.serviceText : classes.text
          }
          dominantBaseline="hanging"
        >
          {kind}
          {node.label}
        </text>
        {node.marks.length > 0 && (
          <text
            className={
              node.role === 'service' ? classes.serviceMarks : classes.marks
            }
            y={17}
            dominantBaseline="hanging"
          >
            {node.marks.join(', ')}
          </text>
        )}
      </g>
    </g>
  );
  if (node.role === 'service') return body;
  return (
    <a
      href={href}
      className={classes.link}
      onClick={e => {
        e.preventDefault();
        navigate(href);
      }}
    >
      <title>{`${node.label}${
        node.marks.length ? ` (${node.marks.join(', ')})` : ''
      }`}</title>
      {body}
    </a>
  );
}

/**
 * The service between the components that depend on it (left) and what it depends on
 * (right). Nodes on a cycle or sharing a datastore are outlined and say so in words.
 */
export function ServiceDependencyGraph(props: {
  nodes: DependencyGraphNode[];
  edges: DependencyGraphEdge[];
  description: string;
}) {
  const { nodes, edges, description } = props;
  return (
    <div style={{ height: Math.min(480, Math.max(220, nodes.length * 40)) }}>
      <DependencyGraph<DependencyGraphNode, DependencyGraphEdge>
        nodes={nodes}
        edges={edges}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        renderNode={GraphNode}
        labelPosition={DependencyGraphTypes.LabelPosition.CENTER}
        showArrowHeads
        zoom="enable-on-click"
        fit="contain"
        rankMargin={80}
        nodeMargin={12}
        role="group"
        aria-label={description}
      />
    </div>
  );
}
