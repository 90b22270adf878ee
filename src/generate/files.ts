// design → every file a user deploys, as a Record<path, text>. Deterministic: same design, same bytes.
import type { Design } from '../model/schema';
import { designJson } from './designJson';
import { buildBootstrap } from './envoy/bootstrap';
import { buildConfigMap, buildDaemonSet, buildKustomization, buildPod } from './kubernetes/objects';
import { buildReadme } from './readme';
import { buildRouteTests } from './routeTests';
import { sha256Hex } from './checksum';
import { toJsonText } from './jsonText';
import { toYamlText } from './serialize';

export const FILE_NAMES = [
  'envoy.json',
  'envoy.yaml',
  'configmap.yaml',
  'pod.yaml',
  'daemonset.yaml',
  'kustomization.yaml',
  'README.md',
  'route-tests.json',
  'design.json',
] as const;

export type FileName = (typeof FILE_NAMES)[number];
export type GeneratedFiles = Record<FileName, string>;

export type GenerateOptions = {
  /** The designer's URL (no hash): the README then links back to this exact design. */
  appUrl?: string;
};

/**
 * Every file of the design. Each file is built on first read and then kept, so the preview's
 * keystroke path pays only for the tab on screen (YAML serialisation costs ~40× JSON.stringify),
 * while a download or `Object.entries` reads them all. Same design, same bytes, either way.
 */
export function generateFiles(design: Design, options: GenerateOptions = {}): GeneratedFiles {
  const bootstrap = once(() => buildBootstrap(design));
  const envoyYaml = once(() => toYamlText(bootstrap()));
  const checksum = once(() => configChecksum(bootstrap()));
  return lazyRecord<FileName>({
    'envoy.json': () => toJsonText(bootstrap()),
    'envoy.yaml': envoyYaml,
    'configmap.yaml': () => toYamlText(buildConfigMap(design, envoyYaml())),
    'pod.yaml': () => toYamlText(buildPod(design, checksum())),
    'daemonset.yaml': () => toYamlText(buildDaemonSet(design, checksum())),
    'kustomization.yaml': () => toYamlText(buildKustomization(design)),
    'README.md': () => buildReadme(design, options.appUrl ?? ''),
    'route-tests.json': () => buildRouteTests(design),
    'design.json': () => designJson(design),
  });
}

/**
 * The Pods' config annotation: SHA-256 of the bootstrap's compact JSON. Any change to the config
 * changes it (so the workloads roll), and it needs no YAML, so pod.yaml stays cheap to show.
 */
export function configChecksum(bootstrap: unknown): string {
  return sha256Hex(JSON.stringify(bootstrap));
}

function once<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}

/** A record whose values are computed on first read (enumerable getters, so it reads like data). */
function lazyRecord<K extends string>(builders: Record<K, () => string>): Record<K, string> {
  const record = {} as Record<K, string>;
  for (const key of Object.keys(builders) as K[]) {
    const value = once(builders[key]);
    Object.defineProperty(record, key, { enumerable: true, get: value });
  }
  return record;
}
