import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

const CORPUS = 'src/validate/__fixtures__/envoy-corpus';
const FRONT_PROXY = readFileSync(`${CORPUS}/examples__front-proxy__service-envoy.yaml`, 'utf8');
const CORS = readFileSync(`${CORPUS}/examples__cors__frontend__envoy.yaml`, 'utf8');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Scans the page as it is now; `screen` names it in the failure. */
async function expectAccessible(page: Page, screen: string) {
  expect(await seriousViolations(page), screen).toEqual([]);
}

const outline = (page: Page) => page.getByRole('navigation', { name: 'Design outline' });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the main screen and the inspector of every kind of element', async ({ page }) => {
      const designer = new DesignerPage(page);
      await designer.open();
      await expect(designer.preview.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
      await expectAccessible(page, 'main screen, deployment settings in the inspector');
      for (const kind of ['listener', 'route', 'cluster'] as const) {
        await designer.select(kind, kind === 'listener' ? 'listener_0' : 'service');
        await expectAccessible(page, `inspector: ${kind}`);
      }
      await outline(page).getByRole('button', { name: 'Rule 1' }).click();
      await expectAccessible(page, 'inspector: rule');
      // A weighted split: an edge's inspector, and several elements at once.
      await designer.newFromTemplate(/Canary split/);
      await designer.canvas.locator('.react-flow__edge').nth(2).click({ force: true });
      await expect(designer.inspector.getByLabel('Weight', { exact: true })).toBeVisible();
      await expectAccessible(page, 'inspector: edge');
      await page.keyboard.press('Control+a');
      await expect(designer.inspector).toContainText('elements selected');
      await expectAccessible(page, 'inspector: several elements');
    });

    test('every dialog: new design, import (both steps, refused), and what was kept as is', async ({ page }) => {
      const designer = new DesignerPage(page);
      await designer.open();
      await page.getByRole('button', { name: 'New…' }).click();
      await expectAccessible(page, 'new design dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Import…' }).click();
      await expectAccessible(page, 'import dialog: paste');
      await designer.importDialog.getByLabel('Envoy config (YAML or JSON)').fill('static_resources:\n  clusters: [ {name: a, hosts: [}');
      await designer.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(designer.importDialog.getByRole('alert')).toBeVisible();
      await expectAccessible(page, 'import dialog: refused');
      await designer.importDialog.getByRole('button', { name: 'Cancel' }).click();

      await designer.importConfig(FRONT_PROXY);
      await expect(designer.importDialog.getByTestId('import-summary')).toContainText('cluster "service1"');
      await expectAccessible(page, 'import dialog: summary');
      await designer.importDialog.getByRole('button', { name: 'Cancel' }).click();

      await designer.importConfig(CORS);
      await designer.importDialog.getByRole('button', { name: 'Replace current design' }).click();
      await outline(page).getByRole('listitem').first().getByRole('button').first().click();
      await expect(designer.inspector.getByRole('group', { name: 'Kept as is' })).toBeVisible();
      await expectAccessible(page, 'inspector: kept as is');
    });

    test('panels and notices: problems, request tester, info, warning and error banners', async ({ page }) => {
      const designer = new DesignerPage(page);
      await designer.open();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect(designer.notice).toContainText('Link copied');
      await expectAccessible(page, 'info notice');

      await designer.select('cluster', 'service');
      await page.keyboard.press('Delete');
      await designer.problems.getByRole('button', { name: /^Problems:/ }).click();
      await expect(designer.problems.getByRole('button', { name: /unknown cluster/ })).toBeVisible();
      await designer.download('Download');
      await expect(designer.notice).toContainText('Envoy would reject this config');
      await expectAccessible(page, 'problems panel open, warning notice');
      await page.getByRole('button', { name: 'Undo' }).click();

      await designer.tester.getByRole('button', { name: /^Test a request/ }).click();
      await designer.tester.getByLabel('Path', { exact: true }).fill('/anything');
      await designer.tester.getByRole('button', { name: 'Save as test case' }).click();
      await page.evaluate(() => (window.location.hash = '#d=1.garbage'));
      await expect(designer.notice).toContainText('could not be opened');
      await expectAccessible(page, 'request tester open with a saved case, error notice');
    });
  });
}

