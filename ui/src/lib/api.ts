// Typed calls into the Rust commands. Types come from ../bindings, generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import type { Account } from "../bindings/Account";
import type { AccountChanges } from "../bindings/AccountChanges";
import type { DemoLogin } from "../bindings/DemoLogin";
import type { TrustedCa } from "../bindings/TrustedCa";
import type { CenterProfile } from "../bindings/CenterProfile";
import type { FirstStart } from "../bindings/FirstStart";
import type { Lang } from "../bindings/Lang";
import type { NewAccount } from "../bindings/NewAccount";
import type { Document } from "../bindings/Document";
import type { Lookup } from "../bindings/Lookup";
import type { OpenVisit } from "../bindings/OpenVisit";
import type { Present } from "../bindings/Present";
import type { Status } from "../bindings/Status";
import type { VisitView } from "../bindings/VisitView";
import type { CopyView } from "../bindings/CopyView";
import type { PageView } from "../bindings/PageView";
import type { ScanRequest } from "../bindings/ScanRequest";
import type { ScannerView } from "../bindings/ScannerView";
import type { SealView } from "../bindings/SealView";
import type { SigningKeyView } from "../bindings/SigningKeyView";
import type { DocumentSuggestions } from "../bindings/DocumentSuggestions";
import type { VerifyView } from "../bindings/VerifyView";
import type { ExportReport } from "../bindings/ExportReport";
import type { JobId } from "../bindings/JobId";
import type { PrinterInfo } from "../bindings/PrinterInfo";
import type { NoticeLanguages } from "../bindings/NoticeLanguages";
import type { NoticeSigner } from "../bindings/NoticeSigner";
import type { NoticeView } from "../bindings/NoticeView";
import type { RefusalsView } from "../bindings/RefusalsView";
import type { RefuseRequest } from "../bindings/RefuseRequest";
import type { JournalFilter } from "../bindings/JournalFilter";
import type { JournalView } from "../bindings/JournalView";
import type { SignOffView } from "../bindings/SignOffView";
import type { CorrectionView } from "../bindings/CorrectionView";
import type { AuditFilter } from "../bindings/AuditFilter";
import type { AuditPage } from "../bindings/AuditPage";
import type { ChainReport } from "../bindings/ChainReport";
import type { BackupReport } from "../bindings/BackupReport";
import type { RetentionReport } from "../bindings/RetentionReport";

