/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Content-Security-Policy of the built app: everything from this origin, nothing from anywhere
// else, no eval. SECURITY.md says why each directive is there. One policy, delivered twice: as a
// <meta> in the built index.html (it travels with the files to any static host) and as a response
// header on `vite preview` (which also covers the workers' scripts, and can carry frame-ancestors).
// The dev server gets neither: React Refresh needs an inline script there.
const POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  // Monaco writes its theme and decorations into <style> elements and renders lines with style
  // attributes. A build without 'unsafe-inline' showed Monaco's as the only violations.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Monaco draws its squiggles as data: SVG backgrounds.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};
/** Ignored in a <meta> (browsers warn about it there): header only. */
const HEADER_ONLY: Record<string, string[]> = { 'frame-ancestors': ["'none'"] };

const serialize = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');

export const CONTENT_SECURITY_POLICY = serialize({ ...POLICY, ...HEADER_ONLY });

/** Puts the policy's <meta> first in <head> of the built page, before any script or style. */
function contentSecurityPolicyMeta(): Plugin {
  const anchor = /<meta charset="UTF-8" \/>/;
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!anchor.test(html)) throw new Error('index.html: no <meta charset="UTF-8" /> to put the Content-Security-Policy after');
      return html.replace(anchor, `$&\n    <meta http-equiv="Content-Security-Policy" content="${serialize(POLICY)}" />`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    // e2e/*.spec.ts belongs to Playwright, not Vitest.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Property and fuzz tests run thousands of cases; on CI's two shared cores Vitest's 5 s default
    // fails them for slowness, which is what benchmarks measure, not tests.
    testTimeout: 60_000,
  },
});
