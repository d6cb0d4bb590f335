//! The page strip's commands: pages kept as they come from the scanner, a file or the scan
//! folder, then turned, moved, assigned, deleted and restored, replaced, and opened large.
use super::Rastau;
use crate::account::Account;
use crate::audit::{Action, Event, Record};
use crate::error::{Error, Result};
use crate::scans::{frozen, quarantine, records, PageSource, PageView, LARGE_HEIGHT};
use crate::visit;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use rastau_capture::{import_file, thumbnail, Limits, Rotation, ScanPage};
use rusqlite::Transaction;
use std::path::Path;

impl Rastau {
    /// Refuses unless the signed-in user may change this visit's pages.
    pub(super) fn pages_changeable(&mut self, visit_id: i64) -> Result<Account> {
        let actor = self.actor()?;
        visit::ensure_changeable(self.store().read(), &actor, visit_id)?;
        Ok(actor)
    }

    /// Changes page `page_id` by `change`, audited as `action`, and lists the strip after. A
    /// page of a certified document is refused whatever the change.
    fn change_page(
        &mut self,
        page_id: i64,
        action: Action,
        change: impl FnOnce(&Transaction, i64) -> Result<()>,
    ) -> Result<Vec<PageView>> {
        let visit_id = records::visit_of(self.store().read(), page_id)?;
        let actor = self.pages_changeable(visit_id)?;
        self.audited(
            |_| Event::by(&actor, action).on(Record::Page(page_id)),
            |tx| {
                frozen::ensure_open(tx, visit_id, records::position_of(tx, page_id)?)?;
                change(tx, visit_id)
            },
        )?;
        self.pages(visit_id)
    }

    /// The visit's pages in order, deleted ones left out.
    pub fn pages(&mut self, visit_id: i64) -> Result<Vec<PageView>> {
        self.pages_changeable(visit_id)?;
        records::list(self.store().read(), &self.store.files(), visit_id)
    }

    /// Keeps pages as they arrive from the scanner or a file, each in its own transaction so
    /// that a later fault loses none of them.
    pub fn add_pages(
        &mut self,
        visit_id: i64,
        pages: &[ScanPage],
        source: PageSource,
        position: Option<u32>,
    ) -> Result<Vec<PageView>> {
        self.keep_pages(visit_id, pages, source, position)?;
        self.pages(visit_id)
    }

    /// [`Rastau::add_pages`] without listing the strip afterwards: for the scanner's page
    /// callback, which would otherwise re-read every thumbnail once per sheet.
    pub fn keep_pages(
        &mut self,
        visit_id: i64,
        pages: &[ScanPage],
        source: PageSource,
        position: Option<u32>,
    ) -> Result<()> {
        let actor = self.pages_changeable(visit_id)?;
        frozen::ensure_open(self.store().read(), visit_id, position)?;
        for page in pages {
            let mut files = self.store.files().pending();
            let stored = records::store_files(&mut files, page)?;
            let now = self.now();
            self.audited(
                |id| Event::by(&actor, Action::PageAdded).on(Record::Page(*id)),
                |tx| records::insert(tx, visit_id, position, &stored, source, now),
            )?;
            files.keep();
        }
        Ok(())
    }

    /// Imports image or PDF files (a PDF gives one page per page). Files before a bad one are
    /// kept; the bad one is named in the error.
    pub fn import_files(
        &mut self,
        visit_id: i64,
        paths: &[&Path],
        source: PageSource,
        position: Option<u32>,
    ) -> Result<Vec<PageView>> {
        self.pages_changeable(visit_id)?;
        for path in paths {
            let pages = import_file(path, &Limits::default())?;
            self.keep_pages(visit_id, &pages, source, position)?;
        }
        self.pages(visit_id)
    }

    /// Imports one file the scan folder received, where no clerk chose it, under listed
    /// document `position` (what the strip's "assign new pages to" says) or unassigned. A file
    /// refused for what it holds is moved into the folder's [`crate::scans::REFUSED_FOLDER`] with the
    /// reason beside it; the error is returned all the same, for the window to show.
    pub fn import_from_scan_folder(
        &mut self,
        visit_id: i64,
        file: &Path,
        position: Option<u32>,
    ) -> Result<Vec<PageView>> {
        let imported = self.import_files(visit_id, &[file], PageSource::Folder, position);
        if let Err(error) = &imported {
            if quarantine::is_the_files_fault(error) {
                if let Err(e) = quarantine::set_aside(file, error) {
                    tracing::warn!("setting {} aside: {e}", file.display());
                }
            }
        }
        imported
    }

    /// Turns a page clockwise by `degrees` (a multiple of 90).
    pub fn rotate_page(&mut self, page_id: i64, degrees: i64) -> Result<Vec<PageView>> {
        let by = Rotation::from_degrees(degrees)?;
        self.change_page(page_id, Action::PageRotated, |tx, _| {
            records::rotate(tx, page_id, by)
        })
    }

    /// Moves a page to `index` (0-based) in the strip.
    pub fn move_page(&mut self, page_id: i64, index: usize) -> Result<Vec<PageView>> {
        self.change_page(page_id, Action::PageMoved, |tx, visit_id| {
            records::move_to(tx, visit_id, page_id, index)
        })
    }

    /// Puts a page under listed document `position`, or back among the unassigned.
    pub fn assign_page(&mut self, page_id: i64, position: Option<u32>) -> Result<Vec<PageView>> {
        self.change_page(page_id, Action::PageAssigned, |tx, visit_id| {
            let documents = visit::view(tx, visit_id)?.documents.len();
            if let Some(p) = position.filter(|&p| p == 0 || p as usize > documents) {
                return Err(Error::DocumentNotFound { position: p });
            }
            frozen::ensure_open(tx, visit_id, position)?;
            records::assign(tx, page_id, position)
        })
    }

    /// Deletes a page; [`Rastau::restore_page`] undoes it while the visit is open.
    pub fn delete_page(&mut self, page_id: i64) -> Result<Vec<PageView>> {
        let now = self.now();
        self.change_page(page_id, Action::PageDeleted, |tx, _| {
            records::set_deleted(tx, page_id, Some(now))
        })
    }

    pub fn restore_page(&mut self, page_id: i64) -> Result<Vec<PageView>> {
        self.change_page(page_id, Action::PageRestored, |tx, _| {
            records::set_deleted(tx, page_id, None)
        })
    }

    /// Replaces a page with a new scan of the same sheet, in the same place.
    pub fn replace_page(&mut self, page_id: i64, page: &ScanPage) -> Result<Vec<PageView>> {
        let mut files = self.store.files().pending();
        let stored = records::store_files(&mut files, page)?;
        let pages = self.change_page(page_id, Action::PageReplaced, |tx, _| {
            records::replace_image(tx, page_id, &stored)
        })?;
        files.keep();
        Ok(pages)
    }

    /// Page `page_id` large enough to read its smallest print before certifying: a PNG `data:`
    /// URL of the unrotated page (the window turns it as the strip does), at most
    /// [`LARGE_HEIGHT`] pixels high.
    pub fn page_image(&mut self, page_id: i64) -> Result<String> {
        let visit_id = records::visit_of(self.store().read(), page_id)?;
        self.pages_changeable(visit_id)?;
        let page = records::page(self.store().read(), &self.store.files(), page_id)?;
        let upright = ScanPage {
            rotation: Rotation::R0,
            ..page
        };
        let large = thumbnail(&upright, upright.height_px.min(LARGE_HEIGHT))?;
        Ok(format!("data:image/png;base64,{}", B64.encode(large.png)))
    }
}
