// Notices when the person at the counter has stepped away. The Rust side enforces the same
// limit; this only makes the lock screen appear on time and reports activity Rust cannot see.

export interface IdleState {
  lastActivity: number;
  lastReported: number;
}

/** How often activity is reported to Rust at most, in ms. */
export const REPORT_EVERY_MS = 30_000;

export function isIdle(state: IdleState, now: number, limitMinutes: number): boolean {
  return now - state.lastActivity >= limitMinutes * 60_000;
}

export function shouldReport(state: IdleState, now: number): boolean {
  return state.lastActivity > state.lastReported && now - state.lastReported >= REPORT_EVERY_MS;
}

/** Watches the document; calls `onIdle` once the limit passes, `onReport` to keep Rust in step. */
export function watchIdle(
  limitMinutes: () => number,
  onIdle: () => void,
  onReport: () => void,
): () => void {
  const state: IdleState = { lastActivity: Date.now(), lastReported: Date.now() };
  const mark = () => (state.lastActivity = Date.now());
  const events = ["keydown", "mousedown", "mousemove", "wheel", "touchstart"] as const;
  events.forEach((e) => document.addEventListener(e, mark, { passive: true }));
  const timer = setInterval(() => {
    const now = Date.now();
    if (isIdle(state, now, limitMinutes())) {
      onIdle();
    } else if (shouldReport(state, now)) {
      state.lastReported = now;
      onReport();
    }
  }, 5_000);
  return () => {
    clearInterval(timer);
    events.forEach((e) => document.removeEventListener(e, mark));
  };
}
