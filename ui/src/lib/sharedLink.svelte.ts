// The shared store's link as the whole window knows it: asked when someone signs in, every
// minute after, after each push, at a supervisor's "check now", and given by linking and
// unlinking. A question
// runs in Rust off the main thread and without holding the store, so nothing waits for it;
// one at a time, and an answer overtaken by a link or an unlink is dropped.
import { listen } from "@tauri-apps/api/event";
import type { SharedStatus } from "../bindings/SharedStatus";
import { api } from "./api";
import { Action } from "./desk.svelte";

/** How often the window asks by itself. */
export const CHECK_EVERY_MS = 60_000;

export const sharedLink = $state<{ status: SharedStatus | null; checking: boolean }>({
  status: null,
  checking: false,
});

/** The last question's error (shown by the settings; the indicator beside the tabs only hides). */
export const check = new Action();

type Question = { generation: number; done?: Promise<void> };
let running: Question | null = null;
let generation = 0;

/** Asks Rust now, unless a question is under way already (then waits for that one). */
export function checkShared(): Promise<void> {
  if (running?.done && running.generation === generation) return running.done;
  const question: Question = { generation };
  running = question;
  sharedLink.checking = true;
  question.done = (async () => {
    try {
      const status = await check.run(() => api.sharedStatus());
      if (status && question.generation === generation) sharedLink.status = status;
    } finally {
      if (running === question) {
        sharedLink.checking = false;
        running = null;
      }
    }
  })();
  return question.done;
}

/** What linking or unlinking answered: it overrides any question still under way. */
export function setShared(status: SharedStatus) {
  generation += 1;
  sharedLink.status = status;
}

/** Asks at once, every minute, and after each push that carried something (the count of
 *  changes waiting has moved), for as long as someone is signed in and at work. */
export function watchShared(): () => void {
  void checkShared();
  const timer = setInterval(() => void checkShared(), CHECK_EVERY_MS);
  const pushed = listen("shared-pushed", () => void checkShared());
  return () => {
    clearInterval(timer);
    void pushed.then((stop) => stop());
    generation += 1;
    sharedLink.status = null;
    check.error = null;
  };
}
