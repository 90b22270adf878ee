// Canvas edges are derived from the design; their ids encode both ends so a selected or deleted
// edge maps back to a model connection.
export type EdgeEnds = { sourceId: string; targetId: string };

const SEPARATOR = '→';

export function edgeId(sourceId: string, targetId: string): string {
  return `edge:${sourceId}${SEPARATOR}${targetId}`;
}

export function parseEdgeId(id: string): EdgeEnds | null {
  if (!id.startsWith('edge:')) return null;
  const [sourceId, targetId] = id.slice(5).split(SEPARATOR);
  return sourceId && targetId ? { sourceId, targetId } : null;
}
