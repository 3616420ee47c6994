// Opens an mlpy HTML profile in headless Chromium through the DevTools protocol
// (playwright-core) and checks it as a reader would:
//   node open-html.mjs FILE.html SCREENSHOT.png NAME...
// - the page loads without script errors, and requests nothing but its own file (every
//   other request is recorded, aborted, and fails the check);
// - the function table names every NAME;
// - clicking the flame graph's second row near its right end zooms in; typing the first
//   NAME in the search box reports a match; selecting the first NAME's table row shows its
//   callers and callees;
// - a full-page screenshot is written to SCREENSHOT.png.
// Prints one line per check; exit status 1 on the first failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [file, screenshot, ...names] = process.argv.slice(2);
const url = pathToFileURL(resolve(file)).href;
const chromiumPath = process.env.MLPY_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'mlpy-chromium-'));
// Chromium's own background traffic off, so that any request seen comes from the page.
const args = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
  '--no-pings',
  '--no-sandbox',
];

const failures = [];
const requests = [];
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failures.push(what);
}

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  args,
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('request', (req) => requests.push(req.url()));
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });

  const rows = await page.$$eval('#function-table tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
  for (const name of names) check(rows.includes(name), `the function table names ${JSON.stringify(name)}`);
  const title = await page.title();
  check(title.startsWith('mlpy profile: '), `the title names the program (${JSON.stringify(title)})`);

  const canvas = await page.$('#flame-canvas');
  const box = canvas && (await canvas.boundingBox());
  check(box && box.width > 100 && box.height >= 18, `the flame graph is drawn (${box && box.width}x${box && box.height})`);
  if (box) {
    const before = await page.textContent('#zoom-label');
    await canvas.click({ position: { x: box.width * 0.97, y: 18 * 1.5 } });
    const after = await page.textContent('#zoom-label');
    check(before !== after, `clicking a flame graph box zooms to it (${JSON.stringify(before)} -> ${JSON.stringify(after)})`);
  }

  if (box && names.length > 0) {
    await page.fill('#search', names[0]);
    const result = await page.textContent('#search-result');
    check(/^[1-9]\d* functions? match/.test(result), `searching ${JSON.stringify(names[0])} matches (${JSON.stringify(result)})`);
    await page.click('#reset');
    check((await page.textContent('#zoom-label')).startsWith('all'), 'reset zooms out');

    const row = page.locator('#function-table tbody tr', { has: page.locator('td:first-child', { hasText: names[0] }) }).first();
    await row.click();
    const detail = await page.textContent('#detail-title');
    check(detail === names[0], `selecting a row shows its callers and callees (${JSON.stringify(detail)})`);
    const callers = await page.$$eval('#callers tbody tr', (trs) => trs.length);
    check(callers > 0, `the callers table has rows (${callers})`);
  }

  await page.screenshot({ path: screenshot, fullPage: true });
  check(true, `screenshot written to ${screenshot}`);
  check(errors.length === 0, `no script errors ${errors.length ? JSON.stringify(errors) : ''}`);
  const foreign = requests.filter((r) => r !== url);
  check(foreign.length === 0, `the page requested nothing but its own file ${foreign.length ? JSON.stringify(foreign) : ''}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failures.length ? 1 : 0);
