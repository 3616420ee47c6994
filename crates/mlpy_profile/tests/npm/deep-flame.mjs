// Opens an mlpy HTML profile of a very deep recursion in headless Chromium and checks
// that its flame graph is really drawn: the canvas stays within Chromium's limit
// (32,767 pixels a side; above it Chromium draws nothing), and the top row has paint.
//   node deep-flame.mjs FILE.html
// Prints one line per check; exit status 1 on a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [file] = process.argv.slice(2);
const userDataDir = mkdtempSync(join(tmpdir(), 'mlpy-chromium-'));
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failures.push(what);
}
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.MLPY_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  const size = await page.$eval('#flame-canvas', (c) => [c.width, c.height]);
  check(size[1] <= 32767, `the canvas fits Chromium's limit (${size[0]}x${size[1]})`);
  const painted = await page.$eval('#flame-canvas', (c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, Math.min(c.height, 18)).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
    return n;
  });
  check(painted > 0, `the top row is painted (${painted} pixels)`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failures.length ? 1 : 0);
