//! Values and heap accounting, the compiler (AST to bytecode), bytecode and its
//! disassembler, the VM, the builtins, the members of the built-in kinds and the standard
//! modules written in Rust.

pub mod builtins;
pub mod bytecode;
pub mod cache;
pub mod compiler;
pub mod dict;
pub mod display;
pub mod error;
pub mod heap;
pub mod hints;
pub mod hooks;
pub mod methods;
pub mod natives;
pub mod ops;
pub mod profiling;
pub mod program;
pub mod stdlib;
pub mod support;
pub mod value;
pub mod vm;

pub use error::{ErrorKind, RuntimeError};
pub use value::Value;
pub use vm::{Limits, Vm};
