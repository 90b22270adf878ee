// Nothing leaves the page, and the page runs under a strict Content-Security-Policy: one walk
// through every feature, recording every request (the page's and its workers') and every policy
// violation. Then names built to break out of their context, rendered and written as text.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { DesignerPage, FILES } from './pages/DesignerPage';

const FRONT_PROXY = readFileSync('src/validate/__fixtures__/envoy-corpus/examples__front-proxy__service-envoy.yaml', 'utf8');

test('the policy arrives as a header and in the page: self only, no eval, no framing', async ({ page }) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta]) {
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:|\*|blob:/);
  }
  // A <meta> cannot forbid framing; the header can.
  expect(header).toContain("frame-ancestors 'none'");
  expect(meta).not.toContain('frame-ancestors');
  // The meta comes first: the policy covers every script and style of the page.
  expect(await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');
});

test('the policy holds in the page and in its workers, and a violation there would be seen', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.recordCspViolations();
  const validationWorker = page.waitForEvent('worker', (worker) => worker.url().includes('validation.worker'));
  await designer.open();
  const worker = await validationWorker;
  await expect(designer.problems).toContainText('No problems');
  expect(await designer.cspViolations()).toEqual([]);
  // Script from anywhere but this origin, refused in both places; each refusal is recorded (the
  // worker's policy is the header's). DevTools' own evaluation may eval, so a data: import it is.
  const importData = () => {
    const script = 'data:text/javascript,export default 1';
    return import(script).then(
      () => 'loaded',
      () => 'refused',
    );
  };
  expect(await page.evaluate(importData)).toBe('refused');
  expect(await worker.evaluate(importData)).toBe('refused');
  await expect.poll(async () => (await designer.cspViolations()).some((v) => v.startsWith('script-src-elem blocked data'))).toBe(true);
  await expect.poll(async () => (await designer.cspViolations()).some((v) => /^worker .*validation\.worker.*data:/.test(v))).toBe(true);
});

test('every feature, under the policy: no violation, and every request stays on the page’s origin', async ({ page, baseURL }) => {
  test.slow();
  const designer = new DesignerPage(page);
  await designer.recordCspViolations();
  await designer.open();
  const origin = new URL(baseURL!).origin;

  // A design from a template; nodes from the palette (click and drag); an inspector edit.
  await designer.newFromTemplate(/Front proxy/);
  await designer.add('Listener');
  await designer.add('Route');
  await page.getByRole('button', { name: '+ Cluster' }).dragTo(designer.canvas, { targetPosition: { x: 200, y: 300 } });
  await designer.inspector.getByLabel('Name', { exact: true }).fill('added');
  await expect(designer.node('cluster', 'added')).toBeVisible();

  // Every preview tab, in Monaco.
  for (const file of FILES) {
    await designer.openTab(file);
    await expect(designer.preview.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  }

  // Validation in the worker: a rule to a removed cluster is a problem, with a squiggle in the preview.
  await designer.problems.getByRole('button', { name: /^Problems:/ }).click();
  // The outline lists routes before clusters: the last "api" is the cluster.
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'api', exact: true }).last().click();
  await page.keyboard.press('Delete');
  await designer.openTab('envoy.yaml');
  await designer.problems.getByRole('button', { name: /unknown cluster/ }).first().click();
  await expect(designer.preview.locator('.monaco-editor .squiggly-error').first()).toBeAttached({ timeout: 15_000 });
  // Undo and redo, by button and by keyboard.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(designer.node('cluster', 'api')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(designer.node('cluster', 'api')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(designer.node('cluster', 'api')).toBeVisible();

  // The request tester, by form and by curl.
  await designer.tester.getByRole('button', { name: /^Test a request/ }).click();
  await designer.tester.getByLabel('Authority').fill('shop.example.com');
  await designer.tester.getByLabel('Path', { exact: true }).fill('/api/users');
  await expect(designer.tester.getByTestId('tester-outcome')).toHaveText('→ cluster api');
  await designer.tester.getByLabel('Paste a curl command').fill("curl -H 'Host: api.example.com' http://127.0.0.1:8080/");
  await designer.tester.getByRole('button', { name: 'Use curl' }).click();
  await expect(designer.tester.getByLabel('Authority')).toHaveValue('api.example.com');

  // Keep and share: link, bundle, design.json out and back in.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(designer.notice).toContainText('Link copied');
  expect((await designer.download('Download')).suggestedFilename()).toMatch(/\.zip$/);
  const saved = readFileSync(await (await designer.download('Save as')).path(), 'utf8');
  await page.getByLabel('Open design.json').setInputFiles({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from(saved) });

  // Auto layout (elkjs, loaded on first use), then import (in the worker).
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect.poll(async () => (await designer.copiedText('design.json')) !== saved).toBe(true);
  expect(designer.requests.some((url) => /\/elk[^/]*\.js$/.test(url))).toBe(true);
  await designer.importConfig(FRONT_PROXY);
  await expect(designer.importDialog.getByTestId('import-summary')).toContainText('cluster "service1"');
  await designer.importDialog.getByRole('button', { name: 'Replace current design' }).click();
  await expect(designer.node('cluster', 'service1')).toBeVisible();

  // Every theme.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^Theme:/ }).click();
  await page.waitForLoadState('networkidle');

  expect(await designer.cspViolations()).toEqual([]);
  expect(designer.consoleErrors).toEqual([]);
  // The workers' scripts and the protos they fetch are among the requests: worker traffic is seen.
  expect(designer.requests.some((url) => url.endsWith('.binpb'))).toBe(true);
  expect(designer.requests.some((url) => /worker.*\.js$/.test(url))).toBe(true);
  expect(designer.offOriginRequests(origin)).toEqual([]);
});

