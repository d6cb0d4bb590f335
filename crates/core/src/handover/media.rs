//! USB sticks the system has mounted, offered as destinations. Only a suggestion: the clerk may
//! choose any folder.
use std::path::PathBuf;

/// File systems sticks come formatted with.
const STICK_FILE_SYSTEMS: &[&str] = &["vfat", "exfat", "ntfs", "ntfs3", "fuseblk"];

/// Mount points in `/proc/mounts` text that look like removable media: under `/media/` or
/// `/run/media/<user>/` (where desktops mount sticks), or of a stick's file system.
pub fn removable(mounts: &str) -> Vec<PathBuf> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_device, point, fs) = (fields.next()?, fields.next()?, fields.next()?);
            let point = unescape(point);
            let automounted = point.starts_with("/media/") || point.starts_with("/run/media/");
            (automounted || STICK_FILE_SYSTEMS.contains(&fs)).then(|| PathBuf::from(point))
        })
        .collect()
}

/// `/proc/mounts` writes space, tab, newline and backslash in octal (`\040`).
fn unescape(field: &str) -> String {
    let mut out = Vec::with_capacity(field.len());
    let bytes = field.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes.get(i + 1..i + 4).and_then(|d| {
            let text = std::str::from_utf8(d).ok()?;
            u8::from_str_radix(text, 8).ok()
        });
        match (bytes[i], octal) {
            (b'\\', Some(b)) => {
                out.push(b);
                i += 4;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sticks_and_decodes_spaces() {
        let mounts = "\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
/dev/sdb1 /media/clerk/KINGSTON vfat rw,uid=1000 0 0
/dev/sdc1 /run/media/clerk/My\\040Stick exfat rw 0 0
/dev/sdd1 /mnt/archive ntfs3 rw 0 0
tmpfs /tmp tmpfs rw 0 0
";
        assert_eq!(
            removable(mounts),
            vec![
                PathBuf::from("/media/clerk/KINGSTON"),
                PathBuf::from("/run/media/clerk/My Stick"),
                PathBuf::from("/mnt/archive"),
            ]
        );
    }
}
