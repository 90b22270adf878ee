import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

// Saved on every run: the README shows the light one; a reviewer looks at both.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`main screen in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1600, height: 900 });
    const designer = new DesignerPage(page);
    await designer.open();
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await designer.select('route', 'service');
    // Wait for the lazily loaded editor so the picture shows the real preview.
    await expect(designer.preview.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `e2e/screenshots/main-${colorScheme}.png` });
  });
}
