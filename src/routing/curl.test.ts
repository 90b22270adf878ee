import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CURL_CHARS, parseCurl, tokenize } from './curl';
import type { TestRequest } from './types';

const request = (line: string): TestRequest => {
  const parsed = parseCurl(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.request;
};
const error = (line: string): string => {
  const parsed = parseCurl(line);
  if (parsed.ok) throw new Error(`expected an error for ${line}`);
  return parsed.error;
};

describe('parseCurl: requests', () => {
  it.each<[string, string, Partial<TestRequest>]>([
    ['a plain URL', 'curl http://example.com', { authority: 'example.com', path: '/', method: 'GET', scheme: 'http', headers: [] }],
    ['https, a port, a query', "curl 'https://api.example.com:8443/v1/items?x=1&y=2'", { authority: 'api.example.com:8443', path: '/v1/items?x=1&y=2', scheme: 'https' }],
    ['default ports are left out of Host, as curl does', 'curl https://example.com:443/a', { authority: 'example.com', path: '/a' }],
    ['…for http too', 'curl http://example.com:80', { authority: 'example.com' }],
    ['…but not the other scheme\'s', 'curl http://example.com:443/', { authority: 'example.com:443' }],
    ['no scheme: http', 'curl example.com:8080/path', { authority: 'example.com:8080', path: '/path', scheme: 'http' }],
    ['the fragment is not sent', "curl 'http://x/a?b=1#frag'", { path: '/a?b=1' }],
    ['a query without a path', 'curl http://x?y=1', { path: '/?y=1' }],
    ['IPv6', "curl 'http://[::1]:8080/x'", { authority: '[::1]:8080', path: '/x' }],
    ['headers, repeatable', "curl -H 'X-A: 1' --header 'x-b:2' -H 'X-A: 3' http://x", { headers: [['X-A', '1'], ['x-b', '2'], ['X-A', '3']] }],
    ['a Host header is the authority', "curl -H 'Host: foo.internal' http://10.0.0.1:10000/", { authority: 'foo.internal', headers: [] }],
    ['"Name;" sends an empty header', "curl -H 'X-Empty;' http://x", { headers: [['X-Empty', '']] }],
    ['"Name:" takes a header away', "curl -H 'X-A: 1' -H 'X-A:' http://x", { headers: [] }],
    ['-X', 'curl -X DELETE http://x/1', { method: 'DELETE' }],
    ['--request=', 'curl --request=PATCH http://x/1', { method: 'PATCH' }],
    ['-I', 'curl -I http://x', { method: 'HEAD' }],
    ['-X wins over -I', 'curl -I -X GET http://x', { method: 'GET' }],
    ['-d implies POST and a form content type', "curl -d 'a=1' http://x", { method: 'POST', headers: [['Content-Type', 'application/x-www-form-urlencoded']] }],
    ['--data-binary with a content type', "curl --data-binary @body.json -H 'Content-Type: application/json' http://x", { method: 'POST', headers: [['Content-Type', 'application/json']] }],
    ['--data-raw', "curl --data-raw '{\"a\":1}' http://x", { method: 'POST' }],
    ['--json', "curl --json '{}' http://x", { method: 'POST', headers: [['Content-Type', 'application/json'], ['Accept', 'application/json']] }],
    ['-F', "curl -F 'file=@a.txt' http://x", { method: 'POST', headers: [['Content-Type', 'multipart/form-data; boundary=------------------------curl']] }],
    ['-G puts the data in the query', "curl -G -d 'q=1' --data-urlencode 'name=a b' http://x/s?z=0", { method: 'GET', path: '/s?z=0&q=1&name=a%20b', headers: [] }],
    ['-T is a PUT', 'curl -T file.txt http://x/up', { method: 'PUT' }],
    ['combined short flags and attached values', 'curl -sSLk -XPUT -HX-A:1 http://x', { method: 'PUT', headers: [['X-A', '1']] }],
    ['-u', 'curl -u user:pass http://x', { headers: [['Authorization', 'Basic dXNlcjpwYXNz']] }],
    ['credentials in the URL', 'curl http://user:p%40ss@x/', { authority: 'x', headers: [['Authorization', `Basic ${btoa('user:p@ss')}`]] }],
    ['-b cookies, -A, -e', "curl -b 'a=1; b=2' -A agent/1 -e https://ref/ http://x", { headers: [['User-Agent', 'agent/1'], ['Referer', 'https://ref/'], ['Cookie', 'a=1; b=2']] }],
    ['a cookie file is not a cookie', 'curl -b cookies.txt http://x', { headers: [] }],
    ['--url', 'curl --silent --url http://x/u', { path: '/u' }],
    ['--url-query', "curl --url-query 'a=b c' http://x/", { path: '/?a=b%20c' }],
    ['--request-target', "curl --request-target '*' -X OPTIONS http://x/", { path: '*', method: 'OPTIONS' }],
    ['"." and ".." are squashed', 'curl http://x/a/./b/../c', { path: '/a/c' }],
    ['--path-as-is keeps them', 'curl --path-as-is http://x/a/../c', { path: '/a/../c' }],
    ['ignored options, with and without values', 'curl -v --compressed -o out.txt --max-time 5 --connect-timeout=2 --retry 3 -w "%{http_code}" --http2 --some-future-flag http://x/', { path: '/' }],
    ['"--" ends the options', 'curl -- http://x/-a', { path: '/-a' }],
    ['a shell pipe ends the command', "curl -s http://x/a | jq '.'", { path: '/a' }],
    ['a comment', 'curl http://x/a # comment -X POST', { path: '/a', method: 'GET' }],
    ['/usr/bin/curl and a prompt', '$ /usr/bin/curl http://x/', { authority: 'x' }],
    ['without "curl"', "-H 'a: b' http://x/", { headers: [['a', 'b']] }],
  ])('%s', (_, line, expected) => {
    expect(request(line)).toMatchObject(expected);
  });

  it('line continuations, quotes and escapes', () => {
    const line = [
      'curl \\',
      "  -H 'X-Single: it'\\''s' \\",
      '  -H "X-Double: \\"q\\" \\$HOME \\n" \\',
      "  -H $'X-Ansi: a\\tb\\x41\\u00e9\\'' \\",
      '  -H X-Bare:\\ spaced \\',
      '  "http://example.com/a b"',
    ].join('\n');
    expect(request(line)).toMatchObject({
      authority: 'example.com',
      path: '/a%20b',
      headers: [
        ['X-Single', "it's"],
        ['X-Double', '"q" $HOME \\n'],
        ['X-Ansi', "a\tbAé'"],
        ['X-Bare', 'spaced'],
      ],
    });
  });

  it('Windows line endings and cmd.exe continuations', () => {
    expect(request('curl ^\r\n  -H "a: 1" ^\r\n  http://x/')).toMatchObject({ headers: [['a', '1']], path: '/' });
    expect(request('curl \\\r\n  http://x/y')).toMatchObject({ path: '/y' });
  });

  it('a Chrome "Copy as cURL" line', () => {
    const line = `curl 'https://shop.example.com/api/cart?id=7' \\
  -H 'accept: application/json' \\
  -H 'x-canary: 1' \\
  -H 'content-type: application/json' \\
  --data-raw '{"sku":"A1"}' \\
  --compressed`;
    expect(request(line)).toEqual({
      authority: 'shop.example.com',
      path: '/api/cart?id=7',
      method: 'POST',
      scheme: 'https',
      headers: [
        ['accept', 'application/json'],
        ['x-canary', '1'],
        ['content-type', 'application/json'],
      ],
    });
  });

  it('reports what it ignored or changed', () => {
    const parsed = parseCurl('curl -H @headers.txt http://x/a/../b');
    expect(parsed.ok && parsed.notes).toEqual(['--header @headers.txt: the file is not read', 'curl squashes "." and ".." in the path: /a/../b → /b (--path-as-is keeps them)']);
  });
});

describe('parseCurl: errors', () => {
  it.each([
    ['curl', 'no URL in the command line'],
    ['curl -s -v', 'no URL in the command line'],
    ["curl 'http://x", 'a single quote is not closed'],
    ['curl "http://x', 'a double quote is not closed'],
    ["curl $'http://x", "a $'…' quote is not closed"],
    ['curl ftp://x/file', 'only http and https URLs can be tested, not ftp://'],
    ['curl http://x:99999/', 'the URL\'s port "99999" is not a port number'],
    ['curl http://x:abc/', 'the URL\'s port "abc" is not a port number'],
    ['curl http:///path', 'the URL "http:///path" has no host'],
    ['curl http://x -H', 'the option -H needs a value'],
    ['curl http://x --header', 'the option --header needs a value'],
    ['curl http://[::1/', 'the URL\'s IPv6 host is not closed with "]"'],
    ['curl \\\\x/y', 'the URL\'s host "\\\\x" is not a host name'],
    ['curl http://{a,b}.example.com/', 'the URL\'s host "{a,b}.example.com" is not a host name'],
  ])('%s', (line, message) => {
    expect(error(line)).toBe(message);
  });

  it('input longer than 64 KiB', () => {
    expect(error(`curl http://x/${'a'.repeat(MAX_CURL_CHARS)}`)).toMatch(/too long/);
    expect(parseCurl(`curl http://x/${'a'.repeat(MAX_CURL_CHARS - 20)}`).ok).toBe(true);
  });

  it('never throws on non-strings', () => {
    expect(parseCurl(undefined as unknown as string)).toEqual({ ok: false, error: 'expected a curl command line' });
  });
});

describe('parseCurl: fuzz', () => {
  const pieces = fc.constantFrom(
    'curl', ' ', '\\\n', '\\', "'", '"', "$'", '-H', '--header', '-X', 'POST', '-d', '-G', '-I', '--json', '-u', 'a:b', 'http://', 'https://',
    'example.com', ':8080', ':0', ':99999', '/path', '?q=1', '#f', '[::1]', '@', 'Host: h', 'x-a: 1', '-sSL', '--', '|', ';', '&&', '#',
    '\\x41', '\\u00e9', '^\n', '\r\n', '\t', '%20', '..', '.', '=', '--url', '-b', 'a=1', '-F', '--path-as-is', '--request-target', '*',
  );
  const commandLines = fc.oneof(fc.string({ maxLength: 300 }), fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), fc.array(pieces, { maxLength: 40 }).map((p) => p.join(' ')));

  it('never throws; results are well-formed and bounded by the input (seed 20250101, 10,000 runs)', () => {
    fc.assert(
      fc.property(commandLines, (line) => {
        const parsed = parseCurl(line);
        if (!parsed.ok) return typeof parsed.error === 'string' && parsed.error.length > 0 && parsed.error.length < 400;
        const { request: r } = parsed;
        const size = JSON.stringify(r).length;
        return (
          typeof r.authority === 'string' &&
          r.authority.length > 0 &&
          typeof r.path === 'string' &&
          r.path.length > 0 &&
          typeof r.method === 'string' &&
          (r.scheme === 'http' || r.scheme === 'https') &&
          (r.headers ?? []).every(([n, v]) => typeof n === 'string' && typeof v === 'string') &&
          size < 6 * line.length + 300
        );
      }),
      { seed: 20250101, numRuns: 10_000 },
    );
  }, 60_000);

  it('pathological 64 KiB inputs finish quickly', () => {
    for (const unit of ['\\', "'", '"', '-H ', "$'\\x", '\\\n', 'a b ', '^\n']) {
      const line = `curl ${unit.repeat(Math.floor((MAX_CURL_CHARS - 10) / unit.length))}`;
      const started = performance.now();
      parseCurl(line);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  }, 60_000);

  it('tokenize splits like a shell', () => {
    expect(tokenize(`a 'b c' "d\\"e" f\\ g $'h\\ni' j"k"'l'`)).toEqual(['a', 'b c', 'd"e', 'f g', 'h\ni', 'jkl']);
    expect(tokenize("''")).toEqual(['']);
  });
});
