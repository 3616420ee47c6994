//! Fuzz target `profile_json`: see `mlpy_fuzz::profile_json` (`fuzz/src/lib.rs`) for what it
//! checks and `README.md` (Development) for how to run it.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mlpy_fuzz::profile_json(data));
