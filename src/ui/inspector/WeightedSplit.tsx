// A weighted split: cluster + weight rows. Removing the second-last cluster turns the rule back
// into a plain forward (see `disconnect`).
import { connect, disconnect } from '../../model/connections';
import { WeightedTarget } from '../../model/schema';
import { useStore } from '../../store/store';
import { clusterOptions } from './clusterOptions';
import { splitWeight } from './designChecks';
import { ListEditor } from './fields/ListEditor';
import { NumberField } from './fields/NumberField';
import { SelectField } from './fields/SelectField';
import { schemaCheck } from './parse';
import { replaceAt, withAction } from './ruleEdits';
import { useRulePatch } from './usePatch';

const weightCheck = schemaCheck(WeightedTarget.shape.weight);

export function WeightedSplit({ ruleId, targets }: { ruleId: string; targets: WeightedTarget[] }) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const patch = useRulePatch(ruleId);
  const used = targets.map((t) => t.clusterId);
  const free = design.clusters.find((c) => !used.includes(c.id));
  const total = targets.reduce((sum, t) => sum + t.weight, 0);
  const update = (index: number, change: Partial<WeightedTarget>) =>
    patch((rule) => (rule.action.kind === 'weighted' ? withAction('weighted', { clusters: replaceAt(rule.action.clusters, index, change) })(rule) : {}));
  const add = () =>
    edit((d) => {
      if (!free) return d;
      const result = connect(d, ruleId, free.id);
      return result.ok ? result.design : d;
    });
  return (
    <ListEditor
      legend="Weighted clusters"
      noun="target"
      items={targets}
      empty="No clusters yet: add one."
      hint={`Total weight ${total}; each cluster gets its weight's share of requests.`}
      onAdd={add}
      addDisabled={free ? undefined : 'Every cluster is already in the split'}
      onRemove={(index) => edit((d) => disconnect(d, ruleId, targets[index].clusterId))}
      renderItem={(target, index, label) => (
        <>
          <SelectField
            label={`${label} cluster`}
            value={target.clusterId}
            options={clusterOptions(design, target.clusterId, used).filter((o) => o.value !== '')}
            error={design.clusters.some((c) => c.id === target.clusterId) ? null : 'this cluster was removed'}
            onChange={(clusterId) => update(index, { clusterId })}
          />
          <NumberField
            label={`${label} weight`}
            value={target.weight}
            checks={[weightCheck, splitWeight(targets, index)]}
            hint={total > 0 ? `${Math.round((target.weight / total) * 1000) / 10}%` : undefined}
            onCommit={(weight) => update(index, { weight })}
          />
        </>
      )}
    />
  );
}
