//! A second programme built from `content/` alone: a five-line site.yaml,
//! records with only `name` and `region`, no narratives, no releases.

use crate::support::*;

#[test]
fn builds_with_its_own_totals_and_no_trace_of_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(
        &fixture("second-programme"),
        &out,
        &["--base-url", "https://example.org/"],
    );
    assert!(!stderr(&o).contains(": warning:"), "{}", stderr(&o));
    let home = page(&out, "index.html");
    assert!(home.contains("Ports de demain"));
    assert!(home.contains("15,5\u{202f}M€"), "computed investment");
    assert!(home.contains(">48<"), "computed jobs");
    assert!(out.join("regions/a/index.html").exists());
    assert!(out.join("territoires/cap/index.html").exists());
    for (path, bytes) in read_tree(&out) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for trace in [
            "territoires d'industrie",
            "territoires d&#39;industrie",
            "27\u{202f}250",
            "1522",
            "chiffres par projet sont illustratifs",
            "entreprise illustrative",
            "anct",
        ] {
            assert!(!text.contains(trace), "{path} mentions {trace}");
        }
    }
}

#[test]
fn record_text_is_escaped_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&fixture("second-programme"), &out, &[]);
    // Markup languages only: CSV and JSON carry the text as data.
    for (path, bytes) in read_tree(&out)
        .into_iter()
        .filter(|(p, _)| [".html", ".xml", ".svg"].iter().any(|e| p.ends_with(e)))
    {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{path} has a raw <script>");
        assert!(
            !text.contains("<b>Hangar"),
            "{path} has raw markup from a record"
        );
    }
    let baie = page(&out, "territoires/baie/index.html");
    assert!(
        baie.contains("Baie &lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt; &amp; Cie")
            || baie.contains("Baie &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Cie"),
        "{baie}"
    );
}
