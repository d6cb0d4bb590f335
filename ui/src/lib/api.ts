// Typed calls into the Rust commands. Types come from ../bindings, generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import type { Account } from "../bindings/Account";
import type { AccountChanges } from "../bindings/AccountChanges";
import type { DemoLogin } from "../bindings/DemoLogin";
import type { CenterProfile } from "../bindings/CenterProfile";
import type { FirstStart } from "../bindings/FirstStart";
import type { Lang } from "../bindings/Lang";
import type { NewAccount } from "../bindings/NewAccount";
import type { Document } from "../bindings/Document";
import type { Lookup } from "../bindings/Lookup";
import type { OpenVisit } from "../bindings/OpenVisit";
import type { Status } from "../bindings/Status";
import type { VisitView } from "../bindings/VisitView";

export const api = {
  status: () => invoke<Status>("status"),
  demoLogins: () => invoke<DemoLogin[]>("demo_logins"),
  firstStart: (request: FirstStart) => invoke<Status>("first_start", { request }),
  login: (iin: string, password: string) => invoke<Status>("login", { iin, password }),
  logout: () => invoke<Status>("logout"),
  lock: () => invoke<Status>("lock"),
  unlock: (password: string) => invoke<Status>("unlock", { password }),
  touch: () => invoke<null>("touch"),
  setLanguage: (language: Lang) => invoke<Status>("set_language", { language }),
  accounts: () => invoke<Account[]>("accounts"),
  createClerk: (account: NewAccount) => invoke<Account>("create_clerk", { account }),
  updateAccount: (changes: AccountChanges) => invoke<Account>("update_account", { changes }),
  setAccountActive: (id: number, active: boolean) =>
    invoke<Account>("set_account_active", { id, active }),
  updateCenter: (profile: CenterProfile) => invoke<Status>("update_center", { profile }),
  lookupApplicant: (taxId: string) => invoke<Lookup>("lookup_applicant", { taxId }),
  openVisit: (request: OpenVisit) => invoke<VisitView>("open_visit", { request }),
  setDocuments: (visitId: number, documents: Document[], copiesOnMedia: boolean) =>
    invoke<VisitView>("set_documents", { visitId, documents, copiesOnMedia }),
  confirmConsent: (visitId: number) => invoke<VisitView>("confirm_consent", { visitId }),
  closeVisit: (visitId: number) => invoke<VisitView>("close_visit", { visitId }),
  myOpenVisits: () => invoke<VisitView[]>("my_open_visits"),
};
