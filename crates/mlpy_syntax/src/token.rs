//! Tokens produced by the lexer.