test('every action is reachable by keyboard, and focus is visible', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  // A focus style for keyboard users exists, and the focused control shows it.
  expect(await page.evaluate(() => [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes(':focus-visible'))))).toBe(true);
  await page.keyboard.press('Tab');
  const outlineStyle = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outlineStyle).not.toBe('none');

  // Tab reaches every toolbar button that is enabled, in order. (The file input behind Open… is
  // out of the tab order: Open… is its keyboard way.)
  const toolbar = page.getByRole('toolbar', { name: 'Designer' });
  const buttons = await toolbar.getByRole('button').evaluateAll((all) => all.filter((b) => !(b as HTMLButtonElement).disabled && b.tabIndex >= 0).map((b) => b.textContent?.trim()));
  await toolbar.getByRole('button').first().focus();
  const reached: string[] = [];
  for (let i = 0; i < buttons.length * 2 && reached.length < buttons.length; i++) {
    const focused = await page.evaluate(() => (document.activeElement?.closest('[role="toolbar"]') ? document.activeElement.textContent?.trim() : null));
    if (focused && !reached.includes(focused)) reached.push(focused);
    await page.keyboard.press('Tab');
  }
  expect(reached).toEqual(buttons);

  // Dialogs open and close by keyboard; focus goes into them.
  await page.getByRole('button', { name: 'New…' }).press('Enter');
  await expect(page.getByRole('dialog', { name: 'New design' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New design' })).toBeHidden();
  await page.getByRole('button', { name: 'Import…' }).press('Enter');
  await expect(designer.importDialog.getByLabel('Envoy config (YAML or JSON)')).toBeFocused();
  await page.keyboard.type('admin: {}');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(designer.importDialog.getByTestId('import-summary')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(designer.importDialog).toBeHidden();

  // Panels under the canvas open by keyboard.
  await designer.problems.getByRole('button', { name: /^Problems:/ }).press('Enter');
  await expect(designer.problems.getByRole('button', { name: /^Problems:/ })).toHaveAttribute('aria-expanded', 'true');
  await designer.tester.getByRole('button', { name: /^Test a request/ }).press('Enter');
  await designer.tester.getByLabel('Authority').press('Tab');
  await expect(designer.tester.getByLabel('Path', { exact: true })).toBeFocused();
});

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
  await outline(page).getByRole('button', { name: /^listener/ }).focus();
  await page.keyboard.press('Enter');
  await expect(designer.inspector.getByLabel('Route to serve')).toHaveValue('route-1');
  await designer.inspector.getByRole('button', { name: 'Add route' }).press('Enter');
  await outline(page).getByRole('button', { name: 'Rule 1' }).press('Enter');
  await designer.inspector.getByLabel('Cluster', { exact: true }).focus();
  await designer.inspector.getByLabel('Cluster', { exact: true }).selectOption({ label: 'cluster' });
  await expect(designer.canvas.locator('.react-flow__edge')).toHaveCount(2);
  // The outline reads the graph out: listener → route, rule → cluster.
  await expect(outline(page).getByRole('button', { name: /^listener :\d+ → route$/ })).toBeVisible();
  await expect(outline(page).getByRole('button', { name: 'Rule 1: / → cluster cluster' })).toBeVisible();
  // Delete by keyboard.
  await outline(page).getByRole('button', { name: 'cluster', exact: true }).press('Enter');
  await page.keyboard.press('Delete');
  await expect(designer.node('cluster', 'cluster')).toHaveCount(0);
});

test('zoomed out, a route draws its rules as bars that still name each rule to assistive technology', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const rules = designer.node('route', 'service').getByRole('list', { name: 'Rules of service' });
  await expect(rules.getByRole('button')).toHaveText('1/→');
  // The zoom control, as a person would, until the rules turn into bars (below zoom 0.4).
  const zoomOut = page.getByRole('button', { name: /zoom out/i });
  for (let i = 0; i < 12 && (await rules.locator('.rule-bar').count()) === 0; i++) await zoomOut.click();
  await expect(rules.locator('.rule-bar')).toHaveCount(1);
  await expect(rules.getByRole('button')).toHaveCount(0);
  // What the rule's button said (its number, match and action), now as the bar's hidden text.
  await expect(rules.getByRole('listitem')).toHaveText('1. / →');
  await expectAccessible(page, 'canvas zoomed out: rules drawn as bars');
});
