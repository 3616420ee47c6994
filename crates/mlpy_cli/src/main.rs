//! The `mlpy` command.

fn main() {}
