//! `bilan serve`: load, serve on loopback, update on change, reload pages.
//!
//! The site is kept in memory ([`live`]): pages are rendered on request from
//! the current model; the other files are written behind it, with the same
//! pipeline as `bilan build`, into a private folder. A failed update leaves
//! the last good site served. The reload
//! snippet is added to HTML responses on the fly and is never written to
//! disk: `bilan build` output never contains it. Pages poll a version number
//! (`/__bilan/status`) and reload when it changes; a build error is shown in
//! an overlay until the next good build.

use std::fs;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use http::{Request, Response};

use crate::build::BuildOptions;
use crate::render::Answer;
use live::Live;

mod guard;
mod http;
mod live;
mod watch;

/// What `bilan serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to listen on (loopback unless told otherwise).
    pub addr: SocketAddr,
    /// Include drafts and embargoed releases.
    pub drafts: bool,
    /// The cache folder (`--cache-dir`).
    pub cache_dir: Option<PathBuf>,
}

const RELOAD: &str = r#"<script>/* bilan serve: live reload, added by the server only */
(function () {
  var seen = null;
  function show(error) {
    var box = document.getElementById("bilan-serve-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "bilan-serve-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#fff0f0;color:#600;border-top:4px solid #c00;font:14px/1.4 monospace;white-space:pre-wrap;z-index:99999";
      document.body.appendChild(box);
    }
    box.textContent = "bilan: the last build failed; this is the previous site.\n\n" + error;
  }
  function poll() {
    fetch("/__bilan/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      show(s.error);
    }).catch(function () {}).finally(function () { setTimeout(poll, 300); });
  }
  poll();
})();
</script>"#;

/// Loads the site, serves it and watches until Ctrl-C.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    // A private folder with an unpredictable name (0700, as mkdtemp makes
    // it): no other user can read drafts in it or plant a link in its place.
    // It holds the site and its lock, and goes when serve stops.
    let scratch = tempfile::Builder::new()
        .prefix("bilan-serve-")
        .tempdir_in(scratch_dir())
        .context("cannot create a private folder for the preview")?;
    let out = scratch.path().join("site");
    // Absolute, so that the watcher's paths and the model's compare.
    let root = fs::canonicalize(&opts.root)
        .with_context(|| format!("cannot open the site folder {}", opts.root.display()))?;
    let build_opts = BuildOptions {
        root: root.clone(),
        output: Some(out.clone()),
        drafts: opts.drafts,
        preview: true,
        cache_dir: opts.cache_dir.clone(),
        ..BuildOptions::default()
    };
    let live = Arc::new(Live::new(build_opts));
    live.update(None);
    let writer = {
        let (live, out) = (live.clone(), out.clone());
        std::thread::spawn(move || live.write_loop(&out))
    };

    let listener = std::net::TcpListener::bind(opts.addr)
        .with_context(|| bilan_core::tr!("serve-cannot-listen", address = opts.addr.to_string()))?;
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst))
            .context("cannot install the Ctrl-C handler")?;
    }

    let watcher = watch::watch(&root, live.clone())?;

    let host = if opts.addr.ip().is_unspecified() {
        "localhost".to_string()
    } else {
        opts.addr.ip().to_string()
    };
    let address = format!("http://{host}:{}/", opts.addr.port());
    eprintln!(
        "{}",
        bilan_core::tr!("serve-serving", root = &opts.root, address = address)
    );
    let handler: Arc<dyn Fn(Request) + Send + Sync> = {
        let (live, out) = (live.clone(), out.clone());
        Arc::new(move |req| handle(req, &out, &live))
    };
    let served = http::run(listener, &stop, handler).context("the preview server stopped");
    drop(watcher);
    remove_after_writer(&live, &writer, scratch);
    served?;
    eprintln!("{}", bilan_core::tr!("serve-stopped"));
    Ok(())
}

