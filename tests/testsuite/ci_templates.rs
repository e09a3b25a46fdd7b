//! The CI files `bilan new` writes, run for real: each template's YAML is
//! read, and its shell steps run in order in a shell with the CI's
//! variables set. bilan comes from a release archive served on 127.0.0.1
//! (a build of the current bilan with its SHA-256 file), as the templates
//! download it from BILAN_RELEASES. `npm ci` runs from the machine's npm
//! cache (`npm_config_offline`), filled by `tests/audit/install`.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Serves `dir` over HTTP on 127.0.0.1 until the test ends; returns its URL.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut line = String::new();
            if BufReader::new(&stream).read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/");
            let file = dir.join(path.trim_start_matches('/'));
            let reply = match std::fs::read(&file) {
                Ok(body) if !path.contains("..") => {
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                _ => b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&reply);
        }
    });
    url
}

/// This machine's release target, as `install-bilan.sh` names it.
fn target() -> &'static str {
    if cfg!(target_arch = "aarch64") {
        "aarch64-unknown-linux-musl"
    } else {
        "x86_64-unknown-linux-musl"
    }
}

/// A release folder as the release workflow publishes it:
/// `v<version>/bilan-<version>-<target>.tar.gz` and its `.sha256`; with
/// `tamper`, the archive changes after its checksum was written.
fn release(dir: &Path, tamper: bool) {
    let v = dir.join(format!("v{VERSION}"));
    let stage = dir.join("stage");
    std::fs::create_dir_all(&v).unwrap();
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_bilan"), stage.join("bilan")).unwrap();
    let archive = format!("bilan-{VERSION}-{}.tar.gz", target());
    let ok = Command::new("tar")
        .arg("-czf")
        .arg(v.join(&archive))
        .arg("-C")
        .arg(&stage)
        .arg("bilan")
        .status()
        .unwrap();
    assert!(ok.success());
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&v)
        .output()
        .unwrap();
    std::fs::write(v.join(format!("{archive}.sha256")), &sum.stdout).unwrap();
    if tamper {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(v.join(&archive))
            .unwrap();
        f.write_all(b"tampered").unwrap();
    }
}

/// The shell steps of a template and the variables it sets, in order.
struct Job {
    vars: Vec<(String, String)>,
    steps: Vec<String>,
}

fn gitlab_job(site: &Path) -> Job {
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(site.join(".gitlab-ci.yml")).unwrap())
            .unwrap();
    let vars = yaml["variables"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().into(), v.as_str().unwrap().into()))
        .collect();
    let steps = yaml["pages"]["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        yaml["pages"]["artifacts"]["paths"][0].as_str(),
        Some("public")
    );
    Job { vars, steps }
}

/// GitHub's steps with `run:`; a step's `if: hashFiles('x') != ''` is
/// evaluated as GitHub does (run when the file exists). Expressions in
/// `env:` are left to the caller's variables.
fn github_job(site: &Path) -> Job {
    let yaml: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(site.join(".github/workflows/pages.yml")).unwrap(),
    )
    .unwrap();
    let vars = yaml["env"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().into(), v.as_str().unwrap().into()))
        .collect();
    let mut steps = Vec::new();
    for step in yaml["jobs"]["build"]["steps"].as_sequence().unwrap() {
        let Some(run) = step["run"].as_str() else {
            continue;
        };
        if let Some(cond) = step["if"].as_str() {
            let file = cond.split('\'').nth(1).expect("a hashFiles('…') condition");
            if !site.join(file).exists() {
                continue;
            }
        }
        steps.push(run.to_string());
    }
    assert!(yaml["on"]["schedule"][0]["cron"].as_str().is_some());
    Job { vars, steps }
}

