import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main screen has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const designer = new DesignerPage(page);
    await designer.open();
    await expect(designer.preview.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
    for (const kind of ['listener', 'route', 'cluster'] as const) {
      await designer.select(kind, kind === 'listener' ? 'listener_0' : 'service');
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.getByRole('button', { name: 'New…' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the main flow works by keyboard alone', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.newEmptyDesign();
  const press = async (name: string) => {
    await page.getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
  };
  await press('+ Listener');
  await press('+ Route');
  await press('+ Cluster');
  // Connect listener → route and rule → cluster from the inspector, by keyboard.
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: /^listener/ }).focus();
  await page.keyboard.press('Enter');
  await expect(designer.inspector.getByLabel('Route to serve')).toHaveValue('route-1');
  await designer.inspector.getByRole('button', { name: 'Add route' }).press('Enter');
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'Rule 1' }).press('Enter');
  await designer.inspector.getByLabel('Cluster', { exact: true }).focus();
  await designer.inspector.getByLabel('Cluster', { exact: true }).selectOption({ label: 'cluster' });
  await expect(designer.canvas.locator('.react-flow__edge')).toHaveCount(2);
  // Delete by keyboard.
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'cluster' }).press('Enter');
  await page.keyboard.press('Delete');
  await expect(designer.node('cluster', 'cluster')).toHaveCount(0);
});
