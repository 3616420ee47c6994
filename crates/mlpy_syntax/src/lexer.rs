//! The lexer (spec §2).
