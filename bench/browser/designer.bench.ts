// Browser figures for issue #8, from the production build in Chromium: JavaScript before the canvas
// is interactive, keystroke → preview latency and long tasks on a 1,000-rule design, and a
// 500-node canvas (first render, renders while dragging one node). Prints a Markdown table per
// measurement; asserts only that the page did what was asked, never how fast.
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { encodePermalink } from '../../src/share/permalink';
import { buildDesign } from '../designs';
import { installProbes, type ProbeResults } from './probes';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const probes = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)) as ProbeResults);

async function openDesign(page: Page, ruleCount: number) {
  await page.goto(`/#${encodePermalink(buildDesign(ruleCount))}`);
  await expect(page.locator('.react-flow__node').first()).toBeAttached({ timeout: 60_000 });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installProbes);
});

test('JavaScript loaded before the canvas is interactive', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // Everything else arrives after the canvas: the panels, the worker, then Monaco in the preview.
  await expect(page.locator('[data-editor="monaco"]')).toBeAttached({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const { canvasAt } = await probes(page);
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  );
  const js = scripts.filter((s) => new URL(s.url).pathname.endsWith('.js'));
  // The entry script is fetched by the document itself, before any resource entry: count it too.
  const entry = await page.evaluate(() => (document.querySelector('script[type="module"]') as HTMLScriptElement).src);
  const sizes = new Map<string, number>();
  for (const url of new Set([entry, ...js.map((s) => s.url)])) sizes.set(url, gzipSync(await (await page.request.get(url)).body()).length);
  const before = new Set([entry, ...js.filter((s) => s.start <= canvasAt!).map((s) => s.url)]);
  const gzipOf = (urls: Iterable<string>) => [...urls].reduce((sum, url) => sum + sizes.get(url)!, 0);
  console.log('\n| JavaScript (gzip) | files | size |\n| --- | ---: | ---: |');
  console.log(`| before the canvas is interactive (first node at ${ms(canvasAt!)}) | ${before.size} | ${kb(gzipOf(before))} |`);
  console.log(`| everything, once Monaco is up (panels, worker, Monaco) | ${sizes.size} | ${kb(gzipOf(sizes.keys()))} |`);
  for (const url of before) console.log(`|   ${new URL(url).pathname} | | ${kb(sizes.get(url)!)} |`);
});

for (const tab of ['envoy.yaml', 'envoy.json'] as const) {
  test(`keystroke → preview updated, 1,000 rules, ${tab} tab`, async ({ page }) => {
    await openDesign(page, 1000);
    const preview = page.getByRole('region', { name: 'Preview of generated files' });
    await preview.getByRole('tab', { name: tab }).click();
    await expect(preview.getByRole('tabpanel')).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
    // Select a cluster: the preview reveals its lines, so renaming it changes text on screen.
    await page.getByRole('navigation', { name: 'Design outline' }).getByRole('button', { name: 'cluster', exact: true }).click();
    const name = page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true });
    await name.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const latencies: number[] = [];
      const keydowns: number[] = [];
      const toPaint: number[] = [];
      let typedAt: number | null = null;
      document.addEventListener('keydown', (event) => {
        typedAt = performance.now();
        keydowns.push(event.timeStamp);
        toPaint.push(0);
      }, true);
      // The browser's own figure (Event Timing, what INP is made of): from the keystroke's event to
      // the next paint after its handlers ran. Monaco draws the change in the next animation frame,
      // so that paint shows it. The longest entry of each keystroke (keydown, keypress, input…).
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const index = keydowns.findLastIndex((at) => at <= entry.startTime + 1);
          if (index >= 0) toPaint[index] = Math.max(toPaint[index], entry.duration);
        }
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
      // The first change to the editor's DOM after a keystroke, then the frame that paints it.
      new MutationObserver(() => {
        if (typedAt === null) return;
        const start = typedAt;
        typedAt = null;
        requestAnimationFrame(() => latencies.push(performance.now() - start));
      }).observe(document.querySelector('.preview-body')!, { subtree: true, childList: true, characterData: true });
      Object.assign(window, { __latencies: latencies, __toPaint: toPaint });
      window.__bench.reset();
    });
    const keystrokes = 'abcdefghijklmnopqrst';
    for (const key of keystrokes) {
      await page.keyboard.type(key);
      await page.waitForTimeout(400); // one edit at a time: the latency of each, not of a burst
    }
    await expect(name).toHaveValue(/abcdefghijklmnopqrst$/);
    const { latencies, toPaint } = await page.evaluate(() => {
      const w = window as unknown as { __latencies: number[]; __toPaint: number[] };
      // No entry: the browser reports only events over 16 ms, so count 16 (an upper bound).
      return { latencies: w.__latencies, toPaint: w.__toPaint.map((d) => d || 16) };
    });
    const { longTasks, nodeRenders } = await probes(page);
    const sorted = [...latencies].sort((a, b) => a - b);
    const paints = [...toPaint].sort((a, b) => a - b);
    console.log(`\n| ${tab}, 1,000 rules / 200 clusters | median | min–max | long tasks (> 50 ms) while typing | longest task | node renders per keystroke |`);
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const renders = Object.values(nodeRenders).reduce((a, b) => a + b, 0) / keystrokes.length;
    const longest = longTasks.reduce((max, t) => Math.max(max, t.duration), 0);
    console.log(`| keystroke → next paint, Event Timing (${toPaint.length}/${keystrokes.length} keystrokes) | ${ms(median(paints))} | ${ms(paints[0])}–${ms(paints.at(-1)!)} | ${longTasks.length} | ${longTasks.length ? ms(longest) : '–'} | ${renders.toFixed(1)} |`);
    console.log(`| keystroke → first change in the editor's DOM, then the next frame (${latencies.length}/${keystrokes.length}) | ${ms(median(latencies))} | ${ms(sorted[0])}–${ms(sorted.at(-1)!)} | | | |`);
  });
}

