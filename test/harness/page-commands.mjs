// What a test asks of the browser that the page itself cannot do.
import { setWebDriverViewport } from './webdriver-viewport.mjs';

/**
 * Commands the tests call through executeServerCommand to drive the browser, one
 * implementation per driver: which engine, how many tabs, the viewport, a keyboard
 * chord, media emulation.
 */
export function pageCommands(engine) {
  return {
    name: 'fc-page-commands',
    async executeCommand({ command, payload, session }) {
      // Which engine runs the test: lets a test name what it cannot check there.
      if (command === 'fc-engine') return engine;
      const { type } = session.browser;
      const driver = type === 'webdriver' ? session.browser.driver : undefined;
      const page = type === 'webdriver' ? undefined : session.browser.getPage(session.id);
      // Which pages (tabs, pop-ups) this test file's browser context has.
      if (command === 'page-count') {
        if (type === 'playwright') return page.context().pages().length;
        if (type === 'puppeteer') return (await page.browserContext().pages()).length;
        return (await driver.getWindowHandles()).length;
      }
      // Resizes the viewport (CSS px); true when the page now has that size.
      if (command === 'fc-viewport') {
        if (type === 'playwright') await page.setViewportSize(payload);
        else if (type === 'puppeteer') await page.setViewport(payload);
        else return setWebDriverViewport(driver, payload);
        return true;
      }
      // Presses Control+C, the copy shortcut on Linux, as a user does: a keyboard chord,
      // which the runner's sendKeys cannot send over WebDriver classic (press/type only).
      if (command === 'fc-copy-shortcut') {
        if (type === 'playwright') await page.keyboard.press('Control+c');
        else if (type === 'puppeteer') {
          await page.keyboard.down('Control');
          await page.keyboard.press('c');
          await page.keyboard.up('Control');
        } else {
          const control = '\uE009';
          await driver.performActions([
            {
              type: 'key',
              id: 'fc-keyboard',
              actions: [
                { type: 'keyDown', value: control },
                { type: 'keyDown', value: 'c' },
                { type: 'keyUp', value: 'c' },
                { type: 'keyUp', value: control },
              ],
            },
          ]);
          await driver.releaseActions();
        }
        return true;
      }
      // Emulates prefers-color-scheme / forced-colors. Only Chromium's CDP can: WebDriver
      // BiDi (Firefox) and WebDriver classic (WebKit) have no such command. Answers
      // whether the emulation happened, so a test can say what it could not check.
      if (command === 'fc-media') {
        if (type !== 'playwright') return false;
        await page.emulateMedia(payload);
        return true;
      }
      return undefined;
    },
  };
}
