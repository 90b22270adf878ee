import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

test('tests a request: the verdicts, the result and the path on the canvas', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await page.getByRole('button', { name: 'New…' }).click();
  await page.getByRole('button', { name: /Front proxy/ }).click();
  const tester = page.getByRole('region', { name: 'Test a request' });
  await tester.getByRole('button', { name: /^Test a request/ }).click();
  await tester.getByLabel('Authority').fill('shop.example.com');
  await tester.getByLabel('Path', { exact: true }).fill('/api/users?page=2');
  await expect(tester.getByTestId('tester-outcome')).toHaveText('→ cluster api');
  await expect(tester.getByRole('list', { name: 'Rules tried' })).toContainText('Rule 1: matches');
  await expect(designer.node('route', 'web')).toHaveClass(/on-test-path/);
  await expect(designer.node('route', 'web').getByTestId('rule-1')).toHaveClass(/on-test-path/);
  await expect(designer.node('cluster', 'api')).toHaveClass(/on-test-path/);
  await expect(designer.node('cluster', 'web')).not.toHaveClass(/on-test-path/);

  // The same request as a curl command line; the exact domain wins over "*".
  await tester.getByLabel('Paste a curl command').fill("curl -H 'Host: api.example.com' http://127.0.0.1:8080/");
  await tester.getByRole('button', { name: 'Use curl' }).click();
  await expect(tester.getByLabel('Authority')).toHaveValue('api.example.com');
  await expect(tester.getByTestId('tester-outcome')).toHaveText('→ cluster api');
  await expect(designer.node('route', 'api')).toHaveClass(/on-test-path/);

  // Saved as a case expecting "api": it passes, and travels in the design.
  await tester.getByLabel('Authority').fill('shop.example.com');
  await tester.getByLabel('Path', { exact: true }).fill('/api/users');
  await tester.getByRole('button', { name: 'Save as test case' }).click();
  const saved = tester.getByTestId('case-GET shop.example.com/api/users');
  await expect(saved).toContainText('PASS');
  await expect(saved.getByLabel('Expected cluster for GET shop.example.com/api/users')).toHaveValue('cluster-2');
  expect(JSON.parse(await designer.copiedText('design.json')).tests).toHaveLength(1);
  expect(JSON.parse(await designer.copiedText('route-tests.json')).tests[0].validate).toEqual({ cluster_name: 'api' });

  // Re-runs on every edit: with the rule removed, the request falls through to "/" and the case fails.
  // The outline lists routes before clusters: the first "web" is the route.
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'web', exact: true }).first().click();
  await expect(designer.inspector.getByRole('heading', { name: 'Route "web"' })).toBeVisible();
  await designer.inspector.getByRole('button', { name: 'Remove rule 1' }).click();
  await expect(tester.getByTestId('tester-outcome')).toHaveText('→ cluster web');
  await expect(saved).toContainText('FAIL');
  await expect(saved).toContainText('got web');
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByRole('button', { name: /^Problems:/ }).click();
  await expect(problems).toContainText('test "GET shop.example.com/api/users"');
});
