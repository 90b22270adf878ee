import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { Rule } from '../../../model/schema';
import { forwardsToClusters, ruleTargets } from '../../../model/connections';
import { useStore } from '../../../store/store';
import { FindingBadge } from './FindingBadge';
import { clusterIdsOf, selectIsSelected } from '../../../store/selectors';
import { describeAction, describeMatch } from './ruleSummary';

type Props = { rule: Rule; index: number; compact: boolean };

/** One rule inside a route node, with its own outgoing handle to clusters. */
function RuleRowView({ rule, index, compact }: Props) {
  const selected = useStore(selectIsSelected(rule.id));
  const onPath = useStore((s) => s.testPath.includes(rule.id));
  const select = useStore((s) => s.select);
  const broken = useStore((s) => ruleTargets(rule).some((id) => !clusterIdsOf(s.design.clusters).has(id)));
  const forwards = forwardsToClusters(rule);
  const className = `rule${selected ? ' selected' : ''}${broken ? ' broken' : ''}${onPath ? ' on-test-path' : ''}`;
  return (
    <li className={className} data-testid={`rule-${index + 1}`}>
      {compact ? (
        // Zoomed out (useCompact): a bar of the same size in the rule's colours, its summary for
        // screen readers only. The outline and the inspector still list and select every rule.
        <div className="rule-bar">
          <span className="visually-hidden">{`${index + 1}. ${describeMatch(rule)} ${describeAction(rule)}`}</span>
        </div>
      ) : (
        <button
          type="button"
          className="rule-select nodrag"
          aria-pressed={selected}
          onClick={(event) => {
            event.stopPropagation();
            select([rule.id]);
          }}
        >
          <span className="rule-index">{index + 1}</span>
          <span className="rule-match">{describeMatch(rule)}</span>
          <span className="rule-action">{describeAction(rule)}</span>
        </button>
      )}
      <FindingBadge id={rule.id} what={`Rule ${index + 1}`} />
      {broken && (
        <span className="dangling" role="img" aria-label={`Rule ${index + 1} forwards to a removed cluster`} title="Forwards to a cluster that was removed">
          ⚠ missing cluster
        </span>
      )}
      {forwards && <Handle type="source" position={Position.Right} id={rule.id} />}
    </li>
  );
}

export const RuleRow = memo(RuleRowView);
