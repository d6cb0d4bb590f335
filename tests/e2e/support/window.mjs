// Drives the real Rastau window: one tauri-driver and one app (with a store of its own) per
// test file. Every wait is bounded, so a window that never comes fails instead of hanging.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Builder, By, Key } from "selenium-webdriver";

const ROOT = resolve(import.meta.dirname, "../../..");
const APP = process.env.RASTAU_APP ?? join(ROOT, "target/debug/rastau-app");
export const CLI = process.env.RASTAU_CLI ?? join(ROOT, "target/debug/rastau");
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
export const ARTIFACTS = join(ROOT, "target/e2e-artifacts");
const WAIT_MS = 20_000;

function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

function killGroup(child) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** A fresh, empty data folder; `demo` fills it with the demo center and its accounts through
 * the CLI (without the demo's keys and week of history, which tests make for themselves). */
export function freshStore({ demo = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "rastau-e2e-"));
  if (demo) execFileSync(CLI, ["--data-dir", dir, "demo", "--accounts-only"], { stdio: "pipe" });
  return dir;
}

export class Window {
  /** `port` and `port + 1` (WebKitWebDriver's) must be free; give each test file its own.
   * `ready` is what the first screen shows; `env` adds to the app's environment, `args` to its
   * command line; `app` is the window's program (the one built for the tests unless given). */
  static async open(dataDir, port, ready = '[data-testid="first-start"], [data-testid="login"]', env = {}, args = [], app = APP) {
    // Its own process group, so closing kills WebKitWebDriver and the app with it.
    const driverProcess = spawn(
      TAURI_DRIVER,
      ["--port", String(port), "--native-port", String(port + 1)],
      {
        env: { ...process.env, ...env, RASTAU_DATA_DIR: dataDir },
        stdio: ["ignore", "inherit", "inherit"],
        detached: true,
      },
    );
    try {
      await waitForPort(port, 15_000);
      const driver = await withTimeout(
        new Builder()
          .usingServer(`http://127.0.0.1:${port}/`)
          .withCapabilities({ browserName: "wry", "tauri:options": { application: app, args } })
          .build(),
        60_000,
        "creating the WebDriver session",
      );
      const window = new Window(driver, driverProcess, dataDir);
      await window.waitFor(ready);
      return window;
    } catch (error) {
      killGroup(driverProcess);
      throw error;
    }
  }

  constructor(driver, driverProcess, dataDir) {
    this.driver = driver;
    this.driverProcess = driverProcess;
    this.dataDir = dataDir;
  }

