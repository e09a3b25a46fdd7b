//! A small HTTP/1.1 server for the preview: one thread per connection, one
//! request per connection (`Connection: close`), read and write timeouts on
//! every socket, and a bound on connections at once. It replaces a general
//! server whose shared thread pool could queue a new connection behind one
//! whose client had stopped reading.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::guard;

/// The most bytes a request's line and headers may take.
const MAX_HEAD: usize = 16 * 1024;

/// One request: its method, target (`/path?query`) and headers.
pub(super) struct Request {
    pub(super) method: String,
    pub(super) url: String,
    headers: Vec<(String, String)>,
    stream: TcpStream,
}

/// An answer: status, headers and body.
pub(super) struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    /// A text answer (status 200 until [`Response::status`]).
    pub(super) fn text(text: impl Into<String>) -> Response {
        Response::bytes(text.into().into_bytes())
            .header("Content-Type", "text/plain; charset=utf-8")
    }

    /// An answer of `body`.
    pub(super) fn bytes(body: Vec<u8>) -> Response {
        Response {
            status: 200,
            headers: Vec::new(),
            body,
        }
    }

    pub(super) fn status(mut self, status: u16) -> Response {
        self.status = status;
        self
    }

    /// Adds a header; one of the same name is replaced. Values that are
    /// not plain ASCII (or hold line ends) are left out, never trusted.
    pub(super) fn header(mut self, name: &str, value: &str) -> Response {
        if value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            self.headers.push((name.to_string(), value.to_string()));
        }
        self
    }
}

impl Request {
    /// The value of header `name`, if the request has it.
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Writes `resp` and closes the connection (HEAD gets no body).
    pub(super) fn respond(mut self, resp: Response) -> io::Result<()> {
        let head_only = self.method == "HEAD";
        write_response(&mut self.stream, &resp, head_only)
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

fn write_response(stream: &mut TcpStream, resp: &Response, head_only: bool) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", resp.status, reason(resp.status));
    for (n, v) in &resp.headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        resp.body.len()
    ));
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&resp.body)?;
    }
    stream.flush()
}

/// Why a request could not be read: the status to answer, if any.
fn read_request(mut stream: TcpStream) -> Result<Request, (TcpStream, Option<u16>)> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    let end = loop {
        if let Some(i) = find_head_end(&buf) {
            break i;
        }
        if buf.len() > MAX_HEAD {
            return Err((stream, Some(431)));
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err((stream, None)),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err((stream, Some(408)))
            }
            Err(_) => return Err((stream, None)),
        }
    };
    let Ok(head) = std::str::from_utf8(&buf[..end]) else {
        return Err((stream, Some(400)));
    };
    let mut lines = head.split("\r\n").flat_map(|l| l.split('\n'));
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(url), Some(version)) = (first.next(), first.next(), first.next())
    else {
        return Err((stream, Some(400)));
    };
    if !version.starts_with("HTTP/1.") || method.is_empty() || !url.starts_with('/') {
        return Err((stream, Some(400)));
    }
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Request {
        method: method.to_string(),
        url: url.to_string(),
        headers,
        stream,
    })
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = buf.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Accepts connections on `listener` until `stop`, answering each request
/// with `handle` on a thread of its own; requests whose `Host` is not the
/// address served are refused (see [`guard::host_refused`]).
pub(super) fn run(
    listener: TcpListener,
    stop: &AtomicBool,
    handle: Arc<dyn Fn(Request) + Send + Sync>,
) -> io::Result<()> {
    let served: SocketAddr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let slots = Arc::new(guard::Slots::new());
    while !stop.load(Ordering::SeqCst) {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            // Out of file descriptors, or a connection reset before it was
            // taken: keep listening.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        let (slots, handle) = (slots.clone(), handle.clone());
        std::thread::spawn(move || {
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(guard::TIMEOUT));
            let _ = stream.set_write_timeout(Some(guard::TIMEOUT));
            let Some(_slot) = slots.take() else {
                let mut stream = stream;
                let resp =
                    Response::text("503: too many requests at once; try again\n").status(503);
                let _ = write_response(&mut stream, &resp, false);
                return;
            };
            let req = match read_request(stream) {
                Ok(req) => req,
                Err((mut stream, Some(status))) => {
                    let resp =
                        Response::text(format!("{status} {}\n", reason(status))).status(status);
                    let _ = write_response(&mut stream, &resp, false);
                    return;
                }
                Err((_, None)) => return,
            };
            if let Some((status, why)) = guard::host_refused(req.header("Host"), served) {
                let _ = req.respond(Response::text(why).status(status));
                return;
            }
            // No request may stop the server: a bug here drops that one
            // connection.
            let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle(req)));
            if answered.is_err() {
                eprintln!("bilan serve: a request failed; still serving");
            }
        });
    }
    Ok(())
}
