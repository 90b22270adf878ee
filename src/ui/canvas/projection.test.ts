import { describe, expect, it } from 'vitest';
import { renameElement } from '../../model/operations';
import { templateByName } from '../../model/templates';
import { projectEdges, projectNodes, reuseUnchanged } from './projection';

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

describe('reuseUnchanged', () => {
  it('keeps every node and edge object an edit did not touch, and replaces the touched ones', () => {
    const design = templateByName('front-proxy')!.build();
    const before = projectNodes(design, new Set());
    const renamed = renameElement(design, 'cluster-1', 'renamed');
    const after = reuseUnchanged(byId(before), projectNodes(renamed, new Set()));
    const changed = after.filter((node, i) => node !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['cluster-1']);

    const edges = projectEdges(design, new Set());
    expect(reuseUnchanged(byId(edges), projectEdges(renamed, new Set()))).toEqual(edges);
    expect(reuseUnchanged(byId(edges), projectEdges(renamed, new Set())).every((e, i) => e === edges[i])).toBe(true);
  });

  it('compares positions by value, and a selected node is a new object', () => {
    const design = templateByName('sidecar')!.build();
    const before = projectNodes(design, new Set());
    const moved = { ...design, layout: Object.fromEntries(Object.entries(design.layout).map(([id, p]) => [id, { ...p }])) };
    expect(reuseUnchanged(byId(before), projectNodes(moved, new Set())).every((n, i) => n === before[i])).toBe(true);
    const selected = reuseUnchanged(byId(before), projectNodes(design, new Set(['listener-1'])));
    expect(selected.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual(['listener-1']);
  });
});
