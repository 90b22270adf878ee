import { describe, expect, it } from 'vitest';
import { designJson } from '../generate/designJson';
import { MAX_DESIGN_CHARS, MAX_DESIGN_DEPTH, loadDesign, loadDesignText, migrate, type LoadResult } from './load';
import { DESIGN_VERSION, type Design } from './schema';
import { TEMPLATES, defaultDesign, templateByName } from './templates';

const errorsOf = (result: LoadResult): string[] => {
  if (result.ok) throw new Error('expected the design to be refused');
  return result.errors;
};

/** A design document as plain JSON, free to break in any way. */
type Doc = any;

/** A JSON copy of `design` with `edit` applied to the plain object (as a file on disk would be). */
function edited(design: Design, edit: (doc: Doc) => void): unknown {
  const doc = JSON.parse(JSON.stringify(design));
  edit(doc);
  return doc;
}

describe('round trip', () => {
  it.each(TEMPLATES.map((t) => t.name))('template %s: designJson → loadDesignText gives an equal design', (name) => {
    const design = templateByName(name)!.build();
    const text = designJson(design);
    const loaded = loadDesignText(text);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    expect(loaded.design).toEqual(design);
    // Canonical: serialising the loaded design gives the same bytes.
    expect(designJson(loaded.design)).toBe(text);
  });

  it('loadDesign does not keep references into the input', () => {
    const input = edited(defaultDesign(), () => {});
    const loaded = loadDesign(input);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    (input as Design).listeners[0].name = 'changed afterwards';
    expect(loaded.design.listeners[0].name).toBe('listener_0');
  });
});

describe('document shape and version', () => {
  it('refuses text that is not JSON', () => {
    const errors = errorsOf(loadDesignText('{"version": 1,'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not valid JSON: /);
    expect(errorsOf(loadDesignText(''))[0]).toMatch(/^not valid JSON/);
    expect(errorsOf(loadDesignText('version: 1'))[0]).toMatch(/^not valid JSON/);
  });

  it.each([
    ['an array', '[]'],
    ['an array of a design', `[${designJson(defaultDesign())}]`],
    ['null', 'null'],
    ['a string', '"design"'],
    ['a number', '1'],
  ])('refuses %s: the document must be an object', (_label, text) => {
    expect(errorsOf(loadDesignText(text))).toEqual(['(document): must be a JSON object with a "version"']);
  });

  it.each([
    ['missing', (doc: Record<string, unknown>) => delete doc.version],
    ['a string', (doc: Record<string, unknown>) => (doc.version = '1')],
    ['zero', (doc: Record<string, unknown>) => (doc.version = 0)],
    ['a fraction', (doc: Record<string, unknown>) => (doc.version = 1.5)],
    ['null', (doc: Record<string, unknown>) => (doc.version = null)],
  ])('refuses a version that is %s', (_label, edit) => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), edit)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^version: /);
  });

  it('refuses a version from the future, saying it is newer', () => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), (doc) => (doc.version = DESIGN_VERSION + 1))));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^version: /);
    expect(errors[0]).toMatch(/newer/);
    expect(errors[0]).toContain(String(DESIGN_VERSION + 1));
  });

  it('migrate accepts the current version as is', () => {
    const doc = { version: DESIGN_VERSION, name: 'x' };
    expect(migrate(doc)).toEqual({ ok: true, doc });
  });
});

