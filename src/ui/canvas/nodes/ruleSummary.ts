// Short texts describing a rule inside its route node.
import type { Rule } from '../../../model/schema';

const PATH_LABEL = { prefix: '', path: '= ', safe_regex: '~ ', path_separated_prefix: '/… ' } as const;

export function describeMatch(rule: Rule): string {
  const { match } = rule;
  const extra = match.headers.length + match.queryParameters.length;
  return `${rule.name ? `${rule.name}: ` : ''}${PATH_LABEL[match.pathKind]}${match.path}${extra > 0 ? ` +${extra}` : ''}`;
}

export function describeAction(rule: Rule): string {
  switch (rule.action.kind) {
    case 'cluster':
      return rule.action.clusterId ? '→' : '→ (no cluster)';
    case 'weighted':
      return `⇉ ${rule.action.clusters.length}`;
    case 'redirect':
      return `↪ ${rule.action.httpsRedirect ? 'https' : 'redirect'}`;
    case 'direct':
      return `◼ ${rule.action.status}`;
  }
}
