//! Numbers, amounts and dates in the site's language.
//!
//! French uses a narrow no-break space (U+202F) between thousands and before
//! the euro sign, and a decimal comma: `27 250`, `5,4 Md€`.

use chrono::{Datelike, NaiveDate};

use crate::text::Language;

const NNBSP: char = '\u{202f}';

/// An integer with thousands separators: `27 250` or `27,250`.
pub fn int(lang: Language, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Language::Fr => NNBSP,
        Language::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// One decimal, dropped when it is zero: `5,4`, `2`.
fn one_decimal(lang: Language, value: f64) -> String {
    let tenths = (value * 10.0).round() as u64;
    let (whole, frac) = (tenths / 10, tenths % 10);
    let whole = int(lang, whole);
    if frac == 0 {
        whole
    } else {
        let mark = if lang == Language::Fr { ',' } else { '.' };
        format!("{whole}{mark}{frac}")
    }
}

/// The unit of a column of amounts, chosen from its largest value, so a
/// column never mixes `11 M€` and `930 000 €`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// Whole euros: `850 000 €`.
    #[default]
    Units,
    /// `27,3 M€`.
    Millions,
    /// `5,4 Md€`.
    Billions,
}

impl Scale {
    /// The unit that suits `max`, the largest value to print.
    pub fn for_max(max: u64) -> Scale {
        if max >= 1_000_000_000 {
            Scale::Billions
        } else if max >= 1_000_000 {
            Scale::Millions
        } else {
            Scale::Units
        }
    }
}

/// A short amount for tables and figures: `5,4 Md€`, `27,3 M€`, `850 000 €`
/// (English: `€5.4bn`, `€27.3m`, `€850,000`).
pub fn eur_short(lang: Language, n: u64) -> String {
    eur_in(lang, n, Scale::for_max(n))
}

/// An amount in a given unit: `0,2 M€` in a column of millions. An amount
/// too small to show at one decimal gets two, then `< 0,01`.
pub fn eur_in(lang: Language, n: u64, scale: Scale) -> String {
    let (div, fr_unit, en_unit) = match scale {
        Scale::Billions => (1e9, "Md€", "bn"),
        Scale::Millions => (1e6, "M€", "m"),
        Scale::Units => {
            return match lang {
                Language::Fr => format!("{}{NNBSP}€", int(lang, n)),
                Language::En => format!("€{}", int(lang, n)),
            };
        }
    };
    let value = n as f64 / div;
    let number = if n == 0 || value >= 0.05 {
        one_decimal(lang, value)
    } else if value >= 0.005 {
        let mark = if lang == Language::Fr { ',' } else { '.' };
        format!("0{mark}{:02}", (value * 100.0).round() as u64)
    } else {
        let mark = if lang == Language::Fr { ',' } else { '.' };
        format!("<{NNBSP}0{mark}01")
    };
    match lang {
        Language::Fr => format!("{number}{NNBSP}{fr_unit}"),
        Language::En => format!("€{number}{en_unit}"),
    }
}

/// The amounts of one chart's labels or axis: one unit (from the largest)
/// and one number of decimals for all, so that `2,0 Md€` stands next to
/// `2,7 Md€`, never `2 Md€`, and `0,8 M€` next to `10,4 M€`, never
/// `799 000 €`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountSet {
    scale: Scale,
    /// 0 when every amount is whole in the unit (`5 M€`, `10 M€`) or the
    /// largest is 100 or more in it (`775 M€`), else 1.
    decimals: u8,
}

impl AmountSet {
    /// The unit and decimals that suit `values`.
    pub fn of(values: impl IntoIterator<Item = u64> + Clone) -> AmountSet {
        let max = values.clone().into_iter().max().unwrap_or(0);
        AmountSet::within(values, max)
    }

