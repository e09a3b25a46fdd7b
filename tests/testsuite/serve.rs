//! `bilan serve` end to end: a real server on a free loopback port, raw HTTP
//! requests (so paths reach it exactly as written), an edit picked up without
//! a restart, a broken edit that keeps the last good site, and Ctrl-C.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::errors::copy_dir;
use crate::support::*;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// (status, headers, body) of a GET, sent byte for byte as given.
fn get(port: u16, path: &str) -> Option<(u16, String, String)> {
    let (status, head, body) = get_bytes(port, path)?;
    Some((status, head, String::from_utf8_lossy(&body).into_owned()))
}

/// (status, headers, body) of a GET, the body as bytes.
fn get_bytes(port: u16, path: &str) -> Option<(u16, String, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(60))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]).to_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, head, raw[end + 4..].to_vec()))
}

/// `text` without any kind of space, so `1 277` (with a narrow no-break
/// space) reads `1277`.
fn unspaced(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect()
}

/// Every number in the first sheet of an XLSX file.
fn xlsx_numbers(bytes: Vec<u8>) -> Vec<f64> {
    use calamine::{DataType as _, Reader as _};
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    sheet
        .used_cells()
        .filter_map(|(_, _, c)| c.as_f64())
        .collect()
}

/// Starts `bilan serve` on a free port and waits until it answers. Its
/// private folder goes under `root`'s parent's `tmp/`, so a test can check
/// that nothing is left there.
fn start(root: &std::path::Path) -> (Server, u16) {
    start_with(root, &[])
}

/// [`start`], with more environment variables.
fn start_with(root: &std::path::Path, env: &[(&str, &str)]) -> (Server, u16) {
    let port = free_port();
    let tmp = root.parent().unwrap().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut command = crate::support::command();
    for (k, v) in env {
        command.env(k, v);
    }
    let child = command
        .env("TMPDIR", &tmp)
        .args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server(child);
    wait_for("the server", Duration::from_secs(30), || {
        get(port, "/__bilan/status").is_some()
    });
    (server, port)
}

fn wait_for(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

fn version(port: u16) -> (u64, bool) {
    let (_, _, body) = get(port, "/__bilan/status").unwrap();
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    (v["version"].as_u64().unwrap(), !v["error"].is_null())
}

#[test]
fn serves_reloads_and_refuses_to_leave_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    std::fs::write(tmp.path().join("secret.txt"), "TOP SECRET").unwrap();
    let (server, port) = start(&root);

    let (status, head, body) = get(port, "/").unwrap();
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(
        body.contains("/__bilan/status"),
        "the reload snippet is served"
    );
    assert!(!std::fs::read_to_string(root.join("content/site.yaml"))
        .unwrap()
        .contains("__bilan"));
    assert!(get(port, "/style.css")
        .unwrap()
        .1
        .contains("content-type: text/css"));
    assert!(get(port, "/charts/emplois-par-region.svg")
        .unwrap()
        .1
        .contains("content-type: image/svg+xml"));
    assert!(get(port, "/charts/emplois-par-region.png")
        .unwrap()
        .1
        .contains("content-type: image/png"));
    assert_eq!(get(port, "/territoires").unwrap().0, 301);

    let (status, _, body) = get(port, "/pas-de-page-ici/").unwrap();
    assert_eq!(status, 404);
    assert!(
        body.contains("Page introuvable"),
        "the site's 404 page is served"
    );

    for bad in [
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/territoires/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%5c..%5csecret.txt",
    ] {
        let (status, _, body) = get(port, bad).unwrap();
        assert!(
            status == 403 || status == 404 || status == 400,
            "{bad}: {status}"
        );
        assert!(!body.contains("TOP SECRET"), "{bad} leaked a file");
    }

    // Nothing changes, so nothing is rebuilt (reading content is not a change).
    let (idle, _) = version(port);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(version(port).0, idle, "the server rebuilt without any edit");

    // An edit shows up without a restart: one edit, one rebuild.
    std::fs::write(
        root.join("content/territories/cap.yaml"),
        "name: \"Cap Nouveau\"\nregion: \"A\"\n",
    )
    .unwrap();
    let latency = wait_for("the edit", Duration::from_secs(20), || {
        get(port, "/territoires/cap/").is_some_and(|r| r.2.contains("Cap Nouveau"))
    });
    eprintln!("serve: edit visible after {} ms", latency.as_millis());
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(version(port).0, idle + 1, "one edit, one rebuild");

    // A broken edit is reported, and the last good site stays served.
    std::fs::write(
        root.join("content/territories/cap.yaml"),
        "name: \"Cap\"\nregion: [\n",
    )
    .unwrap();
    wait_for("the error", Duration::from_secs(20), || version(port).1);
    assert!(get(port, "/territoires/cap/")
        .unwrap()
        .2
        .contains("Cap Nouveau"));

    #[cfg(unix)]
    {
        let pid = server.0.id();
        // SAFETY: sending SIGINT to our own child process.
        unsafe { libc::kill(pid as i32, libc::SIGINT) };
        let mut server = server;
        let status = server.0.wait().unwrap();
        assert!(status.success(), "Ctrl-C stops cleanly: {status:?}");
        let _ = pid;
        let left: Vec<_> = std::fs::read_dir(tmp.path().join("tmp")).unwrap().collect();
        assert!(
            left.is_empty(),
            "its private folder and lock are removed: {left:?}"
        );
    }
}

