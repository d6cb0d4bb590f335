//! The ordered pages of one document being captured. Every operation only moves values or
//! changes a rotation field: no pixel is touched, so they are instant even for 100 pages.
//! Page numbers in this API are 1-based, as the clerk sees them.

use crate::error::CaptureError;
use crate::page::{Rotation, ScanPage};

/// Pages in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pages {
    pages: Vec<ScanPage>,
}

impl Pages {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of pages.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// True when there are no pages.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The pages in order.
    pub fn as_slice(&self) -> &[ScanPage] {
        &self.pages
    }

    /// Page `number` (1-based).
    pub fn get(&self, number: usize) -> Result<&ScanPage, CaptureError> {
        let index = self.index(number)?;
        Ok(&self.pages[index])
    }

    /// Appends pages at the end (a new scan or import).
    pub fn extend(&mut self, pages: impl IntoIterator<Item = ScanPage>) {
        self.pages.extend(pages);
    }

    /// Turns page `number` by `by` more (clockwise), on top of its current rotation.
    pub fn rotate(&mut self, number: usize, by: Rotation) -> Result<(), CaptureError> {
        let index = self.index(number)?;
        let page = &mut self.pages[index];
        page.rotation = page.rotation.then(by);
        Ok(())
    }

    /// Moves page `from` so that it becomes page `to` (both 1-based).
    pub fn move_page(&mut self, from: usize, to: usize) -> Result<(), CaptureError> {
        let from = self.index(from)?;
        let to = self.index(to)?;
        let page = self.pages.remove(from);
        self.pages.insert(to, page);
        Ok(())
    }

    /// Puts the pages in a new order: `order[i]` is the current number of the page that
    /// becomes page `i + 1`. Must name every page exactly once.
    pub fn reorder(&mut self, order: &[usize]) -> Result<(), CaptureError> {
        let count = self.pages.len();
        let mut seen = vec![false; count];
        for &number in order {
            match number.checked_sub(1).filter(|&i| i < count) {
                Some(i) if !seen[i] => seen[i] = true,
                _ => return Err(CaptureError::BadPageOrder { count }),
            }
        }
        if order.len() != count {
            return Err(CaptureError::BadPageOrder { count });
        }
        let mut old: Vec<Option<ScanPage>> = self.pages.drain(..).map(Some).collect();
        // Each index was checked to occur once, so every `take` finds its page.
        self.pages = order
            .iter()
            .filter_map(|&number| old[number - 1].take())
            .collect();
        Ok(())
    }

    /// Removes page `number` and returns it (so the UI can offer "undo").
    pub fn delete(&mut self, number: usize) -> Result<ScanPage, CaptureError> {
        let index = self.index(number)?;
        Ok(self.pages.remove(index))
    }

    /// The pages, for the PDF writer.
    pub fn into_vec(self) -> Vec<ScanPage> {
        self.pages
    }

    fn index(&self, number: usize) -> Result<usize, CaptureError> {
        number
            .checked_sub(1)
            .filter(|&i| i < self.pages.len())
            .ok_or(CaptureError::NoSuchPage {
                number,
                count: self.pages.len(),
            })
    }
}

impl From<Vec<ScanPage>> for Pages {
    fn from(pages: Vec<ScanPage>) -> Self {
        Self { pages }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rastau_coded::Coded;

    fn doc(n: u8) -> Pages {
        (1..=n)
            .map(|v| ScanPage::pixels(vec![v], 1, 1, 1, 300).unwrap())
            .collect::<Vec<_>>()
            .into()
    }

    fn values(p: &Pages) -> Vec<u8> {
        p.as_slice()
            .iter()
            .map(|page| match &page.kind {
                crate::PageKind::Pixels { data, .. } => data[0],
                crate::PageKind::Jpeg { .. } => 0,
            })
            .collect()
    }

    #[test]
    fn reorder_move_delete_rotate() {
        let mut p = doc(4);
        p.reorder(&[4, 3, 2, 1]).unwrap();
        assert_eq!(values(&p), [4, 3, 2, 1]);
        p.move_page(1, 4).unwrap();
        assert_eq!(values(&p), [3, 2, 1, 4]);
        assert_eq!(p.delete(2).unwrap().kind, doc(2).get(2).unwrap().kind);
        assert_eq!(values(&p), [3, 1, 4]);
        p.rotate(1, Rotation::R90).unwrap();
        p.rotate(1, Rotation::R270).unwrap();
        p.rotate(2, Rotation::R180).unwrap();
        assert_eq!(p.get(1).unwrap().rotation, Rotation::R0);
        assert_eq!(p.get(2).unwrap().rotation, Rotation::R180);
    }

    #[test]
    fn bad_numbers_and_orders_are_refused() {
        let mut p = doc(3);
        assert_eq!(p.delete(0).unwrap_err().code(), "capture-no-such-page");
        assert_eq!(p.delete(4).unwrap_err().code(), "capture-no-such-page");
        for order in [&[1, 2][..], &[1, 1, 2], &[1, 2, 4], &[1, 2, 3, 3]] {
            assert_eq!(
                p.reorder(order).unwrap_err().code(),
                "capture-bad-page-order"
            );
        }
        assert_eq!(values(&p), [1, 2, 3], "a refused reorder changes nothing");
    }
}
