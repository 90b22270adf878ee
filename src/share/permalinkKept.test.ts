// Kept data of imported configs (`kept`, `raw`, `keptBootstrap`) in permalinks: carried verbatim,
// never elided against defaults, and absent from links of designs without it.
import { describe, expect, it } from 'vitest';
import { templateByName } from '../model/templates';
import type { Design } from '../model/schema';
import { decodePermalink, encodePermalink } from './permalink';
import { compactV1, expandV1 } from './permalinkV1';

const base = templateByName('front-proxy')!.build();
const withKept: Design = {
  ...base,
  keptBootstrap: { node: { id: 'n' }, admin: { $omitIfEqual: { address: { socket_address: { address: '0.0.0.0', port_value: 9901 } } } } },
  listeners: base.listeners.map((l) => ({ ...l, kept: { listener: { name: { $omitIfEqual: l.name } }, filtersBefore: [{ name: 'rbac', typed_config: { '@type': 'x', rules: null } }] } })),
  routes: base.routes.map((r) => ({ ...r, kept: { typed_per_filter_config: {} }, rules: r.rules.map((rule) => ({ ...rule, kept: { decorator: { operation: '' } } })) })),
  clusters: [
    { ...base.clusters[0], kept: { cluster: { dns_lookup_family: 'V4_ONLY' }, locality: { priority: 0 } }, endpoints: base.clusters[0].endpoints.map((e) => ({ ...e, kept: { metadata: {} } })) },
    { ...base.clusters[1], raw: { name: base.clusters[1].name, type: 'EDS', eds_cluster_config: {} } },
  ],
};

describe('permalinks carry kept data', () => {
  it('verbatim in the compact value, element by element', () => {
    const compact = compactV1(withKept) as Record<string, any>;
    expect(compact.keptBootstrap).toEqual(withKept.keptBootstrap);
    expect(compact.listeners[0].kept).toEqual(withKept.listeners[0].kept);
    expect(compact.routes[0].kept).toEqual({ typed_per_filter_config: {} });
    expect(compact.routes[0].rules[0].kept).toEqual({ decorator: { operation: '' } });
    expect(compact.clusters[0].endpoints[0].kept).toEqual({ metadata: {} });
    expect(compact.clusters[1].raw).toEqual(withKept.clusters[1].raw);
  });

  it('round-trips to an equal design', () => {
    const decoded = decodePermalink(encodePermalink(withKept));
    expect(decoded).toEqual({ ok: true, design: withKept });
  });

  it('a design without kept data has none in its link, and gets none back', () => {
    const compact = JSON.stringify(compactV1(base));
    expect(compact).not.toMatch(/kept|raw/);
    const expanded = expandV1(compactV1(base)) as Record<string, any>;
    expect(expanded).not.toHaveProperty('keptBootstrap');
    expect(expanded.listeners[0]).not.toHaveProperty('kept');
    expect(expanded.clusters[0]).not.toHaveProperty('raw');
  });
});
