//! `.svg`: a flame graph of the calling-context tree, drawn by the `inferno` crate from
//! the collapsed stacks (`folded.rs`): widths are self time (µs) or, with
//! `FlameWeight::Memory`, bytes allocated. The picture is the same for the same profile:
//! fixed options, colours chosen by a stable hash of each frame's name (inferno's
//! `deterministic`), a "hot" palette for time and a "mem" one for memory. A profile with
//! nothing to draw (no time recorded, or no allocations) gives a small SVG that says so.

use inferno::flamegraph::color::{BasicPalette, Palette};
use inferno::flamegraph::{self, Options};

use crate::export::folded;
use crate::export::FlameWeight;
use crate::profile::Profile;

pub(crate) fn write(profile: &Profile, weight: FlameWeight) -> String {
    let folded = folded::write(profile, weight);
    let (what, unit, palette) = match weight {
        FlameWeight::Time => ("self time", "µs", BasicPalette::Hot),
        FlameWeight::Memory => ("bytes allocated", "bytes", BasicPalette::Mem),
    };
    // XML 1.0 has no control characters, not even escaped: a program's path can hold
    // them (a newline, `\u{1}`), so they are written `%XX` as in frame names.
    let title = format!("mlpy flame graph of {}: {what}", folded::printable(profile.program()));
    if folded.is_empty() {
        let why = match weight {
            FlameWeight::Memory if !profile.memory_tracked() => {
                "nothing to draw: memory was not tracked (--no-memory)"
            }
            FlameWeight::Memory => "nothing to draw: no allocations were recorded",
            FlameWeight::Time => "nothing to draw: no time was recorded",
        };
        return empty(&title, why);
    }
    let mut options = Options::default();
    options.title = title;
    options.subtitle = Some(format!("width: {what} ({unit}), from the exact calling-context tree"));
    options.count_name = unit.to_owned();
    options.colors = Palette::Basic(palette);
    options.deterministic = true;
    options.image_width = Some(1200);
    let mut svg = Vec::new();
    flamegraph::from_lines(&mut options, folded.lines(), &mut svg)
        .expect("collapsed stacks with a nonzero weight draw into memory");
    String::from_utf8(svg).expect("inferno writes UTF-8")
}

/// A small, valid SVG with the title and a note saying why there is no graph.
fn empty(title: &str, why: &str) -> String {
    format!(
        "<?xml version=\"1.0\" standalone=\"no\"?>\n\
         <svg version=\"1.1\" width=\"1200\" height=\"80\" xmlns=\"http://www.w3.org/2000/svg\">\
         <text x=\"600\" y=\"24\" text-anchor=\"middle\" font-family=\"Verdana\" \
         font-size=\"17\">{}</text>\
         <text x=\"600\" y=\"56\" text-anchor=\"middle\" font-family=\"Verdana\" \
         font-size=\"12\">{}</text></svg>\n",
        escape(title),
        escape(why)
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
