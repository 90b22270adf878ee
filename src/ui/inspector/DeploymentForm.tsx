// Shown when nothing is selected: the design's name and how it is deployed to Kubernetes.
import { KeptAsIs } from './KeptAsIs';
import { setDesignName } from '../../model/edits';
import { Deployment, Design } from '../../model/schema';
import { useStore } from '../../store/store';
import { AdminSection } from './AdminSection';
import { AppContainerSection } from './AppContainerSection';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';
import { InspectorHeading } from './InspectorHeading';
import { LabelsEditor } from './LabelsEditor';
import { schemaCheck } from './parse';
import { ResourcesSection } from './ResourcesSection';
import { useDeploymentPatch } from './usePatch';
import { WorkloadsSection } from './WorkloadsSection';

const check = {
  designName: schemaCheck(Design.shape.name),
  name: schemaCheck(Deployment.shape.name),
  namespace: schemaCheck(Deployment.shape.namespace),
  configMapName: schemaCheck(Deployment.shape.configMapName),
  image: schemaCheck(Deployment.shape.envoyImage),
};

export function DeploymentForm() {
  const designName = useStore((s) => s.design.name);
  const keptBootstrap = useStore((s) => s.design.keptBootstrap);
  const deployment = useStore((s) => s.design.deployment);
  const edit = useStore((s) => s.edit);
  const patch = useDeploymentPatch();
  return (
    <>
      <InspectorHeading kind="deployment">Deployment settings</InspectorHeading>
      <p className="field-hint">Select a listener, route, rule, cluster or connection to edit it.</p>
      <Section legend="Design">
        <TextField label="Design name" value={designName} checks={[check.designName]} onCommit={(name) => edit((d) => setDesignName(d, name))} />
      </Section>
      <Section legend="Workload">
        <TextField
          label="Name"
          value={deployment.name}
          checks={[check.name]}
          hint="Name of the Pod and the DaemonSet"
          onCommit={(name) => patch(() => ({ name }))}
        />
        <TextField label="Namespace" value={deployment.namespace} checks={[check.namespace]} onCommit={(namespace) => patch(() => ({ namespace }))} />
        <TextField label="Envoy image" value={deployment.envoyImage} monospace checks={[check.image]} onCommit={(envoyImage) => patch(() => ({ envoyImage }))} />
        <TextField
          label="ConfigMap name"
          value={deployment.configMapName}
          checks={[check.configMapName]}
          hint="Holds envoy.yaml"
          onCommit={(configMapName) => patch(() => ({ configMapName }))}
        />
      </Section>
      <LabelsEditor labels={deployment.labels} />
      <WorkloadsSection deployment={deployment} />
      <AppContainerSection app={deployment.app} />
      <AdminSection admin={deployment.admin} />
      <ResourcesSection resources={deployment.resources} />
      <KeptAsIs
        value={keptBootstrap}
        what="Bootstrap settings from an imported config the designer does not model (stats, tracing, overload manager, dynamic resources …), emitted again as they were."
        onDelete={() => edit((d) => ({ ...d, keptBootstrap: undefined }))}
      />
    </>
  );
}