// Markup, quotes, a YAML comment and a flow indicator, bidi and zero-width characters. Inspector
// fields take one line, so no newline.
const NASTY = `</script><img src=x onerror=alert(1)> "q" 'q': #{{x}} \u202eevil\u200b`;

test('a name built to break out renders as text, is quoted in the YAML, and makes a safe file name', async ({ page }) => {
  const designer = new DesignerPage(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await designer.open();
  await designer.select('cluster', 'service');
  await designer.inspector.getByLabel('Name', { exact: true }).fill(NASTY);
  await expect(designer.node('cluster', NASTY)).toBeVisible();
  await expect(designer.node('cluster', NASTY).locator('.node-title')).toContainText(NASTY);
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: NASTY, exact: true }).click();
  await expect(designer.inspector.getByRole('heading', { name: `Cluster "${NASTY}"` })).toBeVisible();

  const envoyYaml = await designer.copiedText('envoy.yaml');
  const envoy = parse(envoyYaml);
  expect(envoy.static_resources.clusters[0].name).toBe(NASTY);
  expect(envoy.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes[0].route.cluster).toBe(NASTY);
  // Quoted, on one line: the YAML cannot be cut short by the name's `: #`.
  expect(envoyYaml).toContain(`name: ${JSON.stringify(NASTY)}`);
  expect(JSON.parse(await designer.copiedText('envoy.json')).static_resources.clusters[0].name).toBe(NASTY);

  const download = await designer.download('Download');
  expect(download.suggestedFilename()).toMatch(/^[A-Za-z0-9_-]+\.zip$/);
  const zip = unzipSync(readFileSync(await download.path()));
  expect(parse(strFromU8(zip['envoy.yaml'])).static_resources.clusters[0].name).toBe(NASTY);

  // Nothing ran: no element made from the name, no alert.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
  expect(dialogs).toEqual([]);
  expect(designer.consoleErrors).toEqual([]);
});

test('a design named to break out downloads under a safe file name', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const design = JSON.parse(await designer.copiedText('design.json'));
  design.name = `../../${NASTY}\\..\\CON`;
  await page.getByLabel('Open design.json').setInputFiles({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await expect.poll(async () => JSON.parse(await designer.copiedText('design.json')).name).toBe(design.name);
  const download = await designer.download('Download');
  expect(download.suggestedFilename()).toMatch(/^[A-Za-z0-9_-]+\.zip$/);
  expect(download.suggestedFilename()).not.toContain('..');
});
