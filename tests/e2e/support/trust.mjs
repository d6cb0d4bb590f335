// The center's trusted CAs in end-to-end tests: a key certifies only if it chains to one, so a
// supervisor adds the test CA on the Verify screen, by its typed path, as a real center adds
// NCA RK's root.
const SUPERVISOR_IIN = "850315400124";

/** With a supervisor signed in: adds the CA certificate at `caPath` and waits for it to be
 * listed. Leaves the window on the Verify screen. */
export async function trustCa(window, caPath) {
  await window.click('[data-testid="nav-verify"]');
  await window.waitFor('[data-testid="trusted-cas"]');
  await window.fill('[data-testid="trusted-cas"]', "caPath", caPath);
  await window.click('[data-testid="trust-ca"]');
  await window.waitFor('[data-testid="trusted-cas-list"]');
  await window.waitFor('[data-testid="trusted-cas"] [data-testid="notice"]');
}

/** The demo supervisor signs in, trusts every CA of `caPaths`, and signs out. */
export async function supervisorTrusts(window, caPaths) {
  await window.login(SUPERVISOR_IIN);
  for (const ca of caPaths) await trustCa(window, ca);
  await window.click('[data-testid="logout"]');
}
