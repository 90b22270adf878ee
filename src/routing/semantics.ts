// Matching rules that changed between Envoy releases, decided from the design's Envoy image and the
// runtime overrides an imported config keeps (layered_runtime static layers).
import type { Design } from '../model/schema';
import type { RepeatedHeaders } from './types';
import { isObj } from './strings';

/** `envoyproxy/envoy:v1.39.5`, `…:distroless-v1.39.5`, `…:v1.31-latest` → [1, 39]; null when the tag says no version. */
export function envoyVersion(image: string): [number, number] | null {
  const name = image.split('@')[0];
  const slash = name.lastIndexOf('/');
  const colon = name.indexOf(':', slash + 1);
  if (colon < 0) return null;
  const found = /^(?:[a-z]+-)*v?(\d+)\.(\d+)/.exec(name.slice(colon + 1));
  return found ? [Number(found[1]), Number(found[2])] : null;
}

const atLeast = (version: [number, number] | null, major: number, minor: number) =>
  version === null || version[0] > major || (version[0] === major && version[1] >= minor);

/** A runtime flag's value in the kept bootstrap's static layers (later layers win), if set. */
export function runtimeFlag(design: Design, key: string): boolean | undefined {
  const runtime = design.keptBootstrap?.layered_runtime;
  const layers = isObj(runtime) && Array.isArray(runtime.layers) ? runtime.layers : [];
  let found: boolean | undefined;
  for (const layer of layers) {
    if (!isObj(layer) || !isObj(layer.static_layer)) continue;
    const value = lookup(layer.static_layer, key);
    if (typeof value === 'boolean') found = value;
    else if (value === 'true' || value === 'false') found = value === 'true';
  }
  return found;
}

/** A flat ("a.b.c": v) or nested ({a: {b: {c: v}}}) key of a runtime layer. */
function lookup(layer: Record<string, unknown>, key: string): unknown {
  if (key in layer) return layer[key];
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) {
    const head = parts.slice(0, i).join('.');
    const next = layer[head];
    if (isObj(next)) {
      const value = lookup(next, parts.slice(i).join('.'));
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

export type Semantics = { repeatedHeaders: RepeatedHeaders; presentMatchObservesValue: boolean; why: string[] };

export function semanticsFor(design: Design, requested?: RepeatedHeaders): Semantics {
  const image = design.deployment.envoyImage;
  const version = envoyVersion(image);
  const shown = version ? `Envoy ${version[0]}.${version[1]} (${image})` : `the image ${image} (taken as a current Envoy)`;
  const why: string[] = [];
  // Joined with "," as in Envoy's router (config_impl.cc, see shared/envoy-notes.md); matching
  // each value on its own only when the config's runtime turns that feature on explicitly.
  const individually = runtimeFlag(design, 'envoy.reloadable_features.match_headers_individually');
  let repeatedHeaders: RepeatedHeaders = individually === true ? 'each' : 'joined';
  if (requested) repeatedHeaders = requested;
  why.push(
    repeatedHeaders === 'each'
      ? `repeated request headers are matched one value at a time (${requested ? 'as asked' : 'match_headers_individually=true in the runtime'})`
      : `repeated request headers are matched joined with "," (${requested ? 'as asked' : `${shown}, Envoy's router`})`,
  );
  let presentMatchObservesValue = atLeast(version, 1, 34);
  const observes = runtimeFlag(design, 'envoy.reloadable_features.enable_new_query_param_present_match_behavior');
  if (observes !== undefined && atLeast(version, 1, 34)) presentMatchObservesValue = observes;
  return { repeatedHeaders, presentMatchObservesValue, why };
}