#[test]
fn a_site_that_never_built_shows_its_error_and_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    std::fs::write(
        root.join("content/territories/cap.yaml"),
        "name: \"Cap\"\nregion: \"Z\"\n",
    )
    .unwrap();
    let (_server, port) = start(&root);
    let (status, head, body) = get(port, "/").unwrap();
    assert_eq!(status, 503, "no site yet");
    assert!(head.contains("text/html"));
    assert!(
        body.contains("/__bilan/status"),
        "the page reloads itself once the site builds"
    );
    assert!(version(port).1, "the error is reported");
    std::fs::write(
        root.join("content/territories/cap.yaml"),
        "name: \"Cap\"\nregion: \"A\"\n",
    )
    .unwrap();
    wait_for("the site", Duration::from_secs(20), || {
        get(port, "/").is_some_and(|r| r.0 == 200)
    });
}

/// Sends raw bytes as a request and reads whatever comes back (or nothing).
fn send_raw(port: u16, bytes: &[u8]) {
    if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
        let _ = s.set_read_timeout(Some(Duration::from_millis(500)));
        let _ = s.write_all(bytes);
        let _ = s.shutdown(std::net::Shutdown::Write);
        let mut sink = Vec::new();
        let _ = s.read_to_end(&mut sink);
    }
}

