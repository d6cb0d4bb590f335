//! The `scan_page` table: a visit's pages in order, each stored in the file store.
use super::{PageSource, PageView};
use crate::error::{Error, Result};
use crate::store::{Files, Pending};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chrono::{DateTime, Utc};
use rastau_capture::{PageKind, Rotation, ScanPage};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A page saved in the file store, waiting for its row.
pub struct Stored {
    pub image_hash: String,
    pub thumb_hash: String,
    pub channels: Option<u8>,
    pub width_px: u32,
    pub height_px: u32,
    pub dpi: u32,
    pub rotation: Rotation,
}

/// Writes the page's image and thumbnail to the file store (outside any transaction: files are
/// content-addressed, so a crash before the row leaves only an orphan, never a dangling row).
pub fn store_files(files: &mut Pending, page: &ScanPage) -> Result<Stored> {
    let (bytes, channels) = match &page.kind {
        PageKind::Jpeg { bytes } => (bytes, None),
        PageKind::Pixels { data, channels } => (data, Some(*channels)),
    };
    let thumb = rastau_capture::thumbnail(
        &ScanPage {
            rotation: Rotation::R0,
            ..page.clone()
        },
        super::THUMBNAIL_HEIGHT,
    )?;
    Ok(Stored {
        image_hash: files.put(bytes)?,
        thumb_hash: files.put(&thumb.png)?,
        channels,
        width_px: page.width_px,
        height_px: page.height_px,
        dpi: page.dpi,
        rotation: page.rotation,
    })
}

