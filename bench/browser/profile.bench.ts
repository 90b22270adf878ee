import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { encodePermalink } from '../../src/share/permalink';
import { buildDesign } from '../designs';

test('profile typing', async ({ page }) => {
  await page.goto(`/#${encodePermalink(buildDesign(1000))}`);
  const preview = page.getByRole('region', { name: 'Preview of generated files' });
  await expect(preview.getByRole('tabpanel')).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'cluster', exact: true }).click();
  const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
  await name.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  for (const key of 'abcde') { await page.keyboard.type(key); await page.waitForTimeout(600); }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync('/work/main/.cache/typing.cpuprofile', JSON.stringify(profile));
});
