//! Taking turns and cleaning up: the lock that makes two builds of one
//! output wait for each other, and the removal of what killed builds left.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

/// Takes the output's lock, waiting (and saying so) while another build
/// holds it.
pub(super) fn lock(path: &Path, out: &Path) -> Result<fs::File> {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot create the lock {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!("Waiting for another build of {} to finish…", out.display());
        }
        Err(fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
    file.lock()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(file)
}

/// Removes staging and aside folders of `name` left by killed builds;
/// returns those that cannot be removed (a protected file), which never
/// stop a build.
pub(super) fn remove_leftovers(parent: &Path, name: &str) -> Result<Vec<PathBuf>> {
    let prefixes = [format!(".{name}.bilan-new"), format!(".{name}.bilan-old")];
    let entries =
        fs::read_dir(parent).with_context(|| crate::tr!("cannot-read", path = &parent))?;
    let mut stuck = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str()))
            && remove_all(&entry.path()).is_err()
        {
            stuck.push(entry.path());
        }
    }
    Ok(stuck)
}

/// Removes a folder bilan made, whatever the permissions left on it: a
/// folder that cannot be listed or emptied is made writable first.
pub(super) fn remove_all(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(first) => {
            use std::os::unix::fs::PermissionsExt;
            for entry in walkdir::WalkDir::new(dir)
                .contents_first(false)
                .into_iter()
                .flatten()
            {
                if entry.file_type().is_dir() {
                    let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(0o700));
                }
            }
            let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
            fs::remove_dir_all(dir).map_err(|_| first)
        }
    }
}
