// The browser benchmark: `npm run bench:browser`. Prints figures; asserts nothing about time.
// Runs the production build in Debian's Chromium, like the e2e suite, on its own port.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

const port = Number(process.env.BENCH_PORT ?? 4190);

export default defineConfig({
  ...base,
  testDir: 'browser',
  testMatch: process.env.BENCH_ONLY ?? '*.bench.ts',
  outputDir: `../test-results-bench`,
  fullyParallel: false,
  workers: 1, // figures from one page at a time; the machine has two cores
  timeout: 300_000,
  reporter: 'list',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npm run build -- --outDir dist-bench && npm run preview -- --outDir dist-bench --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    cwd: '..',
  },
});
