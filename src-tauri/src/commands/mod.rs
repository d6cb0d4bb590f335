//! Tauri commands: each one turns an `invoke` from the UI into one core call.
mod center;
mod certify;
mod custody;
mod forms;
mod handover;
mod journal;
mod pages;
mod refusal;
mod session;
mod staff;
mod visit;

use rastau_core::signing_key::KeyFile;
use rastau_core::{Error, ErrorPayload};
use std::path::PathBuf;

/// A supervisor's key file brought for one signature, read here, kept in memory for it.
fn key_file(
    path: Option<PathBuf>,
    password: Option<String>,
) -> Result<Option<KeyFile>, ErrorPayload> {
    let Some(path) = path else { return Ok(None) };
    let pkcs12 = std::fs::read(&path).map_err(|e| Error::Io(e).payload())?;
    Ok(Some(KeyFile {
        pkcs12,
        password: password.unwrap_or_default(),
    }))
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        session::status,
        session::first_start,
        session::login,
        session::logout,
        session::lock,
        session::unlock,
        session::choose_password,
        session::touch,
        session::set_language,
        session::demo_logins,
        staff::accounts,
        staff::create_clerk,
        staff::update_account,
        staff::set_account_active,
        center::update_center,
        visit::lookup_applicant,
        visit::open_visit,
        visit::set_documents,
        visit::confirm_consent,
        visit::close_visit,
        visit::my_open_visits,
        visit::visit,
        visit::document_suggestions,
        pages::scanners,
        pages::scan,
        pages::cancel_scan,
        pages::pages,
        pages::import_files,
        pages::choose_scan_files,
        pages::rotate_page,
        pages::move_page,
        pages::assign_page,
        pages::delete_page,
        pages::restore_page,
        pages::rescan_page,
        pages::aim_scan_folder,
        pages::page_image,
        pages::scan_consent,
        certify::choose_key_file,
        certify::choose_file,
        certify::open_signing_key,
        certify::remembered_key_path,
        certify::certify_document,
        certify::copies,
        certify::verify_file,
        certify::verify_qr,
        certify::trust_ca,
        certify::trusted_cas,
        certify::remove_trusted_ca,
        forms::print_consent,
        forms::print_receipt,
        forms::preview_consent,
        forms::preview_receipt,
        forms::attach_consent_scan,
        handover::choose_folder,
        handover::removable_media,
        handover::export_copies,
        handover::printers,
        handover::chosen_printer,
        handover::set_printer,
        refusal::refusals,
        refusal::refuse,
        refusal::withdraw_refusal,
        refusal::issue_notice,
        refusal::preview_notice,
        refusal::print_notice,
        refusal::notices,
        refusal::notice_signer,
        refusal::set_notice_signer,
        journal::journal,
        journal::preview_journal,
        journal::print_journal,
        journal::export_journal_csv,
        journal::export_journal_pdf,
        journal::day_open_visits,
        journal::sign_off_day,
        journal::correct_day,
        journal::choose_csv_path,
        journal::choose_pdf_path,
        custody::audit,
        custody::verify_audit,
        custody::backup,
        custody::run_retention,
    ]
}
