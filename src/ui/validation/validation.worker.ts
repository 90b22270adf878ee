// Validation off the main thread: typing in the inspector never waits for it. The descriptor set
// (Envoy's protos, compiled at build time) is fetched from this origin once, when the worker starts.
import descriptorUrl from '../../validate/generated/envoy-api.binpb?url';
import { createEnvoyRegistry } from '../../validate/envoySchema';
import { validateDesign } from '../../validate/index';
import type { Design } from '../../model/schema';

export type ValidationRequest = { id: number; design: Design };
export type ValidationResponse = { id: number; findings: ReturnType<typeof validateDesign> } | { id: number; error: string };

const registry = fetch(descriptorUrl)
  .then((response) => response.arrayBuffer())
  .then((buffer) => createEnvoyRegistry(new Uint8Array(buffer)));

self.onmessage = async (event: MessageEvent<ValidationRequest>) => {
  const { id, design } = event.data;
  try {
    const findings = validateDesign(design, await registry);
    self.postMessage({ id, findings } satisfies ValidationResponse);
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message } satisfies ValidationResponse);
  }
};
