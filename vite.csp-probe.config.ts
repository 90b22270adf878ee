// TEMPORARY (helper probe, removed after use): the app's config without style-src 'unsafe-inline'.
import { mergeConfig, type Plugin } from 'vite';
import base, { CONTENT_SECURITY_POLICY } from './vite.config';
const strip = (s: string) => s.replace(" 'unsafe-inline'", '');
const probe: Plugin = { name: 'probe', apply: 'build', enforce: 'post', transformIndexHtml: { order: 'post', handler: (html) => strip(html) } };
const config = mergeConfig(base, { plugins: [probe] });
config.preview.headers['Content-Security-Policy'] = strip(CONTENT_SECURITY_POLICY);
config.preview.port = 4184;
export default config;
