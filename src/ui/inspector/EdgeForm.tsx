// A selected connection (canvas edge): what it joins, its position or weight, and Disconnect.
import { disconnect } from '../../model/connections';
import { findElement } from '../../model/operations';
import type { EdgeEnds } from '../../model/edgeIds';
import { useStore } from '../../store/store';
import { EdgeDetails } from './EdgeDetails';
import { endName } from './elementNames';
import { InspectorHeading } from './InspectorHeading';

export function EdgeForm({ sourceId, targetId }: EdgeEnds) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const select = useStore((s) => s.select);
  const source = findElement(design, sourceId);
  const remove = () => {
    edit((d) => disconnect(d, sourceId, targetId));
    select([]);
  };
  return (
    <>
      <InspectorHeading kind="edge">Connection</InspectorHeading>
      <p className="edge-ends">
        <span>{endName(design, sourceId)}</span>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> to </span>
        <span>{endName(design, targetId)}</span>
      </p>
      {source ? <EdgeDetails source={source} targetId={targetId} /> : <p className="field-error">This connection no longer exists.</p>}
      <div className="inspector-actions">
        <button type="button" onClick={() => select([sourceId])} disabled={!source}>
          Edit {source?.kind ?? 'source'}
        </button>
        <button type="button" className="danger" onClick={remove}>
          Disconnect
        </button>
      </div>
    </>
  );
}