describe('field errors name the field path', () => {
  it.each([
    [0, 'must be between 1 and 65535'],
    [70000, 'must be between 1 and 65535'],
    [1.5, 'must be a whole number'],
    [-1, 'must be between 1 and 65535'],
    ['80', 'must be a number'],
  ])('listener port %j', (port, message) => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), (doc) => (doc.listeners[0].port = port))));
    expect(errors).toEqual([`listeners[0].port: ${message}`]);
  });

  it('ports elsewhere: endpoints, admin, app', () => {
    const errors = errorsOf(
      loadDesign(
        edited(templateByName('front-proxy')!.build(), (doc) => {
          doc.clusters[1].endpoints[0].port = 0;
          doc.deployment.admin.port = 65536;
        }),
      ),
    );
    expect(errors).toEqual(['clusters[1].endpoints[0].port: must be between 1 and 65535', 'deployment.admin.port: must be between 1 and 65535']);
    const app = errorsOf(loadDesign(edited(defaultDesign(), (doc) => (doc.deployment.app.port = 2.5))));
    expect(app).toEqual(['deployment.app.port: must be a whole number']);
  });

  it.each([
    ['clusters[0].connectTimeout', (doc: Doc) => (doc.clusters[0].connectTimeout = '250ms')],
    ['clusters[0].connectTimeout', (doc: Doc) => (doc.clusters[0].connectTimeout = '1.5')],
    ['clusters[0].connectTimeout', (doc: Doc) => (doc.clusters[0].connectTimeout = '-1s')],
    ['routes[0].rules[0].action.timeout', (doc: Doc) => (doc.routes[0].rules[0].action.timeout = '10 s')],
    ['listeners[0].requestTimeout', (doc: Doc) => (doc.listeners[0].requestTimeout = '1m')],
  ])('bad duration at %s', (path, edit) => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), edit)));
    expect(errors).toEqual([`${path}: must be a duration in seconds, like 0.25s or 15s`]);
  });

  it('reports every problem, each with its own path', () => {
    const errors = errorsOf(
      loadDesign(
        edited(defaultDesign(), (doc) => {
          doc.listeners[0].port = 0;
          doc.routes[0].domains = [];
          doc.clusters[0].type = 'EDS';
        }),
      ),
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBe('listeners[0].port: must be between 1 and 65535');
    expect(errors[1]).toBe('routes[0].domains: needs at least one domain');
    expect(errors[2]).toMatch(/^clusters\[0\]\.type: /);
  });

  it('a missing section names the section', () => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), (doc) => delete doc.deployment)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^deployment: /);
  });
});

describe('Kubernetes names', () => {
  it.each([
    ['deployment.namespace', (doc: Doc) => (doc.deployment.namespace = 'Bad_NS')],
    ['deployment.namespace', (doc: Doc) => (doc.deployment.namespace = 'a'.repeat(64))],
    ['deployment.configMapName', (doc: Doc) => (doc.deployment.configMapName = 'envoy config')],
    ['deployment.app.name', (doc: Doc) => (doc.deployment.app.name = 'Nginx')],
    ['deployment.name', (doc: Doc) => (doc.deployment.name = 'my_proxy')],
    // The deployment name is also the app.kubernetes.io/name label value: 63 characters at most.
    ['deployment.name', (doc: Doc) => (doc.deployment.name = 'a'.repeat(64))],
    ['deployment.labels.team', (doc: Doc) => (doc.deployment.labels = { team: 'x'.repeat(64) })],
    ['deployment.labels.team', (doc: Doc) => (doc.deployment.labels = { team: 'has space' })],
    ['deployment.labels.Bad Key', (doc: Doc) => (doc.deployment.labels = { 'Bad Key': 'v' })],
    ['listeners[0].tls.secretName', (doc: Doc) => (doc.listeners[0].tls = { secretName: 'My-Secret', mountPath: '/tls' })],
  ])('%s refused with a message that mentions Kubernetes', (path, edit) => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), edit)));
    expect(errors).toHaveLength(1);
    expect(errors[0].startsWith(`${path}: `)).toBe(true);
    expect(errors[0]).toMatch(/Kubernetes/);
  });

  it('accepts names at the limits', () => {
    const loaded = loadDesign(
      edited(defaultDesign(), (doc) => {
        doc.deployment.namespace = 'a'.repeat(63);
        doc.deployment.name = `${'a'.repeat(31)}.${'b'.repeat(31)}`;
        doc.deployment.configMapName = `${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(61)}`;
        doc.deployment.labels = { 'app.kubernetes.io/part-of': 'x'.repeat(63), empty: '' };
      }),
    );
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });
});

