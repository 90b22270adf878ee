// Downstream TLS for a listener: certificate and key from a kubernetes.io/tls Secret.
import { ListenerTls, type Listener } from '../../model/schema';
import { useStore } from '../../store/store';
import { mountPath } from './designChecks';
import { TextField } from './fields/TextField';
import { ToggleSection } from './fields/ToggleSection';
import { schemaCheck } from './parse';
import { useListenerPatch } from './usePatch';

/** A Secret name derived from the listener's name, when that makes a valid one. */
export function defaultTls(listener: Listener): ListenerTls {
  const base = listener.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  const secretName = ListenerTls.shape.secretName.safeParse(`${base}-tls`).success ? `${base}-tls` : 'envoy-tls';
  return { secretName, mountPath: `/etc/envoy/tls/${secretName}` };
}

export function ListenerTlsSection({ listener }: { listener: Listener }) {
  const design = useStore((s) => s.design);
  const patch = useListenerPatch(listener.id);
  const tls = listener.tls;
  return (
    <ToggleSection
      legend="TLS termination"
      toggleLabel="TLS"
      enabled={tls !== null}
      onToggle={(on) => patch((l) => ({ tls: on ? defaultTls(l) : null }))}
    >
      {tls && (
        <>
          <TextField
            label="TLS Secret"
            value={tls.secretName}
            hint="A kubernetes.io/tls Secret holding tls.crt and tls.key"
            checks={[schemaCheck(ListenerTls.shape.secretName), (secret) => mountPath(design, listener.id, secret)(tls.mountPath)]}
            onCommit={(secretName) => patch((l) => ({ tls: l.tls && { ...l.tls, secretName } }))}
          />
          <TextField
            label="Mount path"
            value={tls.mountPath}
            monospace
            checks={[schemaCheck(ListenerTls.shape.mountPath), mountPath(design, listener.id, tls.secretName)]}
            onCommit={(mount) => patch((l) => ({ tls: l.tls && { ...l.tls, mountPath: mount } }))}
          />
        </>
      )}
    </ToggleSection>
  );
}
