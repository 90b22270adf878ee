import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

test('breaking a design shows a badge, a problem and a marker; fixing it clears them', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('No problems');
  await problems.getByRole('button', { name: /^Problems:/ }).click();

  // A route to a deleted cluster.
  await designer.select('cluster', 'service');
  await page.keyboard.press('Delete');
  const rule = designer.node('route', 'service').getByTestId('rule-1');
  await expect(rule.getByRole('img', { name: /Rule 1: \d+ errors?/ })).toBeVisible();
  await expect(problems).toContainText("route: unknown cluster 'cluster-1'");

  // Choosing the problem selects the rule and reveals its line, which carries a marker.
  await designer.openTab('envoy.yaml');
  await problems.getByRole('button', { name: /unknown cluster/ }).click();
  await expect(rule.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  const panel = designer.preview.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('data-problem-lines', /\d+/);
  await expect(designer.preview.locator('.monaco-editor .squiggly-error').first()).toBeAttached({ timeout: 15_000 });

  // Download still works, and says Envoy would reject the config.
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(designer.notice).toContainText('Envoy would reject this config');

  // Fix: undo brings the cluster back; the problem goes.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(problems).toContainText('No problems');
  await expect(rule.getByRole('img', { name: /error/ })).toHaveCount(0);
  await expect(panel).not.toHaveAttribute('data-problem-lines', /\d/);
});

test('a duplicate domain across a listener’s routes is flagged on the route and its connection', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByRole('button', { name: /^Problems:/ }).click();
  await page.getByRole('button', { name: 'New…' }).click();
  await page.getByRole('button', { name: /Front proxy/ }).click();
  // The inspector refuses a clashing domain as you type; a design file can still carry one.
  const design = JSON.parse(await designer.copiedText('design.json'));
  design.routes[1].domains = ['API.example.com', '*'];
  await page.getByLabel('Open design.json').setInputFiles({ name: 'clash.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await expect(problems).toContainText('Only unique values for domains are permitted');
  await expect(designer.node('route', 'web').getByRole('img', { name: /Route web: 1 error/ })).toBeVisible();
  // The clash exists because the listener serves both routes: its edge to `web` carries a badge too.
  const connectionBadge = designer.canvas.getByRole('img', { name: 'Connection: 1 error' });
  await expect(connectionBadge).toHaveCount(1);
  await designer.select('route', 'web');
  await designer.inspector.getByLabel('Domain 1', { exact: true }).fill('www.example.com');
  await expect(problems).toContainText('No problems');
  await expect(connectionBadge).toHaveCount(0);
});
