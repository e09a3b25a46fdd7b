//! Embeds the default theme: every file under `themes/default/templates`
//! and `themes/default/static`, so a new template is picked up without
//! listing it anywhere (see `src/theme.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            files(&path, base, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path.clone()));
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let theme = root.join("themes/default");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut code = String::new();
    for (kind, macro_name, ty) in [
        ("templates", "include_str", "&str"),
        ("static", "include_bytes", "&[u8]"),
    ] {
        let dir = theme.join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut list = Vec::new();
        files(&dir, &dir, &mut list);
        let name = if kind == "templates" {
            "BUILTIN_TEMPLATES"
        } else {
            "BUILTIN_STATIC"
        };
        let _ = writeln!(code, "const {name}: &[(&str, {ty})] = &[");
        for (rel, path) in list {
            println!("cargo:rerun-if-changed={}", path.display());
            let _ = writeln!(
                code,
                "    ({rel:?}, {macro_name}!({:?})),",
                path.display().to_string()
            );
        }
        code.push_str("];\n");
    }
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin_theme.rs");
    std::fs::write(out, code).expect("write the embedded theme list");
}
