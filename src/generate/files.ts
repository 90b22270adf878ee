// design → every file a user deploys, as a Record<path, text>. Deterministic: same design, same bytes.
import { onlyLayoutDiffers } from '../model/layoutOnly';
import type { Design } from '../model/schema';
import { designJson } from './designJson';
import { buildBootstrap } from './envoy/bootstrap';
import { buildConfigMap, buildDaemonSet, buildKustomization, buildPod } from './kubernetes/objects';
import { buildReadme } from './readme';
import { buildRouteTests } from './routeTests';
import { configChecksum } from './checksum';
import { toJsonText } from './jsonText';
import { toYamlText } from './yamlText';

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
 * keystroke path pays only for the tab on screen, while a download or `Object.entries` reads them
 * all. Same design, same bytes, either way.
 */
export function generateFiles(design: Design, options: GenerateOptions = {}, previous?: Generated): GeneratedFiles {
  const bootstrap = once(() => buildBootstrap(design));
  const envoyYaml = once(() => toYamlText(bootstrap()));
  const checksum = once(() => configChecksum(bootstrap()));
  const builders: Record<FileName, () => string> = {
    'envoy.json': () => toJsonText(bootstrap()),
    'envoy.yaml': envoyYaml,
    'configmap.yaml': () => toYamlText(buildConfigMap(design, envoyYaml())),
    'pod.yaml': () => toYamlText(buildPod(design, checksum())),
    'daemonset.yaml': () => toYamlText(buildDaemonSet(design, checksum())),
    'kustomization.yaml': () => toYamlText(buildKustomization(design)),
    'README.md': () => buildReadme(design, options.appUrl ?? ''),
    'route-tests.json': () => buildRouteTests(design),
    'design.json': () => designJson(design),
  };
  // Dragging a node changes only the layout: every file that does not show positions is the
  // previous one (at 1,000 rules, envoy.yaml would otherwise be rebuilt on every pointer move).
  // The previous record's own (memoised) builders are taken, not a read through the record, so a
  // long drag does not chain every intermediate record together.
  const reusable = previous && onlyLayoutDiffers(previous.design, design) ? BUILDERS.get(previous.files) : undefined;
  if (reusable) for (const file of LAYOUT_FREE_FILES) builders[file] = reusable[file];
  return lazyRecord(builders);
}

/** A design and the files generated from it, to generate the next design's files from. */
export type Generated = { design: Design; files: GeneratedFiles };

/** The files that never read the design's layout (README.md links a permalink, which holds it). */
export const LAYOUT_FREE_FILES = FILE_NAMES.filter((file) => file !== 'design.json' && file !== 'README.md');

const MEMOISED = new WeakSet<() => unknown>();

/** build, called at most once; a function that already is one is returned as it is (no chains). */
function once<T>(build: () => T): () => T {
  if (MEMOISED.has(build)) return build;
  let built: { value: T } | null = null;
  const memoised = () => (built ??= { value: build() }).value;
  MEMOISED.add(memoised);
  return memoised;
}

const BUILDERS = new WeakMap<GeneratedFiles, Record<FileName, () => string>>();

/** A record whose values are computed on first read (enumerable getters, so it reads like data). */
function lazyRecord(builders: Record<FileName, () => string>): GeneratedFiles {
  const record = {} as GeneratedFiles;
  const memoised = {} as Record<FileName, () => string>;
  for (const key of FILE_NAMES) {
    memoised[key] = once(builders[key]);
    Object.defineProperty(record, key, { enumerable: true, get: memoised[key] });
  }
  BUILDERS.set(record, memoised);
  return record;
}
