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

test('merges an imported config into the current design; one undo brings the design back', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const before = await designer.copiedText('design.json');
  await designer.importConfig(FRONT_PROXY);
  const summary = designer.importDialog.getByTestId('import-summary');
  // listener_0 is taken by the current design: the summary says what the merge will do about it.
  await expect(summary.getByRole('region', { name: 'If merged' })).toContainText('listener "listener_0" is added as "listener_0-2"');
  await designer.importDialog.getByRole('button', { name: 'Merge into current design' }).click();
  await expect(designer.importDialog).toBeHidden();

  for (const [kind, name] of [['listener', 'listener_0'], ['route', 'service'], ['cluster', 'service'], ['listener', 'listener_0-2'], ['route', 'backend'], ['cluster', 'service1']] as const) {
    await expect(designer.node(kind, name)).toBeVisible();
  }
  // The imported nodes sit below the current ones.
  const [old, added] = await Promise.all([designer.node('cluster', 'service').boundingBox(), designer.node('cluster', 'service1').boundingBox()]);
  expect(added!.y).toBeGreaterThan(old!.y + old!.height);
  const envoy = parse(await designer.copiedText('envoy.yaml'));
  expect(envoy.static_resources.listeners.map((l: { name: string }) => l.name)).toEqual(['listener_0', 'listener_0-2']);
  expect(envoy.static_resources.clusters.map((c: { name: string }) => c.name)).toEqual(['service', 'service1']);
  await expect(designer.notice).toContainText('Merged');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(designer.node('cluster', 'service1')).toHaveCount(0);
  expect(await designer.copiedText('design.json')).toBe(before);
  expect(designer.consoleErrors).toEqual([]);
});

test('edits envoy.yaml in the preview and applies it: the canvas follows the text', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const before = JSON.parse(await designer.copiedText('design.json'));
  await designer.editPreview('envoy.yaml', (text) =>
    text
      .replace('- name: service\n      type: STATIC', '- name: web\n      type: STATIC')
      .replace('cluster_name: service', 'cluster_name: web')
      .replace('cluster: service\n', 'cluster: web\n')
      .replace('prefix: /\n', 'prefix: /app\n'),
  );
  await designer.applyPreviewEdit('envoy.yaml');
  const dialog = page.getByRole('dialog', { name: 'Apply the edited envoy.yaml' });
  await expect(dialog.getByTestId('import-summary')).toContainText('cluster "web"');
  await dialog.getByRole('button', { name: 'Replace current design' }).click();
  await expect(dialog).toBeHidden();

  await expect(designer.node('cluster', 'web')).toBeVisible();
  await expect(designer.node('cluster', 'service')).toHaveCount(0);
  await expect(designer.node('route', 'service').getByTestId('rule-1')).toContainText('/app');
  await expect(designer.preview.getByRole('button', { name: 'Edit envoy.yaml' })).toBeFocused();
  // The same element, renamed: in its place, and the rest of the design (Kubernetes settings) as it was.
  const after = JSON.parse(await designer.copiedText('design.json'));
  expect(after.layout).toEqual(before.layout);
  expect(after.deployment).toEqual(before.deployment);
  expect(after.clusters[0]).toEqual({ ...before.clusters[0], name: 'web' });
  expect(await designer.copiedText('envoy.yaml')).toContain('prefix: /app');
  expect(designer.consoleErrors).toEqual([]);
});

test('broken text in the preview’s Edit mode is refused with its line and column; the design and the text stay', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.editPreview('envoy.yaml', () => 'static_resources:\n  clusters: [ {name: a, hosts: [}');
  const text = designer.preview.locator('.view-lines');
  // The live preview never writes over the text being edited, not even when the design changes.
  await designer.add('Cluster');
  await expect(designer.node('cluster', 'cluster')).toBeVisible();
  await expect(text).toContainText('hosts: [}');
  const before = await designer.copiedText('design.json');

  await designer.applyPreviewEdit('envoy.yaml');
  const alert = designer.preview.getByRole('alert');
  await expect(alert).toContainText('could not be imported');
  await expect(alert).toContainText('not YAML or JSON (line 2, column 33)');
  // Still editing, with the user's text.
  await expect(designer.previewEditor('envoy.yaml')).toBeAttached();
  await expect(designer.preview.getByRole('button', { name: 'Apply edited envoy.yaml' })).toBeEnabled();
  await expect(text).toContainText('hosts: [}');

  // A v2 config is refused the same way.
  await designer.replaceEditedText('envoy.yaml', 'static_resources:\n  clusters:\n  - name: a\n    hosts: [{socket_address: {address: a, port_value: 80}}]\n');
  await designer.applyPreviewEdit('envoy.yaml');
  await expect(alert).toContainText('static_resources.clusters[0].hosts (line 4, column 12): is v2');

  await designer.preview.getByRole('button', { name: 'Cancel editing envoy.yaml' }).click();
  await expect(designer.previewEditor('envoy.yaml')).toHaveCount(0);
  expect(await designer.copiedText('design.json')).toBe(before);
  expect(designer.consoleErrors).toEqual([]);
});
