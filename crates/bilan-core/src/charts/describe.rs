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
    let (first, last) = (chart.bars.first(), chart.bars.last());
    if chart.line {
        if let (Some(f), Some(l)) = (first, last) {
            return match lang {
                Language::Fr => format!(
                    "Courbe, {} : {} points, {} ({}) {} ({}).",
                    lowercase_first(&chart.title),
                    n,
                    crate::text::de(&f.label),
                    f.text,
                    crate::text::a(&l.label),
                    l.text
                ),
                Language::En => format!(
                    "Line chart, {}: {} points, from {} ({}) to {} ({}).",
                    lowercase_first(&chart.title),
                    n,
                    f.label,
                    f.text,
                    l.label,
                    l.text
                ),
            };
        }
    }
    match (lang, first, last) {
        (Language::Fr, Some(f), Some(l)) if n > 1 => format!(
            "Diagramme en barres horizontales, {} : {} valeurs, {} ({}) {} ({}).",
            lowercase_first(&chart.title),
            n,
            crate::text::de(&f.label),
            f.text,
            crate::text::a(&l.label),
            l.text
        ),
        (Language::En, Some(f), Some(l)) if n > 1 => format!(
            "Horizontal bar chart, {}: {} values, from {} ({}) to {} ({}).",
            lowercase_first(&chart.title),
            n,
            f.label,
            f.text,
            l.label,
            l.text
        ),
        (Language::Fr, Some(f), _) => format!(
            "Diagramme en barres, {} : {} ({}).",
            lowercase_first(&chart.title),
            f.label,
            f.text
        ),
        (Language::En, Some(f), _) => format!(
            "Bar chart, {}: {} ({}).",
            lowercase_first(&chart.title),
            f.label,
            f.text
        ),
        (_, None, _) => chart.title.clone(),
    }
}
