import { describe, expect, it } from 'vitest';
import { equals, getOption, hasOption, toJson } from '@bufbuild/protobuf';
import { BOOTSTRAP_TYPE, parseBootstrap, protoEqualJson } from './envoySchema.ts';
import { loadEnvoyRegistry } from './envoySchema.node.ts';

// Needs `npm run protos` (generated descriptor set); loadEnvoyRegistry says so if missing.
const registry = loadEnvoyRegistry();

const T = 'type.googleapis.com/envoy.extensions';
const HCM = `${T}.filters.network.http_connection_manager.v3.HttpConnectionManager`;
const ROUTER = `${T}.filters.http.router.v3.Router`;

const hcm = (extra: Record<string, unknown> = {}) => ({
  '@type': HCM,
  stat_prefix: 'ingress_http',
  route_config: {
    name: 'local_route',
    virtual_hosts: [
      { name: 'backend', domains: ['*'], routes: [{ match: { prefix: '/' }, route: { cluster: 'service_a' } }] },
    ],
  },
  http_filters: [{ name: 'envoy.filters.http.router', typed_config: { '@type': ROUTER } }],
  ...extra,
});

const bootstrap = (typedConfig: unknown = hcm(), clusterType: unknown = 'STRICT_DNS') => ({
  admin: { address: { socket_address: { address: '127.0.0.1', port_value: 9901 } } },
  static_resources: {
    listeners: [
      {
        name: 'listener_0',
        address: { socket_address: { address: '0.0.0.0', port_value: 10000 } },
        filter_chains: [{ filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: typedConfig }] }],
      },
    ],
    clusters: [
      {
        name: 'service_a',
        connect_timeout: '0.25s',
        type: clusterType,
        lb_policy: 'ROUND_ROBIN',
        load_assignment: {
          cluster_name: 'service_a',
          endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: 'service-a', port_value: 8080 } } } }] }],
        },
      },
    ],
  },
});

const errorOf = (json: unknown) => {
  const r = parseBootstrap(json, registry);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
};

describe('descriptor set', () => {
  it('contains Bootstrap and the typed_config payload types we emit', () => {
    for (const name of [
      BOOTSTRAP_TYPE,
      'envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
      'envoy.extensions.filters.http.router.v3.Router',
      'envoy.extensions.access_loggers.file.v3.FileAccessLog',
      'envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
      'envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext',
      'envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
      'envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
    ]) {
      expect(registry.getMessage(name), name).toBeDefined();
    }
  });

  it('keeps validate.rules field options, readable via the compiled extension', () => {
    const rules = registry.getExtension('validate.rules');
    expect(rules?.message?.typeName).toBe('validate.FieldRules');
    const name = registry.getMessage('envoy.config.cluster.v3.Cluster')!.field.name;
    // Raw: the option sits in FieldOptions as unknown field 1071 until read via the extension.
    expect(name.proto.options?.$unknown?.some((u) => u.no === 1071)).toBe(true);
    expect(hasOption(name, rules!)).toBe(true);
    expect(toJson(rules!.message!, getOption(name, rules!) as never)).toEqual({ string: { minLen: '1' } });
  });

  it('includes the patched StringRules.ignore_empty', () => {
    expect(registry.getMessage('validate.StringRules')?.field.ignoreEmpty?.number).toBe(26);
  });
});