#[test]
fn no_request_breaks_the_server_and_sigterm_cleans_up() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    std::fs::create_dir_all(root.join("content/static/médias")).unwrap();
    std::fs::write(root.join("content/static/médias/a.txt"), "a").unwrap();
    let (server, port) = start(&root);

    // A non-ASCII folder redirects (it used to panic a worker; four such
    // requests stopped the server).
    for _ in 0..6 {
        let (code, head, _) = get(port, "/m%C3%A9dias").unwrap();
        assert_eq!(code, 301);
        assert!(head.contains("location: /m%c3%a9dias/"), "{head}");
    }
    let (code, head, _) = get(port, "//regions").unwrap();
    assert_eq!(code, 301);
    assert!(
        head.contains("location: /regions/\r\n"),
        "no open redirect: {head}"
    );
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "POST / HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    assert!(raw.starts_with("HTTP/1.1 405"), "{raw}");
    assert!(raw.to_lowercase().contains("allow: get, head"), "{raw}");

    // Arbitrary paths and bytes, a bounded number of them.
    let cases: u64 = std::env::var("BILAN_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400)
        .min(20_000);
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let alphabet: &[&[u8]] = &[
        b"/",
        b"%",
        b"%C3",
        b"%A9",
        b"%2e",
        b"%2F",
        b"%00",
        b"..",
        b"\\",
        b"\xc3\xa9",
        b"\xff",
        b"\r",
        b"\n",
        b" ",
        b"?",
        b"#",
        b"a",
        b"m\xc3\xa9dias",
        b"index.html",
        b"__bilan",
    ];
    for i in 0..cases {
        let mut path = Vec::new();
        for _ in 0..next() % 12 {
            path.extend_from_slice(alphabet[next() % alphabet.len()]);
        }
        let method = ["GET", "HEAD", "POST", "PUT", "DELETE", "BREW", ""][next() % 7];
        let mut req = Vec::new();
        if i % 10 == 9 {
            // Now and then, no request line at all.
            req.extend((0..next() % 200).map(|_| next() as u8));
        } else {
            req.extend_from_slice(method.as_bytes());
            req.push(b' ');
            req.extend_from_slice(&path);
            req.extend_from_slice(
                format!(" HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
                    .as_bytes(),
            );
        }
        send_raw(port, &req);
    }
    let (code, _, body) = get(port, "/").unwrap();
    assert_eq!(code, 200, "still serving after {cases} hostile requests");
    assert!(body.contains("Ports de demain"));

    #[cfg(unix)]
    {
        let pid = server.0.id();
        // SAFETY: sending SIGTERM to our own child process.
        unsafe { libc::kill(pid as i32, libc::SIGTERM) };
        let mut server = server;
        let status = server.0.wait().unwrap();
        assert!(status.success(), "SIGTERM stops cleanly: {status:?}");
        let left: Vec<_> = std::fs::read_dir(tmp.path().join("tmp")).unwrap().collect();
        assert!(
            left.is_empty(),
            "its private folder and lock are removed: {left:?}"
        );
    }
}

/// The issue's check: after one edit in `serve`, every page and export that
/// shows a total shows the new one (none is stale), in the page rendered
/// from memory and in the files written behind it.
#[test]
fn an_edit_reaches_every_page_and_export_that_shows_its_totals() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    let (_server, port) = start(&root);
    let home = "/";
    let region = format!(
        "/{}",
        bilan::routes::region("A").trim_end_matches("index.html")
    );
    let territory = format!(
        "/{}",
        bilan::routes::territory("estuaire").trim_end_matches("index.html")
    );
    let list = "/territoires/";
    // Jobs before: estuaire 40 + 5 = 45 (region A's only projects), 48 in all.
    for (page, figure) in [(home, "48"), (&region, "45"), (&territory, "45")] {
        let body = unspaced(&get(port, page).unwrap().2);
        assert!(
            body.contains(figure),
            "{page} shows {figure} before the edit"
        );
    }
    let (v0, _) = version(port);
    let record = root.join("content/territories/estuaire.yaml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replace("jobs_created: 5,", "jobs_created: 1234,"),
    )
    .unwrap();
    wait_for("the edit", Duration::from_secs(30), || version(port).0 > v0);
    // Estuaire 40 + 1,234 = 1,274, and so region A; 1,277 for the programme.
    for (page, figure) in [
        (home, "1277"),
        (&region, "1274"),
        (&territory, "1274"),
        (list, "1274"),
    ] {
        let body = unspaced(&get(port, page).unwrap().2);
        assert!(
            body.contains(figure),
            "{page} shows {figure} after the edit"
        );
    }
    let csv = get(port, "/donnees/territoires.csv").unwrap().2;
    let estuaire = csv.lines().find(|l| l.starts_with("estuaire,")).unwrap();
    assert!(estuaire.split(',').any(|v| v == "1274"), "{estuaire}");
    let projects = get(port, "/donnees/projets.csv").unwrap().2;
    assert!(projects.lines().any(|l| l.split(',').any(|v| v == "1234")));
    let json: serde_json::Value =
        serde_json::from_str(&get(port, "/donnees/territoires.json").unwrap().2).unwrap();
    assert!(json.to_string().contains("1274"), "{json}");
    let (_, _, xlsx) = get_bytes(port, "/donnees/territoires.xlsx").unwrap();
    assert!(xlsx_numbers(xlsx).contains(&1274.0));
    let (_, _, xlsx) = get_bytes(port, "/donnees/projets.xlsx").unwrap();
    assert!(xlsx_numbers(xlsx).contains(&1234.0));
    // The programme chart's data and the search index follow too.
    let svg = get(port, "/charts/emplois-par-region.svg").unwrap().2;
    assert!(unspaced(&svg).contains("1274"), "the region chart's file");
}

