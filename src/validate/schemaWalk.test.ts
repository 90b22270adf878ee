import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TYPE } from './envoySchema.ts';
import { loadEnvoyRegistry } from './envoySchema.node.ts';
import { RC, ROUTER, bootstrap, cluster, hcm, listener, routeConfig } from './bootstrap.testkit.ts';
import { validateEnvoyConfig, type Finding } from './index.ts';
import { walkSchema } from './schemaWalk.ts';

// Needs `npm run protos` (generated descriptor set).
const registry = loadEnvoyRegistry();
const HCM_PATH = 'static_resources.listeners[0].filter_chains[0].filters[0].typed_config';

const findings = (json: unknown) => validateEnvoyConfig(json, registry);
const only = (list: Finding[], rule: string) => list.filter((f) => f.rule === rule);
const errors = (json: unknown) => findings(json).filter((f) => f.severity === 'error');

describe('schema walk', () => {
  it('accepts a minimal bootstrap with no findings', () => {
    expect(findings(bootstrap())).toEqual([]);
  });

  it('accepts json names and proto names alike, and normalises to proto names', () => {
    const json = bootstrap();
    json.static_resources.clusters[0] = { ...cluster(), connectTimeout: '1s', connect_timeout: undefined, lbPolicy: 'ROUND_ROBIN' };
    delete json.static_resources.clusters[0].connect_timeout;
    delete json.static_resources.clusters[0].lb_policy;
    expect(findings(json)).toEqual([]);
    const walk = walkSchema(json, registry, BOOTSTRAP_TYPE);
    const normalized = walk.normalized as typeof json;
    expect(normalized.static_resources.clusters[0]).toMatchObject({ connect_timeout: '1s', lb_policy: 'ROUND_ROBIN' });
  });

  it('reads enum names case-insensitively, as Envoy does, and normalises them', () => {
    const json = bootstrap({ clusters: [cluster('service_a', { type: 'strict_dns', lb_policy: 'Round_Robin' })] });
    expect(findings(json)).toEqual([]);
    const normalized = walkSchema(json, registry, BOOTSTRAP_TYPE).normalized as ReturnType<typeof bootstrap>;
    expect(normalized.static_resources.clusters[0]).toMatchObject({ type: 'STRICT_DNS', lb_policy: 'ROUND_ROBIN' });
  });

  it('refuses an enum name that does not exist, at its path', () => {
    const [f] = errors(bootstrap({ clusters: [cluster('service_a', { type: 'strict_dnss' })] }));
    expect(f).toMatchObject({ rule: 'schema.enum', path: 'static_resources.clusters[0].type' });
    expect(f.message).toContain('STRICT_DNS');
  });

  it('accepts int64 as strings or numbers, and refuses fractions and out-of-range values', () => {
    const bytes = (value: unknown) =>
      bootstrap({ listeners: [listener('l', 10000, hcm({ route_config: routeConfig({ max_direct_response_body_size_bytes: 10 }), stream_idle_timeout: '5s', max_request_headers_kb: value }))] });
    expect(errors(bytes(60))).toEqual([]);
    expect(errors(bytes('60'))).toEqual([]);
    const cb = (value: unknown) => bootstrap({ clusters: [cluster('service_a', { per_connection_buffer_limit_bytes: value })] });
    expect(errors(cb(1.5))[0]).toMatchObject({ rule: 'schema.type', path: 'static_resources.clusters[0].per_connection_buffer_limit_bytes' });
    expect(errors(cb(2 ** 32))[0].message).toContain('out of range for uint32');
    const stats = (value: unknown) => ({ ...bootstrap(), stats_flush_interval: '5s', stats_config: { stats_matcher: { reject_all: value } } });
    expect(errors(stats('yes'))[0]).toMatchObject({ rule: 'schema.type', path: 'stats_config.stats_matcher.reject_all' });
  });

  it('reports a wrong JSON type at the exact path, inside typed_config too', () => {
    const json = bootstrap({ listeners: [listener('l', 10000, hcm({ stat_prefix: 42 }))] });
    expect(errors(json)).toEqual([expect.objectContaining({ rule: 'schema.type', path: `${HCM_PATH}.stat_prefix` })]);
    const list = bootstrap({ routeConfig: routeConfig({ virtual_hosts: { name: 'x' } }) });
    expect(errors(list)[0]).toMatchObject({ rule: 'schema.type', path: `${RC}.virtual_hosts` });
  });

  it('checks Duration, wrappers, Struct and maps with their own JSON forms', () => {
    const json = bootstrap({ clusters: [cluster('service_a', { connect_timeout: '250ms' })] });
    expect(errors(json)[0]).toMatchObject({ rule: 'schema.type', path: 'static_resources.clusters[0].connect_timeout' });
    const negative = bootstrap({ clusters: [cluster('service_a', { connect_timeout: '-1s' })] });
    expect(errors(negative)[0]).toMatchObject({ rule: 'schema.duration', message: 'Invalid duration: Expected positive duration: -1s' });
    const wrapper = bootstrap({ routeConfig: routeConfig({ validate_clusters: 'no' }) });
    expect(errors(wrapper)[0]).toMatchObject({ rule: 'schema.type', path: `${RC}.validate_clusters` });
    const metadata = bootstrap({ clusters: [cluster('service_a', { metadata: { filter_metadata: { a: { any: ['json', 1, null] } } } })] });
    expect(findings(metadata)).toEqual([]);
    const badStruct = bootstrap({ clusters: [cluster('service_a', { metadata: { filter_metadata: { a: 'not a struct' } } })] });
    expect(errors(badStruct)[0]).toMatchObject({ rule: 'schema.type', path: 'static_resources.clusters[0].metadata.filter_metadata[a]' });
  });

  it('refuses two members of one oneof', () => {
    const json = bootstrap({ routeConfig: routeConfig({ virtual_hosts: [{ name: 'v', domains: ['*'], routes: [{ match: { prefix: '/', path: '/x' }, route: { cluster: 'service_a' } }] }] }) });
    expect(errors(json)[0]).toMatchObject({ rule: 'schema.oneof', path: `${RC}.virtual_hosts[0].routes[0].match.path` });
  });

  it('treats null as "not set", as proto3 JSON does', () => {
    expect(findings({ ...bootstrap(), stats_flush_interval: null })).toEqual([]);
  });

  it('reports a removed (reserved) field as an error with Envoy wording', () => {
    const json = bootstrap({ clusters: [{ ...cluster(), hosts: [{ socket_address: { address: 'a', port_value: 80 } }] }] });
    const [f] = errors(json);
    expect(f).toMatchObject({ rule: 'schema.removed-field', path: 'static_resources.clusters[0].hosts' });
    expect(f.message).toMatch(/^Protobuf message \(type envoy\.config\.bootstrap\.v3\.Bootstrap reason INVALID_ARGUMENT:hosts: Cannot find field\.\) has unknown fields/);
  });

  it('warns about a field newer than the bundled API (route_config.vhost_header) and still checks the rest', () => {
    const json = bootstrap({ routeConfig: routeConfig({ vhost_header: 'x-host' }) });
    const all = findings(json);
    expect(all).toEqual([expect.objectContaining({ severity: 'warning', rule: 'schema.unknown-field', path: `${RC}.vhost_header` })]);
    expect(all[0].message).toMatch(/^unknown to the bundled Envoy API \(v1\.3x\): vhost_header/);
    // The constraint check still ran (the unknown field is dropped before parsing).
    const broken = bootstrap({ routeConfig: routeConfig({ vhost_header: 'x-host', virtual_hosts: [{ name: '', domains: ['*'] }] }) });
    expect(only(findings(broken), 'schema.constraint')).toHaveLength(1);
  });

  it('suggests the field a typo meant', () => {
    const [f] = findings(bootstrap({ clusters: [{ ...cluster(), conect_timeout: '1s' }] }));
    expect(f.message).toContain('Did you mean connect_timeout?');
  });

  it('reports an Any of an unregistered type as not checked (info), skipping its payload', () => {
    const json = bootstrap({
      listeners: [listener('l', 10000, hcm({ http_filters: [{ name: 'golang', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.golang.v3alpha.Config', anything: 1 } }, { name: 'router', typed_config: { '@type': ROUTER } }] }))],
    });
    expect(findings(json)).toEqual([
      {
        severity: 'info',
        rule: 'schema.not-checked',
        message: 'not checked: envoy.extensions.filters.http.golang.v3alpha.Config is not among the bundled protos',
        path: `${HCM_PATH}.http_filters[0].typed_config`,
        elementId: null,
      },
    ]);
  });

  it('refuses an Any without @type', () => {
    const json = bootstrap({ listeners: [listener('l', 10000, { stat_prefix: 'x' })] });
    expect(errors(json)[0]).toMatchObject({ rule: 'schema.any-type-missing', path: HCM_PATH });
  });

  it('checks a TypedStruct payload against the type it names', () => {
    const typedStruct = (value: Record<string, unknown>) =>
      bootstrap({
        listeners: [listener('l', 10000, hcm({ http_filters: [{ name: 'router', typed_config: { '@type': 'type.googleapis.com/xds.type.v3.TypedStruct', type_url: ROUTER, value } }] }))],
      });
    expect(errors(typedStruct({ suppress_envoy_headers: true }))).toEqual([]);
    expect(findings(typedStruct({ nope: true }))).toContainEqual(expect.objectContaining({ rule: 'schema.unknown-field', path: `${HCM_PATH}.http_filters[0].typed_config.value.nope` }));
  });

  it('warns about a deprecated field Envoy still accepts', () => {
    const json = bootstrap();
    json.admin.access_log_path = '/dev/null';
    expect(findings(json)).toEqual([expect.objectContaining({ severity: 'warning', rule: 'schema.deprecated', path: 'admin.access_log_path' })]);
  });
});

describe('constraints', () => {
  it('reports Envoy proto constraints with the config path, typed_config descended into', () => {
    const json = bootstrap({ listeners: [listener('l', 10000, hcm({ stat_prefix: '' }))] });
    expect(findings(json)).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'schema.constraint',
        path: `${HCM_PATH}.stat_prefix`,
        message: `Proto constraint validation failed (${HCM_PATH}.stat_prefix: "" must have at least 1 characters)`,
      }),
    ]);
  });

  it('reports an empty route cluster (an unconnected rule) as a constraint error', () => {
    const json = bootstrap({ routeConfig: routeConfig({ virtual_hosts: [{ name: 'v', domains: ['*'], routes: [{ match: { prefix: '/' }, route: { cluster: '' } }] }] }) });
    expect(errors(json)).toEqual([expect.objectContaining({ rule: 'schema.constraint', path: `${RC}.virtual_hosts[0].routes[0].route.cluster` })]);
  });

  it('does not run on a config with schema errors (constraints on a broken config mislead)', () => {
    const json = bootstrap({ listeners: [listener('l', 10000, hcm({ stat_prefix: '', codec_type: 'HTTP9' }))] });
    expect(only(findings(json), 'schema.constraint')).toEqual([]);
  });
});
