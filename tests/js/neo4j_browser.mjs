// Drives Neo4j Browser (served by the test run's own Neo4j at /browser/) in headless Chromium:
// connect, apply edugraph.grass with :style, set parameters, run a saved query, read the drawn graph.
// Input: one JSON argument {http, bolt, password, grass, query, params, screenshot, chromium}.
// Output: one JSON line {connected, styleApplied, captions, fills, svgNodes, error}.
import { chromium } from 'playwright-core';

const cfg = JSON.parse(process.argv[2]);
const out = { connected: false, captions: [], fills: [], svgNodes: 0 };
const browser = await chromium.launch({
  executablePath: cfg.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${cfg.http}/browser/?dbms=neo4j://127.0.0.1:${cfg.bolt}&preselectAuthMethod=NATIVE`);
  await page.getByTestId('username').fill('neo4j', { timeout: 60000 });
  await page.getByTestId('password').fill(cfg.password);
  await page.getByTestId('connect').click();
  await page.getByText('You are connected as user', { exact: false }).first().waitFor({ timeout: 60000 });
  out.connected = true;

  const editor = page.locator('#monaco-main-editor, .monaco-editor').first();
  async function run(text) {
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // insertText puts the text in as one edit: no auto-closed brackets or suggestions
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(1500);
  }
  await run(':style ' + cfg.grass.replace(/\s*\n\s*/g, ' '));
  out.styleApplied = await page.evaluate(() => JSON.stringify(localStorage).includes('LocalGovernment'));
  for (const [name, value] of Object.entries(cfg.params)) {
    await run(`:param ${name} => ${JSON.stringify(value)}`);
  }
  await run(cfg.query.replace(/\s*\n\s*/g, ' '));
  const svgNode = page.locator('svg g.node').first();
  await svgNode.waitFor({ timeout: 60000 });
  await page.waitForTimeout(3000); // the force layout settles
  out.svgNodes = await page.locator('svg g.node').count();
  out.captions = await page.locator('svg g.node text').allTextContents();
  out.fills = await page.$$eval('svg g.node circle', els => els.map(e => e.getAttribute('fill')).filter(Boolean));
  await page.screenshot({ path: cfg.screenshot });
} catch (e) {
  out.error = String(e).slice(0, 1500);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
