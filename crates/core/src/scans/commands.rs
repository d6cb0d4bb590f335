//! The page strip's commands on the application object.
use super::{records, PageSource, PageView};
use crate::copy::CopyView;
use crate::error::{Error, Result};
use crate::rastau::Rastau;
use crate::visit;
use rastau_capture::{import_file, Limits, Rotation, ScanPage};
use std::path::Path;

impl Rastau {
    /// Refuses unless the signed-in user may change this visit's pages.
    fn pages_changeable(&mut self, visit_id: i64) -> Result<()> {
        let actor = self.actor()?;
        visit::ensure_changeable(self.store().read(), &actor, visit_id)
    }

    fn page_changeable(&mut self, page_id: i64) -> Result<i64> {
        let visit_id = records::visit_of(self.store().read(), page_id)?;
        self.pages_changeable(visit_id)?;
        Ok(visit_id)
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
        self.pages_changeable(visit_id)?;
        let files = self.store.files();
        for page in pages {
            let stored = records::store_files(&files, page)?;
            let now = self.now();
            self.store
                .write(|tx| records::insert(tx, visit_id, position, &stored, source, now))?;
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

    /// Turns a page clockwise by `degrees` (a multiple of 90).
    pub fn rotate_page(&mut self, page_id: i64, degrees: i64) -> Result<Vec<PageView>> {
        let visit_id = self.page_changeable(page_id)?;
        let by = Rotation::from_degrees(degrees)?;
        self.store.write(|tx| records::rotate(tx, page_id, by))?;
        self.pages(visit_id)
    }

    /// Moves a page to `index` (0-based) in the strip.
    pub fn move_page(&mut self, page_id: i64, index: usize) -> Result<Vec<PageView>> {
        let visit_id = self.page_changeable(page_id)?;
        self.store
            .write(|tx| records::move_to(tx, visit_id, page_id, index))?;
        self.pages(visit_id)
    }

    /// Puts a page under listed document `position`, or back among the unassigned.
    pub fn assign_page(&mut self, page_id: i64, position: Option<u32>) -> Result<Vec<PageView>> {
        let visit_id = self.page_changeable(page_id)?;
        let view = visit::view(self.store().read(), visit_id)?;
        if let Some(p) = position {
            if p == 0 || p as usize > view.documents.len() {
                return Err(Error::DocumentNotFound { position: p });
            }
        }
        self.store
            .write(|tx| records::assign(tx, page_id, position))?;
        self.pages(visit_id)
    }

    /// Deletes a page; [`Rastau::restore_page`] undoes it while the visit is open.
    pub fn delete_page(&mut self, page_id: i64) -> Result<Vec<PageView>> {
        let visit_id = self.page_changeable(page_id)?;
        let now = self.now();
        self.store
            .write(|tx| records::set_deleted(tx, page_id, Some(now)))?;
        self.pages(visit_id)
    }

    pub fn restore_page(&mut self, page_id: i64) -> Result<Vec<PageView>> {
        let visit_id = self.page_changeable(page_id)?;
        self.store
            .write(|tx| records::set_deleted(tx, page_id, None))?;
        self.pages(visit_id)
    }

    /// Replaces a page with a new scan of the same sheet, in the same place.
    pub fn replace_page(&mut self, page_id: i64, page: &ScanPage) -> Result<Vec<PageView>> {
        let visit_id = self.page_changeable(page_id)?;
        let stored = records::store_files(&self.store.files(), page)?;
        self.store
            .write(|tx| records::replace_image(tx, page_id, &stored))?;
        self.pages(visit_id)
    }

    /// Certifies listed document `position` from the pages assigned to it.
    pub fn certify_document(&mut self, visit_id: i64, position: u32) -> Result<CopyView> {
        self.pages_changeable(visit_id)?;
        let pages =
            records::for_document(self.store().read(), &self.store.files(), visit_id, position)?;
        if pages.is_empty() {
            return Err(Error::NoPagesAssigned { position });
        }
        self.certify(visit_id, position, &pages)
    }
}
