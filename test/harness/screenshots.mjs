// Screenshots for the visual comparisons (web-test-runner.config.mjs).
//
// WebKitGTK 2.50's element screenshot (WebDriver "Take Element Screenshot") comes back
// black under Xvfb, wholly or in part: a plain red <div> came back as black pixels only,
// the buttons as flat black images. Its window screenshot ("Take Screenshot") shows the
// page as it is on screen, so WebKit's element screenshot is taken from there: the
// element is scrolled into view, the window is photographed and the element's rectangle
// is cut out of it.
//
// And so that a blank screenshot can never again pass for a comparison, no baseline that
// is one flat colour is saved or compared against (flatColour, guardBaselines).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

/** The colour of a PNG whose pixels are all the same (`rgba(0, 0, 0, 255)`), else null. */
export function flatColour(buffer) {
  const { data } = PNG.sync.read(buffer);
  const first = data.readUInt32BE(0);
  for (let i = 4; i < data.length; i += 4) if (data.readUInt32BE(i) !== first) return null;
  return `rgba(${data[0]}, ${data[1]}, ${data[2]}, ${data[3]})`;
}

function refuseFlat(buffer, filePath, what) {
  const colour = buffer.length ? flatColour(buffer) : 'nothing (an empty screenshot)';
  if (colour) {
    throw new Error(
      `${filePath}: the ${what} is one flat colour, ${colour}. The engine returned a blank screenshot, not the element; such an image compares nothing.`,
    );
  }
}

/**
 * visualRegressionPlugin options: a flat baseline is neither written (with
 * --update-visual-baseline) nor compared against (a blank baseline made earlier).
 * `update`: the run replaces the baselines, so the old ones are not judged.
 */
export const guardBaselines = (update) => ({
  async getBaseline({ filePath }) {
    let buffer;
    try {
      buffer = await readFile(filePath);
    } catch {
      return undefined; // No baseline yet: the plugin says so.
    }
    if (!update) refuseFlat(buffer, filePath, 'baseline');
    return buffer;
  },
  async saveBaseline({ filePath, content }) {
    refuseFlat(content, filePath, 'new screenshot');
    await mkdir(dirname(filePath), { recursive: true });
    await writeFile(filePath, content);
  },
});

/**
 * A screenshot of the window once the page has stopped changing: two in a row alike.
 * A window just made taller showed its new part black in the first screenshot, now and
 * then, as the window had not been painted yet; a transition may also be under way.
 */
async function settledScreenshot(driver) {
  let previous = Buffer.from(await driver.takeScreenshot(), 'base64');
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await driver.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const next = Buffer.from(await driver.takeScreenshot(), 'base64');
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('The window never stopped changing: no two screenshots in a row were alike.');
}

/**
 * WebDriver classic (WebKit): a PNG of the element that `locator` (the visual-regression
 * plugin's script, which returns the element) finds, cut out of a screenshot of the window.
 * `fitViewport(driver, { width, height })` resizes the viewport: an element taller than
 * the viewport gets a taller window for the time of the screenshot, since the window's
 * screenshot shows only what is on screen (Chromium and Firefox photograph the whole element).
 */
export async function webdriverElementScreenshot(driver, locator, fitViewport) {
  const measure = () =>
    driver.execute(`
      var element = (function () { ${locator} })();
      if (!element) return null;
      element.scrollIntoView({ block: 'start', inline: 'start' });
      var r = element.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height,
               innerWidth: innerWidth, innerHeight: innerHeight, scale: devicePixelRatio };
    `);
  let box = await measure();
  if (!box) throw new Error('The element to photograph was not found in the page.');
  let restore;
  const needed = Math.ceil(box.y + box.height);
  if (needed > box.innerHeight) {
    restore = { width: box.innerWidth, height: box.innerHeight };
    // Xvfb's screen is 1200 px high: the window (with its title bar) must fit on it.
    await fitViewport(driver, { width: box.innerWidth, height: Math.min(needed, 1100) });
    box = await measure();
  }
  try {
    const raw = await settledScreenshot(driver);
    const png = PNG.sync.read(raw);
    // Rounded position and size: the image's size is the element's, wherever it sits
    // (a 56 px button at y = 10.5 is 56 rows, not 57), as in the other engines.
    const s = box.scale;
    const left = Math.max(0, Math.round(box.x * s));
    const top = Math.max(0, Math.round(box.y * s));
    const right = Math.min(png.width, left + Math.round(box.width * s));
    const bottom = Math.min(png.height, top + Math.round(box.height * s));
    if (right <= left || bottom <= top) throw new Error('The element to photograph has no visible area in the window.');
    const crop = new PNG({ width: right - left, height: bottom - top });
    PNG.bitblt(png, crop, left, top, crop.width, crop.height, 0, 0);
    return PNG.sync.write(crop);
  } finally {
    if (restore) await fitViewport(driver, restore);
  }
}
