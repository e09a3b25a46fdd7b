//! What the loaders may read: only files whose real path, after every
//! symbolic link, is inside the site folder and outside any output bilan
//! wrote. Checked before anything is read, so a link's target is never
//! published or quoted in a message.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{relative, Diagnostic};
use crate::tr;

/// Why `path` may not be read: its real path (after every symbolic link)
/// is outside the site root, or inside an output bilan wrote (a link to the
/// output would publish the site inside itself at every build). Checked
/// before anything is read, so a link's target is never published or
/// quoted in a message.
pub(crate) fn confined(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let rel = relative(root, path);
    let real = fs::canonicalize(path).map_err(|e| cannot_read(&rel, &e))?;
    let root_real = real_root(root)?;
    // No link on the way: the file is where its path says, inside the site.
    if real.strip_prefix(&root_real).ok() == path.strip_prefix(root).ok()
        && real.starts_with(&root_real)
    {
        return Ok(());
    }
    let target = fs::read_link(path).unwrap_or_else(|_| real.clone());
    if !real.starts_with(&root_real) {
        return Err(
            Diagnostic::error(&rel, tr!("link-outside-site", target = &target))
                .hint(tr!("link-outside-site-hint")),
        );
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
            || at.join(crate::paths::MARKER).is_file();
        if generated {
            return Err(Diagnostic::error(
                &rel,
                tr!("link-into-output", target = &relative(&root_real, &at)),
            )
            .hint(tr!("link-into-output-hint")));
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
    let real = fs::canonicalize(root).map_err(|e| {
        Diagnostic::error(root, tr!("site-folder-unreadable", error = e.to_string()))
    })?;
    roots
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(root.to_path_buf(), real.clone());
    Ok(real)
}

/// Why the file at `path`, to be published from the folder `within`
/// (`content/static`, the DSFR package), may not be: its real path leaves
/// that folder (a link to a record, a release or `.env` elsewhere in the
/// site), it is no regular file, or it is the same file as one of the
/// site's sources (a hard link). An embargoed release must never leave
/// through a folder that is copied as it is.
pub(crate) fn publishable(
    root: &Path,
    within: &Path,
    path: &Path,
    sources: &Sources,
) -> Result<(), Diagnostic> {
    confined(root, path)?;
    let rel = relative(root, path);
    let real = fs::canonicalize(path).map_err(|e| cannot_read(&rel, &e))?;
    let within_real = fs::canonicalize(within).unwrap_or_else(|_| within.to_path_buf());
    let place = relative(root, within);
    if !real.starts_with(&within_real) {
        let target = relative(&real_root(root)?, &real);
        return Err(Diagnostic::error(
            &rel,
            tr!("link-outside-folder", target = &target, folder = &place),
        )
        .hint(tr!("link-outside-folder-hint")));
    }
    let meta = fs::metadata(&real).map_err(|e| cannot_read(&rel, &e))?;
    if !meta.is_file() {
        return Err(Diagnostic::error(&rel, tr!("not-regular-file")));
    }
    if let Some(source) = sources.same_file(&meta) {
        return Err(
            Diagnostic::error(&rel, tr!("hard-link-to-source", source = source))
                .hint(tr!("hard-link-to-source-hint")),
        );
    }
    Ok(())
}

fn cannot_read(rel: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(rel, tr!("file-unreadable", error = e.to_string()))
}

/// The site's sources and secrets, by file identity: records, releases,
/// narratives, settings and `.env`-like files at the root, so a hard link
/// to one of them can be recognised wherever it is.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    #[cfg(unix)]
    ids: std::collections::HashMap<(u64, u64), PathBuf>,
}

impl Sources {
    /// Every file under `content/` (but `content/static`), and the files at
    /// the root whose names start with `.` (`.env`, `.npmrc`, `.dsfr.yml`).
    pub(crate) fn of(root: &Path) -> Sources {
        let mut sources = Sources::default();
        let content = root.join("content");
        let under_content = walkdir::WalkDir::new(&content)
            .into_iter()
            .filter_entry(|e| e.path() != content.join("static"))
            .flatten()
            .map(|e| e.into_path());
        let dotfiles = fs::read_dir(root)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path());
        for path in under_content.chain(dotfiles) {
            sources.add(root, &path);
        }
        sources
    }

    #[cfg(unix)]
    fn add(&mut self, root: &Path, path: &Path) {
        use std::os::unix::fs::MetadataExt as _;
        if let Ok(m) = fs::symlink_metadata(path) {
            if m.is_file() {
                self.ids.insert((m.dev(), m.ino()), relative(root, path));
            }
        }
    }

    #[cfg(not(unix))]
    fn add(&mut self, _: &Path, _: &Path) {}

    #[cfg(unix)]
    fn same_file(&self, meta: &fs::Metadata) -> Option<&Path> {
        use std::os::unix::fs::MetadataExt as _;
        self.ids
            .get(&(meta.dev(), meta.ino()))
            .map(PathBuf::as_path)
    }

    #[cfg(not(unix))]
    fn same_file(&self, _: &fs::Metadata) -> Option<&Path> {
        None
    }
}
