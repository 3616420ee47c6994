//! Fuzz target `compile`: see `mlpy_fuzz::compile` (`fuzz/src/lib.rs`) for what it checks and
//! `README.md` (Development) for how to run it.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mlpy_fuzz::compile(data));
