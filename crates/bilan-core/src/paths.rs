//! Paths as the file system resolves them, for comparing two spellings of
//! one folder.

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::Result;

/// Marks a folder as written by bilan, and so safe to replace.
pub const MARKER: &str = ".bilan-output";

/// `path` made absolute and free of `.` and `..`, without requiring it to exist.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve symlinks in the part that exists, so two spellings of one folder compare equal.
    let mut existing = joined.clone();
    let mut tail = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                tail.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for name in tail.iter().rev() {
        match Path::new(name).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::CurDir) | None => {}
            _ => out.push(name),
        }
    }
    Ok(out)
}
