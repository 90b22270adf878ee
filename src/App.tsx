import { useMemo } from 'react';
import { generateFiles } from './generate/files';
import { defaultDesign } from './model/templates';

/** Placeholder until the designer lands: the default design and its generated envoy.yaml. */
export function App() {
  const design = useMemo(defaultDesign, []);
  const files = useMemo(() => generateFiles(design), [design]);
  return (
    <main className="placeholder">
      <h1>Envoy Route Designer</h1>
      <p>{design.name}</p>
      <pre aria-label="envoy.yaml">{files['envoy.yaml']}</pre>
    </main>
  );
}
