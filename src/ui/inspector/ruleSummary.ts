// One line per rule for the route's rule list: what it matches and what it does.
import type { Cluster, Rule } from '../../model/schema';

const PATH_KIND: Record<Rule['match']['pathKind'], string> = {
  prefix: 'prefix',
  path: 'path',
  safe_regex: 'regex',
  path_separated_prefix: 'separated prefix',
};

function clusterName(clusters: readonly Cluster[], id: string | null): string {
  if (id === null) return 'no cluster';
  return clusters.find((c) => c.id === id)?.name ?? `removed cluster ${id}`;
}

export function matchSummary(rule: Rule): string {
  const { match } = rule;
  const extra = match.headers.length + match.queryParameters.length;
  const conditions = extra > 0 ? ` + ${extra} condition${extra > 1 ? 's' : ''}` : '';
  return `${PATH_KIND[match.pathKind]} ${match.path}${conditions}`;
}

export function actionSummary(rule: Rule, clusters: readonly Cluster[]): string {
  const { action } = rule;
  switch (action.kind) {
    case 'cluster':
      return clusterName(clusters, action.clusterId);
    case 'weighted': {
      const total = action.clusters.reduce((sum, c) => sum + c.weight, 0);
      const parts = action.clusters.map((c) => {
        const share = total > 0 ? Math.round((c.weight / total) * 100) : 0;
        return `${clusterName(clusters, c.clusterId)} ${share}%`;
      });
      return parts.length > 0 ? `split ${parts.join(' / ')}` : 'split (no clusters)';
    }
    case 'redirect': {
      const to = [action.httpsRedirect ? 'https' : null, action.hostRedirect, action.pathRedirect].filter(Boolean).join(' ');
      return to ? `redirect ${to}` : 'redirect';
    }
    case 'direct':
      return `respond ${action.status}`;
  }
}

/** E.g. "api: prefix /api/ → api" or "regex ^/v[0-9]+/ + 1 condition → split web 90% / canary 10%". */
export function ruleSummary(rule: Rule, clusters: readonly Cluster[]): string {
  const summary = `${matchSummary(rule)} → ${actionSummary(rule, clusters)}`;
  return rule.name ? `${rule.name}: ${summary}` : summary;
}
