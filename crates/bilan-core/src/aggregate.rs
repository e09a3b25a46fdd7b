//! Totals computed from the records: programme, region, year, sector and
//! territory, one sum per metric of the table. Pure functions over loaded
//! content; no I/O.

use std::collections::BTreeMap;

use crate::records::{Project, TerritoryFile};

/// The sum of one metric over a set of projects.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    /// The sum of the values reported.
    pub total: u64,
    /// How many projects reported a value.
    pub reported: u64,
    /// True when the exact sum does not fit in 64 bits (`total` is then
    /// meaningless, and validation reports it as an error).
    pub overflow: bool,
}

impl Sum {
    fn add(&mut self, value: u64, reported: u64, overflow: bool) {
        match self.total.checked_add(value) {
            Some(t) => self.total = t,
            None => self.overflow = true,
        }
        self.reported += reported;
        self.overflow |= overflow;
    }

    /// The total, unless no project reported the metric.
    pub fn value(&self) -> Option<u64> {
        (self.reported > 0).then_some(self.total)
    }
}

/// Sums over a set of projects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Territories counted.
    pub territories: u64,
    /// Projects counted.
    pub projects: u64,
    /// One sum per metric, in the metric table's order.
    pub sums: Vec<Sum>,
}

impl Totals {
    fn new(metrics: usize) -> Totals {
        Totals {
            sums: vec![Sum::default(); metrics],
            ..Totals::default()
        }
    }

    fn add_project(&mut self, p: &Project) {
        self.projects += 1;
        for (i, sum) in self.sums.iter_mut().enumerate() {
            if let Some(v) = p.value(i) {
                sum.add(v, 1, false);
            }
        }
    }

    fn add(&mut self, other: &Totals) {
        self.territories += other.territories;
        self.projects += other.projects;
        for (sum, o) in self.sums.iter_mut().zip(&other.sums) {
            sum.add(o.total, o.reported, o.overflow);
        }
    }

    /// The sum of metric `i` (zero when the metric is unknown).
    pub fn sum(&self, i: usize) -> Sum {
        self.sums.get(i).copied().unwrap_or_default()
    }

    /// The total of metric `i`, 0 when not reported (for ranking).
    pub fn total(&self, i: usize) -> u64 {
        self.sum(i).total
    }

    /// True when some sum overflowed.
    pub fn overflowed(&self) -> bool {
        self.sums.iter().any(|s| s.overflow)
    }
}

/// Every total the pages and charts show.
#[derive(Debug, Clone, Default)]
pub struct Aggregates {
    /// The whole programme.
    pub programme: Totals,
    /// Per territory slug: computed once, looked up by slug.
    pub territories: BTreeMap<String, Totals>,
    /// Per region code (only regions with territories).
    pub regions: BTreeMap<String, Totals>,
    /// Per project year; projects without a year are not in it.
    pub years: BTreeMap<i32, Totals>,
    /// Per sector; projects without a sector are not in it.
    pub sectors: BTreeMap<String, Totals>,
}

impl Aggregates {
    /// The totals of the territories with these slugs, added up (a
    /// département's page: each territory counts in full).
    pub fn combined<'a>(&self, slugs: impl Iterator<Item = &'a str>, metrics: usize) -> Totals {
        let mut out = Totals::new(metrics);
        for slug in slugs {
            out.add(self.territory(slug));
        }
        out
    }

    /// The totals of the territory with this slug (empty if unknown).
    pub fn territory(&self, slug: &str) -> &Totals {
        static EMPTY: Totals = Totals {
            territories: 0,
            projects: 0,
            sums: Vec::new(),
        };
        self.territories.get(slug).unwrap_or(&EMPTY)
    }
}

/// Computes all totals in one pass over the projects; `metrics` is the
/// length of the metric table.
pub fn aggregate(territories: &[std::sync::Arc<TerritoryFile>], metrics: usize) -> Aggregates {
    let mut agg = Aggregates {
        programme: Totals::new(metrics),
        ..Aggregates::default()
    };
    for t in territories {
        let mut own = Totals {
            territories: 1,
            ..Totals::new(metrics)
        };
        for p in &t.record.projects {
            own.add_project(p);
            if let Some(year) = p.year {
                agg.years
                    .entry(year)
                    .or_insert_with(|| Totals::new(metrics))
                    .add_project(p);
            }
            if let Some(sector) = &p.sector {
                agg.sectors
                    .entry(sector.clone())
                    .or_insert_with(|| Totals::new(metrics))
                    .add_project(p);
            }
        }
        agg.programme.add(&own);
        agg.regions
            .entry(t.record.region.clone())
            .or_insert_with(|| Totals::new(metrics))
            .add(&own);
        agg.territories.insert(t.slug.clone(), own);
    }
    agg
}

