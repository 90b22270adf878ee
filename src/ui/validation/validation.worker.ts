// Off the main thread: validation (typing in the inspector never waits for it), importing Envoy
// configs (big YAML takes a while) and locating the preview's highlight and markers in its text. The descriptor set — Envoy's protos, compiled at build time —
// is fetched from this origin once, when the worker starts.
import descriptorUrl from '../../validate/generated/envoy-api.binpb?url';
import { createEnvoyRegistry } from '../../validate/envoySchema';
import { validateDesign } from '../../validate/index';
import { importEnvoyConfig, type ImportResult } from '../../import/index';
import type { Design } from '../../model/schema';
import type { Finding } from '../../validate/finding';
import { locatePreview, type PreviewLocations, type PreviewQuery } from '../preview/previewText';

export type WorkerRequest =
  | { id: number; kind: 'validate'; design: Design }
  | { id: number; kind: 'import'; text: string; name: string }
  | { id: number; kind: 'locate'; text: string; query: PreviewQuery };
export type WorkerResponse =
  | { id: number; kind: 'validate'; findings: Finding[] }
  | { id: number; kind: 'import'; result: ImportResult }
  | { id: number; kind: 'locate'; locations: PreviewLocations }
  | { id: number; kind: 'failed'; error: string };

const registry = fetch(descriptorUrl)
  .then((response) => response.arrayBuffer())
  .then((buffer) => createEnvoyRegistry(new Uint8Array(buffer)));

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    // Locating needs no descriptors: it does not wait for them.
    if (request.kind === 'locate') {
      self.postMessage({ id: request.id, kind: 'locate', locations: locatePreview(request.text, request.query) } satisfies WorkerResponse);
      return;
    }
    const protos = await registry;
    const response: WorkerResponse =
      request.kind === 'validate'
        ? { id: request.id, kind: 'validate', findings: validateDesign(request.design, protos) }
        : { id: request.id, kind: 'import', result: importEnvoyConfig(request.text, protos, { name: request.name }) };
    self.postMessage(response);
  } catch (error) {
    self.postMessage({ id: request.id, kind: 'failed', error: (error as Error).message } satisfies WorkerResponse);
  }
};
