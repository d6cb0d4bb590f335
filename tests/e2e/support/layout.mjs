// The window at the sizes a counter's screen gives it: the smallest it allows (960×640) and
// its usual one (1280×820). Nothing may need sideways scrolling at either, in either language.
import assert from "node:assert/strict";

export const SIZES = [
  [960, 640],
  [1280, 820],
];

/** At the smallest size the header and the tabs together take at most this many pixels of the
 * 640: the rest is the work's. */
const CHROME_AT_SMALLEST = 120;

/** For each size and language: resizes, waits for `ready`, checks nothing scrolls sideways
 * (the page, or an element matching `scrollers`) and, at the smallest size, that the header is
 * compact; takes the screenshot `<name>-WxH-<lang>`. Leaves the window at its usual size, in
 * Russian. */
export async function fitsEverySize(window, { name, ready, scrollers }) {
  for (const [width, height] of SIZES) {
    await window.resize(width, height);
    for (const lang of ["kk", "ru"]) {
      await window.click(`[data-testid="lang-${lang}"]`);
      await window.waitFor(ready);
      assert.deepEqual(await window.sidewaysScrolling(scrollers), [], `${name} at ${width}x${height} in ${lang}`);
      if (height === SIZES[0][1]) {
        const chrome = await window.driver.executeScript("window.scrollTo(0, 0); return document.querySelector('.tabs').getBoundingClientRect().bottom");
        assert.ok(chrome <= CHROME_AT_SMALLEST, `${name}: header and tabs take ${chrome}px of ${height} in ${lang}`);
      }
      await window.screenshot(`${name}-${width}x${height}-${lang}`);
    }
  }
  await window.click('[data-testid="lang-ru"]');
}
