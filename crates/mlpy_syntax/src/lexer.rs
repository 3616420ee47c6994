//! The lexer (spec §2): turns source text into tokens, one at a time.
//!
//! Two things depend on the grammatical context, so the caller passes a `LexMode` with each
//! request (spec §2.2 and §2.8):
//!
//! * `//` is the floor-division operator where a binary operator can follow (after a complete
//!   operand) and starts a comment everywhere else;
//! * a `+` or `-` directly followed by a digit (or by `.` and a digit) is the sign of a number
//!   literal where an operand is expected, and an operator otherwise.
//!
//! The parser knows which `)` and `}` close an operand, so it chooses the mode; `LexMode::after`
//! gives the mode that follows a token when nothing more specific is known.
//!
//! The lexer never panics: every problem becomes a `Diagnostic` plus, where no usable token
//! remains, a `TokenKind::Error` token. A few operators that ML does not have (`===`, `**`,
//! `+=`, …) are reported and then replaced by the nearest ML token so that parsing can go on
//! without follow-up errors.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::token::{Token, TokenKind, TokenValue};

/// What the parser expects next, which decides how `//`, `+` and `-` are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexMode {
    /// An operand is expected: `//` starts a comment and `-5` is one literal.
    Operand,
    /// A binary operator can follow: `//` is floor division and `-` is subtraction.
    Operator,
}

impl LexMode {
    /// The mode after a token of kind `kind`, for every token whose role does not depend on
    /// the parser's context. A `)` or `}` only closes an operand when it closes a parenthesised
    /// expression, an argument list or an object literal; the parser says so explicitly.
    pub fn after(kind: TokenKind) -> LexMode {
        match kind {
            TokenKind::Ident
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Str
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Null
            | TokenKind::RBracket => LexMode::Operator,
            _ => LexMode::Operand,
        }
    }
}

/// A cursor over the source text. Cloning it is cheap, which the parser uses for lookahead.
#[derive(Clone, Debug)]
pub struct Lexer<'src> {
    text: &'src str,
    pos: usize,
}

/// Tokenises a whole text, choosing each mode with `LexMode::after` (so a `)` or `}` never
/// counts as the end of an operand). The parser does not use this; it serves tests and tools
/// that want a flat token list. The last token is always `TokenKind::Eof`.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lexer = Lexer::new(text);
    let mut diagnostics = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut mode = LexMode::Operand;
    loop {
        let token = lexer.next_token(mode, &mut diagnostics);
        mode = LexMode::after(token.kind);
        let done = token.kind == TokenKind::Eof;
        tokens.push(token);
        if done {
            return (tokens, diagnostics);
        }
    }
}

impl<'src> Lexer<'src> {
    /// A lexer at the start of `text`, after a leading byte-order mark if there is one.
    pub fn new(text: &'src str) -> Lexer<'src> {
        let pos = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Lexer { text, pos }
    }

    /// Moves to the end of the text, so that the next token is `Eof`.
    pub fn skip_to_end(&mut self) {
        self.pos = self.text.len();
    }

    /// The span of the end of the text.
    pub fn eof_span(&self) -> Span {
        let end = offset(self.text.len());
        Span::new(end, end)
    }

    /// Reads the next token, reporting lexical errors into `diagnostics`.
    pub fn next_token(&mut self, mode: LexMode, diagnostics: &mut Vec<Diagnostic>) -> Token {
        loop {
            self.skip_whitespace();
            let start = self.pos;
            let Some(&byte) = self.bytes().get(start) else {
                return Token::new(TokenKind::Eof, self.eof_span());
            };
            let next = self.byte_at(start + 1);
            match byte {
                b'/' if next == Some(b'/') && mode == LexMode::Operand => self.skip_line(),
                b'/' if next == Some(b'*') => self.skip_block_comment(diagnostics),
                b'#' => {
                    self.skip_line();
                    diagnostics.push(
                        Diagnostic::syntax(
                            "`#` does not start a comment in ML",
                            self.span(start, start + 1),
                        )
                        .with_help("use `//` for comments"),
                    );
                }
                _ => return self.lex_token(byte, mode, diagnostics),
            }
        }
    }

    fn bytes(&self) -> &'src [u8] {
        self.text.as_bytes()
    }