pub fn insert(
    tx: &Transaction,
    visit_id: i64,
    position: Option<u32>,
    page: &Stored,
    source: PageSource,
    now: DateTime<Utc>,
) -> Result<i64> {
    let seq: i64 = tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM scan_page WHERE visit_id = ?1",
        [visit_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO scan_page (visit_id, position, seq, image_hash, thumb_hash, channels,
                                width_px, height_px, dpi, rotation, source, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            visit_id,
            position,
            seq,
            page.image_hash,
            page.thumb_hash,
            page.channels,
            page.width_px,
            page.height_px,
            page.dpi,
            page.rotation.degrees(),
            source.code(),
            now,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The visit a page belongs to, if the page exists (deleted or not).
pub fn visit_of(conn: &Connection, page_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT visit_id FROM scan_page WHERE id = ?1",
        [page_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::PageNotFound)
}

/// The document a page is assigned to (deleted or not); `None` while unassigned.
pub fn position_of(conn: &Connection, page_id: i64) -> Result<Option<u32>> {
    Ok(conn.query_row(
        "SELECT position FROM scan_page WHERE id = ?1",
        [page_id],
        |r| r.get(0),
    )?)
}

pub fn list(conn: &Connection, files: &Files, visit_id: i64) -> Result<Vec<PageView>> {
    let mut stmt = conn.prepare(
        "SELECT id, position, rotation, width_px, height_px, dpi, source, thumb_hash
         FROM scan_page WHERE visit_id = ?1 AND deleted_at IS NULL ORDER BY seq",
    )?;
    let rows = stmt.query_map([visit_id], |r| {
        Ok((
            PageView {
                id: r.get(0)?,
                position: r.get(1)?,
                rotation: r.get(2)?,
                width_px: r.get(3)?,
                height_px: r.get(4)?,
                dpi: r.get(5)?,
                source: PageSource::from_code(&r.get::<_, String>(6)?),
                thumbnail: String::new(),
            },
            r.get::<_, String>(7)?,
        ))
    })?;
    rows.map(|row| {
        let (mut view, thumb) = row?;
        view.thumbnail = format!("data:image/png;base64,{}", B64.encode(files.get(&thumb)?));
        Ok(view)
    })
    .collect()
}

pub fn rotate(tx: &Transaction, page_id: i64, by: Rotation) -> Result<()> {
    let current: i64 = tx.query_row(
        "SELECT rotation FROM scan_page WHERE id = ?1",
        [page_id],
        |r| r.get(0),
    )?;
    let turned = Rotation::from_degrees(current)?.then(by);
    tx.execute(
        "UPDATE scan_page SET rotation = ?2 WHERE id = ?1",
        params![page_id, turned.degrees()],
    )?;
    Ok(())
}

pub fn assign(tx: &Transaction, page_id: i64, position: Option<u32>) -> Result<()> {
    tx.execute(
        "UPDATE scan_page SET position = ?2 WHERE id = ?1",
        params![page_id, position],
    )?;
    Ok(())
}

pub fn set_deleted(tx: &Transaction, page_id: i64, at: Option<DateTime<Utc>>) -> Result<()> {
    tx.execute(
        "UPDATE scan_page SET deleted_at = ?2 WHERE id = ?1",
        params![page_id, at],
    )?;
    Ok(())
}

/// Moves a page to `index` (0-based) among the visit's pages shown, renumbering the rest.
pub fn move_to(tx: &Transaction, visit_id: i64, page_id: i64, index: usize) -> Result<()> {
    let mut ids: Vec<i64> = tx
        .prepare(
            "SELECT id FROM scan_page WHERE visit_id = ?1 AND deleted_at IS NULL ORDER BY seq",
        )?
        .query_map([visit_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let from = ids
        .iter()
        .position(|&id| id == page_id)
        .ok_or(Error::PageNotFound)?;
    let id = ids.remove(from);
    ids.insert(index.min(ids.len()), id);
    for (seq, id) in ids.iter().enumerate() {
        tx.execute(
            "UPDATE scan_page SET seq = ?2 WHERE id = ?1",
            params![id, seq as i64 + 1],
        )?;
    }
    Ok(())
}

/// Replaces a page's image (a rescan), keeping its place and document.
pub fn replace_image(tx: &Transaction, page_id: i64, page: &Stored) -> Result<()> {
    tx.execute(
        "UPDATE scan_page SET image_hash = ?2, thumb_hash = ?3, channels = ?4, width_px = ?5,
                              height_px = ?6, dpi = ?7, rotation = ?8
         WHERE id = ?1",
        params![
            page_id,
            page.image_hash,
            page.thumb_hash,
            page.channels,
            page.width_px,
            page.height_px,
            page.dpi,
            page.rotation.degrees(),
        ],
    )?;
    Ok(())
}

/// The pages assigned to document `position`, in order, as the store names them: enough to
/// tell whether they changed, and to read them without the store ([`StoredPage::load`]).
pub fn assigned(conn: &Connection, visit_id: i64, position: u32) -> Result<Vec<StoredPage>> {
    let mut stmt = conn.prepare(&format!(
        "{PAGE_SELECT} WHERE visit_id = ?1 AND position = ?2 AND deleted_at IS NULL ORDER BY seq"
    ))?;
    let rows = stmt.query_map(params![visit_id, position], stored_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Page `page_id` as stored, deleted or not.
pub fn page(conn: &Connection, files: &Files, page_id: i64) -> Result<ScanPage> {
    conn.query_row(
        &format!("{PAGE_SELECT} WHERE id = ?1"),
        [page_id],
        stored_row,
    )
    .optional()?
    .ok_or(Error::PageNotFound)?
    .load(files)
}

const PAGE_SELECT: &str =
    "SELECT image_hash, channels, width_px, height_px, dpi, rotation FROM scan_page";

/// A page's row, its image still in the file store.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPage {
    hash: String,
    channels: Option<u8>,
    width_px: u32,
    height_px: u32,
    dpi: u32,
    rotation: i64,
}

fn stored_row(r: &rusqlite::Row) -> rusqlite::Result<StoredPage> {
    Ok(StoredPage {
        hash: r.get(0)?,
        channels: r.get(1)?,
        width_px: r.get(2)?,
        height_px: r.get(3)?,
        dpi: r.get(4)?,
        rotation: r.get(5)?,
    })
}

impl StoredPage {
    /// The page's image read from the file store (which never changes a file it keeps).
    pub fn load(&self, files: &Files) -> Result<ScanPage> {
        let bytes = files.get(&self.hash)?;
        let (w, h, dpi) = (self.width_px, self.height_px, self.dpi);
        let mut page = match self.channels {
            None => ScanPage::jpeg(bytes, w, h, dpi),
            Some(channels) => ScanPage::pixels(bytes, channels, w, h, dpi)?,
        };
        page.rotation = Rotation::from_degrees(self.rotation)?;
        Ok(page)
    }
}

impl PageSource {
    pub(crate) fn code(self) -> &'static str {
        match self {
            PageSource::Flatbed => "flatbed",
            PageSource::Feeder => "feeder",
            PageSource::File => "file",
            PageSource::Folder => "folder",
        }
    }

    fn from_code(code: &str) -> PageSource {
        match code {
            "flatbed" => PageSource::Flatbed,
            "feeder" => PageSource::Feeder,
            "folder" => PageSource::Folder,
            _ => PageSource::File,
        }
    }
}
