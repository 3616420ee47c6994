//! ML source text to syntax tree: spans and source files, tokens, the lexer, the AST,
//! the parser, and `Diagnostic` with its rendering.
//!
//! **Architecture invariant:** this crate depends on no other mlpy crate, does no I/O and
//! never panics on any input. `parse` returns a tree plus every diagnostic, never a
//! `Result`.

pub mod ast;
pub mod diagnostic;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod span;
pub mod style;
pub mod token;

pub use diagnostic::{Diagnostic, Severity};
pub use parser::{parse, Parsed};
pub use source::SourceFile;
pub use span::Span;
