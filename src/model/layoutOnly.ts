import type { Design } from './schema';

/**
 * Whether `after` is `before` with only nodes moved: every other part of the design is the same
 * object (edits are immutable, so an untouched part keeps its identity). Nothing Envoy or
 * Kubernetes sees depends on positions, so generated configs and findings carry over.
 */
export function onlyLayoutDiffers(before: Design, after: Design): boolean {
  const keys = Object.keys(after) as (keyof Design)[];
  return keys.length === Object.keys(before).length && keys.every((key) => key === 'layout' || before[key] === after[key]);
}
