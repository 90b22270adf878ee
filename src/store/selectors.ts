// Derived data, memoised so every subscriber shares one computation per change.
import type { StoreState } from './store';
import type { Cluster } from '../model/schema';
import type { Finding } from '../validate/finding';

export const selectIsSelected = (id: string) => (state: StoreState) => state.selection.includes(id);

const CLUSTER_IDS = new WeakMap<readonly Cluster[], ReadonlySet<string>>();
/** The ids of the design's clusters, one Set per clusters array (every rule row asks on every change). */
export function clusterIdsOf(clusters: readonly Cluster[]): ReadonlySet<string> {
  let ids = CLUSTER_IDS.get(clusters);
  if (!ids) CLUSTER_IDS.set(clusters, (ids = new Set(clusters.map((c) => c.id))));
  return ids;
}

export type FindingCounts = { errors: number; warnings: number };
const NO_FINDINGS: FindingCounts = { errors: 0, warnings: 0 };
let lastFindings: Finding[] | null = null;
let lastCounts = new Map<string, FindingCounts>();

/** Error and warning counts per design element and per connection (edge id), memoised on the findings list. */
function countsByElement(findings: Finding[]): Map<string, FindingCounts> {
  if (findings === lastFindings) return lastCounts;
  const counts = new Map<string, FindingCounts>();
  const count = (id: string, severity: Finding['severity']) => {
    const current = counts.get(id) ?? { errors: 0, warnings: 0 };
    counts.set(id, severity === 'error' ? { ...current, errors: current.errors + 1 } : { ...current, warnings: current.warnings + 1 });
  };
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    if (finding.elementId) count(finding.elementId, finding.severity);
    if (finding.edgeId) count(finding.edgeId, finding.severity);
  }
  lastFindings = findings;
  lastCounts = counts;
  return counts;
}

export const selectFindingCounts = (id: string) => (state: StoreState) => countsByElement(state.findings).get(id) ?? NO_FINDINGS;
export const selectErrorCount = (state: StoreState) => state.findings.filter((f) => f.severity === 'error').length;
