// Permalinks: round trips, pinned links that must decode the same forever, and every kind of bad link.
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { designJson } from '../generate/designJson';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { loadDesign, type LoadResult } from '../model/load';
import type { Design } from '../model/schema';
import { TEMPLATES, defaultDesign, templateByName } from '../model/templates';
import { decodePermalink, encodePermalink, MAX_LINK_CHARS, permalinkUrl, toBase64Url } from './permalink';
import { compactV1 } from './permalinkV1';
import { FUZZ_SEED, largeDesign } from './permalinkSamples.testkit';

// Every decode must go through loadDesign: spy on it, keeping its behaviour.
vi.mock('../model/load', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../model/load')>();
  return { ...actual, loadDesign: vi.fn(actual.loadDesign) };
});

const designOf = (result: LoadResult): Design => {
  if (!result.ok) throw new Error(`expected the link to decode: ${result.errors.join('; ')}`);
  return result.design;
};
const errorsOf = (result: LoadResult): string[] => {
  if (result.ok) throw new Error('expected the link to be refused');
  return result.errors;
};

/** A version-1 link holding exactly `text` (compact JSON, or anything else), deflated. */
const linkOfText = (text: string | Uint8Array, level: 0 | 9 = 9) =>
  `d=1.${toBase64Url(deflateSync(typeof text === 'string' ? new TextEncoder().encode(text) : text, { level }))}`;
const linkOf = (compact: unknown) => linkOfText(JSON.stringify(compact));

function expectRoundTrip(design: Design): void {
  const fragment = encodePermalink(design);
  expect(fragment).toMatch(/^d=1\.[A-Za-z0-9_-]+$/);
  const calls = vi.mocked(loadDesign).mock.calls.length;
  const decoded = designOf(decodePermalink(fragment));
  expect(vi.mocked(loadDesign).mock.calls.length).toBe(calls + 1);
  expect(decoded).toEqual(design);
  expect(designJson(decoded)).toBe(designJson(design));
}

describe('round trip', () => {
  it.each(TEMPLATES.map((t) => t.name))('template %s decodes to an equal design, byte-identical design.json', (name) => {
    expectRoundTrip(templateByName(name)!.build());
  });

  it('200 random valid designs decode to equal designs', () => {
    fc.assert(fc.property(arbitraryDesign(), (design) => expectRoundTrip(design)), { seed: FUZZ_SEED, numRuns: 200 });
  });

  it('the 100-element design decodes to an equal design, within the 6,000-character budget', () => {
    const design = largeDesign();
    expectRoundTrip(design);
    expect(encodePermalink(design).length).toBeLessThanOrEqual(6000);
  });

  it('restores ids, references and positions that do not follow the usual pattern', () => {
    const base = templateByName('front-proxy')!.build();
    const design: Design = {
      ...base,
      // Gaps, foreign ids, a dangling reference, a position for no element, an element without one.
      listeners: [{ ...base.listeners[0], id: 'listener-7', routeIds: ['route-2', 'route-gone'] }],
      clusters: [{ ...base.clusters[0], id: 'web' }, { ...base.clusters[1], id: 'cluster-1' }],
      routes: base.routes.map((r, i) => ({ ...r, rules: r.rules.map((rule, k) => ({ ...rule, id: `rule-${10 - i * 3 - k}` })) })),
      layout: { 'listener-7': { x: -3, y: 1e6 }, 'route-1': { x: 0.125, y: -7 }, web: { x: 1, y: 2 }, 'not-an-element': { x: 5, y: 5 } },
    };
    expect(loadDesign(design).ok).toBe(true);
    expectRoundTrip(design);
  });

  it('goes through loadDesign: a link is refused for what only loadDesign checks', () => {
    const duplicated = linkOf({ clusters: [{ name: 'a' }, { id: 'cluster-1', name: 'b' }] });
    expect(errorsOf(decodePermalink(duplicated))).toEqual(['id "cluster-1" is used by more than one element']);
  });

  it('takes a whole URL, #d=…, d=…, and a fragment with other parameters', () => {
    const design = templateByName('canary')!.build();
    const fragment = encodePermalink(design);
    const url = permalinkUrl('https://designer.example/app/?x=1#old', design);
    expect(url).toBe(`https://designer.example/app/?x=1#${fragment}`);
    for (const input of [url, `#${fragment}`, fragment, `  ${url}\n`, `https://designer.example/#view=2&${fragment}&z`]) {
      expect(designOf(decodePermalink(input))).toEqual(design);
    }
  });
});

