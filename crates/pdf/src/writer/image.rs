//! Image XObjects: JPEG bytes as they are (/DCTDecode), pixels Flate-compressed.

use pdf_writer::{Filter, Name, Pdf, Ref};

use super::deflate;
use crate::image::{Channels, ImageData, PageImage};

pub(crate) fn write(pdf: &mut Pdf, id: Ref, image: &PageImage) {
    let (w, h) = (image.width_px() as i32, image.height_px() as i32);
    match &image.data {
        ImageData::Jpeg {
            bytes,
            components,
            adobe,
        } => {
            let mut x = pdf.image_xobject(id, bytes);
            x.width(w).height(h).bits_per_component(8);
            x.filter(Filter::DctDecode);
            match components {
                1 => x.color_space_name(Name(b"DeviceGray")),
                3 => x.color_space_name(Name(b"DeviceRGB")),
                _ => x.color_space_name(Name(b"DeviceCMYK")),
            };
            // Photoshop-style CMYK JPEGs (Adobe APP14) store inverted samples.
            if *components == 4 && *adobe {
                x.decode([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
            }
        }
        ImageData::Pixels { data, channels } => {
            let packed = deflate(data);
            let mut x = pdf.image_xobject(id, &packed);
            x.width(w).height(h).bits_per_component(8);
            x.filter(Filter::FlateDecode);
            x.color_space_name(Name(match channels {
                Channels::Gray => b"DeviceGray".as_slice(),
                Channels::Rgb => b"DeviceRGB".as_slice(),
            }));
        }
    }
}
