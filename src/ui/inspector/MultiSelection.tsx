// Several elements or connections selected: how many, and delete them all at once.
import { disconnect } from '../../model/connections';
import { removeElement } from '../../model/operations';
import { parseEdgeId } from '../../model/edgeIds';
import { useStore } from '../../store/store';
import { endName } from './elementNames';
import { InspectorHeading } from './InspectorHeading';

export function MultiSelection({ ids }: { ids: string[] }) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const select = useStore((s) => s.select);
  const names = ids.map((id) => {
    const edge = parseEdgeId(id);
    return edge ? `connection ${endName(design, edge.sourceId)} → ${endName(design, edge.targetId)}` : endName(design, id);
  });
  const removeAll = () => {
    // Connections first, so each still finds its source before elements disappear.
    const edges = ids.flatMap((id) => parseEdgeId(id) ?? []);
    const elements = ids.filter((id) => !parseEdgeId(id));
    edit((d) => {
      const unlinked = edges.reduce((acc, e) => disconnect(acc, e.sourceId, e.targetId), d);
      return elements.reduce((acc, id) => removeElement(acc, id), unlinked);
    });
    select([]);
  };
  return (
    <>
      <InspectorHeading kind="several">{`${ids.length} elements selected`}</InspectorHeading>
      <ul className="selection-list">
        {names.map((name, i) => (
          <li key={ids[i]}>{name}</li>
        ))}
      </ul>
      <div className="inspector-actions">
        <button type="button" className="danger" onClick={removeAll}>
          Delete selected
        </button>
      </div>
    </>
  );
}
