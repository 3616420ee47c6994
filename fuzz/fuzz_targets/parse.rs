//! Fuzz target `parse`: see `mlpy_fuzz::parse` (`fuzz/src/lib.rs`) for what it checks and
//! `README.md` (Development) for how to run it (with `-dict=parse.dict`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mlpy_fuzz::parse(data));
