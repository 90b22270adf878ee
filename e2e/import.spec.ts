import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { DesignerPage } from './pages/DesignerPage';

const FRONT_PROXY = readFileSync('src/validate/__fixtures__/envoy-corpus/examples__front-proxy__service-envoy.yaml', 'utf8');

test('pastes the Envoy front-proxy example, sees the summary and the laid-out nodes, then edits a cluster', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Envoy config' });
  await dialog.getByLabel('Envoy config (YAML or JSON)').fill(FRONT_PROXY);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = dialog.getByTestId('import-summary');
  await expect(summary.getByRole('region', { name: 'Becomes nodes' })).toContainText('cluster "service1"');
  await expect(summary.getByRole('region', { name: 'Could not be imported' })).toContainText('Nothing');
  await dialog.getByRole('button', { name: 'Replace current design' }).click();
  await expect(dialog).toBeHidden();

  const listener = designer.node('listener', 'listener_0');
  const route = designer.node('route', 'backend');
  const cluster = designer.node('cluster', 'service1');
  await expect(cluster).toBeVisible();
  // Laid out left to right: listeners → routes → clusters.
  const [l, r, c] = await Promise.all([listener.boundingBox(), route.boundingBox(), cluster.boundingBox()]);
  expect(l!.x).toBeLessThan(r!.x);
  expect(r!.x).toBeLessThan(c!.x);

  await designer.select('cluster', 'service1');
  await designer.inspector.getByLabel('Connect timeout').fill('7s');
  const envoy = parse(await designer.copiedText('envoy.yaml'));
  const original = parse(FRONT_PROXY);
  expect(envoy.static_resources.clusters[0].connect_timeout).toBe('7s');
  expect(envoy.static_resources.clusters[0].load_assignment).toEqual(original.static_resources.clusters[0].load_assignment);
});

test('a broken config is refused in the dialog and the design stays', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const before = await designer.copiedText('design.json');
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Envoy config' });
  await dialog.getByLabel('Envoy config (YAML or JSON)').fill('static_resources:\n  clusters: [ {name: a, hosts: [}');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('could not be imported');
  await expect(dialog.getByRole('button', { name: 'Replace current design' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await designer.copiedText('design.json')).toBe(before);
});

test('auto layout places any design left to right and is undoable', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const before = await designer.copiedText('design.json');
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect.poll(async () => (await designer.copiedText('design.json')) !== before).toBe(true);
  const layout = JSON.parse(await designer.copiedText('design.json')).layout;
  expect(layout['listener-1'].x).toBeLessThan(layout['route-1'].x);
  expect(layout['route-1'].x).toBeLessThan(layout['cluster-1'].x);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await designer.copiedText('design.json')).toBe(before);
});

test('what the model does not express is shown as kept as is, and can be deleted', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Envoy config' });
  await dialog.getByLabel('Envoy config (YAML or JSON)').fill(readFileSync('src/validate/__fixtures__/envoy-corpus/examples__cors__frontend__envoy.yaml', 'utf8'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-summary').getByRole('region', { name: 'Kept as is' })).toContainText('http_filters');
  await dialog.getByRole('button', { name: 'Replace current design' }).click();
  expect(await designer.copiedText('envoy.yaml')).toContain('envoy.filters.http.cors');

  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('listitem').first().getByRole('button').click();
  const kept = designer.inspector.getByRole('group', { name: 'Kept as is' });
  await expect(kept).toContainText('envoy.filters.http.cors');
  await kept.getByRole('button', { name: 'Delete kept data' }).click();
  await expect(kept).toHaveCount(0);
  expect(await designer.copiedText('envoy.yaml')).not.toContain('envoy.filters.http.cors');
});
