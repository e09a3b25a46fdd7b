//! A renderer's files kept as a whole: when the previous build made them
//! from the same inputs, they are linked from the previous output without
//! being made again. All of them or none, so a renderer never mixes its
//! old files with new ones.

use std::fs;
use std::sync::atomic::Ordering;

use super::{Kept, Staging};

impl Staging {
    pub(super) fn keep_group(&self, group: &str, key: &str, read: bool) -> Option<Vec<Kept>> {
        if self.old_groups.get(group).map(String::as_str) != Some(key) {
            return None;
        }
        let mut paths: Vec<&str> = self
            .old_keys
            .iter()
            .filter(|(_, k)| k.as_str() == key)
            .map(|(p, _)| p.as_str())
            .collect();
        paths.sort_unstable();
        let mut kept = Vec::with_capacity(paths.len());
        for (i, rel) in paths.iter().enumerate() {
            match self.link_old(rel, read) {
                Some(k) => kept.push(k),
                None => {
                    self.unkeep(&paths[..i]);
                    return None;
                }
            }
        }
        self.unchanged.fetch_add(kept.len(), Ordering::Relaxed);
        let mut keys = self.new_keys.lock().unwrap_or_else(|e| e.into_inner());
        for rel in &paths {
            keys.insert((*rel).to_string(), key.to_string());
        }
        drop(keys);
        super::Sink::remember_group(self, group, key);
        Some(kept)
    }

    /// Claims `rel` and links the previous build's file there.
    fn link_old(&self, rel: &str, read: bool) -> Option<Kept> {
        let old = self.out.join(rel);
        let meta = fs::symlink_metadata(&old).ok().filter(|m| m.is_file())?;
        let bytes = if read {
            Some(fs::read(&old).ok()?)
        } else {
            None
        };
        self.claim(rel).ok()?;
        let dest = self.dir.join(rel);
        let linked = dest.parent().is_some_and(|p| fs::create_dir_all(p).is_ok())
            && fs::hard_link(&old, &dest).is_ok();
        if !linked {
            self.unclaim(rel);
            return None;
        }
        Some((rel.to_string(), meta.len(), bytes))
    }

    /// Undoes `link_old` for `paths`: the renderer makes them after all.
    fn unkeep(&self, paths: &[&str]) {
        for rel in paths {
            let _ = fs::remove_file(self.dir.join(rel));
            self.unclaim(rel);
        }
    }

    fn unclaim(&self, rel: &str) {
        let mut claimed = self.claimed.lock().unwrap_or_else(|e| e.into_inner());
        claimed.remove(rel);
    }
}
