//! The login name of the user this process runs as. CUPS records it as the job's owner, and
//! cups-pdf picks its output folder by it; `$USER` is not reliable (services and containers
//! often run without it), so the name comes from the password database.
use std::ffi::CStr;

/// The effective user's login name, or `"rastau"` if the password database has none.
pub(crate) fn login_name() -> String {
    let mut buf = vec![0u8; 4096];
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer refers to a live local of the stated size; getpwuid_r writes the
    // strings into `buf` and points `entry`'s fields there, and `found` at `entry` on success.
    let rc = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            &mut entry,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut found,
        )
    };
    if rc != 0 || found.is_null() {
        return "rastau".to_owned();
    }
    // SAFETY: on success `pw_name` is a NUL-terminated string inside `buf`, still alive here.
    unsafe { CStr::from_ptr(entry.pw_name) }
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_running_user() {
        let expected = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        assert_eq!(
            super::login_name(),
            String::from_utf8(expected.stdout).unwrap().trim()
        );
    }
}