/// The programme's totals by name (counts and metric keys), kept between
/// builds for the change report.
pub fn summary(content: &crate::content::Content, totals: &Totals) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::from([
        ("territories".to_string(), totals.territories),
        ("projects".to_string(), totals.projects),
    ]);
    for (i, m) in content.metrics.iter() {
        out.insert(m.key.clone(), totals.total(i));
    }
    out
}

/// Totals that differ from the previous build's, in the order counts then
/// metrics; a metric new or gone since then counts from or to 0.
pub fn moved(previous: Option<&str>, now: &BTreeMap<String, u64>) -> Vec<(String, u64, u64)> {
    let Some(before) = previous.and_then(|p| serde_json::from_str::<BTreeMap<String, u64>>(p).ok())
    else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = now.keys().chain(before.keys()).collect();
    keys.sort_by_key(|k| {
        (
            !["territories", "projects"].contains(&k.as_str()),
            k.as_str(),
        )
    });
    keys.dedup();
    keys.into_iter()
        .map(|k| {
            let get = |m: &BTreeMap<String, u64>| m.get(k).copied().unwrap_or(0);
            (k.clone(), get(&before), get(now))
        })
        .filter(|(_, a, b)| a != b)
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    #[test]
    fn combined_totals_add_territories_in_full() {
        let site = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let content = crate::content::load(site, &mut crate::diag::Diagnostics::default())
            .unwrap()
            .unwrap();
        let agg = super::aggregate(&content.territories, content.metrics.len());
        let slugs: Vec<&str> = content
            .territories
            .iter()
            .take(3)
            .map(|t| t.slug.as_str())
            .collect();
        let sum = agg.combined(slugs.iter().copied(), content.metrics.len());
        assert_eq!(sum.territories, 3);
        let projects: u64 = slugs.iter().map(|s| agg.territory(s).projects).sum();
        assert_eq!(sum.projects, projects);
    }

    use super::*;
    use crate::records::Territory;

    /// A record with projects `(year, sector, [metric values])`.
    pub(crate) fn territory(
        slug: &str,
        region: &str,
        projects: &[(i32, &str, Vec<Option<u64>>)],
    ) -> TerritoryFile {
        TerritoryFile {
            slug: slug.into(),
            path: format!("content/territories/{slug}.yaml").into(),
            source: String::new(),
            record: Territory {
                name: slug.into(),
                code: None,
                region: region.into(),
                departments: vec![],
                intercommunalities: vec![],
                communes: vec![],
                labelled_on: None,
                leads: None,
                actions: vec![],
                projects: projects
                    .iter()
                    .map(|(year, sector, values)| Project {
                        title: "p".into(),
                        company: None,
                        sector: Some(sector.to_string()),
                        year: Some(*year),
                        values: values.clone(),
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn sums_by_every_axis_and_counts_reports() {
        let ts = [
            territory(
                "a",
                "84",
                &[
                    (2020, "Chimie", vec![Some(3), Some(1000)]),
                    (2021, "Bois", vec![Some(2), None]),
                ],
            ),
            territory("b", "84", &[(2021, "Chimie", vec![Some(1), Some(200)])]),
            territory("c", "28", &[]),
        ];
        let agg = aggregate(&ts.map(std::sync::Arc::new), 2);
        let p = &agg.programme;
        assert_eq!((p.territories, p.projects), (3, 3));
        assert_eq!(p.sum(0).total, 6);
        assert_eq!(p.sum(1).total, 1200);
        assert_eq!(p.sum(1).reported, 2, "one project left investment out");
        assert_eq!(agg.regions["84"].territories, 2);
        assert_eq!(agg.regions["28"].projects, 0);
        assert_eq!(agg.regions["28"].sum(0).value(), None);
        assert_eq!(agg.years[&2021].total(1), 200);
        assert_eq!(agg.sectors["Chimie"].total(0), 4);
        assert_eq!(agg.territory("c").territories, 1);
        assert_eq!(agg.territory("a").total(0), 5);
    }

    #[test]
    fn overflow_is_flagged_not_wrapped() {
        let big = Some(10_000_000_000_000_000_000u64);
        let ts = [territory(
            "a",
            "84",
            &[(2020, "x", vec![big]), (2020, "x", vec![big])],
        )];
        let agg = aggregate(&ts.map(std::sync::Arc::new), 1);
        assert!(agg.territory("a").overflowed());
        assert!(agg.programme.overflowed());
    }
}
