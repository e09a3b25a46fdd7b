//! Totals computed from the records: programme, region, year, sector and
//! territory. Pure functions over loaded content; no I/O.

use std::collections::BTreeMap;

use crate::records::{Project, TerritoryFile};

/// Sums over a set of projects.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Totals {
    /// Territories counted.
    pub territories: u64,
    /// Projects counted.
    pub projects: u64,
    /// Jobs created.
    pub jobs_created: u64,
    /// Investment, in euros.
    pub investment_eur: u64,
    /// Public aid, in euros.
    pub aid_eur: u64,
}

impl Totals {
    fn add_project(&mut self, p: &Project) {
        self.projects += 1;
        self.jobs_created += p.jobs_created;
        self.investment_eur += p.investment_eur;
        self.aid_eur += p.aid_eur;
    }

    fn add(&mut self, other: &Totals) {
        self.territories += other.territories;
        self.projects += other.projects;
        self.jobs_created += other.jobs_created;
        self.investment_eur += other.investment_eur;
        self.aid_eur += other.aid_eur;
    }
}

/// Every total the pages and charts show.
#[derive(Debug, Clone, Default)]
pub struct Aggregates {
    /// The whole programme.
    pub programme: Totals,
    /// Per territory, in the order of the territory list.
    pub territories: Vec<Totals>,
    /// Per region code (only regions with territories).
    pub regions: BTreeMap<String, Totals>,
    /// Per project year; projects without a year are not in it.
    pub years: BTreeMap<i32, Totals>,
    /// Per sector; projects without a sector are not in it.
    pub sectors: BTreeMap<String, Totals>,
}

/// Computes all totals in one pass over the projects.
pub fn aggregate(territories: &[TerritoryFile]) -> Aggregates {
    let mut agg = Aggregates::default();
    for t in territories {
        let mut own = Totals {
            territories: 1,
            ..Totals::default()
        };
        for p in &t.record.projects {
            own.add_project(p);
            if let Some(year) = p.year {
                agg.years.entry(year).or_default().add_project(p);
            }
            if let Some(sector) = &p.sector {
                agg.sectors
                    .entry(sector.clone())
                    .or_default()
                    .add_project(p);
            }
        }
        agg.programme.add(&own);
        agg.regions
            .entry(t.record.region.clone())
            .or_default()
            .add(&own);
        agg.territories.push(own);
    }
    agg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Territory;

    fn territory(slug: &str, region: &str, projects: &[(i32, &str, u64, u64)]) -> TerritoryFile {
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
                labelled_on: None,
                leads: None,
                actions: vec![],
                projects: projects
                    .iter()
                    .map(|&(year, sector, inv, jobs)| Project {
                        title: "p".into(),
                        company: None,
                        sector: Some(sector.into()),
                        year: Some(year),
                        investment_eur: inv,
                        aid_eur: inv / 10,
                        jobs_created: jobs,
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn sums_by_every_axis() {
        let ts = [
            territory(
                "a",
                "84",
                &[(2020, "Chimie", 1000, 3), (2021, "Bois", 500, 2)],
            ),
            territory("b", "84", &[(2021, "Chimie", 200, 1)]),
            territory("c", "28", &[]),
        ];
        let agg = aggregate(&ts);
        assert_eq!(
            agg.programme,
            Totals {
                territories: 3,
                projects: 3,
                jobs_created: 6,
                investment_eur: 1700,
                aid_eur: 170
            }
        );
        assert_eq!(agg.regions["84"].territories, 2);
        assert_eq!(agg.regions["84"].jobs_created, 6);
        assert_eq!(agg.regions["28"].projects, 0);
        assert_eq!(agg.years[&2021].investment_eur, 700);
        assert_eq!(agg.sectors["Chimie"].jobs_created, 4);
        assert_eq!(
            agg.territories[2],
            Totals {
                territories: 1,
                ..Totals::default()
            }
        );
    }
}