/// A record that appears while serving as a link to a file outside the site
/// is refused as a build would refuse it: its text is never served.
#[cfg(unix)]
#[test]
fn a_link_added_while_serving_cannot_read_outside_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    let secret = tmp.path().join("secret.yaml");
    std::fs::write(&secret, "name: \"TOP SECRET\"\nregion: \"A\"\n").unwrap();
    let (_server, port) = start(&root);
    let (v0, _) = version(port);
    std::os::unix::fs::symlink(&secret, root.join("content/territories/evil.yaml")).unwrap();
    wait_for("the link to be noticed", Duration::from_secs(20), || {
        let (v, error) = version(port);
        v > v0 || error
    });
    std::thread::sleep(Duration::from_millis(300));
    for page in ["/territoires/evil/", "/territoires/", "/"] {
        let body = get(port, page).map(|r| r.2).unwrap_or_default();
        assert!(
            !body.contains("TOP SECRET"),
            "{page} shows a file from outside the site"
        );
    }
    let csv = get(port, "/donnees/territoires.csv")
        .map(|r| r.2)
        .unwrap_or_default();
    assert!(!csv.contains("TOP SECRET"));
}

/// DNS rebinding: a page on another site whose name now points at
/// 127.0.0.1 sends its own name as `Host`. Drafts and embargoed releases
/// must not answer it.
#[test]
fn other_hosts_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    let (_server, port) = start(&root);
    let ask = |host: &str| {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = String::new();
        s.read_to_string(&mut raw).unwrap();
        raw.split_whitespace().nth(1).unwrap().to_string()
    };
    assert_eq!(ask(&format!("127.0.0.1:{port}")), "200");
    assert_eq!(ask(&format!("localhost:{port}")), "200");
    assert_eq!(ask(&format!("rebind.example:{port}")), "421");
    assert_eq!(ask("127.0.0.1:1"), "421");
}

/// Clients that never send their request, and clients that ask for the
/// biggest file and never read it, hold no one else up; they are cut off
/// after the timeout.
#[test]
fn slow_and_silent_clients_do_not_hold_others() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("second-programme"), &root);
    let (_server, port) = start(&root);
    // Everything written, so the zip exists.
    wait_for("the kit", Duration::from_secs(60), || {
        get(port, "/presse/kit.zip").is_some_and(|r| r.0 == 200)
    });
    // How long a page takes on this machine now, however loaded: the same
    // request made while the others hang must not wait for them (they are
    // cut off after 10 s).
    let alone = Instant::now();
    assert_eq!(get(port, "/").map(|r| r.0), Some(200));
    let alone = alone.elapsed();
    let mut idle = Vec::new();
    for _ in 0..20 {
        idle.push(TcpStream::connect(("127.0.0.1", port)).unwrap());
    }
    let mut stuck = Vec::new();
    for _ in 0..12 {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET /presse/kit.zip HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .unwrap();
        stuck.push(s);
    }
    let took = wait_for("a page", Duration::from_secs(60), || {
        get(port, "/").is_some_and(|r| r.0 == 200)
    });
    if alone < Duration::from_secs(2) {
        assert!(took < Duration::from_secs(8), "{took:?} (alone: {alone:?})");
    }
    // The silent ones are closed by the server after its timeout.
    let mut first = idle.remove(0);
    first
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut buf = Vec::new();
    let waited = Instant::now();
    let _ = first.read_to_end(&mut buf);
    assert!(
        waited.elapsed() < Duration::from_secs(20),
        "closed by the server's timeout"
    );
    let answer = String::from_utf8_lossy(&buf);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    // Ten seconds and more without a new connection: still serving (a
    // receive timeout on the listening socket once stopped `accept`).
    drop(idle);
    drop(stuck);
    std::thread::sleep(Duration::from_secs(12));
    assert_eq!(
        get(port, "/").map(|r| r.0),
        Some(200),
        "still serving after 12 s idle"
    );
}

/// The served page without the live-reload snippet the server adds.
fn unreloaded(html: &str) -> String {
    match html.find("<script>/* bilan serve: live reload") {
        Some(start) => {
            let end = html[start..]
                .find("</script>\n")
                .map_or(html.len(), |e| start + e + 10);
            format!("{}{}", &html[..start], &html[end..])
        }
        None => html.to_string(),
    }
}

