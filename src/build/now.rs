//! "Today" for a build: `--now`, else `SOURCE_DATE_EPOCH` (reproducible
//! builds), else the clock.

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, NaiveDate, Utc};

/// `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
pub fn resolve_now(now: Option<&str>) -> Result<DateTime<Utc>> {
    if let Some(raw) = now {
        if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
            return Ok(t.with_timezone(&Utc));
        }
        if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            return Ok(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        }
        bail!(
            "{}",
            bilan_core::l10n::with_hint(
                bilan_core::tr!("now-invalid", value = raw),
                bilan_core::tr!("now-invalid-hint")
            )
        );
    }
    if let Ok(raw) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = raw
            .trim()
            .parse()
            .with_context(|| bilan_core::tr!("epoch-invalid", value = &raw))?;
        return DateTime::from_timestamp(secs, 0)
            .with_context(|| bilan_core::tr!("epoch-range", value = &raw));
    }
    Ok(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_forms() {
        assert_eq!(
            resolve_now(Some("2021-10-11")).unwrap().to_rfc3339(),
            "2021-10-11T00:00:00+00:00"
        );
        assert_eq!(
            resolve_now(Some("2021-10-11T10:00:00+02:00"))
                .unwrap()
                .to_rfc3339(),
            "2021-10-11T08:00:00+00:00"
        );
        assert!(resolve_now(Some("yesterday")).is_err());
    }
}
