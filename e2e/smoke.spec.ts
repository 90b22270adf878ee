import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

test('the built app renders the default design and every request stays on its origin', async ({ page, baseURL }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await expect(page.getByRole('heading', { name: 'Envoy Route Designer' })).toBeVisible();
  await expect(designer.node('listener', 'listener_0')).toBeVisible();
  await expect(designer.node('route', 'service')).toBeVisible();
  await expect(designer.node('cluster', 'service')).toBeVisible();
  expect(await designer.copiedText('envoy.yaml')).toContain('envoy.filters.network.http_connection_manager');
  // Monaco arrives lazily, from this origin.
  await expect(designer.preview.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');

  expect(designer.requests.length).toBeGreaterThan(0);
  expect(designer.foreignRequests(new URL(baseURL!).origin)).toEqual([]);
  expect(designer.consoleErrors).toEqual([]);
});
