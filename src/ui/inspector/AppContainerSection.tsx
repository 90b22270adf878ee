// The application container the Envoy sidecar sits beside (Pod only).
import { Deployment, Port } from '../../model/schema';
import { useStore } from '../../store/store';
import { appPort } from './designChecks';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { ToggleSection } from './fields/ToggleSection';
import { allChecks, schemaCheck } from './parse';
import { useDeploymentPatch } from './usePatch';

type App = NonNullable<Deployment['app']>;

const appShape = Deployment.shape.app.unwrap().shape;
const check = { name: schemaCheck(appShape.name), image: schemaCheck(appShape.image), port: schemaCheck(Port) };

export function AppContainerSection({ app }: { app: App | null }) {
  const design = useStore((s) => s.design);
  const patch = useDeploymentPatch();
  const change = (p: Partial<App>) => patch((d) => (d.app ? { app: { ...d.app, ...p } } : {}));
  const freePort = () => [80, 8080, 3000, 5000].find((port) => allChecks(check.port, appPort(design))(port) === null) ?? 8081;
  return (
    <ToggleSection
      legend="App container"
      toggleLabel="App container"
      enabled={app !== null}
      hint="Pod only: the application Envoy sits beside, reachable on 127.0.0.1"
      onToggle={(on) => patch(() => ({ app: on ? { name: 'app', image: 'nginx:1.27', port: freePort() } : null }))}
    >
      {app && (
        <>
          <TextField label="App name" value={app.name} checks={[check.name]} onCommit={(name) => change({ name })} />
          <TextField label="App image" value={app.image} monospace checks={[check.image]} onCommit={(image) => change({ image })} />
          <NumberField label="App port" value={app.port} checks={[check.port, appPort(design)]} onCommit={(port) => change({ port })} />
        </>
      )}
    </ToggleSection>
  );
}