describe('ids', () => {
  it('refuses a listener and a cluster sharing an id', () => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), (doc) => (doc.clusters[0].id = 'listener-1'))));
    expect(errors).toEqual(['id "listener-1" is used by more than one element']);
  });

  it('refuses a rule sharing its route’s id, and rules sharing ids across routes', () => {
    const design = templateByName('front-proxy')!.build();
    expect(errorsOf(loadDesign(edited(design, (doc) => (doc.routes[0].rules[0].id = 'route-1'))))).toEqual([
      'id "route-1" is used by more than one element',
    ]);
    expect(errorsOf(loadDesign(edited(design, (doc) => (doc.routes[1].rules[1].id = 'rule-1'))))).toEqual([
      'id "rule-1" is used by more than one element',
    ]);
  });

  it('lists each duplicated id once', () => {
    const errors = errorsOf(
      loadDesign(
        edited(templateByName('front-proxy')!.build(), (doc) => {
          doc.clusters[0].id = 'x';
          doc.clusters[1].id = 'x';
          doc.listeners[0].id = 'x';
          doc.routes[1].id = 'route-1';
        }),
      ),
    );
    expect(errors.sort()).toEqual(['id "route-1" is used by more than one element', 'id "x" is used by more than one element']);
  });

  it('refuses an empty id', () => {
    const errors = errorsOf(loadDesign(edited(defaultDesign(), (doc) => (doc.routes[0].rules[0].id = ''))));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^routes\[0\]\.rules\[0\]\.id: /);
  });
});

describe('limits: what could not be generated or serialised is refused on load', () => {
  const keptAt = (depth: number) => {
    let node: unknown = 1;
    for (let i = 0; i < depth; i++) node = { a: node };
    return edited(defaultDesign(), (doc) => (doc.keptBootstrap = { node }));
  };

  it('kept data nested deeper than the cap, with where', () => {
    expect(loadDesign(keptAt(MAX_DESIGN_DEPTH - 4)).ok).toBe(true);
    expect(errorsOf(loadDesign(keptAt(MAX_DESIGN_DEPTH)))).toEqual([`keptBootstrap.node.a.a.a.a…: nested more than ${MAX_DESIGN_DEPTH} levels deep`]);
    // Far past the stack's depth, in text as a file holds it: refused, not a crash.
    const text = designJson(defaultDesign()).replace(/}\s*$/, `, "keptBootstrap": {"node": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`);
    expect(errorsOf(loadDesignText(text))[0]).toMatch(/^keptBootstrap\.node\[0\]\[0\]\[0\]\[0\]…: nested more than/);
  });

  it('text over the size cap, before parsing', () => {
    const errors = errorsOf(loadDesignText(`{"version": 1, "name": "${'x'.repeat(MAX_DESIGN_CHARS)}"}`));
    expect(errors).toEqual(['(document): too large to open: 5.0 MiB, the limit is 5 MiB']);
  });

  it.each([
    ['NaN', Number.NaN, 'keptBootstrap.x: NaN is not a JSON number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'keptBootstrap.x: Infinity is not a JSON number'],
    ['a BigInt', 10n, 'keptBootstrap.x: bigint is not JSON data'],
    ['a Date', new Date(0), 'keptBootstrap.x: not JSON data'],
    ['a function', () => 1, 'keptBootstrap.x: function is not JSON data'],
  ])('a value JSON cannot hold (%s), from a caller that hands over objects', (_label, value, message) => {
    expect(errorsOf(loadDesign({ ...JSON.parse(designJson(defaultDesign())), keptBootstrap: { x: value } }))).toEqual([message]);
  });

  it('`__proto__` keys stay data: dropped from records, kept verbatim inside kept data, never a prototype', () => {
    const text = designJson(defaultDesign())
      .replace('"layout": {', '"layout": {"__proto__": {"x": 1, "y": 2}, ')
      .replace(/}\s*$/, ', "keptBootstrap": {"__proto__": {"polluted": 1}, "node": {"__proto__": {"polluted": 2}}}}');
    const loaded = loadDesignText(text);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    expect(Object.getPrototypeOf(loaded.design.layout)).toBe(Object.prototype);
    expect(Object.keys(loaded.design.layout).sort()).toEqual(['cluster-1', 'listener-1', 'route-1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(designJson(loaded.design)).keptBootstrap).toEqual(JSON.parse('{"node": {"__proto__": {"polluted": 2}}}'));
  });
});
