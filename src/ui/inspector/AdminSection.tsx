// Envoy's admin interface: the kubelet's readiness probe calls /ready on it.
import { Port, type Deployment } from '../../model/schema';
import { useStore } from '../../store/store';
import { ipAddress, nonEmpty } from './checks';
import { adminPort } from './designChecks';
import { NumberField } from './fields/NumberField';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';
import { schemaCheck } from './parse';
import { useDeploymentPatch } from './usePatch';

const portCheck = schemaCheck(Port);

export function AdminSection({ admin }: { admin: Deployment['admin'] }) {
  const design = useStore((s) => s.design);
  const patch = useDeploymentPatch();
  return (
    <Section legend="Admin interface">
      <TextField
        label="Admin address"
        value={admin.address}
        checks={[nonEmpty, ipAddress]}
        hint="0.0.0.0 lets the kubelet probe /ready on the Pod IP"
        onCommit={(address) => patch((d) => ({ admin: { ...d.admin, address } }))}
      />
      <NumberField
        label="Admin port"
        value={admin.port}
        checks={[portCheck, adminPort(design)]}
        onCommit={(port) => patch((d) => ({ admin: { ...d.admin, port } }))}
      />
    </Section>
  );
}
