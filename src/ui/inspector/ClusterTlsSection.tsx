// Upstream TLS: Envoy connects to the endpoints over TLS, optionally sending SNI.
import type { Cluster } from '../../model/schema';
import { noSpaces } from './checks';
import { TextField } from './fields/TextField';
import { ToggleSection } from './fields/ToggleSection';
import { useClusterPatch } from './usePatch';

export function ClusterTlsSection({ cluster }: { cluster: Cluster }) {
  const patch = useClusterPatch(cluster.id);
  const defaultSni = cluster.type === 'STATIC' ? '' : (cluster.endpoints[0]?.host ?? '');
  return (
    <ToggleSection legend="Upstream TLS" toggleLabel="TLS" enabled={cluster.tls !== null} onToggle={(on) => patch(() => ({ tls: on ? { sni: defaultSni } : null }))}>
      {cluster.tls && (
        <TextField
          label="SNI"
          value={cluster.tls.sni}
          monospace
          checks={[noSpaces]}
          hint="Server name sent in the TLS handshake; empty sends none"
          onCommit={(sni) => patch(() => ({ tls: { sni } }))}
        />
      )}
    </ToggleSection>
  );
}
