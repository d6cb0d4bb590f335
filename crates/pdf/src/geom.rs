//! Page geometry. Layout coordinates are in PDF points (1/72 inch) measured from the
//! TOP-LEFT corner of the page, y growing downwards, because forms are written top to bottom;
//! the writer flips them into PDF's bottom-up space.

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Converts millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A4 short side in points (210 mm).
pub const A4_SHORT: f32 = 595.2756;
/// A4 long side in points (297 mm).
pub const A4_LONG: f32 = 841.8898;

/// Orientation of an A4 page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// 210 × 297 mm.
    Portrait,
    /// 297 × 210 mm.
    Landscape,
}

/// An axis-aligned rectangle in layout coordinates (top-left origin, points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Rect {
    /// A rectangle from its top-left corner and size.
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Rect { x, y, w, h }
    }
}

/// Clockwise rotation of a page, applied by the viewer through the page's `/Rotate` entry so
/// that turning a scan never touches its image data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rotation {
    /// Upright.
    #[default]
    None,
    /// 90° clockwise.
    Cw90,
    /// Upside down.
    Cw180,
    /// 270° clockwise (90° counter-clockwise).
    Cw270,
}

impl Rotation {
    /// From degrees clockwise; any multiple of 90, negative allowed (-90 = 270).
    pub fn from_degrees(deg: i32) -> Result<Self, crate::PdfError> {
        match deg.rem_euclid(360) {
            0 => Ok(Rotation::None),
            90 => Ok(Rotation::Cw90),
            180 => Ok(Rotation::Cw180),
            270 => Ok(Rotation::Cw270),
            _ => Err(crate::PdfError::InvalidRotation(deg)),
        }
    }

    /// Degrees clockwise, the value of `/Rotate`.
    pub fn degrees(self) -> i32 {
        match self {
            Rotation::None => 0,
            Rotation::Cw90 => 90,
            Rotation::Cw180 => 180,
            Rotation::Cw270 => 270,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_from_degrees() {
        assert_eq!(Rotation::from_degrees(-90).unwrap(), Rotation::Cw270);
        assert_eq!(Rotation::from_degrees(450).unwrap(), Rotation::Cw90);
        assert_eq!(Rotation::from_degrees(0).unwrap(), Rotation::None);
        assert!(Rotation::from_degrees(45).is_err());
    }
}
