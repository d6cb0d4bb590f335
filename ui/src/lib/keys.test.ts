import { expect, it } from "vitest";
import { format } from "./i18n.svelte";
import { ncalayerSays, STORAGES } from "./keys";

it("says how to start NCALayer, or restart it, in both languages", () => {
  const running = ncalayerSays({ state: "running", version: "1.4" });
  expect(running).toEqual({ id: "ncalayer-running", args: { version: "1.4" } });
  expect(format("ru", running.id, running.args)).toContain("1.4");
  for (const lang of ["kk", "ru"] as const) {
    const start = format(lang, ncalayerSays({ state: "notRunning" }).id);
    expect(start).toContain("ncl.pki.gov.kz");
    const restart = format(lang, ncalayerSays({ state: "notAnswering" }).id);
    expect(restart).toContain("NCALayer");
    expect(restart).not.toBe(start);
  }
});

it("names every storage the core knows, in both languages", () => {
  for (const lang of ["kk", "ru"] as const) {
    for (const storage of STORAGES) {
      const code = storage.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      expect(format(lang, `key-storage-${code}`)).not.toContain("key-storage");
    }
  }
});
