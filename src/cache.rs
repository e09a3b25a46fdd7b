//! The build cache: expensive outputs (chart PNGs) keyed by a hash of what
//! they were made from, kept in `<root>/.bilan-cache/`. A rebuild redraws
//! only the charts whose data changed. Entries not used by a build are pruned
//! at its end, so the folder never grows beyond one site's worth.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;

/// Where cached bytes come from: the disk, or nowhere (tests, `check`).
pub trait Store: Sync {
    /// The bytes stored under `key`, if any.
    fn get(&self, key: &str) -> Option<Vec<u8>>;
    /// Stores `bytes` under `key`; failures only cost a redraw next time.
    fn put(&self, key: &str, bytes: &[u8]);
    /// The file holding `key`'s bytes, when the store keeps files: the
    /// writer can link it instead of copying its bytes through memory.
    fn file(&self, _key: &str) -> Option<PathBuf> {
        None
    }
    /// True when chart PNGs are left out, to be drawn later (`serve` shows
    /// an edited page first and draws them in the background).
    fn defers(&self) -> bool {
        false
    }
}

/// A store whose chart PNGs wait: see [`Store::defers`]. What is drawn
/// anyway (the map) still goes through the store it wraps.
pub struct Deferred<'a>(pub &'a dyn Store);

impl Store for Deferred<'_> {
    fn get(&self, key: &str) -> Option<Vec<u8>> {
        self.0.get(key)
    }
    fn file(&self, key: &str) -> Option<PathBuf> {
        self.0.file(key)
    }
    fn put(&self, key: &str, bytes: &[u8]) {
        self.0.put(key, bytes);
    }
    fn defers(&self) -> bool {
        true
    }
}

/// The bytes cached under a hash of `parts` and `ext`, or `make()` stored
/// for next time; a failure is returned, never cached.
pub fn cached<E>(
    store: &dyn Store,
    parts: &[&[u8]],
    ext: &str,
    make: impl FnOnce() -> Result<Vec<u8>, E>,
) -> Result<Vec<u8>, E> {
    let key = format!("{}.{ext}", hash(parts));
    if let Some(bytes) = store.get(&key) {
        return Ok(bytes);
    }
    let bytes = make()?;
    store.put(&key, &bytes);
    Ok(bytes)
}

/// No caching.
pub struct NoCache;

impl Store for NoCache {
    fn get(&self, _: &str) -> Option<Vec<u8>> {
        None
    }
    fn put(&self, _: &str, _: &[u8]) {}
}

/// A cache folder on disk.
pub struct DiskCache {
    dir: PathBuf,
    used: Mutex<BTreeSet<String>>,
}

impl DiskCache {
    /// The cache of the site at `root`.
    pub fn new(root: &std::path::Path) -> DiskCache {
        DiskCache {
            dir: root.join(".bilan-cache"),
            used: Mutex::new(BTreeSet::new()),
        }
    }

    fn mark(&self, key: &str) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(key.to_string());
        }
    }

    /// Removes the entries this build did not use.
    pub fn prune(&self) {
        let Ok(used) = self.used.lock() else { return };
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            // Build states (`state-*.txt`) belong to the output folders.
            if name != "CACHEDIR.TAG" && !name.starts_with("state-") && !used.contains(&name) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

impl Store for DiskCache {
    fn get(&self, key: &str) -> Option<Vec<u8>> {
        let bytes = fs::read(self.dir.join(key)).ok()?;
        self.mark(key);
        Some(bytes)
    }

    fn file(&self, key: &str) -> Option<PathBuf> {
        let path = self.dir.join(key);
        path.is_file().then(|| {
            self.mark(key);
            path
        })
    }

    fn put(&self, key: &str, bytes: &[u8]) {
        if fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let tag = self.dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            // Tells backup tools the folder can be skipped.
            let _ = fs::write(&tag, "Signature: 8a477f597d28d172789f06886806bc55\n# bilan build cache; safe to delete.\n");
        }
        // Write then rename, so a killed build never leaves half a PNG.
        let tmp = self.dir.join(format!(".{key}.{}", std::process::id()));
        if fs::write(&tmp, bytes).is_ok() && fs::rename(&tmp, self.dir.join(key)).is_ok() {
            self.mark(key);
        } else {
            let _ = fs::remove_file(&tmp);
        }
    }
}

/// A stable 64-bit FNV-1a hash (std's hasher may change between releases).
pub fn hash(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // Separates parts, so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_separates_parts() {
        assert_eq!(hash(&[b"abc"]), hash(&[b"abc"]));
        assert_ne!(hash(&[b"ab", b"c"]), hash(&[b"a", b"bc"]));
        assert_eq!(hash(&[b""]).len(), 16);
    }

    #[test]
    fn disk_cache_round_trip_and_prune() {
        let tmp = tempfile::tempdir().unwrap();
        let c = DiskCache::new(tmp.path());
        c.put("a.png", b"A");
        c.put("b.png", b"B");
        let c2 = DiskCache::new(tmp.path());
        assert_eq!(c2.get("a.png").as_deref(), Some(&b"A"[..]));
        c2.prune();
        assert!(c2.get("b.png").is_none());
        assert!(tmp.path().join(".bilan-cache/CACHEDIR.TAG").exists());
    }
}
