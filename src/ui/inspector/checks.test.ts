import { describe, expect, it } from 'vitest';
import { newCluster } from '../../model/defaults';
import {
  headerValue, ipAddress, matcherValue, matchableHeaderName, modifiableHeaderName, nonEmpty, noSpaces, pathError, pathForKind, retryOn, trimmed, typeRefusal,
} from './checks';
import { positive } from './durations';

describe('names', () => {
  it('must not be empty, padded or spaced', () => {
    expect(nonEmpty('')).toBe('must not be empty');
    expect(nonEmpty('a')).toBeNull();
    expect(trimmed(' a')).toBe('must not start or end with spaces');
    expect(noSpaces('a b')).toBe('must not contain spaces');
  });
});

describe('header names', () => {
  it('accepts ordinary header names for matching and modifying', () => {
    for (const name of ['x-canary', 'X-Request-Id', 'user-agent', 'x_custom']) {
      expect(matchableHeaderName(name)).toBeNull();
      expect(modifiableHeaderName(name)).toBeNull();
    }
  });

  it('lets rules match pseudo-headers but not modify them', () => {
    expect(matchableHeaderName(':method')).toBeNull();
    expect(modifiableHeaderName(':path')).toBe('Envoy cannot modify ":"-prefixed (pseudo) headers');
  });

  it('refuses modifying host in any case', () => {
    expect(modifiableHeaderName('host')).toMatch(/cannot modify the host header/);
    expect(modifiableHeaderName('Host')).toMatch(/cannot modify the host header/);
    expect(matchableHeaderName('host')).toBeNull();
  });

  it('refuses empty names, whitespace and non-token characters', () => {
    expect(matchableHeaderName('')).toBe('must name a header');
    expect(modifiableHeaderName('')).toBe('must name a header');
    expect(matchableHeaderName('x canary')).toBe('must not contain spaces');
    expect(modifiableHeaderName('x-a\t')).toBe('must not contain spaces');
    expect(matchableHeaderName('x:y')).toMatch(/HTTP header name/);
    expect(modifiableHeaderName('x(y)')).toMatch(/HTTP header name/);
    expect(matchableHeaderName(':')).toMatch(/HTTP header name/);
  });
});

describe('header values', () => {
  it('accepts plain text, %% escapes and variables', () => {
    expect(headerValue('')).toBeNull();
    expect(headerValue('100%% sure')).toBeNull();
    expect(headerValue('%DOWNSTREAM_REMOTE_ADDRESS%')).toBeNull();
    expect(headerValue('%START_TIME(%s)%-%REQ(x-request-id):10%')).toBeNull();
    expect(headerValue('%REQ(x-request-id)%')).toBeNull();
  });

  it('refuses a lone % and line breaks', () => {
    expect(headerValue('50%')).toMatch(/literal % must be written %%/);
    expect(headerValue('%lower%')).not.toBeNull();
    expect(headerValue('%REQ(x%')).not.toBeNull();
    expect(headerValue('a\nb')).toBe('must be on one line');
  });
});

describe('matcherValue', () => {
  it('needs a value for prefix and regex matches, and a regex RE2 compiles', () => {
    expect(matcherValue('exact', '')).toBeNull();
    expect(matcherValue('prefix', '')).toBe('a prefix or regex match needs a value');
    expect(matcherValue('regex', '')).toBe('a prefix or regex match needs a value');
    expect(matcherValue('regex', '(?=a)')).toMatch(/RE2/);
    expect(matcherValue('present', '')).toBeNull();
  });
});

describe('retryOn', () => {
  it('accepts known conditions separated by commas', () => {
    expect(retryOn('5xx')).toBeNull();
    expect(retryOn('5xx,reset,connect-failure,unavailable')).toBeNull();
  });

  it('refuses spaces, unknown words and emptiness', () => {
    expect(retryOn('')).toMatch(/must list retry conditions/);
    expect(retryOn('5xx, reset')).toMatch(/no spaces/);
    expect(retryOn('5xx,bogus')).toBe('"bogus" is not a retry condition Envoy knows (such as 5xx, reset, connect-failure)');
  });
});

describe('ipAddress', () => {
  it('accepts IPv4 and IPv6 addresses', () => {
    for (const ip of ['0.0.0.0', '127.0.0.1', '10.1.2.3', '::', '::1', 'fe80::1']) expect(ipAddress(ip)).toBeNull();
  });

  it('refuses host names and malformed addresses', () => {
    for (const bad of ['localhost', '256.0.0.1', '1.2.3', '01.2.3.4', '[::1]', ':::', '']) expect(ipAddress(bad)).not.toBeNull();
  });
});

describe('path matches', () => {
  it('needs a leading slash for prefix and exact paths', () => {
    expect(pathError('prefix', '/')).toBeNull();
    expect(pathError('path', '/health')).toBeNull();
    expect(pathError('prefix', 'api')).toBe('must start with /');
  });

  it('compiles regexes with RE2', () => {
    expect(pathError('safe_regex', '^/api/v[0-9]+/.*')).toBeNull();
    expect(pathError('safe_regex', '(?=x)')).toMatch(/RE2/);
    expect(pathError('safe_regex', '')).toBe('must not be empty');
  });

  it('follows Envoy\'s rule for separated prefixes', () => {
    expect(pathError('path_separated_prefix', '/api')).toBeNull();
    expect(pathError('path_separated_prefix', '/api/')).toMatch(/must not end with \//);
    expect(pathError('path_separated_prefix', '/api?x')).toBe('must not contain ? or #');
  });

  it('keeps a path valid when the kind changes', () => {
    expect(pathForKind('path', '/api/')).toBe('/api/');
    expect(pathForKind('path_separated_prefix', '/api/')).toBe('/api');
    expect(pathForKind('path_separated_prefix', '/')).toBe('/api');
    expect(pathForKind('safe_regex', '/api/')).toBe('/api/');
    expect(pathForKind('prefix', '^/v[0-9]+')).toBe('/');
  });
});

describe('cluster type', () => {
  it('refuses STATIC with host names and LOGICAL_DNS with several endpoints', () => {
    const cluster = newCluster('c', 'web');
    expect(typeRefusal('STATIC', cluster)).toBe('needs IP addresses, not host names');
    expect(typeRefusal('STRICT_DNS', cluster)).toBeNull();
    const two = { ...cluster, endpoints: [...cluster.endpoints, { host: '10.0.0.1', port: 80, weight: null }] };
    expect(typeRefusal('LOGICAL_DNS', two)).toBe('takes exactly one endpoint');
    expect(typeRefusal('LOGICAL_DNS', cluster)).toBeNull();
  });
});

describe('positive durations', () => {
  it('refuses zero', () => {
    expect(positive('0s')).toBe('must be greater than 0s');
    expect(positive('0.000s')).toBe('must be greater than 0s');
    expect(positive('0.25s')).toBeNull();
  });
});
