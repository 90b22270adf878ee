import { describe, expect, it } from 'vitest';
import { actionOfKind, setActionKind, setDesignName } from './edits';
import { forwardAction, weightedAction } from './defaults';
import { defaultDesign, TEMPLATES } from './templates';
import type { Design, RuleAction } from './schema';
import { Design as DesignSchema } from './schema';

function withClusters(design: Design, ids: string[]): Design {
  const template = design.clusters[0];
  return { ...design, clusters: ids.map((id, i) => ({ ...template, id, name: `c${i}` })) };
}

describe('setDesignName', () => {
  it('renames the design and keeps identity when unchanged', () => {
    const design = defaultDesign();
    expect(setDesignName(design, 'shop').name).toBe('shop');
    expect(setDesignName(design, design.name)).toBe(design);
  });
});

describe('actionOfKind', () => {
  const design = withClusters(defaultDesign(), ['a', 'b', 'c']);
  const forward: RuleAction = { ...forwardAction('b'), timeout: '3s', websocket: true };

  it('turns a forward into a 50/50 split, keeping its cluster and options', () => {
    expect(actionOfKind(design, forward, 'weighted')).toEqual({
      ...weightedAction([{ clusterId: 'b', weight: 50 }, { clusterId: 'a', weight: 50 }]),
      timeout: '3s',
      websocket: true,
    });
  });

  it('turns a split into a forward to its heaviest cluster, keeping options', () => {
    const split: RuleAction = { ...weightedAction([{ clusterId: 'a', weight: 10 }, { clusterId: 'c', weight: 90 }]), hostRewrite: 'x' };
    expect(actionOfKind(design, split, 'cluster')).toEqual({ ...forwardAction('c'), hostRewrite: 'x' });
  });

  it('uses a single cluster at weight 100 when the design has only one', () => {
    const single = withClusters(defaultDesign(), ['a']);
    expect(actionOfKind(single, forwardAction(null), 'weighted')).toMatchObject({ clusters: [{ clusterId: 'a', weight: 100 }] });
  });

  it('picks the first cluster when leaving a redirect for a forward', () => {
    const redirect = actionOfKind(design, forward, 'redirect');
    expect(redirect).toEqual({ kind: 'redirect', hostRedirect: null, pathRedirect: null, httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' });
    expect(actionOfKind(design, redirect, 'cluster')).toEqual(forwardAction('a'));
  });

  it('builds a direct response', () => {
    expect(actionOfKind(design, forward, 'direct')).toEqual({ kind: 'direct', status: 200, body: '' });
  });

  it('keeps the action when the kind is unchanged', () => {
    expect(actionOfKind(design, forward, 'cluster')).toBe(forward);
  });
});

describe('setActionKind', () => {
  it('changes only the named rule, and every result is a valid design', () => {
    for (const template of TEMPLATES) {
      const design = template.build();
      for (const rule of design.routes.flatMap((r) => r.rules)) {
        for (const kind of ['cluster', 'weighted', 'redirect', 'direct'] as const) {
          const next = setActionKind(design, rule.id, kind);
          const changed = next.routes.flatMap((r) => r.rules).find((r) => r.id === rule.id)!;
          expect(changed.action.kind).toBe(kind);
          if (kind === 'weighted' && design.clusters.length === 0) continue;
          expect(DesignSchema.safeParse(next).success).toBe(true);
        }
      }
    }
  });

  it('returns the same design when nothing changes', () => {
    const design = defaultDesign();
    const rule = design.routes[0].rules[0];
    expect(setActionKind(design, rule.id, rule.action.kind)).toBe(design);
    expect(setActionKind(design, 'missing', 'direct')).toBe(design);
  });
});
