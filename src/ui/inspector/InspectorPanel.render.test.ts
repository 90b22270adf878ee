// Renders the panel for every kind of selection (server-side, no DOM needed) and checks that
// every control has a label bound to it and that no two controls share a label text.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TEMPLATES } from '../../model/templates';
import type { Design } from '../../model/schema';
import { edgeId } from '../../model/edgeIds';
import { useStore } from '../../store/store';
import { InspectorPanel } from './InspectorPanel';

// A server render reads zustand's *initial* state; read the current one instead.
vi.mock('../../store/store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../store/store')>();
  const store = actual.useStore;
  const useCurrent = <T>(selector: (state: ReturnType<typeof store.getState>) => T) => selector(store.getState());
  return { ...actual, useStore: Object.assign(useCurrent, store) };
});

/** Every optional section switched on, every list non-empty. */
function maximal(design: Design): Design {
  const cluster = design.clusters[0];
  const full = {
    ...cluster,
    tls: { sni: 'web' },
    healthCheck: { path: '/healthz', host: null, interval: '5s', timeout: '1s', healthyThreshold: 1, unhealthyThreshold: 3 },
    circuitBreakers: { maxConnections: 1, maxPendingRequests: null, maxRequests: null, maxRetries: null },
    outlierDetection: { consecutive5xx: 5, interval: null, baseEjectionTime: null, maxEjectionPercent: null },
  };
  const route = design.routes.find((r) => r.rules.length > 0);
  const rule = route?.rules[0];
  const fullRule = rule && {
    ...rule,
    match: {
      ...rule.match,
      headers: [{ name: 'x-a', kind: 'regex' as const, value: 'a+' }],
      queryParameters: [{ name: 'q', kind: 'exact' as const, value: '1' }],
    },
    action: rule.action.kind === 'cluster' ? { ...rule.action, retry: { retryOn: '5xx', numRetries: 1, perTryTimeout: null } } : rule.action,
    headers: { requestAdd: [{ name: 'x-b', value: 'v', append: false }], requestRemove: ['x-c'], responseAdd: [{ name: 'x-d', value: 'v', append: true }], responseRemove: ['x-e'] },
  };
  return {
    ...design,
    listeners: design.listeners.map((l, i) => (i === 0 ? { ...l, tls: { secretName: 'tls', mountPath: '/etc/envoy/tls' } } : l)),
    routes: design.routes.map((r) => (fullRule && r.id === route?.id ? { ...r, rules: [fullRule, ...r.rules.slice(1)] } : r)),
    clusters: design.clusters.map((c) => (c.id === cluster.id ? full : c)),
    deployment: { ...design.deployment, labels: { team: 'edge' }, app: design.deployment.app ?? { name: 'app', image: 'nginx', port: 80 } },
  };
}

function selections(design: Design): string[][] {
  const rules = design.routes.flatMap((r) => r.rules);
  const edges = [
    ...design.listeners.flatMap((l) => [...l.routeIds.map((r) => edgeId(l.id, r)), ...(l.tcpClusterId ? [edgeId(l.id, l.tcpClusterId)] : [])]),
    ...rules.flatMap((rule) =>
      rule.action.kind === 'weighted' ? rule.action.clusters.map((c) => edgeId(rule.id, c.clusterId)) : rule.action.kind === 'cluster' && rule.action.clusterId ? [edgeId(rule.id, rule.action.clusterId)] : [],
    ),
  ];
  const ids = [...design.listeners, ...design.routes, ...rules, ...design.clusters].map((e) => e.id);
  return [[], ...[...ids, ...edges].map((id) => [id]), ids.slice(0, 2), ['missing']];
}

function render(design: Design, selection: string[]): string {
  useStore.setState({ design, selection });
  return renderToStaticMarkup(createElement(InspectorPanel));
}

function controls(html: string): { id: string; label: string | undefined }[] {
  const labels = new Map([...html.matchAll(/<label for="([^"]+)">([^<]*)<\/label>/g)].map((m) => [m[1], m[2]]));
  return [...html.matchAll(/<(input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => ({ id: m[2], label: labels.get(m[2]) }));
}

describe('InspectorPanel', () => {
  beforeEach(() => useStore.setState({ selection: [] }));

  for (const template of TEMPLATES) {
    it(`labels every control, uniquely, for every selection in "${template.name}"`, () => {
      const design = maximal(template.build());
      for (const selection of selections(design)) {
        const html = render(design, selection);
        const found = controls(html);
        for (const control of found) expect(control.label, `${selection.join(',')}: control ${control.id}`).toBeTruthy();
        const texts = found.map((c) => c.label);
        expect(new Set(texts).size, `${selection.join(',')}: ${texts.join(' | ')}`).toBe(texts.length);
        expect(html).toMatch(/<h2 class="inspector-title/);
        if (process.env.DUMP_LABELS) console.log(selection.join(','), '\n  ', texts.join(' | '));
      }
    });
  }

  it('names what is edited in the heading', () => {
    const design = TEMPLATES[0].build();
    expect(render(design, [])).toContain('Deployment settings');
    expect(render(design, [design.listeners[0].id])).toContain(`Listener &quot;${design.listeners[0].name}&quot;`);
    expect(render(design, [design.clusters[0].id])).toContain(`Cluster &quot;${design.clusters[0].name}&quot;`);
    expect(render(design, [design.listeners[0].id, design.clusters[0].id])).toContain('2 elements selected');
  });
});