/// Runs the job's steps in `site` as the CI would, with the CI's own
/// variables; stops at the first failing step. Returns (ok, output).
fn run_job(site: &Path, job: &Job, ci: &[(&str, String)]) -> (bool, String) {
    let mut env: Vec<(String, String)> = Vec::new();
    for (k, v) in ci {
        env.push((k.to_string(), v.clone()));
    }
    for (k, v) in &job.vars {
        if ci.iter().any(|(c, _)| c == k) {
            continue;
        }
        // GitLab expands $CI_PROJECT_DIR in variables; GitHub expressions
        // (`${{ … }}`) are what `ci` stands in for.
        assert!(
            !v.contains("${{"),
            "variable {k} = {v} needs a value from the test"
        );
        env.push((
            k.clone(),
            v.replace("$CI_PROJECT_DIR", &site.display().to_string()),
        ));
    }
    let mut log = String::new();
    for step in &job.steps {
        let o = Command::new("sh")
            .args(["-ec", step])
            .current_dir(site)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("CI", "true")
            .output()
            .unwrap();
        log.push_str(&format!(
            "$ {step}\n{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ));
        if !o.status.success() {
            return (false, log);
        }
    }
    (true, log)
}

fn new_site(dir: &Path, theme: &str) {
    let o = bilan(&["new", dir.to_str().unwrap(), "--theme", theme]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Reads a template's job from a new site.
type Template = fn(&Path) -> Job;

/// Both templates, by forge.
const TEMPLATES: [(&str, Template); 2] = [("gitlab", gitlab_job), ("github", github_job)];

/// A release of the current bilan served on 127.0.0.1 from `tmp`; its URL.
fn served_release(tmp: &Path, tamper: bool) -> String {
    let releases = tmp.join("releases");
    release(&releases, tamper);
    serve(releases)
}

/// The variables a CI sets for the templates, pointed at `url`, with the
/// runner's home folder `home` (a new runner has a new one) and the Pages
/// address `pages`; the DSFR's licence not accepted.
fn ci_vars(url: &str, home: &Path, pages: &str) -> Vec<(&'static str, String)> {
    vec![
        ("BILAN_RELEASES", url.to_string()),
        ("BILAN_VERSION", VERSION.to_string()),
        ("HOME", home.display().to_string()),
        ("XDG_CACHE_HOME", home.join(".cache").display().to_string()),
        ("CI_PAGES_URL", pages.to_string()),
        ("SITE_URL", pages.to_string()),
        ("DSFR_ACCEPT_LICENSE", String::new()),
    ]
}

/// The DSFR package is in this machine's npm cache (tests/audit/install).
fn npm_cache_ready() -> bool {
    crate::audit::audit_dir()
        .join("dsfr/node_modules/@gouvfr/dsfr/package.json")
        .is_file()
}

#[test]
fn both_templates_install_the_release_and_build_a_default_site() {
    let tmp = tempfile::tempdir().unwrap();
    let url = served_release(tmp.path(), false);
    for (name, pick) in TEMPLATES {
        let site = tmp.path().join(name);
        new_site(&site, "default");
        let job = pick(&site);
        assert!(
            !job.steps.iter().any(|s| s.contains("cargo")),
            "{name} compiles bilan"
        );
        let home = tmp.path().join(format!("{name}-home"));
        let ci = ci_vars(&url, &home, "https://equipe.example.org/bilan");
        let (ok, log) = run_job(&site, &job, &ci);
        assert!(ok, "{name}:\n{log}");
        assert!(
            log.contains(&format!("bilan {VERSION} (")),
            "{name}: --version:\n{log}"
        );
        let index = page(&site.join("public"), "index.html");
        assert!(
            index.contains("https://equipe.example.org/bilan/"),
            "{name}: base URL"
        );
        // The cache lives where the CI caches it.
        let cache = ci_cache(name, &site, &home);
        assert!(
            std::fs::read_dir(&cache).unwrap().next().is_some(),
            "{name}: nothing cached"
        );
    }
}

/// The folder the template's CI saves as its cache.
fn ci_cache(template: &str, site: &Path, home: &Path) -> PathBuf {
    match template {
        "gitlab" => site.join(".bilan-cache"),
        _ => home.join(".cache/bilan-site"),
    }
}

/// A CI run on a new runner starts from a new checkout and a new home
/// folder, with only the cache restored: it keeps what the last run made
/// (the cache is outside the site, so its entries need no key the new
/// runner lacks), and publishes the same site.
#[test]
fn a_run_on_a_new_runner_keeps_what_the_last_run_made() {
    let tmp = tempfile::tempdir().unwrap();
    let url = served_release(tmp.path(), false);
    for (name, pick) in TEMPLATES {
        let site = tmp.path().join(name);
        new_site(&site, "default");
        let job = pick(&site);
        let pages = "https://equipe.example.org/bilan";
        let first_home = tmp.path().join(format!("{name}-home-1"));
        let (ok, log) = run_job(&site, &job, &ci_vars(&url, &first_home, pages));
        assert!(ok, "{name}:\n{log}");
        let first = read_tree(&site.join("public"));
        // The new runner: no binary, no output, a new home; the cache as
        // the CI restores it.
        let home = tmp.path().join(format!("{name}-home-2"));
        let saved = ci_cache(name, &site, &first_home);
        let restored = ci_cache(name, &site, &home);
        if saved != restored {
            std::fs::create_dir_all(restored.parent().unwrap()).unwrap();
            std::fs::rename(&saved, &restored).unwrap();
        }
        let _ = std::fs::remove_dir_all(first_home);
        for dir in ["public", ".bilan-bin"] {
            std::fs::remove_dir_all(site.join(dir)).unwrap();
        }
        let mut ci = ci_vars(&url, &home, pages);
        ci.push(("BILAN_LOG", "time".to_string()));
        let (ok, log) = run_job(&site, &job, &ci);
        assert!(ok, "{name}:\n{log}");
        assert!(!log.contains("inside the site folder"), "{name}:\n{log}");
        for renderer in ["pages", "share cards", "PDFs"] {
            assert!(log.contains(&format!("kept {renderer}")), "{name}:\n{log}");
        }
        assert_eq!(read_tree(&site.join("public")), first, "{name}");
    }
}

#[test]
fn a_wrong_checksum_stops_the_job() {
    let tmp = tempfile::tempdir().unwrap();
    let url = served_release(tmp.path(), true);
    let site = tmp.path().join("site");
    new_site(&site, "default");
    let ci = ci_vars(&url, &tmp.path().join("home"), "https://equipe.example.org");
    let (ok, log) = run_job(&site, &gitlab_job(&site), &ci);
    assert!(!ok, "{log}");
    assert!(log.contains("does not match"), "{log}");
    assert!(!site.join(".bilan-bin/bilan").exists() && !site.join("public").exists());
}

#[test]
fn a_dsfr_site_installs_the_package_with_npm_ci_and_builds() {
    if !npm_cache_ready() {
        assert!(
            std::env::var_os("BILAN_AUDIT").is_none(),
            "BILAN_AUDIT is set but tests/audit/install has not filled the npm cache"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let url = served_release(tmp.path(), false);
    for (name, pick) in TEMPLATES {
        let site = tmp.path().join(name);
        new_site(&site, "dsfr");
        assert!(page(&site, "content/site.yaml").contains("theme: dsfr"));
        let job = pick(&site);
        let home = std::env::var("HOME").unwrap_or_default();
        let mut ci = ci_vars(&url, &tmp.path().join("home"), "https://equipe.example.org");
        // npm from this machine's cache, never the network.
        ci.push(("npm_config_offline", "true".to_string()));
        ci.push(("npm_config_cache", format!("{home}/.npm")));
        // Without the team's acceptance, the DSFR's own install refuses.
        let (ok, log) = run_job(&site, &job, &ci);
        let failed = log.rsplit("$ ").next().unwrap();
        assert!(!ok && failed.contains("npm ci"), "{name}:\n{log}");
        assert!(!site.join("public").exists());
        // The team accepts the terms (their CI variable): the site builds.
        ci.retain(|(k, _)| *k != "DSFR_ACCEPT_LICENSE");
        ci.push(("DSFR_ACCEPT_LICENSE", "1".to_string()));
        let (ok, log) = run_job(&site, &job, &ci);
        assert!(ok, "{name}:\n{log}");
        let public = site.join("public");
        assert!(
            public.join("dsfr/dsfr.min.css").is_file(),
            "{name}: no DSFR in public/"
        );
        assert!(page(&public, "index.html").contains("fr-header"));
    }
}

#[test]
fn templates_never_accept_the_dsfr_licence() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    new_site(&site, "dsfr");
    for rel in [
        ".gitlab-ci.yml",
        ".github/workflows/pages.yml",
        "scripts/install-bilan.sh",
        "package.json",
    ] {
        let text = page(&site, rel);
        assert!(
            !text.contains("DSFR_ACCEPT_LICENSE=1")
                && !text.contains("DSFR_ACCEPT_LICENSE: \"1\"")
                && !text.contains("DSFR_ACCEPT_LICENSE: 1"),
            "{rel}"
        );
    }
    assert!(!site.join(".dsfr.yml").exists());
    let lock: serde_json::Value = serde_json::from_str(&page(&site, "package-lock.json")).unwrap();
    let pinned = &lock["packages"]["node_modules/@gouvfr/dsfr"];
    assert!(pinned["integrity"].as_str().unwrap().starts_with("sha512-"));
    let package: serde_json::Value = serde_json::from_str(&page(&site, "package.json")).unwrap();
    assert_eq!(package["dependencies"]["@gouvfr/dsfr"], pinned["version"]);
    let o = bilan(&[
        "new",
        tmp.path().join("x").to_str().unwrap(),
        "--theme",
        "dfsr",
    ]);
    assert!(
        !o.status.success() && stderr(&o).contains("use one of default, dsfr"),
        "{}",
        stderr(&o)
    );
}

/// The release workflow's archive step, run for this machine's target on
/// the current build, publishes what `install-bilan.sh` installs: the
/// contract between the release and the templates.
#[test]
fn the_release_workflow_archives_what_the_templates_install() {
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&page(&repo(), ".github/workflows/release.yml")).unwrap();
    let build = &workflow["jobs"]["build"];
    let targets: Vec<&str> = build["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|m| m["target"].as_str().unwrap())
        .collect();
    for t in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&t), "no release for {t}");
    }
    let step = build["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["name"].as_str() == Some("Archive and checksum"))
        .expect("the archive step");
    let script = step["run"]
        .as_str()
        .unwrap()
        .replace("${{ matrix.target }}", target());
    // The built binary where `cargo build --release --target` puts it.
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    let dir = work.join(format!("target/{}/release", target()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_bilan"), dir.join("bilan")).unwrap();
    let o = Command::new("bash")
        .args(["-ec", &script])
        .current_dir(&work)
        .env("GITHUB_REF_NAME", format!("v{VERSION}"))
        .env("RUNNER_OS", "Linux")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Published as the release page lays it out, then installed.
    let releases = tmp.path().join("releases");
    let v = releases.join(format!("v{VERSION}"));
    std::fs::create_dir_all(&v).unwrap();
    let archive = format!("bilan-{VERSION}-{}.tar.gz", target());
    for f in [archive.clone(), format!("{archive}.sha256")] {
        std::fs::rename(work.join(&f), v.join(&f)).unwrap();
    }
    let site = tmp.path().join("site");
    new_site(&site, "default");
    let ci = [
        ("BILAN_RELEASES", serve(releases)),
        ("BILAN_VERSION", VERSION.to_string()),
        ("CI_PAGES_URL", "https://equipe.example.org".to_string()),
    ];
    let (ok, log) = run_job(&site, &gitlab_job(&site), &ci);
    assert!(ok, "{log}");
    // cargo binstall finds the same archive from the crate's metadata.
    let manifest = page(&repo(), "Cargo.toml");
    assert!(manifest.contains(
        "pkg-url = \"{ repo }/releases/download/v{ version }/{ name }-{ version }-{ target }{ archive-suffix }\""
    ));
    // GitLab's release pipeline names its archives the same way.
    let gitlab: serde_yaml::Value = serde_yaml::from_str(&page(&repo(), ".gitlab-ci.yml")).unwrap();
    let archive_step = gitlab[".archive"]["script"].as_str().unwrap();
    assert!(
        archive_step.contains("name=\"bilan-$version-$TARGET\"")
            && archive_step.contains("$PACKAGES/v$version/$f")
    );
    assert_eq!(gitlab["linux"]["script"][1].as_str(), Some(archive_step));
}