// ---- Pinned links ---------------------------------------------------------------------------
//
// These strings are links as users have them. They must decode to the same design forever: if
// a test here fails, a change broke old links (the frozen defaults of defaultsV1.ts, the elision,
// the format). Make a new codec version instead, and keep version 1 decoding as it did.

/** The default design's link when codec version 1 was made. */
const DEFAULT_FRAGMENT =
  'd=1.dZBNC8IwDIb_ysh5SP1AZTcRDzvrbQwpa9DCTEvbqWP0v5u5KQyRHkKfPH1L0gHJG0IGdNH0TB46XBNJyYHupk28VlhJBynU2gckdB6y4vvkA8-CDWeagLnqBVHGcgQT36O76wp7uanHlqyCNgRZB1XdcJzLFWQixnfEiP6EhNb24HjanfI935GUNZrCoF-ND9ydLzYzwWfOgjWO0VYM4QptbdobErPpFliV1v7QGHkPsuWx-INCpKJMi-ViqOtVX8v4Ag';

/** The default design's compact value: what the fragment above holds, readable. */
const DEFAULT_COMPACT = {"name":"nginx with an Envoy sidecar","listeners":[{"name":"listener_0","routeIds":[0]}],"routes":[{"name":"service","rules":[{"action":{"clusterId":0}}]}],"clusters":[{"name":"service","type":"STATIC","endpoints":[{"host":"127.0.0.1","port":80}]}],"deployment":{"name":"nginx","app":{"name":"nginx"}},"layout":[[0,0],[320,0],[640,0]]};

/** A link made by codec version 1 that uses every kind of element and of default. */
const PINNED_FRAGMENT =
  'd=1.dVbdbupGEH4VZPWq4scQck4Od5SgU9T8UKC9oWm02ANssb3uek1AKFJfolL7eudJzje7xpiEKBHyzu7OzzffzOzBS0RMXs8byyShsFejLel9bSOTsKaWNYoopsR4dS-SmaGEdOb15uWlF1pgK1XaeL2bbveq7pkIBw5eRoEm81CearD8te6JIKAsu1Mrr7cUUUZ1L1AhBTj082w27kCZpr9zysxMxqRyqPWu_IzFWNAoZOvtuv_0Wj94MsQuhSvCduFPyO6IMNQwgmW787np469dOnndvergWyujAhXhiAlSbOJ3EOUIUI-gtPP6VBg8C1akEkdDFQuZ8AYLmrQTcRpRM1Axmz6XWEw8VpZH57q2ndpiX1uTCEnjXixMsGbcUmHWvwB7HMnEkp41rWjH3kMO2Z-tbafV_PEHSAKR0ZSSTBq5hcYCTafxzNSuQckWFzilDNhOBJzPrYhy3l6QEchM5XhIi3zlMQbIhN6PhcYOoDnTGohE6D1O2aQaqRJ2v7DxQnK1NhSymw5Wd7dYMMY-m6ys2_XiFuC_ZtumJMA15z_VtJS7Cb1oadh-C7K1ysxJwtjLBOoSEVkeGfjXO7zCwRKVw5Fe_RA254ezuG3GK8i4fIs0JQ7K6JwsL5yCCcWKcZ_jYmnVbmepSjI67WekUVLeExwpOMtsaHxm3SVwFSRQREff3ccjTnjXO6ZBkscTiCSTCYilpGd6fyoVvwmsEC8KLlPBhiCzbnOWTjX78sLwvGWkijhdl4houVdSsMUHLyVdUyg1WW65xBRLa_FNnbCuyoFWQuzT2pg0O4kLSh8RHaBRcJ8aTu77D8OH2fNkeDuaDAczzyJbhGFIpIp9-CiS54xSMBrsfHacqoSGyxdDKwPLjDA5YOu2b-reQoVIkjf69s__cU3UnOXat__-_SNhLWekcyEUrDtRjg2eCMfVhH-w6KxqKu2nEiiWjaIIUSz7lGXTWX82GnCzXoxVJAN2727YnzJWv_42nM64IBX6fFDpr20uL1A8VeCxs8j54x3unX6Tmeq65xff9091esXenB-9-eBom4Pi9HYcI49zwsEUmfVgTcHGCQKpg1yanzSJTYFfLHYD5zbywtRn3RCWtQBXPEQTSdK3aFXH_FWJkcLRFRJxQuvu8eto0L97vn2YfoRAuHhL3HKK2B5VDLtEvj_7LrSSZQgMxHFVcsmGbSfghIXV-lvmqsNLp3Y_WyOaNVdjDyMtT96Lry-jwhTAfM55cHBb6SV5FFXNuvUCA2b4l7vFbIH5T9YdAH-Uj0kH_DzgjJz6W8HexpfTYKY4NRxzhZj3_a93w9_fIG_ZH1Iaqb19d8DbY_7s-6TQmKUisGrd9I_EglwqUFAxH46EWSrtRnLa3OQLNGhAkDWlaqH8TUMtecSuVWoLPk0d9zAp1X4UC2iFcl7gqbDbt-xnb9tuXrUbUI3-b98ZsbR4XnpwQBlkKgc-1bmT3WMucG93GEcyliYbpDnftZ1b6U2kBL9zDl4ocDiZlm3cUWYMCmK7kERib6kxn_t4FtX9-vyq49cbXXzbr47PX5-6x118Na_r3VL6CV-A3Kl5NGtMKlgGfRqJ4rF68ECQNsoNPneQ49fv';

