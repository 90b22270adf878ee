// The corpus test's judge must be able to say "different": negative controls, and what it treats
// as the same (what Envoy reads the same).
import { describe, expect, it } from 'vitest';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { configsProtoEqual } from './protoCompare';
import { splitUnknown, walkConfig } from './protoWalk';

const registry = loadEnvoyRegistry();
const cluster = (extra: Record<string, unknown> = {}) => ({ static_resources: { clusters: [{ name: 'c', type: 'STRICT_DNS', connect_timeout: '1s', ...extra }] } });
const FUTURE = 'type.googleapis.com/envoy.extensions.filters.network.future.v3.Future';
const listener = (config: Record<string, unknown>) => ({ static_resources: { listeners: [{ name: 'l', filter_chains: [{ filters: [{ name: 'f', typed_config: { '@type': FUTURE, ...config } }] }] }] } });

describe('configsProtoEqual', () => {
  it('the same config, as Envoy reads it: key order, enum case, lowerCamel names, explicit defaults, 1s = 1.000s', () => {
    expect(configsProtoEqual(cluster(), { static_resources: { clusters: [{ connectTimeout: '1.000s', type: 'strict_dns', name: 'c', lb_policy: 'ROUND_ROBIN' }] } }, registry)).toEqual({ equal: true });
  });

  it('a different value, a missing field, a different list order', () => {
    expect(configsProtoEqual(cluster(), cluster({ connect_timeout: '2s' }), registry).equal).toBe(false);
    expect(configsProtoEqual(cluster(), cluster({ dns_lookup_family: 'V4_ONLY' }), registry).equal).toBe(false);
    const two = (a: string, b: string) => ({ static_resources: { clusters: [{ name: a }, { name: b }] } });
    expect(configsProtoEqual(two('a', 'b'), two('b', 'a'), registry).equal).toBe(false);
  });

  it('compares what the bundled protos do not know as JSON, at its place', () => {
    expect(configsProtoEqual(listener({ knob: 1 }), listener({ knob: 1 }), registry)).toEqual({ equal: true });
    expect(configsProtoEqual(listener({ knob: 1 }), listener({ knob: 2 }), registry)).toEqual({
      equal: false,
      reason: 'what the bundled protos do not know differs at static_resources.listeners[0].filter_chains[0].filters[0].typed_config',
    });
    expect(configsProtoEqual(cluster({ future_field: 1 }), cluster({ future_field: 2 }), registry).equal).toBe(false);
    expect(configsProtoEqual(cluster({ future_field: 1 }), cluster(), registry).equal).toBe(false);
  });

  it('a value of the wrong type is not "equal"', () => {
    expect(configsProtoEqual(cluster({ connect_timeout: 5 }), cluster({ connect_timeout: 5 }), registry)).toMatchObject({ equal: false, reason: expect.stringMatching(/^not parseable: must be a string \(Duration\)/) });
  });
});

describe('walkConfig', () => {
  it('normalises enum case and field names, and lists what it does not know', () => {
    const walked = walkConfig({ staticResources: { clusters: [{ name: 'c', lbPolicy: 'least_request', weird: 1, type: 'NOT_A_TYPE' }] } }, registry);
    expect(walked.value).toEqual({ static_resources: { clusters: [{ name: 'c', lb_policy: 'LEAST_REQUEST', weird: 1, type: 'NOT_A_TYPE' }] } });
    expect(walked.issues.map((i) => [i.kind, i.path.join('.')])).toEqual([
      ['unknownField', 'static_resources.clusters.0.weird'],
      ['unknownEnum', 'static_resources.clusters.0.type'],
    ]);
    expect(splitUnknown(walked)).toEqual({
      known: { static_resources: { clusters: [{ name: 'c', lb_policy: 'LEAST_REQUEST' }] } },
      unknown: [['static_resources.clusters[0].type', 'NOT_A_TYPE'], ['static_resources.clusters[0].weird', 1]],
    });
  });

  it('walks into Any payloads by their @type, and well-known types by their JSON form', () => {
    const walked = walkConfig(
      { static_resources: { clusters: [{ name: 'c', typed_extension_protocol_options: { x: { '@type': 'type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions', common_http_protocol_options: { idle_timeout: 3 } } } }] } },
      registry,
    );
    expect(walked.issues).toEqual([
      { path: ['static_resources', 'clusters', 0, 'typed_extension_protocol_options', 'x', 'common_http_protocol_options', 'idle_timeout'], kind: 'type', message: 'must be a string (Duration), got number 3' },
    ]);
  });
});
