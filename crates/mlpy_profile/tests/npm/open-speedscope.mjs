// Opens a speedscope file in speedscope itself: the app the `speedscope` npm package
// ships (dist/release/index.html), loaded from node_modules in headless Chromium, the file
// given to its file input, as a person importing it would.
//   node open-speedscope.mjs FILE.speedscope.json SCREENSHOT.png PROFILE_NAME...
// Checks that speedscope imports it as a speedscope file without an error, and lists
// every PROFILE_NAME. Prints one line per check; exit status 1 on a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [file, screenshot, ...names] = process.argv.slice(2);
const app = pathToFileURL(require.resolve('speedscope/dist/release/index.html')).href;
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
  viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  const log = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { log.push(m.text()); if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(app, { waitUntil: 'load' });
  await page.setInputFiles('#file', file);
  await page.waitForFunction(
    (name) => document.body.textContent.includes(name), names[0], { timeout: 15000 },
  ).catch(() => {});
  const text = await page.textContent('body');
  check(log.some((l) => l.includes('Importing as speedscope json file')), 'speedscope reads it as its own format');
  for (const name of names) check(text.includes(name), `speedscope lists the profile ${JSON.stringify(name)}`);
  await page.screenshot({ path: screenshot });
  check(problems.length === 0, `no errors ${problems.length ? JSON.stringify(problems) : ''}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failures.length ? 1 : 0);
