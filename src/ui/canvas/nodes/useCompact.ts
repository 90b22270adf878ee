import { useStore as useFlowStore } from '@xyflow/react';

/**
 * Below this zoom a rule's 12 px text is under 5 px on screen: unreadable. Route nodes then draw
 * each rule as a plain bar (with its handle, so its connection stays), which takes a 1,000-rule
 * canvas from ~11,000 elements to a few thousand: layout, paint and first render scale with that.
 */
export const COMPACT_BELOW_ZOOM = 0.4;

/** A canvas this big is compact until its first fit (below). */
const COMPACT_FIRST_ABOVE_NODES = 100;

/**
 * Whether nodes draw their level-of-detail form; re-renders only when the answer changes. A big
 * canvas is first drawn at the initial view (zoom 1 at the origin), then fitted, usually far out
 * (FitViewOnLoad): drawn compact until then, its rules are not built twice. Both forms have one
 * size, so the fit is the same.
 */
export const useCompact = () =>
  useFlowStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM || (unfitted(s.transform) && s.nodes.length > COMPACT_FIRST_ABOVE_NODES));

const unfitted = ([x, y, zoom]: [number, number, number]) => x === 0 && y === 0 && zoom === 1;
