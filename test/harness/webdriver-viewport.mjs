// The viewport of a WebDriver (WebKit) window, which WebDriver sizes only as a whole window.

/**
 * WebDriver (WebKit): sizes the window so that the page's viewport is `width` × `height`.
 *
 * The window is also kept under the X pointer. On a display with no window manager
 * (the private Xvfb), the keyboard focus follows the pointer, which Xvfb puts at the centre
 * of the screen and nothing moves (WebDriver's mouse actions are synthesised inside
 * WebKit). A window shrunk from the top-left corner left the pointer outside and lost the
 * focus: the page stopped matching :focus and :focus-visible, as a window in the
 * background does, and every keyboard test after it saw no focus ring. Centred on the
 * pointer, the window keeps the focus, as a person's window does while they resize it.
 */
export async function setWebDriverViewport(driver, { width, height }) {
  const [screenWidth, screenHeight] = await driver.execute(() => [screen.width, screen.height]);
  const place = (outerWidth, outerHeight) => [
    Math.max(0, Math.round(screenWidth / 2 - outerWidth / 2)),
    Math.max(0, Math.round(screenHeight / 2 - outerHeight / 2)),
  ];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    const rect = await driver.getWindowRect();
    const [x, y] = place(rect.width, rect.height);
    if (innerWidth === width && innerHeight === height && rect.x === x && rect.y === y) return true;
    const outerWidth = rect.width + width - innerWidth;
    const outerHeight = rect.height + height - innerHeight;
    await driver.setWindowRect(...place(outerWidth, outerHeight), outerWidth, outerHeight);
  }
  const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
  return innerWidth === width && innerHeight === height;
}
