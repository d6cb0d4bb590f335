//! Rule 2.1: the electronic copy reproduces the whole paper original. A copy is made from
//! exactly as many pages as the original has sheets, so a page deleted by mistake or never
//! scanned cannot become a "complete" certified copy.
use crate::error::{Error, Result};
use crate::visit::Document;

/// Refuses unless `pages` pages are the original's sheets, one each.
pub(crate) fn ensure_whole(document: &Document, position: u32, pages: usize) -> Result<()> {
    if pages != document.sheets as usize {
        return Err(Error::SheetCountMismatch {
            position,
            sheets: document.sheets,
            pages,
        });
    }
    Ok(())
}