/// Removes the private folder once the writer can add nothing to it. The
/// writer may be writing for minutes on a large site: removing the folder
/// under it failed, and left it, gigabytes of it in memory-backed
/// /dev/shm. Stopped, it creates no file or folder any more (a file under
/// way finishes); the folder is removed again until it is gone.
fn remove_after_writer(
    live: &Live,
    writer: &std::thread::JoinHandle<()>,
    scratch: tempfile::TempDir,
) {
    use std::time::{Duration, Instant};
    live.stop();
    let start = Instant::now();
    while !writer.is_finished() && start.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let dir = scratch.keep();
    while fs::symlink_metadata(&dir).is_ok() && start.elapsed() < Duration::from_secs(5) {
        if fs::remove_dir_all(&dir).is_err() {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Where the served copy lives: `TMPDIR` when set, else memory-backed
/// `/dev/shm` when the system has it (rebuilds touch every file, and the
/// copy is thrown away on exit), else the temporary folder.
fn scratch_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TMPDIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let shm = Path::new("/dev/shm");
    if shm.is_dir() && fs::metadata(shm).is_ok_and(|m| !m.permissions().readonly()) {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn handle(req: Request, out: &Path, live: &Live) {
    if !matches!(req.method.as_str(), "GET" | "HEAD") {
        let resp = Response::text("405 Method Not Allowed: this server only reads\n")
            .status(405)
            .header("Allow", "GET, HEAD");
        let _ = req.respond(resp);
        return;
    }
    let url = req.url.clone();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path == "/__bilan/status" {
        let s = live.status.lock().unwrap_or_else(|e| e.into_inner());
        let body = serde_json::json!({ "version": s.version, "error": s.error }).to_string();
        let resp = Response::bytes(body.into_bytes())
            .header("Content-Type", "application/json")
            .header("Cache-Control", "no-store");
        let _ = req.respond(resp);
        return;
    }
    let Some(snapshot) = live.current() else {
        // No build has succeeded yet: a page that shows the error and reloads
        // itself once the site exists.
        let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>bilan: no site yet</title></head><body><h1>bilan: the site has not built yet</h1><p>Fix the problems shown below (and in the terminal); this page reloads by itself.</p></body></html>";
        let _ = req.respond(respond_html(page.as_bytes().to_vec(), 503));
        return;
    };
    // Pages come from the model in memory, rendered now: never stale.
    if let Some(page) = page_path(path) {
        let m = &snapshot.model;
        match snapshot
            .pages
            .page(&m.content, &m.agg, &m.charts, &m.theme, &page)
        {
            Ok(Answer::Page(html)) => {
                let _ = req.respond(respond_html(html.into_bytes(), 200));
                return;
            }
            Ok(Answer::NotHere) => {}
            Err(e) => {
                let text = live::render_error_text(e);
                let page = format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>bilan: this page failed</title></head><body><h1>bilan: this page could not be rendered</h1><pre>{}</pre></body></html>", crate::charts::xml_escape(&text));
                let _ = req.respond(respond_html(page.into_bytes(), 500));
                return;
            }
        }
    }
    // Other files come from the written copy of this very snapshot.
    if !live.wait_written(snapshot.version, Duration::from_secs(600)) {
        let resp = Response::text("503: the site is still being written; try again\n");
        let _ = req.respond(resp.status(503));
        return;
    }
    let response = match resolve(out, path) {
        Resolved::File(file) => match fs::read(&file) {
            Ok(bytes) => respond_file(&file, bytes, 200),
            Err(_) => not_found(out),
        },
        Resolved::Redirect(to) => Response::bytes(Vec::new())
            .status(301)
            .header("Location", &to),
        Resolved::Missing => not_found(out),
        Resolved::Forbidden => {
            Response::text("403 Forbidden: this path leaves the site\n").status(403)
        }
    };
    let _ = req.respond(response);
}

fn not_found(out: &Path) -> Response {
    let page = out.join(crate::routes::NOT_FOUND);
    match fs::read(&page) {
        Ok(bytes) => respond_file(&page, bytes, 404),
        Err(_) => Response::text("404 Not Found\n").status(404),
    }
}

fn respond_html(bytes: Vec<u8>, code: u16) -> Response {
    respond_file(Path::new("page.html"), bytes, code)
}

fn respond_file(file: &Path, mut bytes: Vec<u8>, code: u16) -> Response {
    let mime = mime_type(file);
    if mime.starts_with("text/html") {
        bytes = inject_reload(bytes);
    }
    Response::bytes(bytes)
        .status(code)
        .header("Content-Type", mime)
        .header("Cache-Control", "no-cache")
}

fn inject_reload(bytes: Vec<u8>) -> Vec<u8> {
    let html = String::from_utf8_lossy(&bytes);
    match html.rfind("</body>") {
        Some(i) => format!("{}{RELOAD}\n{}", &html[..i], &html[i..]).into_bytes(),
        None => format!("{html}{RELOAD}").into_bytes(),
    }
}

/// The page a URL path names, when it names one (`/a/` is `a/index.html`);
/// anything else, unsafe paths included, goes to [`resolve`].
fn page_path(url_path: &str) -> Option<String> {
    let decoded = percent_decode(url_path)?;
    let rel = decoded.trim_start_matches('/');
    let safe = !decoded.contains(['\\', '\0'])
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        return None;
    }
    if rel.is_empty() || rel.ends_with('/') {
        Some(format!("{rel}index.html"))
    } else if rel.ends_with(".html") {
        Some(rel.to_string())
    } else {
        None
    }
}

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(PathBuf),
    Redirect(String),
    Missing,
    Forbidden,
}

/// Maps a URL path to a file of the site, refusing anything that would leave
/// it: `..` segments (also percent-encoded), backslashes, NUL bytes, and
/// symbolic links pointing outside.
fn resolve(root: &Path, url_path: &str) -> Resolved {
    let Some(decoded) = percent_decode(url_path) else {
        return Resolved::Forbidden;
    };
    if decoded.contains('\\') || decoded.contains('\0') {
        return Resolved::Forbidden;
    }
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Resolved::Forbidden;
    }
    let mut file = root.join(rel);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(location(rel));
        }
        file = file.join("index.html");
    }
    match (fs::canonicalize(&file), fs::canonicalize(root)) {
        (Ok(f), Ok(r)) if f.starts_with(&r) && f.is_file() => Resolved::File(f),
        (Ok(f), Ok(r)) if !f.starts_with(&r) => Resolved::Forbidden,
        _ => Resolved::Missing,
    }
}

