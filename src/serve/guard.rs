//! What keeps `serve` answering under abuse: the `Host` check that stops a
//! page elsewhere from reading drafts and embargoed releases through DNS
//! rebinding, socket timeouts for clients that never send their request or
//! never read the answer, and a bound on connections at once.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How long a client may take to send its request, or to read a part of
/// its answer, before its connection is closed.
pub(super) const TIMEOUT: Duration = Duration::from_secs(10);

/// Connections handled at once; more get a 503 at once.
pub(super) const MAX_REQUESTS: usize = 256;

/// Why a request's `Host` header is refused, if it is: the status and a
/// one-line reason. Accepted: the address served (`127.0.0.1:PORT`,
/// `[::1]:PORT`), `localhost:PORT`, and, when listening on every address
/// (`--bind 0.0.0.0`), any IP address with the port. A name such as
/// `evil.example:1111` is what a DNS rebinding attack sends.
pub(super) fn host_refused(host: Option<&str>, served: SocketAddr) -> Option<(u16, &'static str)> {
    let Some(host) = host.map(str::trim) else {
        return Some((400, "400 Bad Request: the request has no Host header\n"));
    };
    let port = served.port();
    let (name, given_port) = match host.rsplit_once(':') {
        Some((n, p)) if !n.ends_with(':') => (n, p.parse::<u16>().ok()),
        _ => (host, None),
    };
    let ip = name.trim_start_matches('[').trim_end_matches(']');
    let local_name = name.eq_ignore_ascii_case("localhost");
    let ok_name = match ip.parse::<std::net::IpAddr>() {
        Ok(addr) => {
            served.ip().is_unspecified()
                || addr == served.ip()
                || addr.is_loopback() && served.ip().is_loopback()
        }
        Err(_) => local_name && (served.ip().is_loopback() || served.ip().is_unspecified()),
    };
    if ok_name && given_port == Some(port) {
        None
    } else {
        Some((421, "421 Misdirected Request: this preview answers only to its own address (http://127.0.0.1:PORT/ or http://localhost:PORT/)\n"))
    }
}

/// Counts requests in flight; `None` when [`MAX_REQUESTS`] are already.
pub(super) struct Slots(AtomicUsize);

/// One request's place, given back when dropped.
pub(super) struct Slot<'a>(&'a AtomicUsize);

impl Slots {
    pub(super) const fn new() -> Slots {
        Slots(AtomicUsize::new(0))
    }

    pub(super) fn take(&self) -> Option<Slot<'_>> {
        let before = self.0.fetch_add(1, Ordering::SeqCst);
        let slot = Slot(&self.0);
        (before < MAX_REQUESTS).then_some(slot)
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_served_address_is_a_host() {
        let local: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert_eq!(host_refused(Some(ok), local), None, "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "127.0.0.1:80",
            "localhost",
            "127.0.0.1",
            "10.0.0.1:1111",
            "localhost.evil.example:1111",
        ] {
            assert_eq!(
                host_refused(Some(bad), local).map(|r| r.0),
                Some(421),
                "{bad}"
            );
        }
        assert_eq!(host_refused(None, local).map(|r| r.0), Some(400));
        let all: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert_eq!(host_refused(Some("192.168.1.20:1111"), all), None);
        assert!(host_refused(Some("rebind.example:1111"), all).is_some());
    }

    #[test]
    fn slots_are_bounded_and_given_back() {
        let slots = Slots::new();
        let held: Vec<_> = (0..MAX_REQUESTS).map(|_| slots.take().unwrap()).collect();
        assert!(slots.take().is_none());
        drop(held);
        assert!(slots.take().is_some());
    }
}
