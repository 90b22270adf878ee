// What a connection carries: a listener's route position, or a weighted split's weight.
import { setWeight } from '../../model/connections';
import { reorderListenerRoute, type Found } from '../../model/operations';
import { WeightedTarget } from '../../model/schema';
import { useStore } from '../../store/store';
import { splitWeight } from './designChecks';
import { NumberField } from './fields/NumberField';
import { schemaCheck } from './parse';

const weightCheck = schemaCheck(WeightedTarget.shape.weight);

export function EdgeDetails({ source, targetId }: { source: Found; targetId: string }) {
  const edit = useStore((s) => s.edit);
  if (source.kind === 'listener' && source.element.protocol === 'http') {
    const { routeIds, id } = source.element;
    const index = routeIds.indexOf(targetId);
    if (index < 0) return <p className="field-error">This listener no longer serves that route.</p>;
    const move = (to: number) => edit((d) => reorderListenerRoute(d, id, index, to));
    return (
      <div className="edge-position">
        <p>
          Route {index + 1} of {routeIds.length} served by this listener.
        </p>
        <button type="button" disabled={index === 0} onClick={() => move(index - 1)}>
          Move earlier
        </button>
        <button type="button" disabled={index === routeIds.length - 1} onClick={() => move(index + 1)}>
          Move later
        </button>
      </div>
    );
  }
  if (source.kind === 'listener') {
    return source.element.tcpClusterId === targetId ? <p>Every TCP connection is proxied to this cluster.</p> : <p className="field-error">This listener no longer proxies to that cluster.</p>;
  }
  if (source.kind !== 'rule') return null;
  const { action } = source.element;
  if (action.kind !== 'weighted') {
    const forwards = action.kind === 'cluster' && action.clusterId === targetId;
    return forwards ? <p>The rule forwards every matching request to this cluster.</p> : <p className="field-error">This rule no longer forwards to that cluster.</p>;
  }
  const index = action.clusters.findIndex((c) => c.clusterId === targetId);
  if (index < 0) return <p className="field-error">This split no longer includes that cluster.</p>;
  const total = action.clusters.reduce((sum, c) => sum + c.weight, 0);
  const weight = action.clusters[index].weight;
  return (
    <NumberField
      label="Weight"
      value={weight}
      checks={[weightCheck, splitWeight(action.clusters, index)]}
      hint={total > 0 ? `${Math.round((weight / total) * 1000) / 10}% of the split's total weight ${total}` : undefined}
      onCommit={(w) => edit((d) => setWeight(d, source.element.id, targetId, w))}
    />
  );
}