    /// The decimals that suit `values`, in the unit of `max` (the end of
    /// the chart's axis, so that labels and ticks share one unit).
    pub fn within(values: impl IntoIterator<Item = u64>, max: u64) -> AmountSet {
        let scale = Scale::for_max(max);
        let div = scale.divisor();
        // From 100 in the unit up, a decimal adds nothing a reader uses.
        let large = max / div >= 100;
        let whole = values.into_iter().all(|v| v % div == 0);
        AmountSet {
            scale,
            decimals: if whole || large || div == 1 { 0 } else { 1 },
        }
    }

    /// `n` in this set's unit and decimals; a non-zero amount too small to
    /// show is `< 0,1 M€`.
    pub fn eur(&self, lang: Language, n: u64) -> String {
        let div = self.scale.divisor();
        if div == 1 {
            return eur_in(lang, n, Scale::Units);
        }
        let step = if self.decimals == 0 { div } else { div / 10 };
        let units = (n + step / 2) / step;
        let mark = if lang == Language::Fr { ',' } else { '.' };
        let show = |units: u64| {
            if self.decimals == 0 {
                int(lang, units)
            } else {
                format!("{}{mark}{}", int(lang, units / 10), units % 10)
            }
        };
        let (less, units) = if units == 0 && n > 0 {
            (format!("<{NNBSP}"), 1)
        } else {
            (String::new(), units)
        };
        let number = show(units);
        let (fr_unit, en_unit) = match self.scale {
            Scale::Billions => ("Md€", "bn"),
            _ => ("M€", "m"),
        };
        match lang {
            Language::Fr => format!("{less}{number}{NNBSP}{fr_unit}"),
            Language::En => format!("{less}€{number}{en_unit}"),
        }
    }
}

impl Scale {
    fn divisor(self) -> u64 {
        match self {
            Scale::Units => 1,
            Scale::Millions => 1_000_000,
            Scale::Billions => 1_000_000_000,
        }
    }
}

/// An amount for running text: `5,4 milliards d'euros`, `€5.4 billion`.
pub fn eur_long(lang: Language, n: u64) -> String {
    let (value, fr_unit, en_unit) = if n >= 1_000_000_000 {
        (n as f64 / 1e9, "milliards d'euros", "billion")
    } else if n >= 1_000_000 {
        (n as f64 / 1e6, "millions d'euros", "million")
    } else {
        return match lang {
            Language::Fr => format!("{}{NNBSP}euros", int(lang, n)),
            Language::En => format!("€{}", int(lang, n)),
        };
    };
    let number = one_decimal(lang, value);
    match lang {
        // "1,5 milliard", but "2 milliards": French singular runs below 2.
        Language::Fr if value < 2.0 => {
            format!("{number}{NNBSP}{}", fr_unit.replacen("s d'", " d'", 1))
        }
        Language::Fr => format!("{number}{NNBSP}{fr_unit}"),
        Language::En => format!("€{number} {en_unit}"),
    }
}

/// A moment in words, in its own time zone: `12 octobre 2021 à 09:00
/// (UTC+02:00)`, `12 October 2021 at 09:00 (UTC+02:00)`.
pub fn date_time(lang: Language, t: chrono::DateTime<chrono::FixedOffset>) -> String {
    let at = match lang {
        Language::Fr => "à",
        Language::En => "at",
    };
    format!(
        "{} {at} {} (UTC{})",
        date(lang, t.date_naive()),
        t.format("%H:%M"),
        t.format("%:z")
    )
}

