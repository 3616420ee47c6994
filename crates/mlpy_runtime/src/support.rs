//! Pure support functions for the runtime: float text, numeric helpers, `format`
//! specifications and string methods. Nothing here knows about interpreter values; every
//! function takes and returns plain Rust values and never panics.

pub mod float_text;
pub mod format_spec;
pub mod numeric;
pub mod strings;
