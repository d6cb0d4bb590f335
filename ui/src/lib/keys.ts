// NCALayer in the window's words: its storages by name, and what its state asks of the clerk.
import type { KeyStorage } from "../bindings/KeyStorage";
import type { NcaLayerStatus } from "../bindings/NcaLayerStatus";
import { message, t, type Message } from "./i18n.svelte";

/** Every storage, in the order the core keeps them. */
export const STORAGES: readonly KeyStorage[] = ["file", "kaztoken", "idCard", "otherTokens"];

const CODES: Record<KeyStorage, string> = {
  file: "file",
  kaztoken: "kaztoken",
  idCard: "id-card",
  otherTokens: "other-tokens",
};

export const storageName = (storage: KeyStorage) => t(`key-storage-${CODES[storage]}`);

/** What the key dialog says of NCALayer's state: running at its version, or what to do. */
export function ncalayerSays(status: NcaLayerStatus): Message {
  switch (status.state) {
    case "running":
      return message("ncalayer-running", { version: status.version });
    case "notRunning":
      return message("ncalayer-not-running");
    case "notAnswering":
      return message("ncalayer-not-answering");
  }
}
