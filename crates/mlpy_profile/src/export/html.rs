//! `.html`: one self-contained page that fetches nothing: the summary, an interactive
//! flame graph of the calling-context tree (click to zoom, search, reset), a sortable
//! per-function table whose rows show their callers and callees, the memory figures and
//! the phases.
//!
//! The page is `html/page.html` with `html/page.css` and `html/page.js` inlined, and the
//! profile embedded as JSON in a `<script type="application/json">` element, column by
//! column (one array per field, not one object per node), so that a tree of 100,000 nodes
//! stays a few megabytes. Every `<` inside the JSON is written `\u003c`, so no function
//! name can close the script element; the script inserts names with `textContent` only.
//! A Content-Security-Policy forbids every fetch, so the page cannot load anything even
//! by mistake.

use std::fmt::Write;

use crate::profile::{Category, FunctionKind, Profile};

const PAGE: &str = include_str!("html/page.html");
const CSS: &str = include_str!("html/page.css");
const JS: &str = include_str!("html/page.js");

pub(crate) fn write(p: &Profile) -> String {
    let data = data(p);
    let mut out = String::with_capacity(PAGE.len() + CSS.len() + JS.len() + data.len());
    let mut rest = PAGE;
    for (marker, content) in [("/*STYLE*/", CSS), ("/*DATA*/", &data), ("/*SCRIPT*/", JS)] {
        let (before, after) = rest.split_once(marker).expect("page.html has every marker once");
        out.push_str(before);
        out.push_str(content);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The profile as the page reads it.
fn data(p: &Profile) -> String {
    let funcs = p.functions();
    let edges = p.edges();
    let cct = p.cct();
    let mut out = String::with_capacity(1024 + funcs.len() * 200 + cct.len() * 40);
    out.push_str("{\"program\":");
    string(&mut out, p.program());
    out.push_str(",\"exporter\":");
    string(&mut out, &format!("mlpy {}", env!("CARGO_PKG_VERSION")));
    let ml_ns = p.categories().iter().find(|c| c.category == Category::MlCode).map_or(0, |c| c.ns);
    let _ = write!(
        out,
        ",\"total_ns\":{},\"ml_ns\":{ml_ns},\"peak_memory_bytes\":{},\"memory_tracked\":{}",
        p.total_ns(),
        p.peak_memory_bytes(),
        p.memory_tracked()
    );
    let cost = p.profiler();
    out.push_str(",\n\"profiler\":{\"clock\":");
    string(&mut out, &cost.clock);
    let _ = write!(
        out,
        ",\"event_cost_ps\":{},\"inside_cost_ps\":{},\"events\":{},\"subtracted_ns\":{}}}",
        cost.event_cost_ps, cost.inside_cost_ps, cost.events, cost.subtracted_ns
    );
    match p.timeline() {
        Some(t) => {
            let _ = write!(
                out,
                ",\n\"timeline\":{{\"events\":{},\"cap\":{},\"dropped\":{}}}",
                t.events.len(),
                t.cap,
                t.dropped
            );
        }
        None => out.push_str(",\n\"timeline\":null"),
    }
    out.push_str(",\n\"phases\":[");
    for (idx, phase) in p.phases().iter().enumerate() {
        if idx > 0 {
            out.push(',');
        }
        out.push('[');
        string(&mut out, &phase.name);
        let _ = write!(out, ",{},{}]", phase.ns, phase.alloc_bytes);
    }
    out.push_str("],\n\"categories\":[");
    for (idx, cat) in p.categories().iter().enumerate() {
        if idx > 0 {
            out.push(',');
        }
        out.push('[');
        string(&mut out, cat.category.name());
        let _ = write!(out, ",{},{}]", cat.ns, cat.alloc_bytes);
    }
    out.push_str("],\n\"kinds\":[\"ml\",\"native\",\"method\",\"phase\"],\n\"functions\":{");
    strings(&mut out, "name", funcs.iter().map(|f| f.info.name.as_str()));
    strings(&mut out, "file", funcs.iter().map(|f| f.info.file.as_str()));
    numbers(&mut out, "line", funcs.iter().map(|f| u64::from(f.info.line)));
    numbers(&mut out, "kind", funcs.iter().map(|f| kind_index(f.info.kind)));
    numbers(&mut out, "category", funcs.iter().map(|f| f.info.category.index() as u64));
    numbers(&mut out, "calls", funcs.iter().map(|f| f.calls));
    numbers(&mut out, "primitive_calls", funcs.iter().map(|f| f.primitive_calls));
    numbers(&mut out, "self_ns", funcs.iter().map(|f| f.self_ns));
    numbers(&mut out, "total_ns", funcs.iter().map(|f| f.total_ns));
    numbers(&mut out, "alloc_bytes", funcs.iter().map(|f| f.alloc_bytes));
    numbers(&mut out, "alloc_count", funcs.iter().map(|f| f.alloc_count));
    numbers(&mut out, "retained_bytes", funcs.iter().map(|f| f.retained_bytes));
    close(&mut out);
    out.push_str(",\n\"edges\":{");
    numbers(&mut out, "caller", edges.iter().map(|e| u64::from(e.caller)));
    numbers(&mut out, "callee", edges.iter().map(|e| u64::from(e.callee)));
    numbers(&mut out, "calls", edges.iter().map(|e| e.calls));
    numbers(&mut out, "primitive_calls", edges.iter().map(|e| e.primitive_calls));
    numbers(&mut out, "self_ns", edges.iter().map(|e| e.self_ns));
    numbers(&mut out, "total_ns", edges.iter().map(|e| e.total_ns));
    close(&mut out);
    out.push_str(",\n\"cct\":{");
    numbers(&mut out, "function", cct.iter().map(|n| u64::from(n.function)));
    // The parent plus one, 0 at the top level, so that the column stays numbers.
    numbers(&mut out, "parent1", cct.iter().map(|n| n.parent.map_or(0, |p| u64::from(p) + 1)));
    numbers(&mut out, "calls", cct.iter().map(|n| n.calls));
    numbers(&mut out, "self_ns", cct.iter().map(|n| n.self_ns));
    numbers(&mut out, "alloc_bytes", cct.iter().map(|n| n.alloc_bytes));
    close(&mut out);
    out.push('}');
    out
}

fn kind_index(kind: FunctionKind) -> u64 {
    match kind {
        FunctionKind::Ml => 0,
        FunctionKind::Native => 1,
        FunctionKind::Method => 2,
        FunctionKind::Phase => 3,
    }
}

/// Ends an object of columns (each column wrote a trailing comma).
fn close(out: &mut String) {
    if out.ends_with(',') {
        out.pop();
    }
    out.push('}');
}

/// `"key":[n,n,…],` on a line of its own.
fn numbers(out: &mut String, key: &str, values: impl Iterator<Item = u64>) {
    let _ = write!(out, "\n\"{key}\":[");
    let mut first = true;
    for v in values {
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, "{v}");
    }
    out.push_str("],");
}

/// `"key":["s","s",…],` on a line of its own.
fn strings<'a>(out: &mut String, key: &str, values: impl Iterator<Item = &'a str>) {
    let _ = write!(out, "\n\"{key}\":[");
    let mut first = true;
    for v in values {
        if !first {
            out.push(',');
        }
        first = false;
        string(out, v);
    }
    out.push_str("],");
}

/// A JSON string literal safe inside a `<script>` element: `<` is written `\u003c`, so
/// neither `</script>` nor `<!--` can appear.
fn string(out: &mut String, s: &str) {
    let json = serde_json::to_string(s).expect("a string always serializes");
    if json.contains('<') {
        out.push_str(&json.replace('<', "\\u003c"));
    } else {
        out.push_str(&json);
    }
}

#[cfg(test)]
mod tests {
    use super::{CSS, JS, PAGE};

    #[test]
    fn the_assets_fit_their_elements() {
        for marker in ["/*STYLE*/", "/*DATA*/", "/*SCRIPT*/"] {
            assert_eq!(PAGE.matches(marker).count(), 1, "{marker}");
            assert!(!CSS.contains(marker) && !JS.contains(marker), "{marker}");
        }
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!JS.to_ascii_lowercase().contains("</script"));
        assert!(!JS.contains("<!--"));
    }
}