/** What PINNED_FRAGMENT holds, written out in full (not built from factories, which may change). */
const PINNED_DESIGN = {
  version: 1,
  name: 'Pinned: every kind of element',
  listeners: [
    { id: 'listener-1', name: 'web', address: '0.0.0.0', port: 8443, protocol: 'http', tls: { secretName: 'web-tls', mountPath: '/etc/envoy/tls/web-tls' }, accessLog: false, codec: 'HTTP2', requestTimeout: '30s', routeIds: ['route-2', 'route-1'], tcpClusterId: null },
    { id: 'edge', name: 'db', address: '127.0.0.1', port: 5432, protocol: 'tcp', tls: null, accessLog: true, codec: 'AUTO', requestTimeout: null, routeIds: [], tcpClusterId: 'cluster-3' },
  ],
  routes: [
    {
      id: 'route-1', name: 'api', domains: ['api.example.com', 'api.example.com:8443'],
      rules: [
        {
          id: 'rule-1', name: 'v2 by header',
          match: { pathKind: 'safe_regex', path: '^/v2/.*$', caseSensitive: false, headers: [{ name: 'x-env', kind: 'exact', value: 'beta' }, { name: 'x-debug', kind: 'present', value: '' }], queryParameters: [{ name: 'canary', kind: 'present', value: '' }] },
          action: { kind: 'weighted', clusters: [{ clusterId: 'cluster-1', weight: 50 }, { clusterId: 'cluster-2', weight: 25 }], timeout: '5s', prefixRewrite: '/', hostRewrite: 'api.internal', retry: { retryOn: '5xx,reset,connect-failure', numRetries: 2, perTryTimeout: null }, websocket: false },
          headers: { requestAdd: [{ name: 'x-added-by', value: 'envoy', append: false }, { name: 'x-route', value: 'api', append: true }], requestRemove: ['x-internal'], responseAdd: [], responseRemove: ['server'] },
        },
        {
          id: 'rule-7', name: '',
          match: { pathKind: 'prefix', path: '/', caseSensitive: true, headers: [], queryParameters: [] },
          action: { kind: 'cluster', clusterId: 'cluster-9', timeout: null, prefixRewrite: null, hostRewrite: null, retry: { retryOn: '5xx', numRetries: 1, perTryTimeout: '0.5s' }, websocket: true },
          headers: { requestAdd: [], requestRemove: [], responseAdd: [], responseRemove: [] },
        },
      ],
    },
    {
      id: 'route-2', name: 'www', domains: ['*'],
      rules: [
        { id: 'rule-8', name: 'old', match: { pathKind: 'path', path: '/old', caseSensitive: true, headers: [], queryParameters: [] }, action: { kind: 'redirect', hostRedirect: 'www.example.com', pathRedirect: '/new', httpsRedirect: false, responseCode: 'PERMANENT_REDIRECT' }, headers: { requestAdd: [], requestRemove: [], responseAdd: [], responseRemove: [] } },
        { id: 'rule-9', name: 'teapot', match: { pathKind: 'path_separated_prefix', path: '/tea', caseSensitive: true, headers: [], queryParameters: [] }, action: { kind: 'direct', status: 418, body: 'I’m a teapot ☕\n' }, headers: { requestAdd: [], requestRemove: [], responseAdd: [{ name: 'x-tea', value: '', append: false }], responseRemove: [] } },
      ],
    },
  ],
  clusters: [
    { id: 'cluster-1', name: 'api', type: 'STRICT_DNS', lbPolicy: 'ROUND_ROBIN', connectTimeout: '0.25s', endpoints: [{ host: 'api.default.svc.cluster.local', port: 8080, weight: null }], http2: false, tls: null, healthCheck: null, circuitBreakers: null, outlierDetection: null },
    { id: 'cluster-2', name: 'api-canary', type: 'STATIC', lbPolicy: 'LEAST_REQUEST', connectTimeout: '1s', endpoints: [{ host: '10.0.0.7', port: 9000, weight: 3 }, { host: '10.0.0.8', port: 9000, weight: 1 }], http2: true, tls: { sni: '' }, healthCheck: { path: '/healthz', host: null, interval: '5s', timeout: '1s', healthyThreshold: 1, unhealthyThreshold: 3 }, circuitBreakers: { maxConnections: 100, maxPendingRequests: null, maxRequests: null, maxRetries: 3 }, outlierDetection: { consecutive5xx: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 10 } },
    { id: 'cluster-3', name: 'postgres', type: 'LOGICAL_DNS', lbPolicy: 'ROUND_ROBIN', connectTimeout: '0.25s', endpoints: [{ host: 'db.example.com', port: 5432, weight: null }], http2: false, tls: { sni: 'db.example.com' }, healthCheck: { path: '/ready', host: 'db.example.com', interval: '10s', timeout: '2s', healthyThreshold: 2, unhealthyThreshold: 5 }, circuitBreakers: null, outlierDetection: { consecutive5xx: null, interval: null, baseEjectionTime: '60s', maxEjectionPercent: 100 } },
    { id: 'cluster-9', name: 'empty', type: 'STRICT_DNS', lbPolicy: 'MAGLEV', connectTimeout: '0.25s', endpoints: [], http2: false, tls: null, healthCheck: null, circuitBreakers: null, outlierDetection: null },
  ],
  deployment: { name: 'pinned', namespace: 'edge', labels: { team: 'platform', 'app.kubernetes.io/part-of': 'shop' }, app: { name: 'app', image: 'nginx:1.27', port: 80 }, envoyImage: 'envoyproxy/envoy:v1.31-latest', admin: { address: '127.0.0.1', port: 9901 }, configMapName: 'envoy-config', resources: { requestsCpu: '100m', requestsMemory: null, limitsCpu: '1', limitsMemory: '256Mi' }, workloads: { pod: true, daemonSet: true }, hostPorts: true },
  layout: { 'listener-1': { x: 0, y: 0 }, 'route-1': { x: 320, y: -40 }, 'route-2': { x: 320, y: 200 }, 'cluster-1': { x: 640, y: 0 }, 'cluster-3': { x: 640.5, y: 400 }, 'cluster-9': { x: 640, y: 600 }, 'old-note': { x: 10, y: 20 } },
};

