//! The sentence that says what a bar or line chart shows, for readers who
//! cannot see it (the SVG's description, the alternative text in the PDFs
//! and the kit): what is compared, how many values, and the first and last
//! with their amounts.

use super::draw::BarChart;
use crate::metrics::lowercase_first;
use crate::text::Language;

/// One sentence: what is compared, and the extremes.
pub(super) fn describe(chart: &BarChart, lang: Language) -> String {
    let n = chart.bars.len();
    let (Some(f), Some(l)) = (chart.bars.first(), chart.bars.last()) else {
        return chart.title.clone();
    };
    let title = lowercase_first(&chart.title);
    // One value has no range: "1 points, from 2019 to 2019" said nothing.
    if n == 1 {
        let kind = match (lang, chart.line) {
            (Language::Fr, true) => "Courbe",
            (Language::Fr, false) => "Diagramme en barres",
            (Language::En, true) => "Line chart",
            (Language::En, false) => "Bar chart",
        };
        return match lang {
            Language::Fr => format!("{kind}, {title} : {} ({}).", f.label, f.text),
            Language::En => format!("{kind}, {title}: {} ({}).", f.label, f.text),
        };
    }
    let (kind, unit) = match (lang, chart.line) {
        (Language::Fr, true) => ("Courbe", "points"),
        (Language::Fr, false) => ("Diagramme en barres horizontales", "valeurs"),
        (Language::En, true) => ("Line chart", "points"),
        (Language::En, false) => ("Horizontal bar chart", "values"),
    };
    let (from, to) = (&f.label, &l.label);
    match lang {
        Language::Fr => format!(
            "{kind}, {title} : {n} {unit}, {} ({}) {} ({}).",
            crate::text::de(from),
            f.text,
            crate::text::a(to),
            l.text
        ),
        Language::En => format!(
            "{kind}, {title}: {n} {unit}, from {from} ({}) to {to} ({}).",
            f.text, l.text
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::draw::Bar;

    fn chart(line: bool, bars: &[(&str, &str)]) -> BarChart {
        BarChart {
            title: "Emplois par région".into(),
            bars: bars
                .iter()
                .map(|(label, text)| Bar {
                    label: label.to_string(),
                    value: 1,
                    text: text.to_string(),
                })
                .collect(),
            ticks: Vec::new(),
            source: String::new(),
            palette: crate::theme::Palette::default(),
            line,
            width: 1200,
        }
    }

    #[test]
    fn each_kind_of_chart_is_described_in_both_languages_one_point_without_a_range() {
        let two = [("Bretagne", "1 200"), ("Occitanie", "300")];
        let years = [("2019", "10"), ("2021", "30")];
        let cases = [
            (
                chart(false, &two),
                "Diagramme en barres horizontales, emplois par région : 2 valeurs, de Bretagne (1 200) à Occitanie (300).",
                "Horizontal bar chart, emplois par région: 2 values, from Bretagne (1 200) to Occitanie (300).",
            ),
            (
                chart(true, &years),
                "Courbe, emplois par région : 2 points, de 2019 (10) à 2021 (30).",
                "Line chart, emplois par région: 2 points, from 2019 (10) to 2021 (30).",
            ),
            (
                chart(true, &years[..1]),
                "Courbe, emplois par région : 2019 (10).",
                "Line chart, emplois par région: 2019 (10).",
            ),
            (
                chart(false, &two[..1]),
                "Diagramme en barres, emplois par région : Bretagne (1 200).",
                "Bar chart, emplois par région: Bretagne (1 200).",
            ),
            (chart(false, &[]), "Emplois par région", "Emplois par région"),
        ];
        for (c, fr, en) in cases {
            assert_eq!(describe(&c, Language::Fr), fr);
            assert_eq!(describe(&c, Language::En), en);
        }
    }
}