/// The redirect to folder `rel` of the site: one leading slash (so never
/// `//host`, another site), every byte outside plain ASCII percent-encoded.
fn location(rel: &Path) -> String {
    let mut out = String::from("/");
    for part in rel.components() {
        for b in part.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out.push('/');
    }
    out
}

/// Decodes `%XX` escapes; `None` for malformed ones or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let value = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(value);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("pdf") => "application/pdf",
        Some("zip") => "application/zip",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        fs::create_dir_all(site.join("a")).unwrap();
        fs::write(site.join("index.html"), "home").unwrap();
        fs::write(site.join("a/index.html"), "a").unwrap();
        fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
        assert_eq!(
            resolve(&site, "/"),
            Resolved::File(fs::canonicalize(site.join("index.html")).unwrap())
        );
        assert_eq!(resolve(&site, "/a"), Resolved::Redirect("/a/".into()));
        assert_eq!(resolve(&site, "/nope.html"), Resolved::Missing);
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/a/%2E%2E/%2e%2e/secret.txt",
            "/a/..%2fsecret.txt",
            "/%2e%2e%5csecret.txt",
            "/%00",
            "/%zz",
            "/a\\..\\..\\secret.txt",
        ] {
            assert_eq!(resolve(&site, bad), Resolved::Forbidden, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), site.join("link.txt"))
                .unwrap();
            assert_eq!(resolve(&site, "/link.txt"), Resolved::Forbidden);
        }
    }

    #[test]
    fn redirects_stay_on_this_site_and_are_ascii() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path();
        fs::create_dir_all(site.join("médias")).unwrap();
        fs::create_dir_all(site.join("presse")).unwrap();
        assert_eq!(
            resolve(site, "/m%C3%A9dias"),
            Resolved::Redirect("/m%C3%A9dias/".into())
        );
        assert_eq!(
            resolve(site, "//presse"),
            Resolved::Redirect("/presse/".into())
        );
        assert_eq!(
            resolve(site, "///presse"),
            Resolved::Redirect("/presse/".into())
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("BILAN_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
        ))]
        #[test]
        fn any_path_resolves_without_panic_or_escape(path in "(/|%[0-9a-fA-F]{2}|[a-zé./\\\\%?#]|\\PC){0,40}") {
            let tmp = tempfile::tempdir().unwrap();
            let site = tmp.path().join("site");
            fs::create_dir_all(site.join("a/médias")).unwrap();
            fs::write(site.join("index.html"), "home").unwrap();
            match resolve(&site, &path) {
                Resolved::Redirect(to) => {
                    proptest::prop_assert!(to.starts_with('/') && !to.starts_with("//"), "{}", to);
                    proptest::prop_assert!(to.bytes().all(|b| b.is_ascii_graphic()), "{}", to);
                }
                Resolved::File(f) => {
                    let root = fs::canonicalize(&site).unwrap();
                    proptest::prop_assert!(f.starts_with(root));
                }
                Resolved::Missing | Resolved::Forbidden => {}
            }
        }
    }

    #[test]
    fn pages_are_named_by_their_folder_and_unsafe_paths_are_not_pages() {
        assert_eq!(page_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            page_path("/territoires/cap/").as_deref(),
            Some("territoires/cap/index.html")
        );
        assert_eq!(page_path("/404.html").as_deref(), Some("404.html"));
        assert_eq!(
            page_path("/r%C3%A9gions/").as_deref(),
            Some("régions/index.html")
        );
        for not_a_page in [
            "/style.css",
            "/territoires",
            "/../x/",
            "/%2e%2e/",
            "/a\\b/",
            "/%ZZ/",
        ] {
            assert_eq!(page_path(not_a_page), None, "{not_a_page}");
        }
    }

    #[test]
    fn snippet_goes_before_the_body_end() {
        let out = String::from_utf8(inject_reload(
            b"<html><body><p>x</p></body></html>".to_vec(),
        ))
        .unwrap();
        assert!(out.contains("<p>x</p><script>"));
        assert!(out.ends_with("</script>\n</body></html>"));
    }
}
