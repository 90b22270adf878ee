// Inspector form for a listener: where Envoy accepts connections and what it does with them.
import { KeptAsIs } from './KeptAsIs';
import { Port, type Listener } from '../../model/schema';
import { useStore } from '../../store/store';
import { ipAddress, nonEmpty, trimmed } from './checks';
import { DeleteElementButton } from './DeleteElementButton';
import { listenerPort, uniqueName } from './designChecks';
import { durationParser } from './durations';
import { CheckboxField } from './fields/CheckboxField';
import { NumberField } from './fields/NumberField';
import { OptionalField } from './fields/OptionalField';
import { Section } from './fields/Section';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { InspectorHeading } from './InspectorHeading';
import { ListenerTlsSection } from './ListenerTlsSection';
import { schemaCheck } from './parse';
import { ServedRoutes } from './ServedRoutes';
import { TcpTarget } from './TcpTarget';
import { useListenerPatch } from './usePatch';

const PROTOCOLS = [
  { value: 'http', label: 'HTTP' },
  { value: 'tcp', label: 'TCP' },
] as const;

const CODECS = [
  { value: 'AUTO', label: 'Auto (HTTP/1.1 or HTTP/2)' },
  { value: 'HTTP1', label: 'HTTP/1.1' },
  { value: 'HTTP2', label: 'HTTP/2' },
] as const;

export function ListenerForm({ listener }: { listener: Listener }) {
  const design = useStore((s) => s.design);
  const patch = useListenerPatch(listener.id);
  const http = listener.protocol === 'http';
  return (
    <>
      <InspectorHeading kind="listener">{`Listener "${listener.name}"`}</InspectorHeading>
      <Section legend="Listener">
        <TextField
          label="Name"
          value={listener.name}
          checks={[nonEmpty, trimmed, uniqueName(design, 'listener', listener.id)]}
          onCommit={(name) => patch(() => ({ name }))}
        />
        <TextField
          label="Address"
          value={listener.address}
          checks={[nonEmpty, ipAddress]}
          hint="0.0.0.0 serves other Pods; 127.0.0.1 only the Pod itself"
          onCommit={(address) => patch(() => ({ address }))}
        />
        <NumberField
          label="Port"
          value={listener.port}
          checks={[schemaCheck(Port), listenerPort(design, listener.id)]}
          hint={listener.port < 1024 ? 'Below 1024: Envoy runs as root to bind it' : undefined}
          onCommit={(port) => patch(() => ({ port }))}
        />
        <SelectField label="Protocol" value={listener.protocol} options={PROTOCOLS} onChange={(protocol) => patch(() => ({ protocol }))} />
        <CheckboxField label="Access log" checked={listener.accessLog} onChange={(accessLog) => patch(() => ({ accessLog }))} hint="To the container's stdout" />
      </Section>
      {http && (
        <Section legend="HTTP">
          <SelectField label="Codec" value={listener.codec} options={CODECS} onChange={(codec) => patch(() => ({ codec }))} />
          <OptionalField
            label="Request timeout"
            value={listener.requestTimeout}
            parse={durationParser}
            placeholder="none"
            hint="Like 30s; empty means no timeout"
            onCommit={(requestTimeout) => patch(() => ({ requestTimeout }))}
          />
        </Section>
      )}
      <ListenerTlsSection listener={listener} />
      {http ? <ServedRoutes listener={listener} /> : <TcpTarget listener={listener} />}
      <KeptAsIs value={listener.raw} what="This whole listener came from an imported config the designer cannot model; only its name is edited." onDelete={() => patch(() => ({ raw: undefined }))} />
      <KeptAsIs value={listener.kept} what="Parts of the imported listener the designer does not model (filters, filter chains, fields), emitted again as they were." onDelete={() => patch(() => ({ kept: undefined }))} />
      <DeleteElementButton id={listener.id} kind="listener" />
    </>
  );
}
