import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browsers here. The extra flags stop
// Chromium from calling Google's services, which the sandbox's closed network refuses.
// E2E_PORT lets two checkouts (or two people on one machine) run the suite side by side; each
// builds into its own directory so neither serves the other's build.
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = port === 4173 ? 'dist' : `dist-${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: port === 4173 ? 'test-results' : `test-results-${port}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Two workers share two cores with the preview server; axe scans and Monaco make pages heavy.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    screenshot: 'only-on-failure',
    // A designer is a desktop tool: test at a common laptop resolution, not Playwright's 1280×720.
    viewport: { width: 1600, height: 900 },
  },
  webServer: {
    command: `npm run build -- --outDir ${outDir} && npm run preview -- --outDir ${outDir} --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