describe('pinned links', () => {
  it('the default design encodes to the pinned link, and back', () => {
    // A change to the default template (templates.ts) also changes this link: update it then.
    // A change to the codec that changes it for the same design breaks old links: do not.
    expect(compactV1(defaultDesign())).toEqual(DEFAULT_COMPACT);
    expect(encodePermalink(defaultDesign())).toBe(DEFAULT_FRAGMENT);
    expect(designOf(decodePermalink(`#${DEFAULT_FRAGMENT}`))).toEqual(defaultDesign());
  });

  it('an old link decodes to the design it was made from', () => {
    expect(loadDesign(PINNED_DESIGN).ok).toBe(true);
    const decoded = designOf(decodePermalink(PINNED_FRAGMENT));
    expect(decoded).toEqual(PINNED_DESIGN);
    expect(designJson(decoded)).toBe(designJson(PINNED_DESIGN as Design));
    expectRoundTrip(decoded);
  });
});

// ---- Bad links ------------------------------------------------------------------------------

const valid = encodePermalink(templateByName('tls-edge')!.build());
const validBytes = () => Uint8Array.from(atob(valid.slice(4).replace(/-/g, '+').replace(/_/g, '/') + '=='.slice(0, (4 - (valid.length - 4) % 4) % 4)), (c) => c.charCodeAt(0));
const altered = (edit: (bytes: Uint8Array) => void) => {
  const bytes = validBytes();
  edit(bytes);
  return `d=1.${toBase64Url(bytes)}`;
};
/** A stored (level 0) deflate block: the JSON text is in the clear, so one altered byte breaks the JSON. */
const storedJson = linkOfText(JSON.stringify(compactV1(defaultDesign())), 0);
const alteredJson = (() => {
  const bytes = Uint8Array.from(atob(storedJson.slice(4).replace(/-/g, '+').replace(/_/g, '/') + '=='.slice(0, (4 - (storedJson.length - 4) % 4) % 4)), (c) => c.charCodeAt(0));
  bytes[5] = '}'.charCodeAt(0); // the first byte of the JSON, after the 5-byte block header
  return `d=1.${toBase64Url(bytes)}`;
})();

