//! A scanned page of the original, as it goes into the certified copy.

use crate::geom::Rotation;
use crate::image::PageImage;

/// One page of the paper original: its image and how the viewer should turn it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanPage {
    /// The scan, embedded losslessly at its true paper size.
    pub image: PageImage,
    /// Applied with the page's `/Rotate`; the image data is never re-encoded.
    pub rotation: Rotation,
}

impl ScanPage {
    /// An upright page.
    pub fn new(image: PageImage) -> Self {
        ScanPage {
            image,
            rotation: Rotation::None,
        }
    }

    /// The same page turned by `rotation`.
    pub fn rotated(mut self, rotation: Rotation) -> Self {
        self.rotation = rotation;
        self
    }
}
