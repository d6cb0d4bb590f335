// Generated from src-tauri/src/commands by `cargo test -p rastau-app --test contract`.
// Do not edit: change the Rust command and run that test.
import { invoke } from "@tauri-apps/api/core";
import type { Account } from "./Account";
import type { AccountChanges } from "./AccountChanges";
import type { AuditFilter } from "./AuditFilter";
import type { AuditPage } from "./AuditPage";
import type { BackupReport } from "./BackupReport";
import type { CenterProfile } from "./CenterProfile";
import type { ChainReport } from "./ChainReport";
import type { CopyView } from "./CopyView";
import type { CorrectionView } from "./CorrectionView";
import type { DemoLogin } from "./DemoLogin";
import type { Document } from "./Document";
import type { DocumentSuggestions } from "./DocumentSuggestions";
import type { ExportReport } from "./ExportReport";
import type { FirstStart } from "./FirstStart";
import type { JobId } from "./JobId";
import type { JournalFilter } from "./JournalFilter";
import type { JournalView } from "./JournalView";
import type { KeySourceSettings } from "./KeySourceSettings";
import type { KeyStorage } from "./KeyStorage";
import type { Lang } from "./Lang";
import type { LinkView } from "./LinkView";
import type { Lookup } from "./Lookup";
import type { NcaLayerStatus } from "./NcaLayerStatus";
import type { NewAccount } from "./NewAccount";
import type { NoticeLanguages } from "./NoticeLanguages";
import type { NoticeSigner } from "./NoticeSigner";
import type { NoticeView } from "./NoticeView";
import type { OpenVisit } from "./OpenVisit";
import type { PageView } from "./PageView";
import type { Present } from "./Present";
import type { PrinterInfo } from "./PrinterInfo";
import type { RefusalsView } from "./RefusalsView";
import type { RefuseRequest } from "./RefuseRequest";
import type { RetentionReport } from "./RetentionReport";
import type { ScanRequest } from "./ScanRequest";
import type { ScannerView } from "./ScannerView";
import type { SealView } from "./SealView";
import type { SharedCopyView } from "./SharedCopyView";
import type { SharedStatus } from "./SharedStatus";
import type { SignOffView } from "./SignOffView";
import type { SignaturePolicy } from "./SignaturePolicy";
import type { SigningKeyView } from "./SigningKeyView";
import type { Status } from "./Status";
import type { TrustedCa } from "./TrustedCa";
import type { VerifyView } from "./VerifyView";
import type { VisitView } from "./VisitView";