export const api = {
  status: () => invoke<Status>("status"),
  demoLogins: () => invoke<DemoLogin[]>("demo_logins"),
  firstStart: (request: FirstStart) => invoke<Status>("first_start", { request }),
  login: (iin: string, password: string) => invoke<Status>("login", { iin, password }),
  logout: () => invoke<Status>("logout"),
  lock: () => invoke<Status>("lock"),
  unlock: (password: string) => invoke<Status>("unlock", { password }),
  choosePassword: (current: string, next: string) =>
    invoke<Status>("choose_password", { current, new: next }),
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
  confirmConsent: (visitId: number, present: Present) =>
    invoke<VisitView>("confirm_consent", { visitId, present }),
  closeVisit: (visitId: number) => invoke<VisitView>("close_visit", { visitId }),
  myOpenVisits: () => invoke<VisitView[]>("my_open_visits"),
  visit: (visitId: number) => invoke<VisitView>("visit", { visitId }),
  scanners: () => invoke<ScannerView[]>("scanners"),
  scan: (visitId: number, request: ScanRequest) => invoke<PageView[]>("scan", { visitId, request }),
  cancelScan: () => invoke<null>("cancel_scan"),
  pages: (visitId: number) => invoke<PageView[]>("pages", { visitId }),
  importFiles: (visitId: number, paths: string[], position: number | null) =>
    invoke<PageView[]>("import_files", { visitId, paths, position }),
  chooseScanFiles: () => invoke<string[]>("choose_scan_files"),
  rotatePage: (pageId: number, degrees: number) => invoke<PageView[]>("rotate_page", { pageId, degrees }),
  movePage: (pageId: number, index: number) => invoke<PageView[]>("move_page", { pageId, index }),
  assignPage: (pageId: number, position: number | null) =>
    invoke<PageView[]>("assign_page", { pageId, position }),
  deletePage: (pageId: number) => invoke<PageView[]>("delete_page", { pageId }),
  restorePage: (pageId: number) => invoke<PageView[]>("restore_page", { pageId }),
  rescanPage: (pageId: number, request: ScanRequest) =>
    invoke<PageView[]>("rescan_page", { pageId, request }),
  aimScanFolder: (visitId: number, position: number | null) =>
    invoke<string>("aim_scan_folder", { visitId, position }),
  pageImage: (pageId: number) => invoke<string>("page_image", { pageId }),
  scanConsent: (visitId: number, request: ScanRequest) =>
    invoke<VisitView>("scan_consent", { visitId, request }),
  rememberedKeyPath: () => invoke<string | null>("remembered_key_path"),
  documentSuggestions: () => invoke<DocumentSuggestions>("document_suggestions"),
  chooseKeyFile: () => invoke<string | null>("choose_key_file"),
  chooseFile: () => invoke<string | null>("choose_file"),
  openSigningKey: (path: string, password: string) =>
    invoke<SigningKeyView>("open_signing_key", { path, password }),
  certifyDocument: (visitId: number, position: number) =>
    invoke<CopyView>("certify_document", { visitId, position }),
  copies: (taxId: string) => invoke<CopyView[]>("copies", { taxId }),
  verifyFile: (path: string, signature: string | null) =>
    invoke<VerifyView>("verify_file", { path, signature }),
  verifyQr: (text: string) => invoke<SealView>("verify_qr", { text }),
  trustCa: (path: string) => invoke<TrustedCa[]>("trust_ca", { path }),
  trustedCas: () => invoke<TrustedCa[]>("trusted_cas"),
  removeTrustedCa: (id: string) => invoke<TrustedCa[]>("remove_trusted_ca", { id }),
  printConsent: (visitId: number, lang: Lang) => invoke<JobId>("print_consent", { visitId, lang }),
  printReceipt: (visitId: number, lang: Lang) => invoke<JobId>("print_receipt", { visitId, lang }),
  previewConsent: (visitId: number, lang: Lang) => invoke<string[]>("preview_consent", { visitId, lang }),
  previewReceipt: (visitId: number, lang: Lang) => invoke<string[]>("preview_receipt", { visitId, lang }),
  attachConsentScan: (visitId: number, path: string) =>
    invoke<VisitView>("attach_consent_scan", { visitId, path }),
  refusals: (visitId: number) => invoke<RefusalsView>("refusals", { visitId }),
  refuse: (visitId: number, request: RefuseRequest) => invoke<RefusalsView>("refuse", { visitId, request }),
  withdrawRefusal: (visitId: number, position: number) =>
    invoke<RefusalsView>("withdraw_refusal", { visitId, position }),
  issueNotice: (visitId: number, languages: NoticeLanguages, keyPath: string | null, password: string | null) =>
    invoke<NoticeView>("issue_notice", { visitId, languages, keyPath, password }),
  previewNotice: (noticeId: number) => invoke<string[]>("preview_notice", { noticeId }),
  printNotice: (noticeId: number) => invoke<JobId>("print_notice", { noticeId }),
  notices: (taxId: string) => invoke<NoticeView[]>("notices", { taxId }),
  noticeSigner: () => invoke<NoticeSigner>("notice_signer"),
  setNoticeSigner: (who: NoticeSigner) => invoke<null>("set_notice_signer", { who }),
  chooseFolder: () => invoke<string | null>("choose_folder"),
  removableMedia: () => invoke<string[]>("removable_media"),
  exportCopies: (visitId: number, copyIds: number[], folder: string) =>
    invoke<ExportReport>("export_copies", { visitId, copyIds, folder }),
  printers: () => invoke<PrinterInfo[]>("printers"),
  chosenPrinter: () => invoke<string | null>("chosen_printer"),
  setPrinter: (name: string) => invoke<PrinterInfo>("set_printer", { name }),
  journal: (filter: JournalFilter) => invoke<JournalView>("journal", { filter }),
  previewJournal: (filter: JournalFilter, lang: Lang) => invoke<string[]>("preview_journal", { filter, lang }),
  printJournal: (filter: JournalFilter, lang: Lang) => invoke<JobId>("print_journal", { filter, lang }),
  exportJournalCsv: (filter: JournalFilter, path: string) => invoke<null>("export_journal_csv", { filter, path }),
  exportJournalPdf: (filter: JournalFilter, lang: Lang, path: string) =>
    invoke<null>("export_journal_pdf", { filter, lang, path }),
  dayOpenVisits: (day: string) => invoke<number>("day_open_visits", { day }),
  signOffDay: (day: string, lang: Lang, keyPath: string | null, password: string | null) =>
    invoke<SignOffView>("sign_off_day", { day, lang, keyPath, password }),
  correctDay: (day: string, visitId: number | null, text: string) =>
    invoke<CorrectionView[]>("correct_day", { day, visitId, text }),
  chooseCsvPath: (name: string) => invoke<string | null>("choose_csv_path", { name }),
  choosePdfPath: (name: string) => invoke<string | null>("choose_pdf_path", { name }),
  audit: (filter: AuditFilter) => invoke<AuditPage>("audit", { filter }),
  verifyAudit: () => invoke<ChainReport>("verify_audit"),
  backup: (folder: string, withSealKey: boolean) =>
    invoke<BackupReport>("backup", { folder, withSealKey }),
  runRetention: () => invoke<RetentionReport>("run_retention"),
};
