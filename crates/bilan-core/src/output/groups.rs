//! A renderer's files kept as a whole: when the previous build made them
//! from the same inputs, they are linked from the previous output without
//! being made again. All of them or none, so a renderer never mixes its
//! old files with new ones.
//!
//! The build state lists each renderer as `group <key> <name>`, then each
//! of its files as `of <key> <path>` (the key names the renderer, since it
//! hashes its name).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::sync::atomic::Ordering;

use super::{Kept, Staging, GROUP_PREFIX, MEMBER_PREFIX};

/// A build state's renderers, by name: their inputs key and files.
pub(super) fn parse(state: &str) -> HashMap<String, (String, Vec<String>)> {
    let mut files: HashMap<&str, Vec<String>> = HashMap::new();
    for (key, path) in state
        .lines()
        .filter_map(|l| l.strip_prefix(MEMBER_PREFIX)?.split_once(' '))
    {
        files.entry(key).or_default().push(path.to_string());
    }
    state
        .lines()
        .filter_map(|l| l.strip_prefix(GROUP_PREFIX)?.split_once(' '))
        .map(|(key, name)| {
            let paths = files.remove(key).unwrap_or_default();
            (name.to_string(), (key.to_string(), paths))
        })
        .collect()
}

/// Adds `groups` to a build state.
pub(super) fn write(groups: &BTreeMap<String, (String, Vec<String>)>, state: &mut String) {
    for (name, (key, paths)) in groups {
        state.push_str(&format!("{GROUP_PREFIX}{key} {name}\n"));
        for path in paths {
            state.push_str(&format!("{MEMBER_PREFIX}{key} {path}\n"));
        }
    }
}

impl Staging {
    pub(super) fn keep_group(&self, group: &str, key: &str) -> Option<Vec<Kept>> {
        let (old_key, paths) = self.old_groups.get(group)?;
        if old_key != key {
            return None;
        }
        let mut kept = Vec::with_capacity(paths.len());
        for (i, rel) in paths.iter().enumerate() {
            match self.link_old(key, rel) {
                Some(k) => kept.push(k),
                None => {
                    self.unkeep(&paths[..i]);
                    return None;
                }
            }
        }
        self.unchanged.fetch_add(kept.len(), Ordering::Relaxed);
        // A page's own key goes on, for a later build that renders pages.
        let mut keys = self.new_keys.lock().unwrap_or_else(|e| e.into_inner());
        for rel in paths {
            if let Some(k) = self.old_keys.get(rel) {
                keys.insert(rel.clone(), k.clone());
            }
        }
        drop(keys);
        super::Sink::remember_group(self, group, key, paths.clone());
        Some(kept)
    }

    /// Claims `rel` and links the previous build's file there, from the
    /// cache when it holds it, else from the previous output.
    fn link_old(&self, key: &str, rel: &str) -> Option<Kept> {
        let entry = self.entries.as_ref().map(|d| d.join(entry_name(key, rel)));
        let (old, meta) = match entry.as_deref().and_then(|e| Some((e, regular(e)?))) {
            Some((e, m)) => (e.to_path_buf(), m),
            None => {
                let old = self.out.join(rel);
                let meta = regular(&old)?;
                (old, meta)
            }
        };
        self.claim(rel).ok()?;
        let dest = self.dir.join(rel);
        let linked = dest.parent().is_some_and(|p| fs::create_dir_all(p).is_ok())
            && fs::hard_link(&old, &dest).is_ok();
        if !linked {
            self.unclaim(rel);
            return None;
        }
        Some((rel.to_string(), meta.len()))
    }

    /// Undoes `link_old` for `paths`: the renderer makes them after all.
    fn unkeep(&self, paths: &[String]) {
        for rel in paths {
            let _ = fs::remove_file(self.dir.join(rel));
            self.unclaim(rel);
        }
    }

    /// Links the files of `groups` from the staging folder into the
    /// entries folder, each named by its renderer's inputs and its path
    /// (those already there are the same bytes), and lists them as used.
    pub(super) fn store_entries(&self, groups: &BTreeMap<String, (String, Vec<String>)>) {
        let Some(dir) = &self.entries else { return };
        let mut used = Vec::new();
        for (key, paths) in groups.values() {
            for rel in paths {
                let name = entry_name(key, rel);
                let target = dir.join(&name);
                if regular(&target).is_some() || fs::hard_link(self.dir.join(rel), &target).is_ok()
                {
                    used.push(name);
                }
            }
        }
        *self.used_entries.lock().unwrap_or_else(|e| e.into_inner()) = used;
    }

    /// The bytes of a file already staged (a kept one a later renderer
    /// bundles).
    pub(super) fn staged(&self, rel: &str) -> Option<Vec<u8>> {
        let path = self.dir.join(rel);
        regular(&path)?;
        fs::read(&path).ok()
    }

    pub(super) fn unclaim(&self, rel: &str) {
        let mut claimed = self.claimed.lock().unwrap_or_else(|e| e.into_inner());
        claimed.remove(rel);
    }
}

/// The metadata of `path` when it is a regular file, never through a link.
fn regular(path: &Path) -> Option<fs::Metadata> {
    fs::symlink_metadata(path).ok().filter(|m| m.is_file())
}

/// The entry of file `rel` made from the inputs `key`: named as the cache
/// names its entries (16 hex digits and an extension), so that its pruning
/// applies.
fn entry_name(key: &str, rel: &str) -> String {
    let ext = Path::new(rel)
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_alphanumeric()))
        .unwrap_or("bin");
    format!(
        "{}.{ext}",
        crate::cache::hash(&[key.as_bytes(), rel.as_bytes()])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_lists_each_renderer_with_its_files() {
        let mut groups = BTreeMap::new();
        groups.insert(
            "territory charts".to_string(),
            (
                "00ff".to_string(),
                vec!["a b/c.png".to_string(), "d.svg".into()],
            ),
        );
        groups.insert("PDFs".to_string(), ("11ee".to_string(), Vec::new()));
        let mut state = String::from("page 1234 x.html\n");
        write(&groups, &mut state);
        let back = parse(&state);
        assert_eq!(back.len(), 2);
        assert_eq!(back["territory charts"], groups["territory charts"]);
        assert_eq!(back["PDFs"], ("11ee".to_string(), Vec::new()));
    }
}