  async close() {
    try {
      await withTimeout(this.driver.quit(), 15_000, "closing the session");
    } finally {
      killGroup(this.driverProcess);
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  async waitFor(css) {
    return this.read(css, (element) => element);
  }

  /** What `what` reads of the shown element at `css`, once it shows; an element drawn again
   * while it was read (the page answering a command meanwhile) is looked up again. */
  async read(css, what) {
    let found;
    await this.driver.wait(
      async () => {
        try {
          const [element] = await this.driver.findElements(By.css(css));
          if (element && (await element.isDisplayed())) found = { value: await what(element) };
        } catch {
          // Replaced while read: look again.
        }
        return found !== undefined;
      },
      WAIT_MS,
      `waiting for ${css} to show`,
    );
    return found.value;
  }

  /** Waits until the text shown at `css` holds `expected`; answers the whole text. */
  async waitForText(css, expected) {
    let shown = "";
    await this.driver
      .wait(async () => (shown = await this.text(css)).includes(expected), WAIT_MS)
      .catch(() => {
        throw new Error(`${css} shows «${shown}», expected «${expected}»`);
      });
    return shown;
  }

  /** The text shown at `css`. WebKit's own reading of it fails on a part holding a
   * <datalist> (the counter's suggestions), which the page's `innerText` reads as shown. */
  async text(css) {
    return this.read(css, (element) =>
      element.getText().catch(() => this.driver.executeScript("return arguments[0].innerText", element)),
    );
  }

  /** Waits until nothing matches `css`. An element removed while WebKit was answering the
   * look-up comes back as "stale": it is going, so the look-up is asked again. */
  async gone(css) {
    await this.driver.wait(
      async () => {
        try {
          return (await this.driver.findElements(By.css(css))).length === 0;
        } catch (error) {
          if (error.name === "StaleElementReferenceError") return false;
          throw error;
        }
      },
      WAIT_MS,
      `waiting for ${css} to go`,
    );
  }

  /** Types into the input or text area named `name` inside `scope` (replacing what was there). */
  async fill(scope, name, value) {
    const input = await this.waitFor(`${scope} input[name="${name}"], ${scope} textarea[name="${name}"]`);
    await input.clear();
    // WebDriver refuses to type nothing; emptying a field is told to the page as typing is.
    if (String(value) === "") {
      await this.driver.executeScript(`arguments[0].dispatchEvent(new Event("input", { bubbles: true }));`, input);
    } else {
      await input.sendKeys(String(value));
    }
  }

  async fillAll(scope, values) {
    for (const [name, value] of Object.entries(values)) await this.fill(scope, name, value);
  }

  async click(css) {
    await (await this.waitFor(css)).click();
  }

  /** Chooses `value` in the <select> at `css`, as a click on an option would. */
  async select(css, value) {
    await this.waitFor(css);
    await this.driver.executeScript(
      `const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event("change", { bubbles: true }));`,
      css,
      value,
    );
  }

  /** Submits the form the keyboard way: Enter in its last field. */
  async pressEnter(scope, name) {
    await (await this.waitFor(`${scope} input[name="${name}"]`)).sendKeys(Key.ENTER);
  }

  /** Types an IIN and a password on the login screen and submits them. */
  async submitLogin(iin, password) {
    await this.fill('[data-testid="login"]', "iin", iin);
    await this.fill('[data-testid="login"]', "password", password);
    await this.pressEnter('[data-testid="login"]', "password");
  }

  /** Signs in from the login screen with the demo password. */
  async login(iin, password = "demo-2026") {
    await this.submitLogin(iin, password);
    await this.waitFor('[data-testid="welcome"]');
  }

  /** The first sign-in of someone whose password a supervisor set (a new clerk, or after a
   * reset): the window asks for their own before anything else. */
  async firstLogin(iin, given, own) {
    await this.submitLogin(iin, given);
    await this.choosePassword(given, own);
  }

  /** Fills the screen that asks for one's own password, and waits for the home screen. */
  async choosePassword(given, own) {
    const form = '[data-testid="choose-password"]';
    await this.fillAll(form, { given, chosen: own, chosenRepeat: own });
    await this.pressEnter(form, "chosenRepeat");
    await this.waitFor('[data-testid="welcome"]');
  }

  /** Calls a Rust command straight through Tauri's IPC, as the UI's `invoke` would (past any
   * check the UI makes), and returns `{ ok }` or `{ error }` (the `{ code, args }` payload). */
  async invoke(command, args = {}) {
    return this.driver.executeAsyncScript(
      `const [command, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(command, args).then((ok) => done({ ok }), (error) => done({ error }));`,
      command,
      args,
    );
  }

  /** Sizes the window as its user would drag it to `width` × `height` (the test's X server
   * draws no frame, so that is the page's size too). */
  async resize(width, height) {
    await this.driver.manage().window().setRect({ width, height });
    await this.driver.wait(
      async () => (await this.driver.executeScript("return [innerWidth, innerHeight].join('x')")) === `${width}x${height}`,
      WAIT_MS,
      `waiting for the window to be ${width}x${height}`,
    );
  }

  /** What scrolls sideways: the page itself, or any element matching `css` (a table's own
   * scroller), each as `what scrollWidth>clientWidth`; empty when everything fits. */
  async sidewaysScrolling(css) {
    return this.driver.executeScript(
      `return [document.documentElement, ...document.querySelectorAll(arguments[0])]
         .filter((e) => e.scrollWidth > e.clientWidth)
         .map((e) => \`\${e.tagName.toLowerCase()}.\${e.className} \${e.scrollWidth}>\${e.clientWidth}\`);`,
      css,
    );
  }

  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = await this.driver.takeScreenshot();
    const path = join(ARTIFACTS, `${name}.png`);
    writeFileSync(path, png, "base64");
    return path;
  }
}
