//! Records the commit bilan is built from, for `bilan --version`: the
//! BILAN_COMMIT variable when set (release builds from an archive), else
//! `git rev-parse`, else "unknown commit" (a build from the crate's
//! package, which has no Git history).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=BILAN_COMMIT");
    println!("cargo:rerun-if-changed=.git/HEAD");
    if let Ok(head) = std::fs::read_to_string(".git/HEAD") {
        if let Some(branch) = head.trim().strip_prefix("ref: ") {
            println!("cargo:rerun-if-changed=.git/{branch}");
        }
    }
    println!("cargo:rerun-if-changed=.git/packed-refs");
    let commit = std::env::var("BILAN_COMMIT").ok().or_else(|| {
        let out = Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    let commit = commit
        .filter(|c| !c.is_empty())
        .map_or_else(|| "unknown commit".to_string(), |c| format!("commit {c}"));
    println!("cargo:rustc-env=BILAN_COMMIT={commit}");
}
