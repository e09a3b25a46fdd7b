//! What the loaders may read: only files whose real path, after every
//! symbolic link, is inside the site folder and outside any output bilan
//! wrote. Checked before anything is read, so a link's target is never
//! published or quoted in a message.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{relative, Diagnostic};

/// Why `path` may not be read: its real path (after every symbolic link)
/// is outside the site root, or inside an output bilan wrote (a link to the
/// output would publish the site inside itself at every build). Checked
/// before anything is read, so a link's target is never published or
/// quoted in a message.
pub(crate) fn confined(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let rel = relative(root, path);
    let real =
        fs::canonicalize(path).map_err(|e| Diagnostic::error(&rel, format!("cannot read: {e}")))?;
    let root_real = real_root(root)?;
    // No link on the way: the file is where its path says, inside the site.
    if real.strip_prefix(&root_real).ok() == path.strip_prefix(root).ok()
        && real.starts_with(&root_real)
    {
        return Ok(());
    }
    let target = fs::read_link(path).unwrap_or_else(|_| real.clone());
    if !real.starts_with(&root_real) {
        return Err(Diagnostic::error(
            &rel,
            format!(
                "this is a link to `{}`, outside the site: bilan reads nothing outside the site folder",
                target.display()
            ),
        )
        .hint("copy the file into the site instead of linking to it"));
    }
    let inside = real.strip_prefix(&root_real).unwrap_or(&real);
    let mut at = root_real.clone();
    for part in inside.components() {
        at.push(part);
        let name = part.as_os_str().to_string_lossy();
        let generated = name.ends_with(".bilan-new")
            || name.ends_with(".bilan-old")
            || name.contains(".bilan-new-")
            || name == ".bilan-cache"
            || at.join(crate::routes::MARKER).is_file();
        if generated {
            return Err(Diagnostic::error(
                &rel,
                format!(
                    "this is a link into `{}`, which bilan generates: the site would copy itself at every build",
                    relative(&root_real, &at).display()
                ),
            )
            .hint("remove the link"));
        }
    }
    Ok(())
}

/// The site root's real path, looked up once per root.
fn real_root(root: &Path) -> Result<PathBuf, Diagnostic> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static ROOTS: OnceLock<Mutex<HashMap<PathBuf, PathBuf>>> = OnceLock::new();
    let roots = ROOTS.get_or_init(Default::default);
    if let Some(r) = roots.lock().unwrap_or_else(|e| e.into_inner()).get(root) {
        return Ok(r.clone());
    }
    let real = fs::canonicalize(root)
        .map_err(|e| Diagnostic::error(root, format!("cannot read the site folder: {e}")))?;
    roots
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(root.to_path_buf(), real.clone());
    Ok(real)
}
