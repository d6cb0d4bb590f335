//! Command-line options of the window: `--demo` and `--data-dir <folder>`; and
//! `RASTAU_NCALAYER_URL`, where NCALayer is asked when not at its own address (the end-to-end
//! tests' stand-in; NCALayer itself accepts loopback addresses only).
use rastau_core::store::{default_data_dir, demo_data_dir};
use std::path::PathBuf;

pub struct Options {
    pub data_dir: PathBuf,
    pub demo: bool,
    pub ncalayer_url: Option<String>,
}

impl Options {
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Options {
        let mut data_dir = None;
        let mut demo = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--demo" => demo = true,
                "--data-dir" => data_dir = args.next().map(PathBuf::from),
                _ => {}
            }
        }
        // The demo gets a folder of its own, so it never mixes with a real center's data; the
        // same rule as `rastau demo`, so both find the demo in the same folder.
        let data_dir = match demo {
            true => demo_data_dir(data_dir),
            false => data_dir.unwrap_or_else(default_data_dir),
        };
        let ncalayer_url = std::env::var("RASTAU_NCALAYER_URL")
            .ok()
            .filter(|u| !u.is_empty());
        Options {
            data_dir,
            demo,
            ncalayer_url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Options {
        Options::from_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn demo_uses_its_own_folder_unless_one_is_given() {
        let plain = parse(&[]);
        let demo = parse(&["--demo"]);
        assert!(!plain.demo);
        assert!(demo.demo);
        assert_eq!(demo.data_dir, plain.data_dir.join("demo"));
        let given = parse(&["--demo", "--data-dir", "elsewhere"]);
        assert_eq!(given.data_dir, PathBuf::from("elsewhere"));
    }
}
