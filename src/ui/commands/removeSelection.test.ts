import { describe, expect, it } from 'vitest';
import { templateByName } from '../../model/templates';
import { edgeId } from '../../model/edgeIds';
import { removeSelection } from './commands';

describe('removeSelection', () => {
  it('disconnects selected edges and removes selected elements', () => {
    const design = templateByName('front-proxy')!.build();
    const result = removeSelection(design, [edgeId('listener-1', 'route-1'), 'cluster-1']);
    expect(result.listeners[0].routeIds).toEqual(['route-2']);
    expect(result.clusters.map((c) => c.id)).toEqual(['cluster-2']);
    // The rule that used cluster-1 still points at it: visibly broken, not rewired.
    expect(result.routes[1].rules[1].action).toMatchObject({ clusterId: 'cluster-1' });
  });
});