/** The number of canvas nodes in the DOM once it has not changed for `quietMs` (after `after`), and when it last changed. */
async function settledNodeCount(page: Page, quietMs: number, after = 0): Promise<{ count: number; at: number }> {
  for (;;) {
    const { nodeCounts } = await probes(page);
    if (process.env.BENCH_TRACE) console.log(JSON.stringify(nodeCounts.map(({ count, at }) => [count, Math.round(at)])));
    const last = nodeCounts.at(-1);
    const now = await page.evaluate(() => performance.now());
    if (last && last.at > after && now - last.at >= quietMs) return last;
    await page.waitForTimeout(250);
  }
}

/**
 * From a small design to `link`'s, in a page that is already up (as when a link is pasted into
 * the address bar): the time until the canvas's nodes stop changing, and how many are drawn.
 */
async function openInRunningPage(page: Page, link: string) {
  // A small design first (by link: the autosave now holds the big one).
  await openDesign(page, 10);
  await page.waitForTimeout(1500);
  const start = await page.evaluate((link) => {
    window.location.hash = link;
    return performance.now();
  }, link);
  const settled = await settledNodeCount(page, 1500, start);
  return { after: settled.at - start, count: settled.count };
}

test('a 500-node canvas: first render, and what re-renders while one node is dragged', async ({ page }) => {
  const design = buildDesign(2300); // 1 listener, 46 routes of 50 rules, 460 clusters: 507 nodes
  const nodes = design.listeners.length + design.routes.length + design.clusters.length;
  await openDesign(page, 2300);
  // The canvas draws the nodes in view (onlyRenderVisibleElements): done when their number settles.
  const cold = await settledNodeCount(page, 1500);
  const { canvasAt } = await probes(page);
  const warm = await openInRunningPage(page, encodePermalink(design));
  // Drag the first node drawn (the canvas draws the nodes in view) by its title, 20 mouse moves.
  const title = page.locator('.react-flow__node .node-title').first();
  const box = (await title.boundingBox())!;
  await page.evaluate(() => window.__bench.reset());
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 20; step++) await page.mouse.move(box.x + box.width / 2 + step * 5, box.y + box.height / 2 + step * 3);
  await page.mouse.up();
  await page.waitForTimeout(500);
  const { nodeRenders, longTasks } = await probes(page);
  const dragged = Object.keys(nodeRenders);
  console.log(`\n| canvas, ${nodes} nodes | figure |\n| --- | ---: |`);
  console.log(`| opened by link: first node in the DOM (navigation start → first node) | ${ms(canvasAt!)} |`);
  console.log(`| opened by link: every node in view drawn (navigation start → last change; ${cold.count} of ${nodes} nodes in view) | ${ms(cold.at)} |`);
  console.log(`| link pasted into a running page: every node in view drawn (${warm.count} in view) | ${ms(warm.after)} |`);
  console.log(`| node components that re-rendered during a 20-step drag | ${dragged.length} (${dragged.join(', ')}) |`);
  console.log(`| renders of those during the drag | ${Object.values(nodeRenders).join(', ')} |`);
  console.log(`| long tasks during the drag | ${longTasks.length}${longTasks.length ? ` (longest ${ms(Math.max(...longTasks.map((t) => t.duration)))})` : ''} |`);
});
