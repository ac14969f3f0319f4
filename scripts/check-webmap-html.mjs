#!/usr/bin/env node
// check-webmap-html.mjs — open opmap's map.html from file:// in headless Chromium and check what
// a reader gets: no console error or page error, no network request at all (the page must work
// offline), one marker per event of events.geojson beside it, a tooltip with the event's
// sentence when the mouse is over each marker, and zoom/pan that change the view. For a batch
// run's folder (events.geojsonl, no events.geojson): one element per country of
// countries.geojson instead, each showing a tooltip with the country's name and article count.
//
// Usage: node scripts/check-webmap-html.mjs DIR [OUT.png]
//   DIR holds map.html and events.geojson (as `opmap map` writes them), or countries.geojson
//   and events.geojsonl (as `opmap batch` writes them).
//   env: WEBMAP_DEPS  folder with node_modules/playwright-core (default ~/.cache/webmap-check)
//        CHROMIUM     browser binary (default /usr/bin/chromium; Debian's package, never a download)
// Last line: "check-webmap-html: OK ..." (exit 0) or "check-webmap-html: FAIL ..." (exit 1); 2 on setup.

import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';

const [dir, outPng] = process.argv.slice(2);
if (!dir) { console.error('usage: node check-webmap-html.mjs DIR [OUT.png]'); process.exit(2); }
const htmlPath = path.resolve(dir, 'map.html');
const eventsPath = path.resolve(dir, 'events.geojson');
if (!existsSync(htmlPath)) { console.error(`check-webmap-html: no ${htmlPath}`); process.exit(2); }
const events = existsSync(eventsPath) ? JSON.parse(readFileSync(eventsPath, 'utf8')).features : [];
const batch = !existsSync(eventsPath) && existsSync(path.resolve(dir, 'events.geojsonl'));
const countries = batch
  ? JSON.parse(readFileSync(path.resolve(dir, 'countries.geojson'), 'utf8')).features : [];

const depsDir = process.env.WEBMAP_DEPS || path.join(os.homedir(), '.cache', 'webmap-check');
let playwright;
try {
  playwright = createRequire(path.join(depsDir, 'package.json'))('playwright-core');
} catch (e) {
  console.error(`check-webmap-html: cannot load playwright-core from ${depsDir}: ${e.message}`);
  console.error(`  install: npm install --prefix "${depsDir}" playwright-core@1.65.1`);
  process.exit(2);
}

const problems = [];
const fail = (msg) => { problems.push(msg); console.log(`  FAIL ${msg}`); };
const ok = (msg) => console.log(`  ok   ${msg}`);

// A batch map: one `.country` element per country of countries.geojson (insets may repeat
// one), and hovering each shows its name and its number of articles.
async function checkCountries(page) {
  const elements = await page.$$('.country');
  const first = new Map();
  for (const el of elements) {
    const code = await el.evaluate((e) => e.dataset.c);
    if (!first.has(code)) first.set(code, el);
  }
  const want = countries.map((f) => f.properties.country).sort();
  const got = [...first.keys()].sort();
  if (want.length > 0 && JSON.stringify(got) === JSON.stringify(want)) ok(`${got.length} country elements for ${want.length} countries`);
  else fail(`country elements ${got.join(',')} for countries ${want.join(',')}`);
  let shown = 0;
  for (const f of countries) {
    const el = first.get(f.properties.country);
    if (!el) continue;
    const n = f.properties.articles;
    const expected = `${n} article${n === 1 ? '' : 's'} with an action`;
    try {
      await el.focus();
    } catch (e) {
      fail(`country ${f.properties.country} cannot be focused: ${e.message.split('\n')[0]}`);
      continue;
    }
    const tip = await page.$eval('#tip', (t) => ({ hidden: t.hidden, text: t.textContent }));
    if (!tip.hidden && tip.text.startsWith(f.properties.name) && tip.text.includes(expected)) shown++;
    else fail(`focusing ${f.properties.country} shows ${JSON.stringify(tip.text.slice(0, 80))}`);
    await el.evaluate((e) => e.blur());
  }
  if (shown === countries.length) ok(`tooltip with name and articles on ${shown}/${countries.length} countries`);
}

const browser = await playwright.chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const url = pathToFileURL(htmlPath).href;
  const requests = [];
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') fail(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  // Anything but the page itself is aborted (and counted above).
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  if (requests.length) fail(`network requests: ${requests.join(', ')}`); else ok('no request beyond the file itself');

  const markers = batch ? [] : await page.$$('#markers .marker');
  if (batch) await checkCountries(page);
  else if (markers.length === events.length && markers.length > 0) ok(`${markers.length} markers for ${events.length} events`);
  else fail(`${markers.length} markers for ${events.length} events`);
  const legend = await page.$$eval('#legend li', (li) => li.length);
  if (legend > 0) ok(`legend rows: ${legend}`); else fail('no legend row');

  // Hover each marker: the tooltip shows its sentence.
  let shown = 0;
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i];
    const id = await m.evaluate((el) => el.dataset.i);
    const ev = events[Number(id)];
    const sentence = ev ? ev.properties.sentence : null;
    try {
      await m.hover({ timeout: 3000 });
    } catch (e) {
      fail(`marker ${i} (${ev && ev.id}) cannot be hovered: ${e.message.split('\n')[0]}`);
      continue;
    }
    const tip = await page.$eval('#tip', (t) => ({ hidden: t.hidden, text: t.textContent }));
    if (!tip.hidden && sentence && tip.text.includes(sentence)) shown++;
    else fail(`hovering marker ${i} (${ev && ev.id}) shows ${JSON.stringify(tip.text.slice(0, 80))}, not its sentence`);
    await page.mouse.move(1, 1);
  }
  if (markers.length && shown === markers.length) ok(`hover shows the sentence on ${shown}/${markers.length} markers`);

  // Zoom and pan change the view.
  const vb0 = await page.$eval('#map', (s) => s.getAttribute('viewBox'));
  const box = await (await page.$('#map')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(100);
  const vb1 = await page.$eval('#map', (s) => s.getAttribute('viewBox'));
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  const vb2 = await page.$eval('#map', (s) => s.getAttribute('viewBox'));
  if (vb1 !== vb0 && vb2 !== vb1) ok(`zoom and pan: ${vb0} -> ${vb1} -> ${vb2}`);
  else fail(`zoom/pan did not change the view: ${vb0} -> ${vb1} -> ${vb2}`);
  await page.click('#zreset');
  if (outPng) { await page.screenshot({ path: outPng, fullPage: true }); console.log(`  screenshot: ${outPng}`); }
  if (requests.length) fail(`network requests after interaction: ${requests.join(', ')}`);
} finally {
  await browser.close();
}
if (problems.length) { console.log(`check-webmap-html: FAIL ${problems.length} problem(s): ${problems[0]}`); process.exit(1); }
console.log(`check-webmap-html: OK ${dir}`);