    fn byte_at(&self, idx: usize) -> Option<u8> {
        self.bytes().get(idx).copied()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(offset(start), offset(end))
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') = self.byte_at(self.pos) {
            self.pos += 1;
        }
    }

    /// Skips up to, not including, the next line feed.
    fn skip_line(&mut self) {
        let rest = &self.bytes()[self.pos..];
        self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    }

    /// Reports a `/* … */` comment and skips it, so that its content causes no further errors.
    fn skip_block_comment(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let start = self.pos;
        let rest = &self.bytes()[start + 2..];
        let len = rest.windows(2).position(|w| w == b"*/").map_or(rest.len(), |idx| idx + 2);
        self.pos = start + 2 + len;
        diagnostics.push(
            Diagnostic::syntax(
                "block comments are not supported in ML",
                self.span(start, start + 2),
            )
            .with_help("use `//` at the start of each comment line"),
        );
    }

    /// Makes a token of `len` bytes starting at the current position.
    fn token(&mut self, kind: TokenKind, len: usize) -> Token {
        let start = self.pos;
        self.pos += len;
        Token::new(kind, self.span(start, self.pos))
    }

    /// Reports an operator that ML does not have. The token becomes `substitute` (so that the
    /// parser can continue as if the intended ML operator had been written) or an error token.
    fn foreign_operator(
        &mut self,
        len: usize,
        substitute: Option<TokenKind>,
        help: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Token {
        let token = self.token(substitute.unwrap_or(TokenKind::Error), len);
        let text = self.text.get(token.span.range()).unwrap_or("");
        diagnostics.push(
            Diagnostic::syntax(format!("ML has no `{text}` operator"), token.span).with_help(help),
        );
        token
    }

    fn lex_token(&mut self, byte: u8, mode: LexMode, diagnostics: &mut Vec<Diagnostic>) -> Token {
        use TokenKind as T;

        let start = self.pos;
        let next = self.byte_at(start + 1);
        let third = self.byte_at(start + 2);
        let starts_number = |b: Option<u8>, after: Option<u8>| match b {
            Some(b) if b.is_ascii_digit() => true,
            Some(b'.') => after.is_some_and(|b| b.is_ascii_digit()),
            _ => false,
        };
        const COMPOUND: &str = "ML has no compound assignment; write `x = x OP value;`";
        const BITWISE: &str = "ML has no bitwise operators";
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.lex_word(),
            b'0'..=b'9' => self.lex_number(diagnostics),
            b'.' if starts_number(Some(b'.'), next) => self.lex_number(diagnostics),
            b'+' | b'-' if mode == LexMode::Operand && starts_number(next, third) => {
                self.lex_number(diagnostics)
            }
            b'"' | b'\'' => self.lex_string(diagnostics),
            b'+' => match next {
                Some(b'=') => self.foreign_operator(2, Some(T::Eq), COMPOUND, diagnostics),
                Some(b'+') => self.foreign_operator(2, None, "write `x = x + 1;`", diagnostics),
                _ => self.token(T::Plus, 1),
            },
            b'-' => match next {
                Some(b'=') => self.foreign_operator(2, Some(T::Eq), COMPOUND, diagnostics),
                Some(b'-') => self.foreign_operator(2, None, "write `x = x - 1;`", diagnostics),
                _ => self.token(T::Minus, 1),
            },
            b'*' => match (next, third) {
                (Some(b'*'), Some(b'=')) => {
                    self.foreign_operator(3, Some(T::Eq), COMPOUND, diagnostics)
                }
                (Some(b'*'), _) => self.foreign_operator(
                    2,
                    Some(T::Star),
                    "use `math.pow(x, y)` (after `import math;`)",
                    diagnostics,
                ),
                (Some(b'='), _) => self.foreign_operator(2, Some(T::Eq), COMPOUND, diagnostics),
                _ => self.token(T::Star, 1),
            },
            b'/' => match (next, third) {
                (Some(b'/'), Some(b'=')) => {
                    self.foreign_operator(3, Some(T::Eq), COMPOUND, diagnostics)
                }
                (Some(b'/'), _) => self.token(T::SlashSlash, 2),
                (Some(b'='), _) => self.foreign_operator(2, Some(T::Eq), COMPOUND, diagnostics),
                _ => self.token(T::Slash, 1),
            },
            b'%' => match next {
                Some(b'=') => self.foreign_operator(2, Some(T::Eq), COMPOUND, diagnostics),
                _ => self.token(T::Percent, 1),
            },
            b'=' => match (next, third) {
                (Some(b'='), Some(b'=')) => {
                    self.foreign_operator(3, Some(T::EqEq), "use `==`", diagnostics)
                }
                (Some(b'='), _) => self.token(T::EqEq, 2),
                (Some(b'>'), _) => self.token(T::FatArrow, 2),
                _ => self.token(T::Eq, 1),
            },
            b'!' => match (next, third) {
                (Some(b'='), Some(b'=')) => {
                    self.foreign_operator(3, Some(T::BangEq), "use `!=`", diagnostics)
                }
                (Some(b'='), _) => self.token(T::BangEq, 2),
                _ => self.token(T::Bang, 1),
            },
            b'<' | b'>' => {
                let (single, with_eq) =
                    if byte == b'<' { (T::Lt, T::LtEq) } else { (T::Gt, T::GtEq) };
                match (next, third) {
                    (Some(n), Some(b'=')) if n == byte => {
                        self.foreign_operator(3, Some(T::Eq), BITWISE, diagnostics)
                    }
                    (Some(n), _) if n == byte => {
                        self.foreign_operator(2, None, BITWISE, diagnostics)
                    }
                    (Some(b'='), _) => self.token(with_eq, 2),
                    _ => self.token(single, 1),
                }
            }
            b'&' => match next {
                Some(b'&') => self.token(T::AmpAmp, 2),
                Some(b'=') => self.foreign_operator(2, Some(T::Eq), BITWISE, diagnostics),
                _ => self.foreign_operator(
                    1,
                    None,
                    "ML has no bitwise operators; use `&&` for a logical and",
                    diagnostics,
                ),
            },
            b'|' => match next {
                Some(b'|') => self.token(T::PipePipe, 2),
                Some(b'=') => self.foreign_operator(2, Some(T::Eq), BITWISE, diagnostics),
                _ => self.foreign_operator(
                    1,
                    None,
                    "ML has no bitwise operators; use `||` for a logical or",
                    diagnostics,
                ),
            },
            b'^' => match next {
                Some(b'=') => self.foreign_operator(2, Some(T::Eq), BITWISE, diagnostics),
                _ => self.foreign_operator(1, None, BITWISE, diagnostics),
            },
            b'~' => self.foreign_operator(1, None, BITWISE, diagnostics),
            b'?' => match next {
                Some(b'?') => self.foreign_operator(
                    2,
                    None,
                    "use a conditional expression: `x != null ? x : y`",
                    diagnostics,
                ),
                _ => self.token(T::Question, 1),
            },
            b'.' => match (next, third) {
                (Some(b'.'), Some(b'.')) => {
                    self.foreign_operator(3, None, "ML has no spread syntax", diagnostics)
                }
                _ => self.token(T::Dot, 1),
            },
            b':' => self.token(T::Colon, 1),
            b',' => self.token(T::Comma, 1),
            b';' => self.token(T::Semi, 1),
            b'(' => self.token(T::LParen, 1),
            b')' => self.token(T::RParen, 1),
            b'[' => self.token(T::LBracket, 1),
            b']' => self.token(T::RBracket, 1),
            b'{' => self.token(T::LBrace, 1),
            b'}' => self.token(T::RBrace, 1),
            b'`' => self.lex_template(diagnostics),
            _ if byte.is_ascii() => {
                let token = self.token(T::Error, 1);
                let ch = char::from(byte).escape_debug().to_string();
                diagnostics
                    .push(Diagnostic::syntax(format!("unexpected character `{ch}`"), token.span));
                token
            }
            _ => self.lex_non_ascii(diagnostics),
        }
    }

    /// An identifier or a reserved word.
    fn lex_word(&mut self) -> Token {
        let start = self.pos;
        let len = self.bytes()[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
            .unwrap_or(self.text.len() - start);
        let word = &self.text[start..start + len];
        let kind = TokenKind::keyword(word).unwrap_or(TokenKind::Ident);
        self.token(kind, len)
    }

    /// A number literal with an optional sign (spec §2.5). The caller has checked that a
    /// digit, or `.` and a digit, comes after the sign.
    fn lex_number(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Token {
        let bytes = self.bytes();
        let start = self.pos;
        let is_digit = |idx: usize| bytes.get(idx).is_some_and(u8::is_ascii_digit);
        let skip_digits = |mut idx: usize| {
            while is_digit(idx) {
                idx += 1;
            }
            idx
        };
        let mut end = start;
        if matches!(bytes.get(end), Some(b'+' | b'-')) {
            end += 1;
        }
        let digits_start = end;
        end = skip_digits(end);
        let mut is_float = false;
        if bytes.get(end) == Some(&b'.') && (end > digits_start || is_digit(end + 1)) {
            is_float = true;
            end = skip_digits(end + 1);
        }
        if matches!(bytes.get(end), Some(b'e' | b'E')) {
            let mut exp = end + 1;
            if matches!(bytes.get(exp), Some(b'+' | b'-')) {
                exp += 1;
            }
            if is_digit(exp) {
                is_float = true;
                end = skip_digits(exp);
            }
        }
        let is_word_byte =
            |idx: usize| bytes.get(idx).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if is_word_byte(end) {
            while is_word_byte(end) {
                end += 1;
            }
            self.pos = end;
            let span = self.span(start, end);
            let text = &self.text[start..end];
            let unsigned = text.trim_start_matches(['+', '-']);
            let mut diagnostic =
                Diagnostic::syntax(format!("invalid number literal `{text}`"), span);
            if ["0x", "0X", "0o", "0O", "0b", "0B"]
                .iter()
                .any(|prefix| unsigned.starts_with(prefix))
            {
                diagnostic = diagnostic.with_help(
                    "ML has no hexadecimal, octal or binary literals; write the number in decimal",
                );
            }
            diagnostics.push(diagnostic);
            return Token::new(TokenKind::Error, span);
        }
        self.pos = end;
        let text = &self.text[start..end];
        let (kind, value) = if is_float {
            (TokenKind::Float, float_value(text))
        } else {
            (TokenKind::Int, int_value(text))
        };
        Token { kind, span: self.span(start, end), value }
    }

    /// A string literal (spec §2.6), escapes processed.
    fn lex_string(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Token {
        let bytes = self.bytes();
        let start = self.pos;
        let quote = bytes[start];
        let mut value = String::new();
        let mut idx = start + 1;
        loop {
            let rest = &bytes[idx..];
            let Some(off) = rest.iter().position(|&b| b == quote || b == b'\\') else {
                value.push_str(&self.text[idx..]);
                idx = bytes.len();
                let quote_char = char::from(quote);
                diagnostics.push(
                    Diagnostic::syntax("unterminated string literal", self.span(idx, idx))
                        .with_label(self.span(start, start + 1), "string literal starts here")
                        .with_help(format!("add the closing `{quote_char}`")),
                );
                break;
            };
            value.push_str(&self.text[idx..idx + off]);
            idx += off;
            if bytes[idx] == quote {
                idx += 1;
                break;
            }
            idx = self.lex_escape(idx, &mut value, diagnostics);
        }
        self.pos = idx;
        Token { kind: TokenKind::Str, span: self.span(start, idx), value: TokenValue::Str(value) }
    }

    /// Processes the escape sequence whose backslash is at `idx`; returns the index after it.
    fn lex_escape(
        &self,
        idx: usize,
        value: &mut String,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> usize {
        let bytes = self.bytes();
        let Some(ch) = self.text[idx + 1..].chars().next() else {
            // A backslash at the very end: the string is unterminated, which the caller reports.
            value.push('\\');
            return idx + 1;
        };
        let count_hex = |from: usize, max: usize| {
            bytes[from.min(bytes.len())..]
                .iter()
                .take(max)
                .take_while(|b| b.is_ascii_hexdigit())
                .count()
        };
        let simple = match ch {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            '0' => Some('\0'),
            '\\' => Some('\\'),
            '"' => Some('"'),
            '\'' => Some('\''),
            _ => None,
        };
        if let Some(simple) = simple {
            value.push(simple);
            return idx + 2;
        }
        match ch {
            'x' => {
                let n_hex = count_hex(idx + 2, 2);
                let end = idx + 2 + n_hex;
                if n_hex == 2 {
                    self.push_code_point(idx, end, &self.text[idx + 2..end], value, diagnostics);
                } else {
                    diagnostics.push(
                        Diagnostic::syntax(
                            "invalid escape sequence: `\\x` must be followed by two hexadecimal digits",
                            self.span(idx, end),
                        )
                        .with_help("write `\\\\x` for a backslash followed by `x`"),
                    );
                }
                end
            }
            'u' if bytes.get(idx + 2) == Some(&b'{') => {
                let n_hex = count_hex(idx + 3, usize::MAX);
                let digits_end = idx + 3 + n_hex;
                if (1..=6).contains(&n_hex) && bytes.get(digits_end) == Some(&b'}') {
                    let digits = &self.text[idx + 3..digits_end];
                    self.push_code_point(idx, digits_end + 1, digits, value, diagnostics);
                    digits_end + 1
                } else {
                    let end = if bytes.get(digits_end) == Some(&b'}') {
                        digits_end + 1
                    } else {
                        digits_end
                    };
                    diagnostics.push(Diagnostic::syntax(
                        "invalid escape sequence: `\\u{` must be followed by one to six hexadecimal digits and `}`",
                        self.span(idx, end),
                    ));
                    end
                }
            }
            'u' => {
                let n_hex = count_hex(idx + 2, 4);
                let end = idx + 2 + n_hex;
                if n_hex == 4 {
                    self.push_code_point(idx, end, &self.text[idx + 2..end], value, diagnostics);
                } else {
                    diagnostics.push(
                        Diagnostic::syntax(
                            "invalid escape sequence: `\\u` must be followed by four hexadecimal digits or by `{…}`",
                            self.span(idx, end),
                        )
                        .with_help("write `\\\\u` for a backslash followed by `u`"),
                    );
                }
                end
            }
            '\n' => {
                diagnostics.push(
                    Diagnostic::syntax(
                        "a backslash cannot be followed by a line break in a string literal",
                        self.span(idx, idx + 1),
                    )
                    .with_help("write `\\n` for a line feed, or `\\\\` for a backslash"),
                );
                value.push('\n');
                idx + 2
            }
            _ => {
                // Unknown escapes keep both characters (spec §2.6).
                value.push('\\');
                value.push(ch);
                idx + 1 + ch.len_utf8()
            }
        }
    }

    /// Pushes the code point written as hexadecimal `digits` by the escape at `start..end`.
    fn push_code_point(
        &self,
        start: usize,
        end: usize,
        digits: &str,
        value: &mut String,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let code = u32::from_str_radix(digits, 16).unwrap_or(u32::MAX);
        match char::from_u32(code) {
            Some(ch) => value.push(ch),
            None => {
                let why = if (0xD800..=0xDFFF).contains(&code) {
                    format!("U+{code:04X} is a surrogate code point")
                } else {
                    "the value is above U+10FFFF".to_string()
                };
                diagnostics.push(Diagnostic::syntax(
                    format!("invalid escape sequence: {why}, not a character"),
                    self.span(start, end),
                ));
            }
        }
    }

    /// A template string: reported and skipped up to the closing backtick.
    fn lex_template(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Token {
        let start = self.pos;
        let rest = &self.bytes()[start + 1..];
        let len = rest.iter().position(|&b| b == b'`').map_or(rest.len(), |idx| idx + 1);
        self.pos = start + 1 + len;
        let span = self.span(start, start + 1);
        diagnostics.push(
            Diagnostic::syntax("ML has no template strings", span)
                .with_help("build the text with `+`, for example `\"x = \" + x`"),
        );
        Token::new(TokenKind::Error, self.span(start, self.pos))
    }

    /// A run of characters outside ASCII, which may appear only in strings and comments.
    fn lex_non_ascii(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Token {
        let start = self.pos;
        let rest = &self.text[start..];
        let first = rest.chars().next().unwrap_or('\u{fffd}');
        let len = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        self.pos = start + len;
        let span = self.span(start, self.pos);
        let mut diagnostic = Diagnostic::syntax(
            format!("unexpected character `{}` outside a string or comment", first.escape_debug()),
            span,
        );
        if matches!(first, '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}') {
            diagnostic = diagnostic.with_help("use a straight quote, `\"` or `'`");
        } else {
            diagnostic = diagnostic.with_help("names and operators must be written in ASCII");
        }
        diagnostics.push(diagnostic);
        Token::new(TokenKind::Error, span)
    }
}

/// A byte offset as a span offset. Texts longer than 4 GiB are not supported; offsets beyond
/// saturate rather than wrap.
fn offset(idx: usize) -> u32 {
    u32::try_from(idx).unwrap_or(u32::MAX)
}

/// The value of an int literal: an `i64` when it fits, else a normalised digit string.
fn int_value(text: &str) -> TokenValue {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if let Ok(magnitude) = digits.parse::<u64>() {
        let signed = if negative { -i128::from(magnitude) } else { i128::from(magnitude) };
        if let Ok(small) = i64::try_from(signed) {
            return TokenValue::Int(small);
        }
    }
    TokenValue::BigInt(if negative { format!("-{digits}") } else { digits.to_string() })
}

/// The value of a float literal: the nearest double (`str::parse` rounds correctly and gives
/// infinity for huge values). The text is first put in a form `str::parse` surely accepts.
fn float_value(text: &str) -> TokenValue {
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'-') => ("-", &text[1..]),
        Some(b'+') => ("", &text[1..]),
        _ => ("", text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(idx) => (&rest[..idx], &rest[idx..]),
        None => (rest, ""),
    };
    let mut normal = String::with_capacity(text.len() + 2);
    normal.push_str(sign);
    if mantissa.starts_with('.') {
        normal.push('0');
    }
    normal.push_str(mantissa);
    if mantissa.ends_with('.') {
        normal.push('0');
    }
    normal.push_str(exponent);
    TokenValue::Float(normal.parse().unwrap_or(f64::NAN))
}

#[cfg(test)]
mod tests {
    use crate::lexer::{tokenize, LexMode, Lexer};
    use crate::token::{TokenKind as T, TokenValue as V};

    /// The kinds of all tokens of `text` (without the final `Eof`), with no diagnostics.
    fn kinds(text: &str) -> Vec<T> {
        let (tokens, diagnostics) = tokenize(text);
        assert!(diagnostics.is_empty(), "unexpected diagnostics for {text:?}: {diagnostics:?}");
        tokens.iter().map(|t| t.kind).filter(|&k| k != T::Eof).collect()
    }

    /// The value of the single literal token in `text`, lexed where an operand is expected.
    fn value(text: &str) -> V {
        let (tokens, diagnostics) = tokenize(text);
        assert!(diagnostics.is_empty(), "unexpected diagnostics for {text:?}: {diagnostics:?}");
        assert_eq!(tokens.len(), 2, "expected one token in {text:?}: {tokens:?}");
        tokens[0].value.clone()
    }

    /// The messages of the diagnostics for `text`.
    fn errors(text: &str) -> Vec<String> {
        tokenize(text).1.into_iter().map(|d| d.message).collect()
    }

    fn string(text: &str) -> V {
        V::Str(text.to_string())
    }

    #[test]
    fn floor_division_or_comment() {
        assert_eq!(kinds("x // 2"), [T::Ident, T::SlashSlash, T::Int]);
        assert_eq!(kinds("x = // 2"), [T::Ident, T::Eq]);
        assert_eq!(kinds("// only a comment"), []);
        assert_eq!(
            kinds("a[0] // 2"),
            [T::Ident, T::LBracket, T::Int, T::RBracket, T::SlashSlash, T::Int]
        );
        assert_eq!(kinds("o.x // 2"), [T::Ident, T::Dot, T::Ident, T::SlashSlash, T::Int]);
        assert_eq!(kinds("true // 2"), [T::True, T::SlashSlash, T::Int]);
        assert_eq!(kinds("\"s\" // 2"), [T::Str, T::SlashSlash, T::Int]);
        assert_eq!(kinds("return // 2"), [T::Return]);
        assert_eq!(
            kinds("x = 10 // 3; // note"),
            [T::Ident, T::Eq, T::Int, T::SlashSlash, T::Int, T::Semi]
        );
        // A `)` or `}` only closes an operand when the parser says so.
        let mut lexer = Lexer::new(") // c");
        let mut diagnostics = Vec::new();
        assert_eq!(lexer.next_token(LexMode::Operand, &mut diagnostics).kind, T::RParen);
        assert_eq!(lexer.clone().next_token(LexMode::Operand, &mut diagnostics).kind, T::Eof);
        assert_eq!(lexer.next_token(LexMode::Operator, &mut diagnostics).kind, T::SlashSlash);
    }

    #[test]
    fn signed_literals() {
        assert_eq!(kinds("-5"), [T::Int]);
        assert_eq!(value("-5"), V::Int(-5));
        assert_eq!(value("+5"), V::Int(5));
        assert_eq!(value("-.5"), V::Float(-0.5));
        assert_eq!(kinds("- 5"), [T::Minus, T::Int]);
        assert_eq!(kinds("10 -5"), [T::Int, T::Minus, T::Int]);
        assert_eq!(kinds("10-5"), [T::Int, T::Minus, T::Int]);
        assert_eq!(kinds("3 - -2"), [T::Int, T::Minus, T::Int]);
        assert_eq!(kinds("+x"), [T::Plus, T::Ident]);
        assert_eq!(kinds("x+5"), [T::Ident, T::Plus, T::Int]);
        assert_eq!(kinds("(-1)"), [T::LParen, T::Int, T::RParen]);
    }

    #[test]
    fn number_values() {
        assert_eq!(value("007"), V::Int(7));
        assert_eq!(value("5."), V::Float(5.0));
        assert_eq!(value(".5"), V::Float(0.5));
        assert_eq!(value("1e3"), V::Float(1000.0));
        assert_eq!(value("1.e3"), V::Float(1000.0));
        assert_eq!(value("2.5e-3"), V::Float(0.0025));
        assert_eq!(value("1E+2"), V::Float(100.0));
        assert_eq!(value("1e400"), V::Float(f64::INFINITY));
        assert_eq!(value("-1e400"), V::Float(f64::NEG_INFINITY));
        assert_eq!(value("0.1"), V::Float(0.1));
        assert_eq!(value("9223372036854775807"), V::Int(i64::MAX));
        assert_eq!(value("-9223372036854775808"), V::Int(i64::MIN));
        assert_eq!(value("9223372036854775808"), V::BigInt("9223372036854775808".into()));
        assert_eq!(value("-9223372036854775809"), V::BigInt("-9223372036854775809".into()));
        assert_eq!(
            value("000123456789012345678901234567890"),
            V::BigInt("123456789012345678901234567890".into())
        );
        assert_eq!(value("-0"), V::Int(0));
        assert!(matches!(value("-0.0"), V::Float(f) if f == 0.0 && f.is_sign_negative()));
    }

    #[test]
    fn invalid_numbers() {
        assert_eq!(errors("0x10"), ["invalid number literal `0x10`"]);
        assert_eq!(errors("1e"), ["invalid number literal `1e`"]);
        assert_eq!(errors("12abc"), ["invalid number literal `12abc`"]);
        assert_eq!(kinds("1..2"), [T::Float, T::Float]);
    }

    #[test]
    fn string_escapes() {
        assert_eq!(value(r#""a\nb""#), string("a\nb"));
        assert_eq!(value(r"'it\'s'"), string("it's"));
        assert_eq!(value(r#""\x41\u0042\u{43}""#), string("ABC"));
        assert_eq!(value(r#""C:\\dir""#), string("C:\\dir"));
        assert_eq!(value(r#""\d+\b\w\s\1\.""#), string(r"\d+\b\w\s\1\."));
        assert_eq!(value(r#""\012""#), string("\u{0}12"));
        assert_eq!(value(r#""\t\r\0\"\'""#), string("\t\r\0\"'"));
        assert_eq!(value(r#""\u{1F600}""#), string("\u{1F600}"));
        assert_eq!(value(r#""\u{10FFFF}""#), string("\u{10FFFF}"));
        assert_eq!(value("\"multi\nline\""), string("multi\nline"));
        assert_eq!(value("'say \"hi\"'"), string("say \"hi\""));
        assert_eq!(value("\"\\é\""), string("\\é"));
        assert_eq!(value("\"héllo\""), string("héllo"));
    }

    #[test]
    fn invalid_escapes() {
        assert_eq!(errors(r#""\x4""#).len(), 1);
        assert_eq!(errors(r#""\xZZ""#).len(), 1);
        assert_eq!(errors(r#""\u12""#).len(), 1);
        assert_eq!(errors(r#""\u{}""#).len(), 1);
        assert_eq!(errors(r#""\u{1234567}""#).len(), 1);
        assert_eq!(
            errors(r#""\u{110000}""#),
            ["invalid escape sequence: the value is above U+10FFFF, not a character"]
        );
        assert_eq!(
            errors(r#""\uD800""#),
            ["invalid escape sequence: U+D800 is a surrogate code point, not a character"]
        );
        assert_eq!(errors("\"a\\\nb\"").len(), 1);
        assert_eq!(errors("\"abc"), ["unterminated string literal"]);
        assert_eq!(errors("\"abc\\"), ["unterminated string literal"]);
        assert_eq!(errors("'abc\""), ["unterminated string literal"]);
    }

    #[test]
    fn operators() {
        assert_eq!(
            kinds("+ - * / % == != < > <= >= && || ! ? : = => . , ; ( ) [ ] { }"),
            [
                T::Plus,
                T::Minus,
                T::Star,
                T::Slash,
                T::Percent,
                T::EqEq,
                T::BangEq,
                T::Lt,
                T::Gt,
                T::LtEq,
                T::GtEq,
                T::AmpAmp,
                T::PipePipe,
                T::Bang,
                T::Question,
                T::Colon,
                T::Eq,
                T::FatArrow,
                T::Dot,
                T::Comma,
                T::Semi,
                T::LParen,
                T::RParen,
                T::LBracket,
                T::RBracket,
                T::LBrace,
                T::RBrace
            ]
        );
        assert_eq!(kinds("a<=b"), [T::Ident, T::LtEq, T::Ident]);
    }

    #[test]
    fn foreign_operators() {
        assert_eq!(errors("a ** b"), ["ML has no `**` operator"]);
        assert_eq!(errors("a === b"), ["ML has no `===` operator"]);
        assert_eq!(errors("a !== b"), ["ML has no `!==` operator"]);
        assert_eq!(errors("a += b"), ["ML has no `+=` operator"]);
        assert_eq!(errors("a //= b"), ["ML has no `//=` operator"]);
        assert_eq!(errors("a++"), ["ML has no `++` operator"]);
        assert_eq!(
            errors("a & b | c ^ d << e"),
            [
                "ML has no `&` operator",
                "ML has no `|` operator",
                "ML has no `^` operator",
                "ML has no `<<` operator"
            ]
        );
        assert_eq!(errors("a ?? b"), ["ML has no `??` operator"]);
        assert_eq!(errors("[...a]"), ["ML has no `...` operator"]);
        // The substitutes keep the parser going.
        assert_eq!(tokenize("a === b").0[1].kind, T::EqEq);
        assert_eq!(tokenize("a += b").0[1].kind, T::Eq);
    }

    #[test]
    fn keywords_and_identifiers() {
        assert_eq!(
            kinds("if iffy fnord true_value format _x1"),
            [T::If, T::Ident, T::Ident, T::Ident, T::Ident, T::Ident]
        );
        assert_eq!(kinds("undefined async await"), [T::Ident, T::Ident, T::Ident]);
    }

    #[test]
    fn comments_and_other_errors() {
        assert_eq!(errors("/* no */ x"), ["block comments are not supported in ML"]);
        assert_eq!(kinds_lossy("/* no */ x"), [T::Ident]);
        assert_eq!(errors("# no\nx"), ["`#` does not start a comment in ML"]);
        assert_eq!(kinds_lossy("# no\nx"), [T::Ident]);
        assert_eq!(errors("x = é;"), ["unexpected character `é` outside a string or comment"]);
        assert_eq!(
            errors("x = \u{200b};"),
            ["unexpected character `\\u{200b}` outside a string or comment"]
        );
        assert_eq!(errors("$"), ["unexpected character `$`"]);
        assert_eq!(errors("`tpl ${x}`"), ["ML has no template strings"]);
        assert_eq!(kinds("// é comment\nx"), [T::Ident]);
    }

    fn kinds_lossy(text: &str) -> Vec<T> {
        tokenize(text).0.iter().map(|t| t.kind).filter(|&k| k != T::Eof).collect()
    }

    #[test]
    fn byte_order_mark_and_spans() {
        let (tokens, diagnostics) = tokenize("\u{feff}ab  -12");
        assert!(diagnostics.is_empty());
        assert_eq!(tokens[0].span.range(), 3..5);
        assert_eq!(tokens[1].kind, T::Minus);
        assert_eq!(tokens[2].span.range(), 8..10);
        assert_eq!(tokens[3].kind, T::Eof);
        assert_eq!(tokens[3].span.range(), 10..10);
    }
}
