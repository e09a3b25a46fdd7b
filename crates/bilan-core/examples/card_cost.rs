//! A share card's cost, measured alone: 200 cards drawn one after the other
//! on one thread, as `bilan build` draws them on each core, directly and
//! through resvg. Prints the median and the range of each, in ms of CPU.
//!
//! `cargo run --release -p bilan-core --example card_cost`

use bilan_core::charts::card::{self, Card};

fn card(i: usize) -> Card {
    let names = [
        "Vallée de l'Arve",
        "Oyonnax - Bugey Sud - Plaine de l'Ain - Pays Bellegardien",
        "Haut-Jura",
        "Aix-Marseille-Provence",
        "Territoire de Belfort - Nord Franche-Comté",
    ];
    Card {
        site: "Territoires d’industrie — bilan à trois ans".into(),
        kicker: "Territoire d’industrie · Auvergne-Rhône-Alpes".into(),
        name: names[i % names.len()].into(),
        value: format!("{}\u{202f}{:03}", 1 + i % 9, i),
        label: "emplois créés".into(),
        context: format!(
            "{},{} % du total du programme (27\u{202f}250)",
            i % 7,
            i % 10
        ),
        share: Some((i % 50) as f64 / 100.0),
        note: "Source : bilan à trois ans · répartition par projet illustrative".into(),
        palette: bilan_core::theme::Palette::default(),
    }
}

/// This thread's CPU time: what a card costs, whatever else the machine
/// does meanwhile (wall time on a shared machine varies by half).
fn cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec it is given.
    #[allow(unsafe_code)]
    unsafe {
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t);
    }
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

fn measure(name: &str, draw: impl Fn(&Card) -> Vec<u8>) {
    let mut times: Vec<f64> = (0..200)
        .map(|i| {
            let c = card(i);
            let start = cpu_ms();
            let bytes = draw(&c);
            let ms = cpu_ms() - start;
            assert!(bytes.len() > 1000);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let size = draw(&card(1)).len();
    println!(
        "{name:<14} median {:.3} ms  (min {:.3}, max {:.3})  {} KB a card",
        times[100],
        times[0],
        times[199],
        size / 1024
    );
}

fn main() {
    if let Some(dir) = std::env::args().nth(1) {
        // Both pictures of one card, to look at side by side.
        let c = card(1);
        std::fs::write(
            format!("{dir}/direct.png"),
            card::png(&c, &bilan_core::cache::NoCache).unwrap(),
        )
        .unwrap();
        std::fs::write(format!("{dir}/svg.png"), card::png_through_svg(&c).unwrap()).unwrap();
        return;
    }
    measure("direct", |c| {
        card::png(c, &bilan_core::cache::NoCache).unwrap()
    });
    measure("through SVG", |c| card::png_through_svg(c).unwrap());
    measure("layout (SVG)", |c| card::svg(c).into_bytes());
}
