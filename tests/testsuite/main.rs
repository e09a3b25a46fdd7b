//! One integration-test binary: each module covers a feature and runs the
//! real `bilan` command on fixture sites under `tests/fixtures/`.

mod audit;
mod charts;
mod ci_templates;
mod default_site;
mod departments;
mod dossier;
mod dsfr;
mod english;
mod errors;
mod finish;
mod french;
mod fuzz;
mod hostile;
mod import;
mod import_hostile;
mod incremental;
mod invalid;
mod layers;
mod legal;
mod metrics;
mod one_run;
mod output_safety;
mod pdf;
mod planted;
mod press;
mod readers;
mod search;
mod second_programme;
mod serve;
mod support;
mod typography;
