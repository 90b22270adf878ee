import { expect, test } from '@playwright/test';

test('the built app renders the default design and every request stays on its origin', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(request.url()));
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Envoy Route Designer' })).toBeVisible();
  await expect(page.getByLabel('envoy.yaml')).toContainText('envoy.filters.network.http_connection_manager');
  await page.waitForLoadState('networkidle');

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
