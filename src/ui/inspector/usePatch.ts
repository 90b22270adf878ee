// Edits of one element, always applied to the latest design in the store (never to a stale copy
// captured at render time), through the model's pure update operations.
import { useCallback } from 'react';
import { findElement, updateCluster, updateDeployment, updateListener, updateRoute, updateRule } from '../../model/operations';
import type { Cluster, Deployment, Design, Listener, Route, Rule } from '../../model/schema';
import { useStore } from '../../store/store';

type Patcher<T, K extends keyof T = never> = (patch: (current: T) => Partial<Omit<T, 'id' | K>>) => void;

function usePatcher<T, K extends keyof T = never>(
  find: (design: Design) => T | undefined,
  apply: (design: Design, patch: Partial<Omit<T, 'id' | K>>) => Design,
  deps: unknown[],
): Patcher<T, K> {
  const edit = useStore((s) => s.edit);
  return useCallback(
    (patch) =>
      edit((design) => {
        const current = find(design);
        return current === undefined ? design : apply(design, patch(current));
      }),
    [edit, ...deps], // the finders close over the element id only
  );
}

export function useListenerPatch(id: string): Patcher<Listener> {
  return usePatcher<Listener>((d) => d.listeners.find((l) => l.id === id), (d, p) => updateListener(d, id, p), [id]);
}

export function useRoutePatch(id: string): Patcher<Route, 'rules'> {
  return usePatcher<Route, 'rules'>((d) => d.routes.find((r) => r.id === id), (d, p) => updateRoute(d, id, p), [id]);
}

export function useClusterPatch(id: string): Patcher<Cluster> {
  return usePatcher<Cluster>((d) => d.clusters.find((c) => c.id === id), (d, p) => updateCluster(d, id, p), [id]);
}

export function useRulePatch(id: string): Patcher<Rule> {
  const find = (d: Design) => {
    const found = findElement(d, id);
    return found?.kind === 'rule' ? found.element : undefined;
  };
  return usePatcher<Rule>(find, (d, p) => updateRule(d, id, p), [id]);
}

export function useDeploymentPatch(): Patcher<Deployment> {
  return usePatcher<Deployment>((d) => d.deployment, (d, p) => updateDeployment(d, p), []);
}
