//! The crate's only unsafe code: the atomic exchange of two folders.
//!
//! `renameat2(RENAME_EXCHANGE)` swaps the new site and the old one in one
//! step, so no reader ever sees a missing or half-written output. It is
//! called through the raw `syscall` entry point rather than glibc's
//! `renameat2` wrapper, which only exists since glibc 2.28: the binary then
//! loads on older systems and gets `ENOSYS` there, and the writer falls back
//! to two renames.
#![allow(unsafe_code)]

use std::io;
use std::path::Path;

/// Swaps `a` and `b` atomically (both must exist).
#[cfg(target_os = "linux")]
pub(crate) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings that live until
    // the call returns; the kernel only reads them. The arguments match
    // renameat2(int olddirfd, const char *oldpath, int newdirfd,
    // const char *newpath, unsigned int flags).
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// No atomic exchange here: the writer falls back to two renames.
#[cfg(not(target_os = "linux"))]
pub(crate) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn exchanges_two_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(a.join("x"), "a").unwrap();
        super::exchange(&a, &b).unwrap();
        assert!(b.join("x").exists() && !a.join("x").exists());
        assert!(super::exchange(&a, &tmp.path().join("missing")).is_err());
    }
}
