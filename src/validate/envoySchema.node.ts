// Node-only: loads the generated Envoy descriptor set from disk. Kept apart from
// envoySchema.ts so the browser/worker bundle never pulls in node:fs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileRegistry } from '@bufbuild/protobuf';
import { createEnvoyRegistry } from './envoySchema.ts';

// Resolved from this module, not the cwd, so tests/CLIs work from any directory.
export const ENVOY_DESCRIPTOR_PATH = fileURLToPath(new URL('./generated/envoy-api.binpb', import.meta.url));

let cached: FileRegistry | undefined;

/** Registry of the compiled Envoy API, built once per process (~0.6 MB decode). */
export function loadEnvoyRegistry(): FileRegistry {
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(ENVOY_DESCRIPTOR_PATH);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`Envoy descriptor set not found at ${ENVOY_DESCRIPTOR_PATH}: it is generated, run \`npm run protos\` first`);
    }
    throw e;
  }
  cached = createEnvoyRegistry(bytes);
  return cached;
}