/** The 97 commands of the window, as Rust declares them. */
export const commands = {
  updateCenter: (profile: CenterProfile): Promise<Status> => invoke<Status>("update_center", { profile }),
  /** The file dialog for the clerk's key file. */
  chooseKeyFile: (): Promise<string | null> => invoke<string | null>("choose_key_file"),
  /** Any one file: a copy to check, its .p7s, a CA certificate. */
  chooseFile: (): Promise<string | null> => invoke<string | null>("choose_file"),
  openSigningKey: (path: string, password: string): Promise<SigningKeyView> => invoke<SigningKeyView>("open_signing_key", { path, password }),
  /** The key file the signed-in clerk last opened here, offered instead of typing its path. */
  rememberedKeyPath: (): Promise<string | null> => invoke<string | null>("remembered_key_path"),
  /** Certifies a listed document. The copy is made and signed between two short holds on the store, so that a document of many pages leaves the window's other commands answering. */
  certifyDocument: (visitId: number, position: number): Promise<CopyView> => invoke<CopyView>("certify_document", { visitId, position }),
  copies: (taxId: string): Promise<CopyView[]> => invoke<CopyView[]>("copies", { taxId }),
  verifyFile: (path: string, signature: string | null): Promise<VerifyView> => invoke<VerifyView>("verify_file", { path, signature }),
  /** Writes the report of the check of the file at `path` (and its detached `signature`), in `lang`, to the new PDF file `target`: read, checked and written on the desk's thread. */
  exportVerificationReport: (path: string, signature: string | null, lang: Lang, target: string): Promise<null> => invoke<null>("export_verification_report", { path, signature, lang, target }),
  verifyQr: (text: string): Promise<SealView> => invoke<SealView>("verify_qr", { text }),
  /** Adds the CA certificates of a file (PEM or DER); answers with the ones added. */
  trustCa: (path: string): Promise<TrustedCa[]> => invoke<TrustedCa[]>("trust_ca", { path }),
  trustedCas: (): Promise<TrustedCa[]> => invoke<TrustedCa[]>("trusted_cas"),
  /** Removes a trusted CA; answers with the list as it now stands. */
  removeTrustedCa: (id: string): Promise<TrustedCa[]> => invoke<TrustedCa[]>("remove_trusted_ca", { id }),
  /** Whether keys sign when their revocation status cannot be had. */
  signaturePolicy: (): Promise<SignaturePolicy> => invoke<SignaturePolicy>("signature_policy"),
  /** Chooses it; answers the policy as it now stands. */
  setSignaturePolicy: (policy: SignaturePolicy): Promise<SignaturePolicy> => invoke<SignaturePolicy>("set_signature_policy", { policy }),
  /** How the center's keys are opened (key files or NCALayer, and NCALayer's storages): the key dialog follows it. */
  keySource: (): Promise<KeySourceSettings> => invoke<KeySourceSettings>("key_source"),
  /** Chooses it (supervisors); answers the choice as stored. */
  setKeySource: (settings: KeySourceSettings): Promise<KeySourceSettings> => invoke<KeySourceSettings>("set_key_source", { settings }),
  /** Whether NCALayer runs: asked without holding the store (a hung NCALayer takes seconds). */
  ncalayerState: (): Promise<NcaLayerStatus> => invoke<NcaLayerStatus>("ncalayer_state"),
  /** Opens the signed-in clerk's key through NCALayer, from `storage` or any storage the center offers. NCALayer's window waits for the clerk's PIN for minutes: that wait holds nothing, so the window's other commands (the clock, the idle lock, the scan folder) go on answering; the key is checked and kept under the store afterwards, if the same clerk is signed in. */
  openSigningKeyNcalayer: (storage: KeyStorage | null): Promise<SigningKeyView> => invoke<SigningKeyView>("open_signing_key_ncalayer", { storage }),
  /** A page of the audit trail, newest first. Supervisors only (Rust refuses a clerk). */
  audit: (filter: AuditFilter): Promise<AuditPage> => invoke<AuditPage>("audit", { filter }),
  /** Walks the audit trail's hash chain and names its first break. Off the main thread, like the two below: over years of entries or a full store they take a while, and the window must still show that they are working. */
  verifyAudit: (): Promise<ChainReport> => invoke<ChainReport>("verify_audit"),
  /** Backs the whole store up into a new folder inside `folder`; the seal's private key only when the supervisor ticked it. Written without holding the store, so the window's other commands (the counter's, the idle lock's `touch`) go on meanwhile; each file copied is announced as `backup-progress`, and `cancel_backup` stops it. */
  backup: (folder: string, withSealKey: boolean): Promise<BackupReport> => invoke<BackupReport>("backup", { folder, withSealKey }),
  /** Stops the backup under way; its folder is removed and it answers `backup-cancelled`. */
  cancelBackup: (): Promise<null> => invoke<null>("cancel_backup"),
  /** Removes now what the retention rule no longer lets the store keep. */
  runRetention: (): Promise<RetentionReport> => invoke<RetentionReport>("run_retention"),
  /** The center of the shared store this installation is linked to, or nothing when it is not: the counter offers the copies kept at other centers only then. Asks the server nothing. */
  sharedCenter: (): Promise<string | null> => invoke<string | null>("shared_center"),
  /** The copies of the visit's applicant kept anywhere in the shared store, newest first. Each lookup is logged there (the clerk, the visit, the applicant), so only the clerk asks for it. */
  sharedCopies: (visitId: number): Promise<SharedCopyView[]> => invoke<SharedCopyView[]>("shared_copies", { visitId }),
  /** Fetches the copy `copy_id` of the installation `installation` for the visit, checked (hashes, signature trusted here) before it is kept; its id among the visit's fetched copies, to hand over. */
  fetchSharedCopy: (visitId: number, installation: string, copyId: number): Promise<number> => invoke<number>("fetch_shared_copy", { visitId, installation, copyId }),
  /** Prints Annex 1 for the applicant to sign, in the language the applicant chose. */
  printConsent: (visitId: number, lang: Lang): Promise<JobId> => invoke<JobId>("print_consent", { visitId, lang }),
  /** Prints the receipt with the center's sealed QR code. */
  printReceipt: (visitId: number, lang: Lang): Promise<JobId> => invoke<JobId>("print_receipt", { visitId, lang }),
  /** The consent's pages as images, shown before printing. */
  previewConsent: (visitId: number, lang: Lang): Promise<string[]> => invoke<string[]>("preview_consent", { visitId, lang }),
  /** The receipt's pages as images, shown before printing. */
  previewReceipt: (visitId: number, lang: Lang): Promise<string[]> => invoke<string[]>("preview_receipt", { visitId, lang }),
  /** Keeps the scan of the signed consent (an image or a PDF file) with the visit. */
  attachConsentScan: (visitId: number, path: string): Promise<VisitView> => invoke<VisitView>("attach_consent_scan", { visitId, path }),
  /** The folder dialog for the stick or folder the copies go to. */
  chooseFolder: (): Promise<string | null> => invoke<string | null>("choose_folder"),
  /** USB sticks mounted now, offered first. */
  removableMedia: (): Promise<string[]> => invoke<string[]>("removable_media"),
  /** Writes the chosen copies into a new folder in `folder`: `copy_ids` certified here, `fetched_ids` fetched from the shared store for this visit (none when it is not linked). */
  exportCopies: (visitId: number, copyIds: number[], fetchedIds: number[], folder: string): Promise<ExportReport> => invoke<ExportReport>("export_copies", { visitId, copyIds, fetchedIds, folder }),
  printers: (): Promise<PrinterInfo[]> => invoke<PrinterInfo[]>("printers"),
  chosenPrinter: (): Promise<string | null> => invoke<string | null>("chosen_printer"),
  setPrinter: (name: string): Promise<PrinterInfo> => invoke<PrinterInfo>("set_printer", { name }),
  /** The journal for the filter; a clerk's own visits only. */
  journal: (filter: JournalFilter): Promise<JournalView> => invoke<JournalView>("journal", { filter }),
  /** The printed journal's pages as images, shown before printing. */
  previewJournal: (filter: JournalFilter, lang: Lang): Promise<string[]> => invoke<string[]>("preview_journal", { filter, lang }),
  printJournal: (filter: JournalFilter, lang: Lang): Promise<JobId> => invoke<JobId>("print_journal", { filter, lang }),
  /** Writes the journal as CSV to a new file. */
  exportJournalCsv: (filter: JournalFilter, path: string): Promise<null> => invoke<null>("export_journal_csv", { filter, path }),
  /** Writes the printed journal in `lang` to a new PDF file. */
  exportJournalPdf: (filter: JournalFilter, lang: Lang, path: string): Promise<null> => invoke<null>("export_journal_pdf", { filter, lang, path }),
  /** The save dialog for the CSV file, offering `name`. */
  chooseCsvPath: (name: string): Promise<string | null> => invoke<string | null>("choose_csv_path", { name }),
  /** The save dialog for the PDF file, offering `name`. */
  choosePdfPath: (name: string): Promise<string | null> => invoke<string | null>("choose_pdf_path", { name }),
  /** How many visits of the day are still open: the sign-off's confirmation says it. */
  dayOpenVisits: (day: string): Promise<number> => invoke<number>("day_open_visits", { day }),
  /** Signs the day's journal in `lang` with the key open in this session, or with the supervisor's key file at `key_path` (read here, kept in memory for this one signature), between two short holds on the store, as a copy is signed. */
  signOffDay: (day: string, lang: Lang, keyPath: string | null, password: string | null): Promise<SignOffView> => invoke<SignOffView>("sign_off_day", { day, lang, keyPath, password }),
  correctDay: (day: string, visitId: number | null, text: string): Promise<CorrectionView[]> => invoke<CorrectionView[]>("correct_day", { day, visitId, text }),
  scanners: (): Promise<ScannerView[]> => invoke<ScannerView[]>("scanners"),
  /** Scans into the visit; every page is kept as it arrives and announced as `scan-progress`. The store is held for one page at a time, so the window's other commands go between pages. */
  scan: (visitId: number, request: ScanRequest): Promise<PageView[]> => invoke<PageView[]>("scan", { visitId, request }),
  cancelScan: (): Promise<null> => invoke<null>("cancel_scan"),
  /** The visit's pages; a question only (the strip aims the scan folder with `aim_scan_folder`). */
  pages: (visitId: number): Promise<PageView[]> => invoke<PageView[]>("pages", { visitId }),
  /** Files the scan folder receives for visit `visit_id` go to listed document `position` (none: unassigned); answers the folder's path for the counter to name. */
  aimScanFolder: (visitId: number, position: number | null): Promise<string> => invoke<string>("aim_scan_folder", { visitId, position }),
  /** Page `page_id` large, to check its legibility before certifying. */
  pageImage: (pageId: number): Promise<string> => invoke<string>("page_image", { pageId }),
  importFiles: (visitId: number, paths: string[], position: number | null): Promise<PageView[]> => invoke<PageView[]>("import_files", { visitId, paths, position }),
  /** The file dialog for scans kept as files: images and PDFs. */
  chooseScanFiles: (): Promise<string[]> => invoke<string[]>("choose_scan_files"),
  rotatePage: (pageId: number, degrees: number): Promise<PageView[]> => invoke<PageView[]>("rotate_page", { pageId, degrees }),
  movePage: (pageId: number, index: number): Promise<PageView[]> => invoke<PageView[]>("move_page", { pageId, index }),
  assignPage: (pageId: number, position: number | null): Promise<PageView[]> => invoke<PageView[]>("assign_page", { pageId, position }),
  deletePage: (pageId: number): Promise<PageView[]> => invoke<PageView[]>("delete_page", { pageId }),
  restorePage: (pageId: number): Promise<PageView[]> => invoke<PageView[]>("restore_page", { pageId }),
  /** Scans one sheet again from the glass, in place of page `page_id`. */
  rescanPage: (pageId: number, request: ScanRequest): Promise<PageView[]> => invoke<PageView[]>("rescan_page", { pageId, request }),
  /** Scans the signed consent from the glass and keeps it with the visit. */
  scanConsent: (visitId: number, request: ScanRequest): Promise<VisitView> => invoke<VisitView>("scan_consent", { visitId, request }),
  refusals: (visitId: number): Promise<RefusalsView> => invoke<RefusalsView>("refusals", { visitId }),
  refuse: (visitId: number, request: RefuseRequest): Promise<RefusalsView> => invoke<RefusalsView>("refuse", { visitId, request }),
  withdrawRefusal: (visitId: number, position: number): Promise<RefusalsView> => invoke<RefusalsView>("withdraw_refusal", { visitId, position }),
  /** Signs the notice with the key open in this session, or with the supervisor's key file at `key_path` (read here, kept in memory for this one signature). The notice is signed between two short holds on the store: the key's revocation status and timestamp go over the network, and a key in NCALayer waits for its owner's PIN, while the window's other commands answer. */
  issueNotice: (visitId: number, languages: NoticeLanguages, keyPath: string | null, password: string | null): Promise<NoticeView> => invoke<NoticeView>("issue_notice", { visitId, languages, keyPath, password }),
  /** The signed notice's pages as images, shown before printing. */
  previewNotice: (noticeId: number): Promise<string[]> => invoke<string[]>("preview_notice", { noticeId }),
  printNotice: (noticeId: number): Promise<JobId> => invoke<JobId>("print_notice", { noticeId }),
  notices: (taxId: string): Promise<NoticeView[]> => invoke<NoticeView[]>("notices", { taxId }),
  noticeSigner: (): Promise<NoticeSigner> => invoke<NoticeSigner>("notice_signer"),
  setNoticeSigner: (who: NoticeSigner): Promise<null> => invoke<null>("set_notice_signer", { who }),
  status: (): Promise<Status> => invoke<Status>("status"),
  firstStart: (request: FirstStart): Promise<Status> => invoke<Status>("first_start", { request }),
  login: (iin: string, password: string): Promise<Status> => invoke<Status>("login", { iin, password }),
  logout: (): Promise<Status> => invoke<Status>("logout"),
  lock: (): Promise<Status> => invoke<Status>("lock"),
  unlock: (password: string): Promise<Status> => invoke<Status>("unlock", { password }),
  choosePassword: (current: string, newValue: string): Promise<Status> => invoke<Status>("choose_password", { current, new: newValue }),
  touch: (): Promise<null> => invoke<null>("touch"),
  setLanguage: (language: Lang): Promise<Status> => invoke<Status>("set_language", { language }),
  demoLogins: (): Promise<DemoLogin[]> => invoke<DemoLogin[]>("demo_logins"),
  /** Whether this installation is linked to the shared store, and how its server answers the installation's own role now. Anyone signed in; asking is no activity (the window asks every minute). The store is let go before the server is asked: a server that does not answer holds the probe for its five seconds, and the counter's commands go on meanwhile. */
  sharedStatus: (): Promise<SharedStatus> => invoke<SharedStatus>("shared_status"),
  /** Links this installation to the center `center` of the shared store reached with the administrator's `url`, which is used once and kept nowhere; the supervisor's `password` again, for the shared store's own check of it. Supervisors only. */
  joinShared: (url: string, center: string, password: string): Promise<SharedStatus> => invoke<SharedStatus>("join_shared", { url, center, password }),
  /** Unlinks this installation; its PostgreSQL role stays on the server. Supervisors only. */
  leaveShared: (): Promise<LinkView> => invoke<LinkView>("leave_shared"),
  accounts: (): Promise<Account[]> => invoke<Account[]>("accounts"),
  createClerk: (account: NewAccount): Promise<Account> => invoke<Account>("create_clerk", { account }),
  updateAccount: (changes: AccountChanges): Promise<Account> => invoke<Account>("update_account", { changes }),
  setAccountActive: (id: number, active: boolean): Promise<Account> => invoke<Account>("set_account_active", { id, active }),
  lookupApplicant: (taxId: string): Promise<Lookup> => invoke<Lookup>("lookup_applicant", { taxId }),
  openVisit: (request: OpenVisit): Promise<VisitView> => invoke<VisitView>("open_visit", { request }),
  setDocuments: (visitId: number, documents: Document[], copiesOnMedia: boolean): Promise<VisitView> => invoke<VisitView>("set_documents", { visitId, documents, copiesOnMedia }),
  confirmConsent: (visitId: number, present: Present): Promise<VisitView> => invoke<VisitView>("confirm_consent", { visitId, present }),
  closeVisit: (visitId: number): Promise<VisitView> => invoke<VisitView>("close_visit", { visitId }),
  visit: (visitId: number): Promise<VisitView> => invoke<VisitView>("visit", { visitId }),
  myOpenVisits: (): Promise<VisitView[]> => invoke<VisitView[]>("my_open_visits"),
  /** Titles and issuers listed at this center before, offered while the clerk types. */
  documentSuggestions: (): Promise<DocumentSuggestions> => invoke<DocumentSuggestions>("document_suggestions"),
};
