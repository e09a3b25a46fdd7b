//! A template context that records what goes into it. A page's key (which
//! lets a rebuild keep the previous page without rendering it) is the hash
//! of every value its template can read: its own context and the globals,
//! never a hand-picked list of inputs that goes stale the day a template
//! reads one more thing (STYLE.md, lesson 15).

use serde::Serialize;
use tera::Context;

use crate::cache::Fnv;

/// A [`Context`] and the running hash of what was inserted, in order.
pub(super) struct Recorded {
    context: Context,
    hash: Fnv,
}

impl Recorded {
    pub(super) fn new() -> Recorded {
        Recorded {
            context: Context::new(),
            hash: Fnv::new(),
        }
    }

    /// Inserts `value` under `key`, and records both.
    pub(super) fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.hash.part(key.as_bytes());
        // A value that cannot be written as JSON cannot be rendered either;
        // its key then differs from every other, so the page is rendered.
        match serde_json::to_vec(value) {
            Ok(json) => self.hash.part(&json),
            Err(e) => self.hash.part(e.to_string().as_bytes()),
        }
        self.context.insert(key, value);
    }

    /// Records something the template sees that is not in the context
    /// (the template texts, the typography rules).
    pub(super) fn also(&mut self, bytes: &[u8]) {
        self.hash.part(bytes);
    }

    /// The hash of everything recorded so far.
    pub(super) fn key(&self) -> String {
        self.hash.hex()
    }

    /// The context, for rendering.
    pub(super) fn into_context(self) -> Context {
        self.context
    }
}
