// A connection on the canvas: a bezier like React Flow's default, with its label (a weighted
// split's share) and its findings badge drawn as HTML over the edge's midpoint.
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { selectFindingCounts } from '../../../store/selectors';
import { useStore } from '../../../store/store';
import { FindingBadge } from '../nodes/FindingBadge';

export const ConnectionEdge = memo(function ConnectionEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd, style, interactionWidth } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const counts = useStore(selectFindingCounts(id));
  const flagged = counts.errors + counts.warnings > 0;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {(label || flagged) && (
        <EdgeLabelRenderer>
          <div
            className="edge-label nodrag nopan"
            data-testid={`edge-label-${id}`}
            // Positioned by React Flow's label layer; a style attribute, not a stylesheet, by design.
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {label && <span className="edge-label-text">{label}</span>}
            <FindingBadge id={id} what="Connection" />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
