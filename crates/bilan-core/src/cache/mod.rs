//! The build cache: expensive outputs (chart PNGs, cards, PDFs) keyed by a
//! hash of what they were made from, and each output folder's build state.
//! A rebuild redraws only what changed. Entries not used by a build are
//! pruned at its end, so the folder never grows beyond one site's worth.
//!
//! Where: as Hugo's `cacheDir`, outside the site by default (the user's
//! cache folder, one sub-folder per site path), or `--cache-dir` /
//! `BILAN_CACHE_DIR`. The folder is never a link and holds none: nothing is
//! read, written or pruned outside it, and prune removes only files named
//! like bilan's entries. A cache inside the site folder may have come with a
//! checkout, so each entry is used only if its keyed digest (HMAC-SHA-256
//! under a secret kept in the user's cache folder) matches.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

mod place;
use place::{check_no_links, check_place, inside, user_cache};
pub use place::{location, ENV};

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
    /// The secret that signs entries, when the folder lies inside the site
    /// (where a checkout could bring entries): entries are then verified.
    signer: Option<[u8; 32]>,
    /// Entries found in the folder whose digest did not match (redrawn).
    rejected: Mutex<Vec<String>>,
}

/// True for the names bilan gives entries (`<16 hex>.<ext>`, its build
/// states, digests and temporary files): prune touches nothing else.
fn ours(name: &str) -> bool {
    let entry = |n: &str| {
        n.split_once('.').is_some_and(|(h, ext)| {
            h.len() == 16
                && h.bytes().all(|b| b.is_ascii_hexdigit())
                && !ext.is_empty()
                && ext.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        })
    };
    let name = name.strip_suffix(".mac").unwrap_or(name);
    entry(name) || name.starts_with("state-") && name.ends_with(".txt")
}

