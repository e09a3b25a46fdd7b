//! Territory records as an earlier build parsed them, kept in the cache
//! under a key of the record's text, the site's metric keys and the binary.
//! Every build still reads every record, but parses with YAML only the
//! ones it has not seen: YAML took about 100 ms of a 0.32 s warm build at
//! 1,460 territories. Only a record read without any problem is kept, so a
//! record from the cache never hides a warning or an error.
//!
//! An entry is the JSON of the record's fields, destructured field by field
//! both ways without `..`: a field added to the record does not compile
//! until it is carried here (STYLE.md, lesson 15). An entry that does not
//! read back whole is ignored and the record is parsed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cache::Store;
use crate::records::{Action, Leads, Project, Territory};

/// Bumped when the entry's shape or meaning changes.
const FORMAT: &[u8] = b"territory record 2";

/// A record's fields in [`Territory`]'s order (JSON: an array, so an entry
/// of another shape does not read back). Leads, projects and actions are
/// tuples of their fields, in their order.
#[derive(Serialize, Deserialize)]
struct Entry(
    String,
    Option<String>,
    String,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Option<NaiveDate>,
    Option<(Option<String>, Option<String>)>,
    Vec<ProjectEntry>,
    Vec<(String, Option<String>)>,
);

type ProjectEntry = (
    String,
    Option<String>,
    Option<String>,
    Option<i32>,
    Vec<Option<u64>>,
);

/// The cache key of the record whose text is `text`, read with the site's
/// `metric_keys` (which decide what a project's fields mean).
pub(super) fn key(text: &str, metric_keys: Option<&[String]>) -> String {
    let keys = metric_keys.map(|k| k.join("\n"));
    let keys = keys.as_deref().map_or(&b"\0any key"[..], str::as_bytes);
    let hash = crate::cache::hash(&[
        FORMAT,
        crate::cache::binary().as_bytes(),
        keys,
        text.as_bytes(),
    ]);
    format!("{hash}.record.json")
}

/// The record kept under `key`, when there is one that reads back with a
/// value slot for each of the `metric_keys`, as a parse would give.
pub(super) fn get(
    store: &dyn Store,
    key: &str,
    metric_keys: Option<&[String]>,
) -> Option<Territory> {
    let bytes = store.get(key)?;
    let record = serde_json::from_slice::<Entry>(&bytes).ok()?.into_record();
    let slots = metric_keys.map_or(0, <[String]>::len);
    record
        .projects
        .iter()
        .all(|p| p.values.len() == slots)
        .then_some(record)
}

/// Keeps `record` under `key`.
pub(super) fn put(store: &dyn Store, key: &str, record: &Territory) {
    if let Ok(json) = serde_json::to_vec(&Entry::from_record(record)) {
        store.put(key, &json);
    }
}

impl Entry {
    fn from_record(t: &Territory) -> Entry {
        let Territory {
            name,
            code,
            region,
            departments,
            intercommunalities,
            communes,
            labelled_on,
            leads,
            projects,
            actions,
        } = t.clone();
        let project = |p: Project| {
            let Project {
                title,
                company,
                sector,
                year,
                values,
            } = p;
            (title, company, sector, year, values)
        };
        Entry(
            name,
            code,
            region,
            departments,
            intercommunalities,
            communes,
            labelled_on,
            leads.map(
                |Leads {
                     elected,
                     industrial,
                 }| (elected, industrial),
            ),
            projects.into_iter().map(project).collect(),
            actions
                .into_iter()
                .map(|Action { title, theme }| (title, theme))
                .collect(),
        )
    }

    fn into_record(self) -> Territory {
        let Entry(
            name,
            code,
            region,
            departments,
            intercommunalities,
            communes,
            labelled_on,
            leads,
            projects,
            actions,
        ) = self;
        let project = |(title, company, sector, year, values): ProjectEntry| Project {
            title,
            company,
            sector,
            year,
            values,
        };
        Territory {
            name,
            code,
            region,
            departments,
            intercommunalities,
            communes,
            labelled_on,
            leads: leads.map(|(elected, industrial)| Leads {
                elected,
                industrial,
            }),
            projects: projects.into_iter().map(project).collect(),
            actions: actions
                .into_iter()
                .map(|(title, theme)| Action { title, theme })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::Store;
    use std::collections::HashMap;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Memory(Mutex<HashMap<String, Vec<u8>>>);

    impl Store for Memory {
        fn get(&self, key: &str) -> Option<Vec<u8>> {
            self.0.lock().unwrap().get(key).cloned()
        }
        fn put(&self, key: &str, bytes: &[u8]) {
            self.0.lock().unwrap().insert(key.into(), bytes.into());
        }
    }

    const RECORD: &str = r#"name: "Bay of Dunes"
code: "bay"
region: "N"
departments: ["29"]
intercommunalities: ["CC du Port"]
communes: ["Port (29000)"]
labelled_on: 2022-03-01
leads: { elected: "A mayor" }
projects:
  - { title: "New quay", company: "Example Shipping", year: 2023, jobs: 12000 }
  - { title: "Crane", sector: "Machinery", aid: 85000 }
actions:
  - { title: "Welding school", theme: "recruit" }
  - { title: "Open days" }
"#;

    fn keys() -> Vec<String> {
        vec!["aid".into(), "jobs".into()]
    }

    fn parse(text: &str) -> Territory {
        let mut d = crate::diag::Diagnostics::default();
        let keys = keys();
        crate::records::with_metric_keys(Some(&keys), || {
            crate::yaml::parse_recovering(text, std::path::Path::new("bay.yaml"), 0, &mut d)
        })
        .unwrap()
    }

    #[test]
    fn a_record_reads_back_from_the_cache_as_it_was_parsed() {
        let (record, store) = (parse(RECORD), Memory::default());
        let key = key(RECORD, Some(&keys()));
        assert!(get(&store, &key, Some(&keys())).is_none());
        put(&store, &key, &record);
        let back = get(&store, &key, Some(&keys())).expect("kept");
        assert_eq!(format!("{back:?}"), format!("{record:?}"));
    }

    #[test]
    fn the_key_changes_with_the_text_and_the_metric_keys() {
        let k = key(RECORD, Some(&keys()));
        assert_ne!(k, key(&RECORD.replace("12000", "12001"), Some(&keys())));
        assert_ne!(k, key(RECORD, Some(&["jobs".into(), "aid".into()])));
        assert_ne!(k, key(RECORD, None));
        assert!(k.ends_with(".record.json") && k.len() == 16 + ".record.json".len());
    }

    #[test]
    fn an_entry_that_does_not_read_back_is_ignored() {
        let store = Memory::default();
        let key = key(RECORD, Some(&keys()));
        for bad in [
            &b"["[..],
            b"null",
            br#"["x"]"#,
            br#"{"name": "x"}"#,
            b"\xff\xfe",
        ] {
            store.put(&key, bad);
            assert!(get(&store, &key, Some(&keys())).is_none(), "{bad:?}");
        }
        // Whole, but not with one value per metric.
        put(&store, &key, &parse(RECORD));
        assert!(get(&store, &key, Some(&["aid".into()])).is_none());
        assert!(get(&store, &key, None).is_none());
    }
}
