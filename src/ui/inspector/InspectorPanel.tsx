// The side panel that edits whatever is selected; with nothing selected, the deployment settings.
import { findElement } from '../../model/operations';
import { parseEdgeId } from '../../model/edgeIds';
import { useStore } from '../../store/store';
import { ClusterForm } from './ClusterForm';
import { DeploymentForm } from './DeploymentForm';
import { EdgeForm } from './EdgeForm';
import { InspectorHeading } from './InspectorHeading';
import { ListenerForm } from './ListenerForm';
import { MultiSelection } from './MultiSelection';
import { RouteForm } from './RouteForm';
import { RuleForm } from './RuleForm';
import './inspector.css';

function SelectionForm({ id }: { id: string }) {
  const design = useStore((s) => s.design);
  const select = useStore((s) => s.select);
  const edge = parseEdgeId(id);
  if (edge) return <EdgeForm {...edge} />;
  const found = findElement(design, id);
  switch (found?.kind) {
    case 'listener':
      return <ListenerForm listener={found.element} />;
    case 'route':
      return <RouteForm route={found.element} />;
    case 'rule':
      return <RuleForm rule={found.element} route={found.route} />;
    case 'cluster':
      return <ClusterForm cluster={found.element} />;
    default:
      return (
        <>
          <InspectorHeading kind="several">Nothing to edit</InspectorHeading>
          <p>The selected element no longer exists.</p>
          <button type="button" onClick={() => select([])}>
            Show deployment settings
          </button>
        </>
      );
  }
}

export function InspectorPanel() {
  const selection = useStore((s) => s.selection);
  const sole = selection.length === 1 ? selection[0] : null;
  return (
    <section className="inspector" aria-label="Inspector">
      {/* Keyed by what is edited: selecting something else starts every field from the store. */}
      {selection.length === 0 && <DeploymentForm key="deployment" />}
      {sole !== null && <SelectionForm key={sole} id={sole} />}
      {selection.length > 1 && <MultiSelection key="several" ids={selection} />}
    </section>
  );
}
