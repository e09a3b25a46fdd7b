//! The crate's only unsafe code: the atomic exchange of two folders, and
//! socket timeouts for `serve`.
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

/// Sets the receive and send timeouts of a listening socket. On Linux the
/// sockets it accepts inherit them, so a client that never sends its
/// request or never reads its answer frees its thread after `timeout`.
#[cfg(unix)]
pub(crate) fn socket_timeouts(
    socket: &std::net::TcpListener,
    timeout: std::time::Duration,
) -> io::Result<()> {
    use std::os::fd::AsRawFd as _;
    let tv = libc::timeval {
        tv_sec: timeout.as_secs() as libc::time_t,
        tv_usec: timeout.subsec_micros() as libc::suseconds_t,
    };
    for option in [libc::SO_RCVTIMEO, libc::SO_SNDTIMEO] {
        // SAFETY: the descriptor is a live socket owned by `socket`; `tv` is
        // a valid timeval that outlives the call, and its size is passed.
        let rc = unsafe {
            libc::setsockopt(
                socket.as_raw_fd(),
                libc::SOL_SOCKET,
                option,
                (&tv as *const libc::timeval).cast(),
                std::mem::size_of::<libc::timeval>() as libc::socklen_t,
            )
        };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// No socket options here: timeouts are left to the system.
#[cfg(not(unix))]
pub(crate) fn socket_timeouts(_: &std::net::TcpListener, _: std::time::Duration) -> io::Result<()> {
    Ok(())
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