/// A date in words: `11 octobre 2021`, `11 October 2021`.
pub fn date(lang: Language, d: NaiveDate) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = d.month0() as usize;
    match lang {
        Language::Fr if d.day() == 1 => format!("1er {} {}", FR[m], d.year()),
        Language::Fr => format!("{} {} {}", d.day(), FR[m], d.year()),
        Language::En => format!("{} {} {}", d.day(), EN[m], d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Fr};

    #[test]
    fn integers() {
        assert_eq!(int(Fr, 27250), "27\u{202f}250");
        assert_eq!(int(Fr, 1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(int(En, 27250), "27,250");
        assert_eq!(int(En, 999), "999");
        assert_eq!(int(Fr, 0), "0");
    }

    #[test]
    fn amounts() {
        assert_eq!(eur_short(Fr, 5_400_000_000), "5,4\u{202f}Md€");
        assert_eq!(eur_short(Fr, 27_300_000), "27,3\u{202f}M€");
        assert_eq!(eur_short(Fr, 2_000_000_000), "2\u{202f}Md€");
        assert_eq!(eur_short(Fr, 850_000), "850\u{202f}000\u{202f}€");
        let m = Scale::for_max(11_000_000);
        assert_eq!(eur_in(Fr, 930_000, m), "0,9\u{202f}M€");
        assert_eq!(eur_in(Fr, 30_000, m), "0,03\u{202f}M€");
        assert_eq!(eur_in(Fr, 3_000, m), "<\u{202f}0,01\u{202f}M€");
        assert_eq!(eur_in(Fr, 0, m), "0\u{202f}M€");
        assert_eq!(eur_in(En, 930_000, m), "€0.9m");
        assert_eq!(eur_short(En, 5_400_000_000), "€5.4bn");
        assert_eq!(eur_short(En, 27_300_000), "€27.3m");
        assert_eq!(eur_short(En, 850_000), "€850,000");
        assert_eq!(eur_short(Fr, 1_999_999_999_999), "2\u{202f}000\u{202f}Md€");
    }

    #[test]
    fn a_set_of_amounts_shares_one_unit_and_one_number_of_decimals() {
        let set = AmountSet::of([10_400_000, 799_000, 30_000, 0]);
        let shown: Vec<String> = [10_400_000, 799_000, 30_000, 0]
            .iter()
            .map(|&n| set.eur(Fr, n))
            .collect();
        assert_eq!(
            shown,
            [
                "10,4\u{202f}M€",
                "0,8\u{202f}M€",
                "<\u{202f}0,1\u{202f}M€",
                "0,0\u{202f}M€"
            ]
        );
        let set = AmountSet::of([2_000_000_000, 2_700_000_000]);
        assert_eq!(set.eur(Fr, 2_000_000_000), "2,0\u{202f}Md€");
        assert_eq!(set.eur(En, 2_700_000_000), "€2.7bn");
        assert_eq!(set.eur(En, 850_000), "<\u{202f}€0.1bn");
        let ticks = AmountSet::of([0, 5_000_000, 10_000_000, 15_000_000]);
        assert_eq!(ticks.eur(Fr, 5_000_000), "5\u{202f}M€");
        assert_eq!(ticks.eur(En, 15_000_000), "€15m");
        let large = AmountSet::of([775_000_000, 27_400_000]);
        assert_eq!(large.eur(Fr, 27_400_000), "27\u{202f}M€");
        let small = AmountSet::of([850_000, 12_000]);
        assert_eq!(small.eur(Fr, 12_000), "12\u{202f}000\u{202f}€");
    }

    #[test]
    fn amounts_in_words() {
        assert_eq!(eur_long(Fr, 5_400_000_000), "5,4\u{202f}milliards d'euros");
        assert_eq!(eur_long(Fr, 1_500_000_000), "1,5\u{202f}milliard d'euros");
        assert_eq!(eur_long(Fr, 150_000_000), "150\u{202f}millions d'euros");
        assert_eq!(eur_long(En, 5_400_000_000), "€5.4 billion");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2021, 10, 11).unwrap();
        assert_eq!(date(Fr, d), "11 octobre 2021");
        assert_eq!(date(En, d), "11 October 2021");
        let first = NaiveDate::from_ymd_opt(2018, 11, 1).unwrap();
        assert_eq!(date(Fr, first), "1er novembre 2018");
    }
}