describe('parseBootstrap', () => {
  it('accepts a minimal v3 bootstrap', () => {
    const r = parseBootstrap(bootstrap(), registry);
    expect(r.ok ? r.message.$typeName : r.error).toBe(BOOTSTRAP_TYPE);
  });

  it('accepts the deprecated (but still v3) admin.access_log_path', () => {
    const json = bootstrap();
    (json.admin as Record<string, unknown>).access_log_path = '/dev/null';
    expect(parseBootstrap(json, registry).ok).toBe(true);
  });

  it('rejects the seed v1/v2-era config at filter `config`, naming the field', () => {
    expect(errorOf(seedV2Config())).toMatch(/envoy\.config\.listener\.v3\.Filter.*"config" is unknown/);
  });

  it('rejects v2-era `hosts` on a cluster, naming the field', () => {
    const json = bootstrap();
    const cluster = json.static_resources.clusters[0] as Record<string, unknown>;
    delete cluster.load_assignment;
    cluster.hosts = [{ socket_address: { address: 'service-a', port_value: 8080 } }];
    expect(errorOf(json)).toMatch(/envoy\.config\.cluster\.v3\.Cluster.*"hosts" is unknown/);
  });

  it('parses typed_config payloads strictly', () => {
    expect(errorOf(bootstrap(hcm({ bogus_field: true })))).toMatch(/HttpConnectionManager.*"bogus_field" is unknown/);
    // nested Any inside the Any (router inside HCM) too
    const nested = hcm({ http_filters: [{ name: 'router', typed_config: { '@type': ROUTER, nope: 1 } }] });
    expect(errorOf(bootstrap(nested))).toMatch(/router\.v3\.Router.*"nope" is unknown/);
  });

  it('rejects an Any whose @type is not registered, naming the type', () => {
    expect(errorOf(bootstrap({ '@type': 'type.googleapis.com/envoy.bogus.v3.Nope' }))).toContain('envoy.bogus.v3.Nope');
  });

  it('rejects lower-case enum names (protobuf-es is case-sensitive, Envoy is not)', () => {
    expect(errorOf(bootstrap(hcm(), 'strict_dns'))).toMatch(/DiscoveryType.*"strict_dns"/);
  });
});

describe('protoEqualJson', () => {
  it('ignores key order, field-name style and enum spelling (name vs number)', () => {
    const a = bootstrap();
    const c = a.static_resources.clusters[0];
    const b = {
      staticResources: {
        clusters: [{ loadAssignment: c.load_assignment, type: 1 /* STRICT_DNS */, lbPolicy: 'ROUND_ROBIN', connectTimeout: '0.250s', name: c.name }],
        listeners: a.static_resources.listeners,
      },
      admin: a.admin,
    };
    expect(protoEqualJson(a, b, registry)).toBe(true);
  });

  it('compares Any payloads semantically, not byte-wise', () => {
    // Struct is a map: insertion order changes the packed bytes but not the value.
    const withMeta = (filterMetadata: Record<string, unknown>) =>
      bootstrap(hcm({ route_config: { name: 'r', virtual_hosts: [{ name: 'v', domains: ['*'], metadata: { filter_metadata: filterMetadata } }] } }));
    const a = withMeta({ x: { k1: 1, k2: 'v' }, y: { z: true } });
    const b = withMeta({ y: { z: true }, x: { k2: 'v', k1: 1 } });
    expect(protoEqualJson(a, b, registry)).toBe(true);
    // Proof the case is meaningful: without unpacking, the Any bytes differ.
    const desc = registry.getMessage(BOOTSTRAP_TYPE)!;
    const [pa, pb] = [parseBootstrap(a, registry), parseBootstrap(b, registry)];
    if (!pa.ok || !pb.ok) throw new Error('parse failed');
    expect(equals(desc, pa.message, pb.message)).toBe(false);
  });

  it('is false for a changed value, also inside a typed_config', () => {
    const a = bootstrap();
    const b = bootstrap();
    b.static_resources.clusters[0].connect_timeout = '1s';
    expect(protoEqualJson(a, b, registry)).toBe(false);
    expect(protoEqualJson(a, bootstrap(hcm({ stat_prefix: 'other' })), registry)).toBe(false);
  });

  it('throws when a side does not parse', () => {
    expect(() => protoEqualJson(bootstrap(), { nope: 1 }, registry)).toThrow(/second value.*"nope" is unknown/);
  });
});

/** A v1/v2-era config like the seed: filter `config` (Struct) instead of `typed_config`, cluster `hosts`. */
function seedV2Config() {
  return {
    admin: { access_log_path: '/dev/null', address: { socket_address: { address: '0.0.0.0', port_value: 9901 } } },
    static_resources: {
      listeners: [
        {
          name: 'listener_0',
          address: { socket_address: { address: '0.0.0.0', port_value: 10000 } },
          filter_chains: [
            { filters: [{ name: 'envoy.http_connection_manager', config: { stat_prefix: 'ingress_http', http_filters: [{ name: 'envoy.router' }] } }] },
          ],
        },
      ],
      clusters: [{ name: 'service_a', connect_timeout: '0.25s', type: 'STRICT_DNS', hosts: [{ socket_address: { address: 'a', port_value: 80 } }] }],
    },
  };
}
