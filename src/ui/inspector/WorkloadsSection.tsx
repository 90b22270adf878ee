// Which workloads kustomization.yaml applies (both files are always generated), and hostPorts.
import type { Deployment } from '../../model/schema';
import { CheckboxField } from './fields/CheckboxField';
import { Section } from './fields/Section';
import { useDeploymentPatch } from './usePatch';

export function WorkloadsSection({ deployment }: { deployment: Deployment }) {
  const patch = useDeploymentPatch();
  const { workloads } = deployment;
  const none = !workloads.pod && !workloads.daemonSet;
  return (
    <Section legend="Workloads">
      <CheckboxField
        label="Pod"
        checked={workloads.pod}
        hint="Envoy as a sidecar beside the app container"
        onChange={(pod) => patch((d) => ({ workloads: { ...d.workloads, pod } }))}
      />
      <CheckboxField
        label="DaemonSet"
        checked={workloads.daemonSet}
        hint="One Envoy per node"
        onChange={(daemonSet) => patch((d) => ({ workloads: { ...d.workloads, daemonSet } }))}
      />
      {none && <p className="inspector-warning">kustomization.yaml applies no workload: tick Pod or DaemonSet.</p>}
      <CheckboxField
        label="Host ports"
        checked={deployment.hostPorts}
        hint="DaemonSet only: expose listener ports on each node's IP"
        onChange={(hostPorts) => patch(() => ({ hostPorts }))}
      />
    </Section>
  );
}
