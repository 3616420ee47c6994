//! Tokens produced by the lexer (spec §2): a `TokenKind`, the token's span and, for
//! literals, its value.

use crate::span::Span;

/// The kind of a token. Literal values live in `Token::value`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An identifier (never a reserved word).
    Ident,
    /// An int literal, sign included.
    Int,
    /// A float literal, sign included.
    Float,
    /// A string literal with its escapes processed.
    Str,

    // Reserved words (spec §2.4).
    Break,
    Capability,
    Continue,
    Elif,
    Else,
    Except,
    False,
    Finally,
    Fn,
    For,
    Function,
    If,
    Import,
    In,
    Nonlocal,
    Null,
    Return,
    Throw,
    True,
    Try,
    While,

    // Operators and punctuation (spec §2.7).
    Plus,
    Minus,
    Star,
    Slash,
    SlashSlash,
    Percent,
    EqEq,
    BangEq,
    Lt,
    Gt,
    LtEq,
    GtEq,
    AmpAmp,
    PipePipe,
    Bang,
    Question,
    Colon,
    Eq,
    FatArrow,
    Dot,
    Comma,
    Semi,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,

    /// Text that is not a token; the lexer has already reported it.
    Error,
    /// The end of the input (an empty span at the end of the text).
    Eof,
}

/// The value of a literal token.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum TokenValue {
    #[default]
    None,
    Int(i64),
    /// An int that does not fit in an `i64`: optional `-`, digits without leading zeros.
    BigInt(String),
    Float(f64),
    Str(String),
}

/// One token: its kind, its byte span in the file and, for literals, its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    pub value: TokenValue,
}

impl Token {
    pub fn new(kind: TokenKind, span: Span) -> Token {
        Token { kind, span, value: TokenValue::None }
    }
}

const KEYWORDS: [(&str, TokenKind); 21] = [
    ("break", TokenKind::Break),
    ("capability", TokenKind::Capability),
    ("continue", TokenKind::Continue),
    ("elif", TokenKind::Elif),
    ("else", TokenKind::Else),
    ("except", TokenKind::Except),
    ("false", TokenKind::False),
    ("finally", TokenKind::Finally),
    ("fn", TokenKind::Fn),
    ("for", TokenKind::For),
    ("function", TokenKind::Function),
    ("if", TokenKind::If),
    ("import", TokenKind::Import),
    ("in", TokenKind::In),
    ("nonlocal", TokenKind::Nonlocal),
    ("null", TokenKind::Null),
    ("return", TokenKind::Return),
    ("throw", TokenKind::Throw),
    ("true", TokenKind::True),
    ("try", TokenKind::Try),
    ("while", TokenKind::While),
];

impl TokenKind {
    /// The keyword spelled `word`, if `word` is a reserved word.
    pub fn keyword(word: &str) -> Option<TokenKind> {
        KEYWORDS.iter().find(|(text, _)| *text == word).map(|&(_, kind)| kind)
    }

    pub fn is_keyword(self) -> bool {
        KEYWORDS.iter().any(|&(_, kind)| kind == self)
    }

    /// Whether the token can serve as a `NAME` (spec §3.1): an identifier or a reserved word.
    pub fn is_name(self) -> bool {
        self == TokenKind::Ident || self.is_keyword()
    }

    /// Whether the token can only begin a statement (used to resynchronise after an error).
    pub fn starts_statement(self) -> bool {
        matches!(
            self,
            TokenKind::If
                | TokenKind::While
                | TokenKind::For
                | TokenKind::Try
                | TokenKind::Function
                | TokenKind::Return
                | TokenKind::Throw
                | TokenKind::Break
                | TokenKind::Continue
                | TokenKind::Nonlocal
                | TokenKind::Import
                | TokenKind::Capability
        )
    }

    /// The fixed spelling of the token, if it has one.
    pub fn text(self) -> Option<&'static str> {
        if let Some(&(text, _)) = KEYWORDS.iter().find(|&&(_, kind)| kind == self) {
            return Some(text);
        }
        let text = match self {
            TokenKind::Plus => "+",
            TokenKind::Minus => "-",
            TokenKind::Star => "*",
            TokenKind::Slash => "/",
            TokenKind::SlashSlash => "//",
            TokenKind::Percent => "%",
            TokenKind::EqEq => "==",
            TokenKind::BangEq => "!=",
            TokenKind::Lt => "<",
            TokenKind::Gt => ">",
            TokenKind::LtEq => "<=",
            TokenKind::GtEq => ">=",
            TokenKind::AmpAmp => "&&",
            TokenKind::PipePipe => "||",
            TokenKind::Bang => "!",
            TokenKind::Question => "?",
            TokenKind::Colon => ":",
            TokenKind::Eq => "=",
            TokenKind::FatArrow => "=>",
            TokenKind::Dot => ".",
            TokenKind::Comma => ",",
            TokenKind::Semi => ";",
            TokenKind::LParen => "(",
            TokenKind::RParen => ")",
            TokenKind::LBracket => "[",
            TokenKind::RBracket => "]",
            TokenKind::LBrace => "{",
            TokenKind::RBrace => "}",
            _ => return None,
        };
        Some(text)
    }

    /// A description of the token kind for messages such as "expected `;`, found …".
    pub fn describe(self) -> String {
        match self {
            TokenKind::Ident => "identifier".to_string(),
            TokenKind::Int | TokenKind::Float => "number".to_string(),
            TokenKind::Str => "string".to_string(),
            TokenKind::Error => "invalid token".to_string(),
            TokenKind::Eof => "end of file".to_string(),
            kind if kind.is_keyword() => format!("keyword `{}`", kind.text().unwrap_or("")),
            kind => format!("`{}`", kind.text().unwrap_or("")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::token::TokenKind;

    #[test]
    fn keywords_round_trip() {
        assert_eq!(TokenKind::keyword("elif"), Some(TokenKind::Elif));
        assert_eq!(TokenKind::keyword("fnord"), None);
        assert_eq!(TokenKind::While.text(), Some("while"));
        assert!(TokenKind::Null.is_name());
        assert!(!TokenKind::Comma.is_name());
        assert_eq!(TokenKind::Semi.describe(), "`;`");
        assert_eq!(TokenKind::If.describe(), "keyword `if`");
    }
}
