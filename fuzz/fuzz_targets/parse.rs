//! Fuzz target: any bytes, decoded strictly and lossily, must parse without panicking, and
//! every diagnostic must point inside the text and render without panicking.
//!
//! Run from `fuzz/`, seeding the corpus with the parser fixtures:
//!
//! ```text
//! mkdir -p corpus/parse && cp ../crates/mlpy_syntax/test_data/parser/*/*.ml corpus/parse/
//! cargo +nightly fuzz run parse corpus/parse -- -max_len=2048 -dict=parse.dict
//! ```
//!
//! (`RUSTC_BOOTSTRAP=1 cargo fuzz run parse …` works with a stable toolchain.)

#![no_main]

use libfuzzer_sys::fuzz_target;
use mlpy_syntax::{parse, SourceFile};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
    }
    check(&String::from_utf8_lossy(data));
});

fn check(text: &str) {
    let file = SourceFile::new("fuzz.ml", text);
    let parsed = parse(&file);
    for diagnostic in &parsed.diagnostics {
        let spans = std::iter::once(diagnostic.span).chain(diagnostic.labels.iter().map(|l| l.0));
        for span in spans {
            assert!(span.start <= span.end, "inverted span {span:?}");
            assert!(text.get(span.range()).is_some(), "span {span:?} is not within the text");
        }
        let _ = diagnostic.render(&file);
    }
}
