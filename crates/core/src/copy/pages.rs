//! Scanned pages as the PDF writer takes them: JPEG bytes as they are, pixels as pixels.
use crate::error::Result;
use rastau_capture::{PageKind, ScanPage};
use rastau_pdf::{Channels, PageImage, Rotation};

pub(crate) fn to_pdf_pages(pages: &[ScanPage]) -> Result<Vec<rastau_pdf::ScanPage>> {
    pages.iter().map(to_pdf_page).collect()
}

fn to_pdf_page(page: &ScanPage) -> Result<rastau_pdf::ScanPage> {
    let dpi = Some(page.dpi as f32);
    let image = match &page.kind {
        PageKind::Jpeg { bytes } => PageImage::jpeg(bytes.clone(), dpi)?,
        PageKind::Pixels { data, channels } => {
            let channels = if *channels == 1 {
                Channels::Gray
            } else {
                Channels::Rgb
            };
            PageImage::pixels(data.clone(), page.width_px, page.height_px, channels, dpi)?
        }
    };
    let rotation = Rotation::from_degrees(page.rotation.degrees().into())?;
    Ok(rastau_pdf::ScanPage::new(image).rotated(rotation))
}
