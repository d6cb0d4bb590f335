// What the E2E tests of the shared store share: the `rastau` command on a store as its
// supervisor runs it, psql and sqlite3 for looking behind the window, and a database of the
// test's own on the test cluster (RASTAU_TEST_POSTGRES), dropped at the end.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CLI } from "./window.mjs";

export const SUPERVISOR_IIN = "850315400124";
export const PASSWORD = "demo-2026";
const CLUSTER = process.env.RASTAU_TEST_POSTGRES;

/** `rastau` on the store `dir`, in Russian, as its supervisor would run it there. */
export const rastau = (dir, ...args) =>
  execFileSync(CLI, ["--lang", "ru", "--data-dir", dir, ...args], {
    env: { ...process.env, RASTAU_PASSWORD: PASSWORD },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

export const psql = (url, sql) =>
  execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], { encoding: "utf8" }).trim();

export const sqlite = (dir, sql) =>
  execFileSync("sqlite3", ["-separator", "|", join(dir, "rastau.sqlite3"), sql], { encoding: "utf8" }).trim();

/** A database of its own on the test cluster, initialised by `rastau shared init` as an
 *  administrator would (run from `dir`): its administrator's URL and `drop()`. Fails, never
 *  skips, without the cluster. */
export function sharedDatabase(prefix, dir) {
  assert.ok(CLUSTER, "RASTAU_TEST_POSTGRES is not set: start the test cluster with scripts/postgres.sh start DIR and export the URL it prints");
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  psql(CLUSTER, `CREATE DATABASE ${name}`);
  const url = new URL(CLUSTER);
  url.pathname = `/${name}`;
  const adminUrl = url.toString();
  rastau(dir, "shared", "init", adminUrl);
  return {
    adminUrl,
    drop() {
      try {
        psql(CLUSTER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // the cluster is gone already
      }
    },
  };
}