/// Pages served from memory after random edits are the pages a clean
/// build writes, byte for byte (the live-reload snippet aside).
/// `BILAN_SERVE_CASES` sets the number of edits (25 by default).
#[test]
fn pages_served_after_edits_equal_built_pages() {
    let edits: usize = std::env::var("BILAN_SERVE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("english"), &root);
    // 2025-06-01T12:00:00Z for both, so the date stamps agree.
    let (_server, port) = start_with(&root, &[("SOURCE_DATE_EPOCH", "1748779200")]);
    let out = tmp.path().join("out");
    let mut rng = crate::incremental::Rng(0x5e_7e);
    let mut history: Vec<String> = Vec::new();
    for _ in 0..edits {
        let (before, _) = version(port);
        let what = crate::incremental::change(&root, &mut rng);
        history.push(format!("{what} (version {before})"));
        let what = history[history.len().saturating_sub(4)..].join(", then ");
        if what.starts_with("nothing") {
            continue;
        }
        let _ = std::fs::remove_dir_all(&out);
        let o = try_build(&root, &out, &["--now", "2025-06-01T12:00:00+00:00"]);
        if !o.status.success() {
            wait_for(
                &format!("{what}: the error"),
                Duration::from_secs(30),
                || version(port).1,
            );
            continue;
        }
        wait_for(&what, Duration::from_secs(30), || {
            let (v, failed) = version(port);
            v > before && !failed
        });
        for (rel, bytes) in read_tree(&out) {
            if !rel.ends_with(".html") {
                continue;
            }
            let url = format!("/{}", rel.trim_end_matches("index.html"));
            let (status, _, body) = get(port, &url).unwrap();
            assert!(
                status == 200 || rel == "404.html",
                "{what}: {url} answered {status}"
            );
            if rel == "404.html" {
                continue;
            }
            let (served, built) = (
                unreloaded(&body),
                String::from_utf8_lossy(&bytes).into_owned(),
            );
            if served != built {
                let at = served
                    .bytes()
                    .zip(built.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let show = |t: &str| {
                    t[at.saturating_sub(80).min(t.len())..(at + 120).min(t.len())].to_string()
                };
                panic!(
                    "after {what}: {url} served differs from the build at byte {at}:\nserved: {:?}\nbuilt:  {:?}",
                    show(&served),
                    show(&built)
                );
            }
        }
    }
}

/// Ctrl-C while the first writing is under way (a large site with a cold
/// cache takes minutes): the private folder goes too. It used to stay,
/// site and all, because the writer thread kept adding files while it was
/// removed; at 14,600 territories each left 2 GB in memory (`/dev/shm`).
#[cfg(unix)]
#[test]
fn ctrl_c_during_the_first_writing_leaves_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("english"), &root);
    let records = root.join("content/territories");
    let bay = std::fs::read_to_string(records.join("bay.yaml")).unwrap();
    for i in 0..1500 {
        let name = bay.replacen("name: \"", &format!("name: \"Copy {i} of "), 1);
        let code = name.replacen("code: \"", &format!("code: \"c{i}"), 1);
        std::fs::write(records.join(format!("copy-{i}.yaml")), code).unwrap();
    }
    let cache = tmp.path().join("cache");
    let (server, port) = start_with(&root, &[("BILAN_CACHE_DIR", cache.to_str().unwrap())]);
    wait_for("the first page", Duration::from_secs(60), || {
        get(port, "/").is_some_and(|(code, _, _)| code == 200)
    });
    let pid = server.0.id();
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(pid as i32, libc::SIGINT) };
    let mut server = server;
    let started = Instant::now();
    let status = server.0.wait().unwrap();
    assert!(status.success(), "Ctrl-C stops cleanly: {status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "it stops without finishing the writing: {:?}",
        started.elapsed()
    );
    let left: Vec<_> = std::fs::read_dir(tmp.path().join("tmp")).unwrap().collect();
    assert!(left.is_empty(), "its private folder is removed: {left:?}");
}