impl DiskCache {
    /// The cache of the site at `root`, in `explicit` or where [`location`]
    /// says, for a build writing into `out` (`None` for `serve`, whose
    /// output is private). Fails, naming it, when the folder or an entry is
    /// a link, or when it lies among the site's sources or in `out`.
    pub fn open(
        root: &Path,
        explicit: Option<&Path>,
        out: Option<&Path>,
    ) -> anyhow::Result<DiskCache> {
        let dir = location(root, explicit);
        check_place(root, &dir, out)?;
        check_no_links(&dir)?;
        let inside = inside(root, &dir);
        let signer = if inside { Some(secret()) } else { None };
        Ok(DiskCache {
            dir,
            used: Mutex::new(BTreeSet::new()),
            signer,
            rejected: Mutex::new(Vec::new()),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when entries are verified before use (the folder is inside the
    /// site, where a checkout could have brought it).
    pub fn verifies(&self) -> bool {
        self.signer.is_some()
    }

    /// Entries that failed verification and were made anew.
    pub fn rejected(&self) -> Vec<String> {
        self.rejected.lock().map(|r| r.clone()).unwrap_or_default()
    }

    fn mark(&self, key: &str) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(key.to_string());
        }
    }

    /// The entries this build used, as lines of its build state: a rebuild
    /// that keeps the files made from them (see [`DiskCache::keep_used`])
    /// keeps them too, for the build after it.
    pub fn used_lines(&self) -> String {
        let used = self.used.lock().map(|u| u.clone()).unwrap_or_default();
        used.iter().map(|n| format!("{USED_PREFIX}{n}\n")).collect()
    }

    /// Marks `names` as used (entries the writer linked).
    pub fn mark_used(&self, names: &[String]) {
        for name in names {
            self.mark(name);
        }
    }

    /// Marks as used the entries a previous build `state` used.
    pub fn keep_used(&self, state: &str) {
        for name in state.lines().filter_map(|l| l.strip_prefix(USED_PREFIX)) {
            if ours(name) && !name.starts_with("state-") {
                self.mark(name);
            }
        }
    }

    /// Removes the entries this build did not use: only regular files named
    /// as bilan names its entries, never a link, a folder or another file.
    pub fn prune(&self) {
        let Ok(used) = self.used.lock() else { return };
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let base = name.strip_suffix(".mac").unwrap_or(&name);
            let is_file = e.file_type().is_ok_and(|t| t.is_file());
            // Build states (`state-*.txt`) belong to the output folders.
            if is_file && ours(&name) && !name.starts_with("state-") && !used.contains(base) {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    /// The bytes of entry `name`, read without following a link, and only
    /// when their digest matches (for a folder inside the site).
    fn read(&self, name: &str) -> Option<Vec<u8>> {
        let bytes = read_no_follow(&self.dir.join(name))?;
        if let Some(secret) = &self.signer {
            let mac = read_no_follow(&self.dir.join(format!("{name}.mac")));
            if mac.as_deref() != Some(sign(secret, name, &bytes).as_bytes()) {
                if let Ok(mut r) = self.rejected.lock() {
                    if !r.iter().any(|n| n == name) {
                        r.push(name.to_string());
                    }
                }
                return None;
            }
        }
        Some(bytes)
    }

    /// Stores entry `name`: written to a new file, then renamed over the
    /// old one, so a killed build never leaves half an entry and a file
    /// linked elsewhere (an output) is never written through.
    fn write(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let tag = self.dir.join("CACHEDIR.TAG");
        if fs::symlink_metadata(&tag).is_err() {
            // Tells backup tools the folder can be skipped.
            let _ = write_new(&tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# bilan build cache; safe to delete.\n");
        }
        if let Some(secret) = &self.signer {
            let mac = sign(secret, name, bytes);
            replace(&self.dir, &format!("{name}.mac"), mac.as_bytes())?;
        }
        replace(&self.dir, name, bytes)
    }

    /// The build state of the output folder `out` (page keys, file list,
    /// totals), or an empty text.
    pub fn state(&self, out: &Path) -> String {
        self.read(&state_name(out))
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Replaces the build state of `out`.
    pub fn save_state(&self, out: &Path, text: &str) -> anyhow::Result<()> {
        use anyhow::Context as _;
        let name = state_name(out);
        if self.state(out) == text {
            return Ok(());
        }
        self.write(&name, text.as_bytes())
            .with_context(|| format!("cannot write the build state in {}", self.dir.display()))
    }
}

/// The state entry's name for the output folder `out`.
fn state_name(out: &Path) -> String {
    let out = crate::paths::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    format!("state-{}.txt", hash(&[out.to_string_lossy().as_bytes()]))
}

/// The bytes of `path` when it is a regular file, never through a link.
fn read_no_follow(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    #[cfg(unix)]
    let file = {
        use std::os::unix::fs::OpenOptionsExt as _;
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
            .ok()?
    };
    #[cfg(not(unix))]
    let file = fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&file).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Creates `path`, which must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)
}

/// Writes `name` in `dir` as a new file renamed into place.
fn replace(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = write_new(&tmp, bytes).and_then(|()| fs::rename(&tmp, dir.join(name)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The secret that signs entries of caches inside a site: 32 random bytes
/// in the user's cache folder (mode 0600), made once. Without one (no
/// home), a fresh secret per run: entries are then never trusted.
fn secret() -> [u8; 32] {
    let fresh = || {
        let mut seed = Vec::new();
        seed.extend_from_slice(&std::process::id().to_le_bytes());
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        seed.extend_from_slice(&now.to_le_bytes());
        if let Ok(random) = fs::read("/proc/sys/kernel/random/uuid") {
            seed.extend_from_slice(&random);
        }
        let mut f = fs::File::open("/dev/urandom").ok();
        let mut buf = [0u8; 32];
        if let Some(f) = f.as_mut() {
            use std::io::Read as _;
            let _ = f.read_exact(&mut buf);
        }
        seed.extend_from_slice(&buf);
        sha256(&[&seed])
    };
    let Some(base) = user_cache() else {
        return fresh();
    };
    let path = base.join("bilan").join("secret");
    if let Some(bytes) = read_no_follow(&path) {
        if let Ok(s) = <[u8; 32]>::try_from(bytes.as_slice()) {
            return s;
        }
    }
    let s = fresh();
    let made = fs::create_dir_all(path.parent().unwrap_or(&base)).and_then(|()| {
        #[cfg(unix)]
        {
            use std::io::Write as _;
            use std::os::unix::fs::OpenOptionsExt as _;
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)?;
            f.write_all(&s)
        }
        #[cfg(not(unix))]
        write_new(&path, &s)
    });
    match made {
        Ok(()) => s,
        // Another build made it first: use theirs.
        Err(_) => read_no_follow(&path)
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
            .unwrap_or(s),
    }
}

fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    use sha2::Digest as _;
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

/// HMAC-SHA-256 (RFC 2104) of an entry's name and bytes, in hex.
fn sign(secret: &[u8; 32], name: &str, bytes: &[u8]) -> String {
    let mut ipad = [0x36u8; 64];
    let mut opad = [0x5cu8; 64];
    for (i, b) in secret.iter().enumerate() {
        ipad[i] ^= b;
        opad[i] ^= b;
    }
    let len = (name.len() as u64).to_le_bytes();
    let inner = sha256(&[&ipad, &len, name.as_bytes(), bytes]);
    sha256(&[&opad, &inner])
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store for DiskCache {
    fn get(&self, key: &str) -> Option<Vec<u8>> {
        let bytes = self.read(key)?;
        self.mark(key);
        Some(bytes)
    }

    fn file(&self, key: &str) -> Option<PathBuf> {
        let path = self.dir.join(key);
        let plain = fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
        // A signed folder's file is read once to check it before linking.
        let trusted = plain && (self.signer.is_none() || self.read(key).is_some());
        trusted.then(|| {
            self.mark(key);
            path
        })
    }

    fn put(&self, key: &str, bytes: &[u8]) {
        if self.write(key, bytes).is_ok() {
            self.mark(key);
        }
    }
}

/// Starts a build state's line naming an entry the build used.
const USED_PREFIX: &str = "used ";

/// The bilan binary: its version, size and time, since a new binary may
/// make different bytes from the same inputs.
pub fn binary() -> &'static str {
    static BINARY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BINARY.get_or_init(|| {
        let meta = std::env::current_exe().and_then(std::fs::metadata);
        let stamp = meta
            .as_ref()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        format!(
            "{}:{:?}:{:?}",
            env!("CARGO_PKG_VERSION"),
            meta.map(|m| m.len()).ok(),
            stamp
        )
    })
}

/// A stable 64-bit FNV-1a hash (std's hasher may change between releases).
pub fn hash(parts: &[&[u8]]) -> String {
    let mut h = Fnv::new();
    for part in parts {
        h.part(part);
    }
    h.hex()
}

/// The running state of [`hash`], fed one part at a time.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Fnv {
    /// The empty hash.
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Adds one part.
    pub fn part(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // Separates parts, so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        self.0 = h.wrapping_mul(0x0100_0000_01b3);
    }

    /// The hash as 16 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
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
    fn disk_cache_round_trip_and_prune_only_its_entries() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("cache");
        let c = DiskCache::open(tmp.path(), Some(&dir), None).unwrap();
        c.put("0123456789abcdef.png", b"A");
        c.put("fedcba9876543210.png", b"B");
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        let c2 = DiskCache::open(tmp.path(), Some(&dir), None).unwrap();
        assert_eq!(c2.get("0123456789abcdef.png").as_deref(), Some(&b"A"[..]));
        c2.prune();
        assert!(c2.get("fedcba9876543210.png").is_none());
        assert!(dir.join("CACHEDIR.TAG").exists());
        assert!(
            dir.join("notes.txt").exists(),
            "prune keeps what is not an entry"
        );
    }

    #[test]
    fn a_cache_that_is_or_holds_a_link_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let victim = tmp.path().join("victim");
        std::fs::create_dir_all(&victim).unwrap();
        std::fs::write(victim.join("0123456789abcdef.png"), "precious").unwrap();
        let link = tmp.path().join("cache");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let err = DiskCache::open(tmp.path(), Some(&link), None)
            .err()
            .unwrap();
        assert!(err.to_string().contains("is a link"), "{err}");
        std::fs::remove_file(&link).unwrap();
        std::fs::create_dir_all(&link).unwrap();
        std::os::unix::fs::symlink(
            victim.join("0123456789abcdef.png"),
            link.join("0123456789abcdef.png"),
        )
        .unwrap();
        let err = DiskCache::open(tmp.path(), Some(&link), None)
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .contains("holds a link, 0123456789abcdef.png"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(victim.join("0123456789abcdef.png")).unwrap(),
            "precious"
        );
    }

    #[test]
    fn entries_inside_the_site_are_used_only_when_signed_here() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join(".bilan-cache");
        let c = DiskCache::open(site.path(), Some(&dir), None).unwrap();
        assert!(c.verifies());
        c.put("0123456789abcdef.png", b"drawn here");
        assert_eq!(
            c.get("0123456789abcdef.png").as_deref(),
            Some(&b"drawn here"[..])
        );
        // A checkout brings an entry with a digest made elsewhere.
        std::fs::write(dir.join("fedcba9876543210.png"), b"planted").unwrap();
        std::fs::write(dir.join("fedcba9876543210.png.mac"), "00").unwrap();
        assert!(c.get("fedcba9876543210.png").is_none());
        assert!(c.file("fedcba9876543210.png").is_none());
        assert_eq!(c.rejected(), ["fedcba9876543210.png"]);
        // A cache outside the site is the user's own: not signed.
        let elsewhere = tempfile::tempdir().unwrap();
        assert!(!DiskCache::open(site.path(), Some(elsewhere.path()), None)
            .unwrap()
            .verifies());
    }
}