describe('bad links', () => {
  it.each<[string, string, RegExp]>([
    ['empty text', '', /^the link holds no design: expected "#d="/],
    ['a URL without a design', 'https://designer.example/app/#view=2', /^the link holds no design/],
    ['nothing after d=', 'https://designer.example/#d=', /^the link is empty: nothing follows "d="$/],
    ['nothing after the version', '#d=1.', /^the link is empty: nothing follows "d=1\."$/],
    ['no version', 'd=eJzLSM3JyVcozy/KSQEAGgQEXQ', /^the link has no version: expected "d=<version>\.<data>"/],
    ['a version with a leading zero', 'd=01.abcd', /^the link has no version/],
    ['a future codec version', 'd=2.abcd', /^link version 2 is newer than this app understands \(1\); update the app$/],
    ['a far-future codec version', '#d=999999999.x', /^link version 999999999 is newer than this app understands/],
    ['an unknown old codec version', 'd=0.abcd', /^link version 0 is unknown \(this app reads 1\)$/],
    ['characters that are not base64url', `${valid.slice(0, 20)}%2B${valid.slice(20)}`, /^the link is damaged: "%" at position 17 of the data is not a base64url character/],
    ['base64 (not base64url) padding', `${valid}==`, /^the link is damaged: "=" at position \d+ of the data is not a base64url character/],
    ['an impossible length', 'd=1.AAAAA', /^the link is truncated or damaged: its data has an impossible length$/],
    ['a truncated link', valid.slice(0, Math.floor(valid.length / 2)), /^the link is truncated or damaged: its data does not decompress$/],
    ['a link cut to a few bytes', valid.slice(0, 8), /^the link is truncated or damaged/],
    ['altered bytes that do not inflate', altered((b) => (b[0] = 0xff)), /^the link is truncated or damaged: its data does not decompress$/],
    ['altered bytes that break the JSON', alteredJson, /^the link is damaged: its data is not valid JSON \(/],
    ['data that is not UTF-8', linkOfText(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d)), /^the link is damaged: its data is not UTF-8 text$/],
    ['JSON that is not an object', linkOf([1, 2]), /^\(document\): must be a JSON object with a "version"$/],
    ['a design version from the future', linkOf({ version: 2 }), /^version: 2 is newer than this app understands/],
    ['a port out of range', linkOf({ listeners: [{ name: 'l', port: 70000 }] }), /^listeners\[0\]\.port: must be between 1 and 65535$/],
    ['a missing name', linkOf({ clusters: [{}] }), /^clusters\[0\]\.name: required$/],
    ['a bad field deep inside', linkOf({ routes: [{ name: 'r', rules: [{ match: { pathKind: 'safe_regex', path: '' } }] }] }), /^routes\[0\]\.rules\[0\]\.match\.path: a regex match needs a regex$/],
    ['a dangling index', linkOf({ listeners: [{ name: 'l', routeIds: [3] }] }), /^listeners\[0\]\.routeIds\[0\]: .*expected string/],
    ['an overlong Kubernetes quantity', linkOf({ deployment: { resources: { limitsCpu: '1'.repeat(100_000) + 'x' } } }), /^deployment\.resources\.limitsCpu: must be a Kubernetes quantity, like 100m or 64Mi \(at most 64 characters\)$/],
    ['too many items', linkOf({ clusters: Array.from({ length: 10_001 }, () => ({})) }), /^the link holds more than 10000 items$/],
    ['a decompression bomb', linkOfText(new Uint8Array(4 * 1024 * 1024)), /^the link expands to more than 2 MiB/],
    ['an overlong link', `d=1.${'A'.repeat(MAX_LINK_CHARS)}`, /^the link is too long: 262148 characters, at most 262144 \(256 KiB\) are read$/],
  ])('%s', (_what, input, message) => {
    const errors = errorsOf(decodePermalink(input));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(message);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const errors = errorsOf(decodePermalink(linkOf({ clusters: Array.from({ length: 30 }, () => ({})) })));
    expect(errors).toHaveLength(21);
    expect(errors[0]).toBe('clusters[0].name: required');
    // Without a name, the endpoints (whose default derives from it) are missing too: 60 problems.
    expect(errors[20]).toBe('… and 40 more problems');
  });

  it('is not fooled by keys like __proto__', () => {
    const text = '{"name":"p","__proto__":{"polluted":1},"layoutOther":{"__proto__":{"x":1,"y":2}},"deployment":{"labels":{"__proto__":"x"}}}';
    const design = designOf(decodePermalink(linkOfText(text)));
    expect(design.name).toBe('p');
    expect(Object.getPrototypeOf(design.layout)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(design.deployment.labels)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('saved test cases (design.tests)', () => {
  const withTests = (): Design => {
    const base = templateByName('tls-edge')!.build();
    const tests: Design['tests'] = [
      {
        id: 'test-1',
        name: 'app over TLS',
        listener: 'listener-2',
        request: { authority: 'app.example.com:8443', path: '/a?b=c', method: 'POST', headers: [['x-a', '1'], ['x-a', '2']], scheme: 'https' },
        expect: { clusterId: 'cluster-1' },
      },
      // Defaults, and ids and references that dangle or break the pattern: all kept as they are.
      { id: 'custom', name: 'test', listener: null, request: { authority: 'example.com', path: '/', method: 'GET', headers: [], scheme: 'http' }, expect: { clusterId: null } },
      { id: 'test-7', name: 'gone', listener: 'listener-9', request: { authority: 'x', path: '/', method: 'GET', headers: [], scheme: 'http' }, expect: { clusterId: 'cluster-9' } },
    ];
    return { ...base, tests };
  };

  it('round-trip losslessly, byte-identical design.json', () => {
    expectRoundTrip(withTests());
    expectRoundTrip({ ...withTests(), tests: [] });
  });

  it('are carried verbatim in the compact value; a design without them has none and gets none back', () => {
    const design = withTests();
    expect((compactV1(design) as { tests: unknown }).tests).toEqual(design.tests);
    const template = templateByName('tls-edge')!.build();
    expect(compactV1(template)).not.toHaveProperty('tests');
    expect(designOf(decodePermalink(encodePermalink(template)))).not.toHaveProperty('tests');
  });

  it('count against the item budget', () => {
    const test = withTests().tests![1];
    const errors = errorsOf(decodePermalink(linkOf({ tests: Array.from({ length: 10_001 }, () => test) })));
    expect(errors.join(' ')).toMatch(/more than 10000 items/);
  });
});
