import { describe, expect, it } from 'vitest';
import { copyElements, duplicateElements, isEmptyClip, pasteClip } from './clipboard';
import { loadDesign } from './load';
import { templateByName } from './templates';

const frontProxy = () => templateByName('front-proxy')!.build();

describe('copy and paste', () => {
  it('copies only listeners, routes and clusters among the ids', () => {
    const design = frontProxy();
    expect(isEmptyClip(copyElements(design, ['rule-1', 'nope']))).toBe(true);
    const clip = copyElements(design, ['listener-1', 'cluster-2']);
    expect(clip.listeners.map((l) => l.id)).toEqual(['listener-1']);
    expect(clip.clusters.map((c) => c.id)).toEqual(['cluster-2']);
    expect(Object.keys(clip.layout).sort()).toEqual(['cluster-2', 'listener-1']);
  });

  it('pastes fresh ids, unique names, a free port, offset positions, and stays loadable', () => {
    const design = frontProxy();
    const { design: pasted, ids } = pasteClip(design, copyElements(design, ['listener-1', 'route-2', 'cluster-1']));
    expect(ids).toEqual(['cluster-3', 'route-3', 'listener-2']);
    const listener = pasted.listeners.find((l) => l.id === 'listener-2')!;
    expect(listener.name).toBe('front-2');
    expect(listener.port).not.toBe(8080);
    expect(pasted.routes.find((r) => r.id === 'route-3')!.name).toBe('web-2');
    expect(pasted.clusters.find((c) => c.id === 'cluster-3')!.name).toBe('web-2');
    expect(pasted.layout['cluster-3']).toEqual({ x: design.layout['cluster-1'].x + 40, y: design.layout['cluster-1'].y + 140 });
    expect(loadDesign(pasted).ok).toBe(true);
  });

  it('points copied references at the copies, and others at the originals', () => {
    const design = frontProxy();
    const { design: pasted } = pasteClip(design, copyElements(design, ['listener-1', 'route-2', 'cluster-1']));
    const listener = pasted.listeners.find((l) => l.id === 'listener-2')!;
    // route-1 was not copied: the copy still serves the original; route-2 was, so the copy serves route-3.
    expect(listener.routeIds).toEqual(['route-1', 'route-3']);
    const [toApi, toWeb] = pasted.routes.find((r) => r.id === 'route-3')!.rules;
    expect(toApi.action).toMatchObject({ kind: 'cluster', clusterId: 'cluster-2' });
    expect(toWeb.action).toMatchObject({ kind: 'cluster', clusterId: 'cluster-3' });
    // Rules get fresh ids too.
    expect(pasted.routes.find((r) => r.id === 'route-3')!.rules.map((r) => r.id)).toEqual(['rule-4', 'rule-5']);
  });

  it('duplicate is copy then paste, and leaves the original untouched', () => {
    const design = frontProxy();
    const before = JSON.stringify(design);
    const { design: result, ids } = duplicateElements(design, ['cluster-2']);
    expect(JSON.stringify(design)).toBe(before);
    expect(ids).toEqual(['cluster-3']);
    expect(result.clusters.map((c) => c.name)).toEqual(['web', 'api', 'api-2']);
  });
});
