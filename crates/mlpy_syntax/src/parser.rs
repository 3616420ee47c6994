//! The parser (spec §3): recursive descent for statements, precedence climbing for binary
//! operators.
//!
//! The parser drives the lexer one token at a time and tells it, with a `LexMode`, whether an
//! operand or an operator comes next (spec §2.2): after a `)` that closes a parenthesised
//! expression or an argument list, a `}` that closes an object literal, or a member name that
//! is a reserved word, it asks for operator mode explicitly; everything else follows
//! `LexMode::after`.
//!
//! Errors never stop the parse. A failing rule reports a `Diagnostic` and returns
//! `Err(Recovered)`; the innermost statement list then skips to the end of the statement
//! (`recover`) and goes on. Nesting is capped at `MAX_NESTING` levels so that no input can
//! overflow the stack, here or in the passes that walk the tree.

use std::rc::Rc;

use crate::ast::{
    BinaryOp, Block, CapabilityDecl, CapabilityItem, CapabilityOp, ExceptClause, Expr, ExprKind,
    Function, FunctionBody, Ident, Import, LogicalOp, Module, NodeId, ObjectKey, Param, Pattern,
    Stmt, StmtKind, UnaryOp,
};
use crate::diagnostic::Diagnostic;
use crate::lexer::{LexMode, Lexer};
use crate::source::SourceFile;
use crate::span::Span;
use crate::token::{Token, TokenKind, TokenValue};

/// The deepest nesting the parser accepts. Every block, parenthesised or bracketed
/// expression, prefix operator, operator of a chain (`a + b + c`) and suffix of a chain
/// (`a.b[0]`) counts as one level, so the depth of every tree is bounded.
pub const MAX_NESTING: u32 = 200;

/// A parsed file and every diagnostic found while parsing it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub module: Module,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a whole file. Never panics; always returns a tree (possibly partial). The
/// diagnostics are sorted by position.
pub fn parse(file: &SourceFile) -> Parsed {
    let mut parser = Parser::new(file.text());
    let body = parser.parse_file();
    let mut diagnostics = parser.diagnostics;
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    Parsed { module: Module { body }, diagnostics }
}

/// A rule failed and reported its diagnostic; the caller must resynchronise.
#[derive(Debug)]
struct Recovered;

type PResult<T> = Result<T, Recovered>;

/// The two kinds of binary operator nodes.
#[derive(Clone, Copy)]
enum BinOp {
    Binary(BinaryOp),
    Logical(LogicalOp),
}

/// The precedence level (spec §3.3; higher binds tighter) and node of a binary operator.
fn binary_op(kind: TokenKind) -> Option<(u8, BinOp)> {
    use BinOp::{Binary, Logical};
    use TokenKind as T;
    let res = match kind {
        T::PipePipe => (1, Logical(LogicalOp::Or)),
        T::AmpAmp => (2, Logical(LogicalOp::And)),
        T::EqEq => (3, Binary(BinaryOp::Eq)),
        T::BangEq => (3, Binary(BinaryOp::Ne)),
        T::Lt => (4, Binary(BinaryOp::Lt)),
        T::Gt => (4, Binary(BinaryOp::Gt)),
        T::LtEq => (4, Binary(BinaryOp::Le)),
        T::GtEq => (4, Binary(BinaryOp::Ge)),
        T::Plus => (5, Binary(BinaryOp::Add)),
        T::Minus => (5, Binary(BinaryOp::Sub)),
        T::Star => (6, Binary(BinaryOp::Mul)),
        T::Slash => (6, Binary(BinaryOp::Div)),
        T::SlashSlash => (6, Binary(BinaryOp::FloorDiv)),
        T::Percent => (6, Binary(BinaryOp::Mod)),
        _ => return None,
    };
    Some(res)
}

/// Catches a loop that stops consuming tokens (checked in debug builds, which includes
/// fuzzing). Every loop calls `check` once per iteration.
#[derive(Default)]
struct Progress(Option<usize>);

impl Progress {
    fn check(&mut self, parser: &Parser<'_>) {
        debug_assert_ne!(self.0, Some(parser.n_bumped), "parser stuck at {:?}", parser.token);
        self.0 = Some(parser.n_bumped);
    }
}

struct Parser<'src> {
    text: &'src str,
    lexer: Lexer<'src>,
    /// The current token, not yet consumed.
    token: Token,
    prev_span: Span,
    prev_kind: TokenKind,
    diagnostics: Vec<Diagnostic>,
    /// The current nesting level (see `MAX_NESTING`).
    nesting: u32,
    /// The closing delimiters that the current statement still owes, innermost last;
    /// `recover` uses them to balance what it skips.
    open_delims: Vec<TokenKind>,
    /// The number of tokens consumed so far.
    n_bumped: usize,
    /// Set after a fatal error (nesting too deep); the rest of the file is skipped.
    aborted: bool,
    /// The next `NodeId` to hand out (functions and `except` clauses).
    next_node_id: u32,
}

impl<'src> Parser<'src> {
    fn new(text: &'src str) -> Parser<'src> {
        let mut lexer = Lexer::new(text);
        let mut diagnostics = Vec::new();
        let token = lexer.next_token(LexMode::Operand, &mut diagnostics);
        Parser {
            text,
            lexer,
            token,
            prev_span: Span::default(),
            prev_kind: TokenKind::Eof,
            diagnostics,
            nesting: 0,
            open_delims: Vec::new(),
            n_bumped: 0,
            aborted: false,
            next_node_id: 0,
        }
    }

    /// A fresh id for a function or `except` clause node.
    fn node_id(&mut self) -> NodeId {
        let id = NodeId(self.next_node_id);
        self.next_node_id += 1;
        id
    }

    // Token handling.

    fn at(&self, kind: TokenKind) -> bool {
        self.token.kind == kind
    }

    /// Consumes the current token; the next one is read in the mode that follows it.
    fn bump(&mut self) -> Token {
        self.bump_with(LexMode::after(self.token.kind))
    }

    /// Consumes the current token, which ends an operand (a `)` of a call or of a
    /// parenthesised expression, a `}` of an object literal, a member name).
    fn bump_operand_end(&mut self) -> Token {
        self.bump_with(LexMode::Operator)
    }

    fn bump_with(&mut self, mode: LexMode) -> Token {
        if self.at(TokenKind::Eof) {
            return self.token.clone();
        }
        let next = self.lexer.next_token(mode, &mut self.diagnostics);
        let token = std::mem::replace(&mut self.token, next);
        self.prev_span = token.span;
        self.prev_kind = token.kind;
        self.n_bumped += 1;
        token
    }

    fn eat(&mut self, kind: TokenKind) -> bool {
        let found = self.at(kind);
        if found {
            self.bump();
        }
        found
    }

    /// Consumes an opening delimiter that `recover` must balance.
    fn open_delim(&mut self) -> Span {
        let close = match self.token.kind {
            TokenKind::LParen => TokenKind::RParen,
            TokenKind::LBracket => TokenKind::RBracket,
            _ => TokenKind::RBrace,
        };
        self.open_delims.push(close);
        self.bump().span
    }

    /// Consumes the closing delimiter of the innermost open delimiter.
    fn close_delim(&mut self, mode: LexMode) -> Span {
        self.open_delims.pop();
        self.bump_with(mode).span
    }

    /// The kind of the `n`-th token after the current one, lexed in the default modes.
    fn peek(&self, n: usize) -> TokenKind {
        let mut lexer = self.lexer.clone();
        let mut scratch = Vec::new();
        let mut kind = self.token.kind;
        for _ in 0..n {
            if kind == TokenKind::Eof {
                break;
            }
            kind = lexer.next_token(LexMode::after(kind), &mut scratch).kind;
        }
        kind
    }

    fn text_of(&self, span: Span) -> &'src str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// Whether a line break separates the previous token from the current one.
    fn on_new_line(&self) -> bool {
        let gap = self.prev_span.end as usize..self.token.span.start as usize;
        self.text.as_bytes().get(gap).is_some_and(|gap| gap.contains(&b'\n'))
    }

    /// The current token, described for "found …" in messages.
    fn found(&self) -> String {
        let text = self.text_of(self.token.span);
        match self.token.kind {
            TokenKind::Ident => format!("identifier `{text}`"),
            TokenKind::Int | TokenKind::Float => format!("number `{text}`"),
            TokenKind::Str => "a string".to_string(),
            TokenKind::Error => format!("`{text}`"),
            kind => kind.describe(),
        }
    }

    fn ident_of(&self, token: &Token) -> Ident {
        Ident { name: self.text_of(token.span).to_string(), span: token.span }
    }

    // Diagnostics.

    /// Reports a diagnostic, unless the parse was aborted or another diagnostic was just
    /// reported at the same position (a follow-up error).
    fn error(&mut self, diagnostic: Diagnostic) {
        if self.aborted {
            return;
        }
        if self.diagnostics.last().is_some_and(|last| last.span.start == diagnostic.span.start) {
            return;
        }
        self.diagnostics.push(diagnostic);
    }

    /// Reports a diagnostic about the current token, unless the lexer already reported it.
    fn error_here(&mut self, diagnostic: Diagnostic) {
        if !self.at(TokenKind::Error) {
            self.error(diagnostic);
        }
    }

    /// Reports "expected …, found …" at the current token and fails.
    #[cold]
    #[inline(never)]
    fn expected<T>(&mut self, what: &str) -> PResult<T> {
        let message = format!("expected {what}, found {}", self.found());
        self.error_here(Diagnostic::syntax(message, self.token.span));
        Err(Recovered)
    }

    fn expect(&mut self, kind: TokenKind, context: &str) -> PResult<Token> {
        if self.at(kind) {
            return Ok(self.bump());
        }
        self.expected(&format!("{} {context}", kind.describe()))
    }

    /// Expects the closing delimiter `close` of the delimiter at `open`.
    fn expect_close(&mut self, close: TokenKind, open: Span, mode: LexMode) -> PResult<Span> {
        if self.at(close) {
            return Ok(self.close_delim(mode));
        }
        self.unclosed(close, open)
    }

    #[cold]
    #[inline(never)]
    fn unclosed<T>(&mut self, close: TokenKind, open: Span) -> PResult<T> {
        let message = format!("expected {}, found {}", close.describe(), self.found());
        let diagnostic =
            self.with_unclosed_label(Diagnostic::syntax(message, self.token.span), open);
        self.error_here(diagnostic);
        Err(Recovered)
    }

    /// Adds "unclosed `(` opened here" at `open` when the current token suggests that the
    /// closing delimiter was forgotten rather than that something else is wrong inside.
    fn with_unclosed_label(&self, diagnostic: Diagnostic, open: Span) -> Diagnostic {
        use TokenKind as T;
        let looks_unclosed = matches!(
            self.token.kind,
            T::Semi | T::Eof | T::RBrace | T::RParen | T::RBracket | T::Eq
        ) || self.token.kind.starts_statement()
            || self.on_new_line();
        if !looks_unclosed {
            return diagnostic;
        }
        let label = format!("unclosed `{}` opened here", self.text_of(open));
        diagnostic.with_label(open, label)
    }

    /// Expects the `;` that ends a statement. When it is missing but the statement clearly
    /// ended (a line break, a `}` or the end of the file follows), the parse goes on as if it
    /// were there; otherwise the caller resynchronises.
    fn expect_semi(&mut self, after: &str) -> PResult<()> {
        if self.eat(TokenKind::Semi) {
            return Ok(());
        }
        let end = Span::new(self.prev_span.end, self.prev_span.end);
        let diagnostic = if matches!(self.token.kind, TokenKind::RParen | TokenKind::RBracket) {
            let message = format!("unexpected {}: it closes nothing", self.found());
            Diagnostic::syntax(message, self.token.span).with_help("remove it")
        } else {
            Diagnostic::syntax(format!("expected `;` after {after}"), end)
                .with_help("add `;` at the end of the statement")
        };
        self.error_here(diagnostic);
        if matches!(self.token.kind, TokenKind::RBrace | TokenKind::Eof) || self.on_new_line() {
            Ok(())
        } else {
            Err(Recovered)
        }
    }

    /// Enters one nesting level; past `MAX_NESTING` reports `message` once and abandons the
    /// rest of the file.
    fn enter(&mut self, message: &str) -> PResult<()> {
        self.nesting += 1;
        if self.nesting <= MAX_NESTING {
            return Ok(());
        }
        let help = format!(
            "ML allows at most {MAX_NESTING} levels of nesting (each operator of a chain such \
             as `a + b + c` counts as a level); split the code with helper variables or functions"
        );
        self.error(Diagnostic::syntax(message, self.token.span).with_help(help));
        self.aborted = true;
        self.lexer.skip_to_end();
        self.token = Token::new(TokenKind::Eof, self.lexer.eof_span());
        Err(Recovered)
    }

    fn enter_expr(&mut self) -> PResult<()> {
        self.enter("expression nested too deeply")
    }

    /// Skips to the end of the statement that failed: past the next `;`, or up to the `}`
    /// that closes the enclosing block, a keyword that can only begin a statement, or a line
    /// break after a `}` that closes a bracket. Brackets opened during the skip are skipped
    /// as a whole; the closing delimiters the failed statement still owes (`open_delims`) are
    /// consumed when they match. A `;` always ends the skip outside brackets opened during
    /// it, because a `;` cannot appear inside an expression's own brackets. `start` is the
    /// token count when the statement began; at least one token is consumed if the statement
    /// consumed none.
    fn recover(&mut self, start: usize) {
        use TokenKind as T;
        let mut pending = std::mem::take(&mut self.open_delims);
        let mut depth = 0u32;
        let mut progress = Progress::default();
        loop {
            progress.check(self);
            let kind = self.token.kind;
            match kind {
                T::Eof => return,
                T::Semi if depth == 0 => {
                    self.bump();
                    return;
                }
                T::RBrace if depth == 0 && pending.last() != Some(&T::RBrace) => return,
                _ if depth == 0
                    && kind.starts_statement()
                    && self.n_bumped > start
                    && (pending.is_empty() || self.on_new_line()) =>
                {
                    return
                }
                T::LParen | T::LBracket | T::LBrace => depth += 1,
                T::RParen | T::RBracket | T::RBrace => {
                    if depth > 0 {
                        depth -= 1;
                    } else if pending.last() == Some(&kind) {
                        pending.pop();
                    }
                    if kind == T::RBrace && depth == 0 {
                        self.bump();
                        let continues = matches!(
                            self.token.kind,
                            T::Elif | T::Else | T::Except | T::Finally | T::Semi
                        );
                        if self.on_new_line() && !continues {
                            return;
                        }
                        continue;
                    }
                }
                _ => {}
            }
            self.bump();
        }
    }

    // Statements.

    fn parse_file(&mut self) -> Vec<Stmt> {
        let mut body = Vec::new();
        let mut progress = Progress::default();
        while !self.at(TokenKind::Eof) {
            progress.check(self);
            if self.at(TokenKind::RBrace) {
                let span = self.bump().span;
                self.error(
                    Diagnostic::syntax("unexpected `}`", span)
                        .with_help("this `}` closes nothing; remove it"),
                );
                continue;
            }
            self.statement_into(&mut body, true);
        }
        body
    }

    /// Parses one statement into `out`, resynchronising after an error.
    fn statement_into(&mut self, out: &mut Vec<Stmt>, top_level: bool) {
        let start = self.n_bumped;
        let nesting = self.nesting;
        self.open_delims.clear();
        match self.parse_statement(top_level) {
            Ok(Some(stmt)) => out.push(stmt),
            Ok(None) => {}
            Err(Recovered) => self.recover(start),
        }
        self.nesting = nesting;
        self.open_delims.clear();
    }

    /// One statement; `None` for a statement that was reported and dropped.
    fn parse_statement(&mut self, top_level: bool) -> PResult<Option<Stmt>> {
        use TokenKind as T;
        let start = self.token.span;
        if matches!(
            self.token.kind,
            T::Semi | T::Elif | T::Else | T::Except | T::Finally | T::Import | T::Capability
        ) && !(top_level && matches!(self.token.kind, T::Import | T::Capability))
        {
            self.parse_misplaced()?;
            return Ok(None);
        }
        // Every arm writes into `res`, which keeps this frame small in unoptimised builds
        // (blocks nest through it).
        let res = match self.token.kind {
            T::If => self.parse_if(),
            T::While => self.parse_while(),
            T::For => self.parse_for(),
            T::Try => self.parse_try(),
            T::Function => self.parse_function_def(),
            T::Return => self.parse_return(),
            T::Throw => self.parse_throw(),
            T::Break => self.parse_jump(StmtKind::Break, "`break`"),
            T::Continue => self.parse_jump(StmtKind::Continue, "`continue`"),
            T::Nonlocal => self.parse_nonlocal(),
            T::Import => self.parse_import(),
            T::Capability => self.parse_capability(),
            T::LBrace if self.starts_object_pattern() => self.parse_object_destructuring(),
            T::Ident if self.at_declaration_keyword() => self.parse_declaration(),
            _ => self.parse_expression_statement(),
        };
        let kind = res?;
        Ok(Some(Stmt { kind, span: start.to(self.prev_span) }))
    }

    /// A stray `;`, a clause without its statement, or an import or capability declaration
    /// below the top level: reported, parsed and dropped.
    #[cold]
    #[inline(never)]
    fn parse_misplaced(&mut self) -> PResult<()> {
        use TokenKind as T;
        let start = self.token.span;
        match self.token.kind {
            T::Semi => {
                self.bump();
                self.error(
                    Diagnostic::syntax("stray `;`", start)
                        .with_help("remove this `;`: ML has no empty statement"),
                );
                Ok(())
            }
            T::Import | T::Capability => {
                let word = self.text_of(start);
                self.error(
                    Diagnostic::syntax(
                        format!("`{word}` is only allowed at the top level of a file"),
                        start,
                    )
                    .with_help(format!("move this `{word}` out of the block or function")),
                );
                if self.at(T::Import) {
                    self.parse_import()?;
                } else {
                    self.parse_capability()?;
                }
                Ok(())
            }
            _ => self.parse_orphan_clause(),
        }
    }

    /// `break;` or `continue;`.
    fn parse_jump(&mut self, kind: StmtKind, what: &str) -> PResult<StmtKind> {
        self.bump();
        self.expect_semi(what)?;
        Ok(kind)
    }

    /// An `elif`, `else`, `except` or `finally` clause that follows no `if` or `try`:
    /// reported, then parsed and dropped so that the next statement starts cleanly.
    fn parse_orphan_clause(&mut self) -> PResult<()> {
        use TokenKind as T;
        let kind = self.token.kind;
        let before = self.prev_kind;
        let word_span = self.bump().span;
        let word = self.text_of(word_span);
        let opener = if matches!(kind, T::Elif | T::Else) { "if" } else { "try" };
        let article = if opener == "if" { "an" } else { "a" };
        let help = if before == T::Semi {
            format!("remove the `;` before `{word}`")
        } else {
            format!("`{word}` must directly follow the block of {article} `{opener}` statement")
        };
        self.error(
            Diagnostic::syntax(format!("`{word}` without a preceding `{opener}`"), word_span)
                .with_help(help),
        );
        if kind == T::Elif || (kind == T::Except && self.at(T::LParen)) {
            let open = self.open_delim();
            self.parse_expr()?;
            self.expect_close(T::RParen, open, LexMode::Operand)?;
        }
        self.parse_block()?;
        Ok(())
    }

    /// `let`, `const` or `var` followed by a name or a pattern: a declaration of another
    /// language (ML has none; two names in a row are never valid ML).
    fn at_declaration_keyword(&self) -> bool {
        matches!(self.text_of(self.token.span), "let" | "const" | "var")
            && match self.peek(1) {
                TokenKind::Ident | TokenKind::LBrace => true,
                // `let [a, b] = …`, but not `let[i] = …` (an index into a variable `let`).
                TokenKind::LBracket => {
                    self.peek(2) == TokenKind::Ident && self.peek(3) == TokenKind::Comma
                }
                _ => false,
            }
    }

    /// `let x = 5;`: reported ("ML has no `let`"), with the statement without the keyword
    /// as the fix, then parsed as that statement.
    #[cold]
    #[inline(never)]
    fn parse_declaration(&mut self) -> PResult<StmtKind> {
        let keyword = self.bump().span;
        let word = self.text_of(keyword).to_owned();
        let at = self.diagnostics.len();
        let body_start = self.token.span.start;
        let res = if self.at(TokenKind::LBrace) && self.starts_object_pattern() {
            self.parse_object_destructuring()
        } else {
            self.parse_expression_statement()
        };
        let written = self.text.get(body_start as usize..self.prev_span.end as usize).unwrap_or("");
        let help = match &res {
            Ok(StmtKind::Expr(Expr { kind: ExprKind::Name(name), .. })) => {
                format!("write `{} = null;`", name.name)
            }
            Ok(StmtKind::Assign { target: Expr { kind: ExprKind::Name(name), .. }, .. })
                if written.contains('\n') || written.chars().count() > 60 =>
            {
                format!("write `{} = …;`", name.name)
            }
            Ok(_) => format!("write `{written}`"),
            Err(_) => format!("remove `{word}`"),
        };
        let diagnostic = Diagnostic::syntax(
            format!("ML has no `{word}`: a variable is created by assigning to it"),
            keyword,
        )
        .with_help(help);
        if !self.aborted {
            self.diagnostics.insert(at, diagnostic);
        }
        res
    }

    /// `{` IDENT `,` or `{` IDENT `}` `=` begins an object destructuring (spec §3.2).
    fn starts_object_pattern(&self) -> bool {
        self.peek(1) == TokenKind::Ident
            && match self.peek(2) {
                TokenKind::Comma => true,
                TokenKind::RBrace => self.peek(3) == TokenKind::Eq,
                _ => false,
            }
    }

    /// `expr;`, `target = expr;` or `[a, b] = expr;`.
    fn parse_expression_statement(&mut self) -> PResult<StmtKind> {
        let starts_with_bracket = self.at(TokenKind::LBracket);
        let expr = self.parse_expr()?;
        if !self.at(TokenKind::Eq) {
            self.expect_semi("expression")?;
            return Ok(StmtKind::Expr(expr));
        }
        let before_eq = self.prev_kind;
        self.bump();
        if let ExprKind::Array(items) = &expr.kind {
            if starts_with_bracket && before_eq == TokenKind::RBracket {
                let names = self.pattern_names(items)?;
                let value = self.parse_expr()?;
                self.expect_semi("assignment")?;
                return Ok(StmtKind::Destructure { pattern: Pattern::Array(names), value });
            }
        }
        let assignable = matches!(
            expr.kind,
            ExprKind::Name(_)
                | ExprKind::Index { .. }
                | ExprKind::Slice { .. }
                | ExprKind::Member { .. }
        ) && before_eq != TokenKind::RParen;
        if !assignable {
            self.error(Diagnostic::syntax("invalid assignment target", expr.span).with_help(
                "only a name, an index `a[i]`, a slice `a[i:j]` or a member `a.b` can be \
                     assigned to",
            ));
            return Err(Recovered);
        }
        let value = self.parse_expr()?;
        if self.at(TokenKind::Eq) {
            self.error(
                Diagnostic::syntax("chained assignment is not supported", self.token.span)
                    .with_help("assignment is a statement; assign each variable separately"),
            );
            return Err(Recovered);
        }
        self.expect_semi("assignment")?;
        Ok(StmtKind::Assign { target: expr, value })
    }

    /// The names of an array destructuring pattern, which must all be plain identifiers.
    fn pattern_names(&mut self, items: &[Expr]) -> PResult<Vec<Ident>> {
        let mut names = Vec::with_capacity(items.len());
        for item in items {
            match &item.kind {
                ExprKind::Name(ident) if ident.span == item.span => names.push(ident.clone()),
                _ => {
                    self.error(
                        Diagnostic::syntax(
                            "a destructuring pattern can only contain names",
                            item.span,
                        )
                        .with_help("write the pattern as `[a, b] = value;`"),
                    );
                    return Err(Recovered);
                }
            }
        }
        Ok(names)
    }

    fn parse_object_destructuring(&mut self) -> PResult<StmtKind> {
        let open = self.open_delim();
        let (names, _) = self.comma_list(open, TokenKind::RBrace, LexMode::Operand, |p| {
            p.expect_ident("a name in a destructuring pattern")
        })?;
        self.expect(TokenKind::Eq, "after a destructuring pattern")?;
        let value = self.parse_expr()?;
        self.expect_semi("assignment")?;
        Ok(StmtKind::Destructure { pattern: Pattern::Object(names), value })
    }

    fn parse_if(&mut self) -> PResult<StmtKind> {
        self.bump();
        let cond = self.parse_head("if")?;
        let block = self.parse_block()?;
        let mut branches = vec![(cond, block)];
        let mut else_block = None;
        let mut progress = Progress::default();
        loop {
            progress.check(self);
            if self.eat(TokenKind::Elif) {
                let cond = self.parse_head("elif")?;
                branches.push((cond, self.parse_block()?));
            } else if self.at(TokenKind::Else) {
                let else_span = self.bump().span;
                if !self.at(TokenKind::If) {
                    else_block = Some(self.parse_block()?);
                    break;
                }
                self.else_if(else_span);
                let cond = self.parse_head("if")?;
                branches.push((cond, self.parse_block()?));
            } else {
                break;
            }
        }
        Ok(StmtKind::If { branches, else_block })
    }

    /// Reports and skips the `if` of `else if`.
    #[cold]
    #[inline(never)]
    fn else_if(&mut self, else_span: Span) {
        let if_span = self.bump().span;
        self.error(
            Diagnostic::syntax("ML has no `else if`", else_span.to(if_span))
                .with_help("use `elif (condition) { … }`"),
        );
    }

    /// The parenthesised condition of `if`, `elif` or `while`.
    fn parse_head(&mut self, keyword: &str) -> PResult<Expr> {
        if !self.at(TokenKind::LParen) {
            let message = format!("expected `(` after `{keyword}`, found {}", self.found());
            self.error_here(
                Diagnostic::syntax(message, self.token.span).with_help(format!(
                    "write the condition in parentheses: `{keyword} (x) {{ … }}`"
                )),
            );
            return Err(Recovered);
        }
        let open = self.open_delim();
        let cond = self.parse_expr()?;
        self.expect_close(TokenKind::RParen, open, LexMode::Operand)?;
        Ok(cond)
    }

    fn parse_while(&mut self) -> PResult<StmtKind> {
        self.bump();
        let cond = self.parse_head("while")?;
        let body = self.parse_block()?;
        Ok(StmtKind::While { cond, body })
    }

    fn parse_for(&mut self) -> PResult<StmtKind> {
        self.bump();
        if !self.at(TokenKind::LParen) {
            let message = format!("expected `(` after `for`, found {}", self.found());
            self.error_here(
                Diagnostic::syntax(message, self.token.span)
                    .with_help("write the loop head in parentheses: `for (x in items) { … }`"),
            );
            return Err(Recovered);
        }
        let open = self.open_delim();
        let var = self.expect_ident("a loop variable")?;
        self.expect(TokenKind::In, "after the loop variable")?;
        let iter = self.parse_expr()?;
        self.expect_close(TokenKind::RParen, open, LexMode::Operand)?;
        let body = self.parse_block()?;
        Ok(StmtKind::For { var, iter, body })
    }

    fn parse_try(&mut self) -> PResult<StmtKind> {
        self.bump();
        let body = self.parse_block()?;
        let mut handlers = Vec::new();
        let mut progress = Progress::default();
        loop {
            progress.check(self);
            let is_catch = self.at(TokenKind::Ident) && self.text_of(self.token.span) == "catch";
            if !self.at(TokenKind::Except) && !is_catch {
                break;
            }
            let span = self.bump().span;
            if is_catch {
                self.error(
                    Diagnostic::syntax("ML has no `catch`", span)
                        .with_help("use `except (e) { … }`"),
                );
            }
            let var = if self.at(TokenKind::LParen) {
                let open = self.open_delim();
                let var = self.expect_ident("an exception variable")?;
                self.expect_close(TokenKind::RParen, open, LexMode::Operand)?;
                Some(var)
            } else if self.at(TokenKind::Ident) {
                let message =
                    format!("expected `(` or `{{` after `except`, found {}", self.found());
                self.error(
                    Diagnostic::syntax(message, self.token.span)
                        .with_help("put the exception variable in parentheses: `except (e) { … }`"),
                );
                return Err(Recovered);
            } else {
                None
            };
            let body = self.parse_block()?;
            let id = self.node_id();
            handlers.push(ExceptClause { id, var, body, span });
        }
        let finally = if self.eat(TokenKind::Finally) { Some(self.parse_block()?) } else { None };
        Ok(StmtKind::Try { body, handlers, finally })
    }

    fn parse_function_def(&mut self) -> PResult<StmtKind> {
        let start = self.bump().span;
        let name = self.expect_ident("a function name")?;
        let params = self.parse_params("the function name")?;
        let body = self.parse_block()?;
        let span = start.to(body.span);
        Ok(StmtKind::FunctionDef(Rc::new(Function {
            id: self.node_id(),
            name: Some(name),
            params,
            body: FunctionBody::Block(body),
            span,
        })))
    }

    fn parse_return(&mut self) -> PResult<StmtKind> {
        self.bump();
        let value =
            if matches!(self.token.kind, TokenKind::Semi | TokenKind::RBrace | TokenKind::Eof) {
                None
            } else {
                Some(self.parse_expr()?)
            };
        self.expect_semi("`return`")?;
        Ok(StmtKind::Return(value))
    }

    fn parse_throw(&mut self) -> PResult<StmtKind> {
        self.bump();
        let object = if self.at(TokenKind::LBrace) {
            self.parse_object()?
        } else {
            let message = format!("`throw` takes an object literal, found {}", self.found());
            self.error_here(
                Diagnostic::syntax(message, self.token.span)
                    .with_help("throw an object literal, like `throw {message: \"...\"};`"),
            );
            return Err(Recovered);
        };
        self.expect_semi("`throw` statement")?;
        Ok(StmtKind::Throw(object))
    }

    fn parse_nonlocal(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = vec![self.expect_ident("a variable name")?];
        let mut progress = Progress::default();
        while self.at(TokenKind::Comma) {
            progress.check(self);
            let comma = self.bump().span;
            if self.at(TokenKind::Semi) {
                self.error(trailing_comma(comma));
                break;
            }
            names.push(self.expect_ident("a variable name")?);
        }
        self.expect_semi("`nonlocal` statement")?;
        Ok(StmtKind::Nonlocal(names))
    }

    fn parse_import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut path = vec![self.expect_ident("a module name")?];
        let mut progress = Progress::default();
        while self.eat(TokenKind::Dot) {
            progress.check(self);
            path.push(self.expect_ident("a module name")?);
        }
        let alias = if self.at(TokenKind::Ident) && self.text_of(self.token.span) == "as" {
            self.bump();
            Some(self.expect_ident("an alias name")?)
        } else {
            None
        };
        self.expect_semi("`import` statement")?;
        Ok(StmtKind::Import(Import { path, alias }))
    }

    fn parse_capability(&mut self) -> PResult<StmtKind> {
        self.bump();
        let name = self.expect_ident("a capability name")?;
        let open = self.expect(TokenKind::LBrace, "after the capability name")?.span;
        let mut items = Vec::new();
        let mut progress = Progress::default();
        loop {
            match self.token.kind {
                TokenKind::RBrace => {
                    self.bump();
                    break;
                }
                TokenKind::Eof => {
                    let diagnostic =
                        Diagnostic::syntax("expected `}`, found end of file", self.token.span)
                            .with_label(open, "unclosed `{` opened here");
                    self.error(diagnostic);
                    break;
                }
                _ => {
                    progress.check(self);
                    let start = self.n_bumped;
                    self.open_delims.clear();
                    match self.parse_capability_item() {
                        Ok(item) => items.push(item),
                        Err(Recovered) => self.recover(start),
                    }
                }
            }
        }
        Ok(StmtKind::Capability(CapabilityDecl { name, items }))
    }

    /// `resource "pattern";` or `allow op "target"?;` (the words are contextual keywords).
    fn parse_capability_item(&mut self) -> PResult<CapabilityItem> {
        let start = self.token.span;
        let word = if self.at(TokenKind::Ident) { self.text_of(start) } else { "" };
        let item = match word {
            "resource" => {
                self.bump();
                if !self.at(TokenKind::Str) {
                    return self.expected("a string after `resource`");
                }
                let pattern = string_value(self.bump());
                CapabilityItem::Resource { pattern, span: start.to(self.prev_span) }
            }
            "allow" => {
                self.bump();
                let op = match self.text_of(self.token.span) {
                    _ if !self.at(TokenKind::Ident) => None,
                    "read" => Some(CapabilityOp::Read),
                    "write" => Some(CapabilityOp::Write),
                    "execute" => Some(CapabilityOp::Execute),
                    "network" => Some(CapabilityOp::Network),
                    "system" => Some(CapabilityOp::System),
                    _ => None,
                };
                let Some(op) = op else {
                    return self.expected(
                        "`read`, `write`, `execute`, `network` or `system` after `allow`",
                    );
                };
                self.bump();
                let target = if self.at(TokenKind::Str) {
                    let token = self.bump();
                    let span = token.span;
                    Some((string_value(token), span))
                } else {
                    None
                };
                CapabilityItem::Allow { op, target, span: start.to(self.prev_span) }
            }
            _ => return self.expected("`resource` or `allow` in a capability declaration"),
        };
        self.expect_semi("capability item")?;
        Ok(item)
    }

    /// `{ statement* }`.
    fn parse_block(&mut self) -> PResult<Block> {
        if !self.at(TokenKind::LBrace) {
            return self.missing_block();
        }
        self.enter("blocks nested too deeply")?;
        let saved_delims = std::mem::take(&mut self.open_delims);
        let open = self.bump().span;
        let mut stmts = Vec::new();
        let mut progress = Progress::default();
        let close = loop {
            match self.token.kind {
                TokenKind::RBrace => break self.bump().span,
                TokenKind::Eof => {
                    let diagnostic =
                        Diagnostic::syntax("expected `}`, found end of file", self.token.span)
                            .with_label(open, "unclosed `{` opened here");
                    self.error(diagnostic);
                    break self.token.span;
                }
                _ => {
                    progress.check(self);
                    self.statement_into(&mut stmts, false);
                }
            }
        };
        self.open_delims = saved_delims;
        self.nesting -= 1;
        Ok(Block { stmts, span: open.to(close) })
    }

    #[cold]
    #[inline(never)]
    fn missing_block<T>(&mut self) -> PResult<T> {
        let message = format!("expected `{{`, found {}", self.found());
        self.error_here(
            Diagnostic::syntax(message, self.token.span)
                .with_help("a body is a block in braces, even for a single statement"),
        );
        Err(Recovered)
    }

    /// An identifier. A reserved word is reported and then accepted, so that parsing goes on.
    fn expect_ident(&mut self, what: &str) -> PResult<Ident> {
        if self.at(TokenKind::Ident) {
            let token = self.bump();
            return Ok(self.ident_of(&token));
        }
        if self.token.kind.is_keyword() {
            let token = self.bump();
            let ident = self.ident_of(&token);
            self.error(
                Diagnostic::syntax(
                    format!("`{}` is a reserved word and cannot be used as {what}", ident.name),
                    ident.span,
                )
                .with_help("choose another name"),
            );
            return Ok(ident);
        }
        self.expected(what)
    }

    /// `( param, … )` of a function definition or an arrow function.
    fn parse_params(&mut self, after: &str) -> PResult<Vec<Param>> {
        if !self.at(TokenKind::LParen) {
            return self.expected(&format!("`(` after {after}"));
        }
        let open = self.open_delim();
        let (params, _) =
            self.comma_list(open, TokenKind::RParen, LexMode::Operand, |p| p.parse_param())?;
        Ok(params)
    }

    fn parse_param(&mut self) -> PResult<Param> {
        let name = self.expect_ident("a parameter name")?;
        let annotation =
            if self.eat(TokenKind::Colon) { Some(self.expect_ident("a type name")?) } else { None };
        Ok(Param { name, annotation })
    }

    /// Items separated by commas up to `close`, the closing delimiter of the delimiter at
    /// `open` (already consumed). `close` is consumed in `close_mode`.
    fn comma_list<T>(
        &mut self,
        open: Span,
        close: TokenKind,
        close_mode: LexMode,
        mut item: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<(Vec<T>, Span)> {
        let mut items = Vec::new();
        let mut progress = Progress::default();
        while !self.at(close) {
            progress.check(self);
            items.push(item(self)?);
            if self.at(TokenKind::Comma) {
                let comma = self.bump().span;
                if self.at(close) {
                    self.error(trailing_comma(comma));
                }
                continue;
            }
            if !self.at(close) {
                return self.expected_comma_or(close, open);
            }
        }
        let close_span = self.close_delim(close_mode);
        Ok((items, close_span))
    }

    #[cold]
    #[inline(never)]
    fn expected_comma_or<T>(&mut self, close: TokenKind, open: Span) -> PResult<T> {
        let message = format!("expected `,` or {}, found {}", close.describe(), self.found());
        let diagnostic =
            self.with_unclosed_label(Diagnostic::syntax(message, self.token.span), open);
        self.error_here(diagnostic);
        Err(Recovered)
    }

    // Expressions.

    /// A full expression (spec §3.1 `expression`).
    fn parse_expr(&mut self) -> PResult<Expr> {
        self.enter_expr()?;
        let res = self.parse_conditional();
        self.nesting -= 1;
        res
    }

    fn parse_conditional(&mut self) -> PResult<Expr> {
        let cond = self.parse_binary(1)?;
        if !self.at(TokenKind::Question) {
            return Ok(cond);
        }
        self.parse_conditional_rest(cond)
    }

    /// `? then : otherwise` after the condition `cond`.
    #[inline(never)]
    fn parse_conditional_rest(&mut self, cond: Expr) -> PResult<Expr> {
        let question = self.bump().span;
        let then = self.parse_expr()?;
        if !self.at(TokenKind::Colon) {
            return self.missing_colon(question);
        }
        self.bump();
        let otherwise = self.parse_expr()?;
        let span = cond.span.to(otherwise.span);
        Ok(Expr {
            kind: ExprKind::Conditional {
                cond: Box::new(cond),
                then: Box::new(then),
                otherwise: Box::new(otherwise),
            },
            span,
        })
    }

    #[cold]
    #[inline(never)]
    fn missing_colon<T>(&mut self, question: Span) -> PResult<T> {
        let message = format!("expected `:` in conditional expression, found {}", self.found());
        self.error_here(
            Diagnostic::syntax(message, self.token.span).with_label(question, "`?` is here"),
        );
        Err(Recovered)
    }

    /// Binary operators of precedence `min_prec` and above, left-associative.
    fn parse_binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let lhs = self.parse_unary()?;
        let nesting = self.nesting;
        let res = self.parse_binary_rest(lhs, min_prec);
        self.nesting = nesting;
        res
    }

    fn parse_binary_rest(&mut self, mut lhs: Expr, min_prec: u8) -> PResult<Expr> {
        loop {
            if self.at(TokenKind::In) {
                return self.in_operator();
            }
            let Some((prec, op)) = binary_op(self.token.kind) else { return Ok(lhs) };
            if prec < min_prec {
                return Ok(lhs);
            }
            let op_span = self.bump().span;
            self.enter_expr()?;
            let rhs = self.parse_binary(prec + 1)?;
            let span = lhs.span.to(rhs.span);
            let (lhs_box, rhs_box) = (Box::new(lhs), Box::new(rhs));
            let kind = match op {
                BinOp::Binary(op) => ExprKind::Binary { op, lhs: lhs_box, rhs: rhs_box, op_span },
                BinOp::Logical(op) => ExprKind::Logical { op, lhs: lhs_box, rhs: rhs_box },
            };
            lhs = Expr { kind, span };
        }
    }

    #[cold]
    #[inline(never)]
    fn in_operator<T>(&mut self) -> PResult<T> {
        self.error(
            Diagnostic::syntax("ML has no `in` operator", self.token.span)
                .with_help("`in` is only used in the head of a loop: `for (x in items) { … }`"),
        );
        Err(Recovered)
    }

    /// Prefix `!` and `-` (spec §3.3 level 8).
    fn parse_unary(&mut self) -> PResult<Expr> {
        let op = match self.token.kind {
            TokenKind::Bang => UnaryOp::Not,
            TokenKind::Minus => UnaryOp::Neg,
            TokenKind::Plus => {
                self.unary_plus();
                self.enter_expr()?;
                let res = self.parse_unary();
                self.nesting -= 1;
                return res;
            }
            _ => return self.parse_postfix(),
        };
        let op_span = self.bump().span;
        self.enter_expr()?;
        let operand = self.parse_unary();
        self.nesting -= 1;
        let operand = operand?;
        let span = op_span.to(operand.span);
        Ok(Expr { kind: ExprKind::Unary { op, operand: Box::new(operand), op_span }, span })
    }

    /// Reports and skips a unary `+`, which ML does not have.
    #[cold]
    #[inline(never)]
    fn unary_plus(&mut self) {
        let plus = self.bump().span;
        self.error(Diagnostic::syntax("ML has no unary `+`", plus).with_help(
            "a `+` is only allowed as the sign of a number literal, as in `+5`; remove it",
        ));
    }

    /// A head followed by index, slice and member suffixes (spec §3.3 level 9).
    fn parse_postfix(&mut self) -> PResult<Expr> {
        let head = self.parse_primary()?;
        let nesting = self.nesting;
        let res = self.parse_suffixes(head);
        self.nesting = nesting;
        res
    }

    fn parse_suffixes(&mut self, mut expr: Expr) -> PResult<Expr> {
        loop {
            expr = match self.token.kind {
                TokenKind::LBracket => {
                    self.enter_expr()?;
                    self.parse_index(expr)?
                }
                TokenKind::Dot => {
                    self.enter_expr()?;
                    self.parse_member(expr)?
                }
                TokenKind::LParen => return self.invalid_call(expr.span),
                _ => return Ok(expr),
            };
        }
    }

    #[cold]
    #[inline(never)]
    fn invalid_call<T>(&mut self, callee: Span) -> PResult<T> {
        self.error(
            Diagnostic::syntax("only a name or a member can be called", self.token.span)
                .with_label(callee, "this expression cannot be called directly")
                .with_help("store the function in a variable first, then call the variable"),
        );
        Err(Recovered)
    }

    /// `target[index]` or `target[start:end:step]`.
    #[inline(never)]
    fn parse_index(&mut self, target: Expr) -> PResult<Expr> {
        let bracket = self.open_delim();
        let first = if self.at(TokenKind::Colon) { None } else { Some(self.parse_expr()?) };
        let first = match first {
            Some(index) if !self.at(TokenKind::Colon) => {
                let close = self.expect_close(TokenKind::RBracket, bracket, LexMode::Operator)?;
                let span = target.span.to(close);
                let kind =
                    ExprKind::Index { target: Box::new(target), index: Box::new(index), bracket };
                return Ok(Expr { kind, span });
            }
            first => first,
        };
        self.bump();
        let stops = |p: &Self| p.at(TokenKind::Colon) || p.at(TokenKind::RBracket);
        let end = if stops(self) { None } else { Some(Box::new(self.parse_expr()?)) };
        let step = if self.eat(TokenKind::Colon) && !self.at(TokenKind::RBracket) {
            Some(Box::new(self.parse_expr()?))
        } else {
            None
        };
        let close = self.expect_close(TokenKind::RBracket, bracket, LexMode::Operator)?;
        let span = target.span.to(close);
        let kind = ExprKind::Slice {
            target: Box::new(target),
            start: first.map(Box::new),
            end,
            step,
            bracket,
        };
        Ok(Expr { kind, span })
    }

    /// `target.name` or `target.name(args)`.
    #[inline(never)]
    fn parse_member(&mut self, target: Expr) -> PResult<Expr> {
        let dot = self.bump().span;
        if !self.token.kind.is_name() {
            return self.expected("a member name after `.`");
        }
        let token = self.bump_operand_end();
        let name = self.ident_of(&token);
        if !self.at(TokenKind::LParen) {
            let span = target.span.to(name.span);
            return Ok(Expr {
                kind: ExprKind::Member { target: Box::new(target), name, dot },
                span,
            });
        }
        let (args, paren, close) = self.parse_args()?;
        let span = target.span.to(close);
        let kind = ExprKind::MethodCall { receiver: Box::new(target), name, args, dot, paren };
        Ok(Expr { kind, span })
    }

    /// `( expr, … )` of a call: the arguments, the `(` and the `)`.
    fn parse_args(&mut self) -> PResult<(Vec<Expr>, Span, Span)> {
        let paren = self.open_delim();
        let (args, close) =
            self.comma_list(paren, TokenKind::RParen, LexMode::Operator, |p| p.parse_expr())?;
        Ok((args, paren, close))
    }

    fn parse_primary(&mut self) -> PResult<Expr> {
        use TokenKind as T;
        match self.token.kind {
            T::Int | T::Float | T::Str | T::True | T::False | T::Null => Ok(self.parse_literal()),
            T::Ident => self.parse_name_or_call(),
            T::LParen => self.parse_parenthesized(),
            T::LBracket => self.parse_array(),
            T::LBrace => self.parse_object(),
            T::Fn => self.parse_arrow(),
            T::Function => self.function_in_expression(),
            _ => self.expected("an expression"),
        }
    }

    fn parse_literal(&mut self) -> Expr {
        let token = self.bump();
        let kind = match (token.kind, token.value) {
            (_, TokenValue::Int(value)) => ExprKind::Int(value),
            (_, TokenValue::BigInt(digits)) => ExprKind::BigInt(digits),
            (_, TokenValue::Float(value)) => ExprKind::Float(value),
            (_, TokenValue::Str(value)) => ExprKind::Str(value),
            (TokenKind::True, _) => ExprKind::Bool(true),
            (TokenKind::False, _) => ExprKind::Bool(false),
            _ => ExprKind::Null,
        };
        Expr { kind, span: token.span }
    }

    /// `name` or `name(args)`.
    #[inline(never)]
    fn parse_name_or_call(&mut self) -> PResult<Expr> {
        let token = self.bump();
        let ident = self.ident_of(&token);
        if !self.at(TokenKind::LParen) {
            return Ok(Expr { span: ident.span, kind: ExprKind::Name(ident) });
        }
        let (args, paren, close) = self.parse_args()?;
        let span = ident.span.to(close);
        Ok(Expr { kind: ExprKind::Call { callee: ident, args, paren }, span })
    }

    /// `( expr )`; the span of the result includes the parentheses.
    #[inline(never)]
    fn parse_parenthesized(&mut self) -> PResult<Expr> {
        let open = self.open_delim();
        let inner = self.parse_expr()?;
        let close = self.expect_close(TokenKind::RParen, open, LexMode::Operator)?;
        Ok(Expr { kind: inner.kind, span: open.to(close) })
    }

    /// `[ expr, … ]`.
    #[inline(never)]
    fn parse_array(&mut self) -> PResult<Expr> {
        let open = self.open_delim();
        let mut comprehension = None;
        let list = self.comma_list(open, TokenKind::RBracket, LexMode::Operator, |p| {
            let item = p.parse_expr()?;
            if p.at(TokenKind::For) {
                comprehension = Some(p.comprehension(open, item));
                return Err(Recovered);
            }
            Ok(item)
        });
        if let Some(res) = comprehension {
            return res;
        }
        let (items, close) = list?;
        Ok(Expr { kind: ExprKind::Array(items), span: open.to(close) })
    }

    /// `[item for x in xs]` or `[item for x in xs if cond]`, at the `for`: ML has no list
    /// comprehensions. Reported with the `functional` form (or a loop) as the fix; the
    /// whole bracket is parsed, so the parse goes on after it.
    #[cold]
    #[inline(never)]
    fn comprehension(&mut self, open: Span, item: Expr) -> PResult<Expr> {
        let at = self.diagnostics.len();
        let for_span = self.bump().span;
        let mut parts = None;
        if self.at(TokenKind::Ident) {
            let name = self.bump().span;
            let var = self.text_of(name).to_owned();
            if self.eat(TokenKind::In) {
                let iter = self.parse_expr().ok();
                let cond = if self.eat(TokenKind::If) {
                    self.parse_expr().ok().map(Some)
                } else {
                    Some(None)
                };
                if let (Some(iter), Some(cond), true) = (iter, cond, self.at(TokenKind::RBracket)) {
                    parts = Some((var, iter, cond));
                }
            }
        }
        // Whatever went wrong in the rest of the bracket is this one mistake.
        self.diagnostics.truncate(at);
        let help = match &parts {
            Some((var, iter, cond)) => {
                let body = self.text_of(item.span);
                let iter = self.text_of(iter.span);
                let items = match cond {
                    Some(c) => format!("functional.filter(fn({var}) => {}, {iter})", self.text_of(c.span)),
                    None => iter.to_owned(),
                };
                let call = if body == var && cond.is_some() {
                    items
                } else {
                    format!("functional.map(fn({var}) => {body}, {items})")
                };
                format!("use `{call}` (after `import functional;`), or a `for` loop that appends to an array")
            }
            None => "use `functional.map(f, items)` (after `import functional;`), or a `for` loop that appends to an array".to_owned(),
        };
        let diagnostic = Diagnostic::syntax("ML has no list comprehensions", for_span)
            .with_label(open, "in this array literal")
            .with_help(help);
        if !self.aborted {
            self.diagnostics.push(diagnostic);
        }
        if parts.is_none() {
            return Err(Recovered);
        }
        let close = self.close_delim(LexMode::Operator);
        Ok(Expr { kind: ExprKind::Array(vec![item]), span: open.to(close) })
    }

    #[cold]
    #[inline(never)]
    fn function_in_expression<T>(&mut self) -> PResult<T> {
        let span = self.bump().span;
        self.error(
            Diagnostic::syntax("a function definition cannot be used as an expression", span)
                .with_help("use an arrow function such as `fn(x) => x + 1`"),
        );
        Err(Recovered)
    }

    /// `{ key: value, … }`.
    #[inline(never)]
    fn parse_object(&mut self) -> PResult<Expr> {
        let open = self.open_delim();
        let (entries, close) =
            self.comma_list(open, TokenKind::RBrace, LexMode::Operator, |p| {
                p.parse_object_entry()
            })?;
        Ok(Expr { kind: ExprKind::Object(entries), span: open.to(close) })
    }

    fn parse_object_entry(&mut self) -> PResult<(ObjectKey, Expr)> {
        let key = if self.at(TokenKind::Str) {
            let token = self.bump();
            let span = token.span;
            ObjectKey { name: string_value(token), span }
        } else if self.token.kind.is_name() {
            let token = self.bump();
            ObjectKey { name: self.text_of(token.span).to_string(), span: token.span }
        } else {
            return self.expected("an object key (a name or a string)");
        };
        if self.eat(TokenKind::Colon) {
            let value = self.parse_expr()?;
            return Ok((key, value));
        }
        self.missing_key_colon(&key.name)
    }

    #[cold]
    #[inline(never)]
    fn missing_key_colon<T>(&mut self, key: &str) -> PResult<T> {
        let message = format!("expected `:` after the object key, found {}", self.found());
        let mut diagnostic = Diagnostic::syntax(message, self.token.span);
        let shorthand = self.prev_kind == TokenKind::Ident
            && matches!(self.token.kind, TokenKind::Comma | TokenKind::RBrace);
        if shorthand {
            diagnostic = diagnostic
                .with_help(format!("ML has no shorthand properties; write `{key}: {key}`"));
        }
        self.error_here(diagnostic);
        Err(Recovered)
    }

    /// `fn(params) => body`.
    #[inline(never)]
    fn parse_arrow(&mut self) -> PResult<Expr> {
        let start = self.bump().span;
        let params = self.parse_params("`fn`")?;
        self.expect(TokenKind::FatArrow, "after the parameters of an arrow function")?;
        let body = if self.at(TokenKind::LBrace) && !self.arrow_body_is_object() {
            let block = self.parse_block()?;
            if !self.can_follow_block_body() {
                return self.after_block_body();
            }
            FunctionBody::Block(block)
        } else {
            FunctionBody::Expr(Box::new(self.parse_expr()?))
        };
        let span = start.to(self.prev_span);
        let function = Function { id: self.node_id(), name: None, params, body, span };
        Ok(Expr { kind: ExprKind::Arrow(Rc::new(function)), span })
    }

    /// Whether the current token may follow the block body of an arrow function (spec §3.2).
    /// A token on a new line that cannot continue an expression is accepted too: the
    /// statement then reports the missing `;`.
    fn can_follow_block_body(&self) -> bool {
        use TokenKind as T;
        let kind = self.token.kind;
        let ends_expression = matches!(
            kind,
            T::Semi | T::Comma | T::RParen | T::RBracket | T::RBrace | T::Colon | T::Eof
        );
        let continues_expression = binary_op(kind).is_some()
            || matches!(kind, T::LParen | T::LBracket | T::Dot | T::Question | T::In | T::Eq);
        ends_expression || (self.on_new_line() && !continues_expression)
    }

    #[cold]
    #[inline(never)]
    fn after_block_body<T>(&mut self) -> PResult<T> {
        let message =
            format!("unexpected {} after the block body of an arrow function", self.found());
        self.error_here(Diagnostic::syntax(message, self.token.span).with_help(
            "an arrow function with a block body ends the expression; store it in a variable \
             first",
        ));
        Err(Recovered)
    }

    /// After `=>`, `{` begins an object literal if `}` or a `NAME`/`STRING` and `:` follow
    /// (spec §3.2).
    fn arrow_body_is_object(&self) -> bool {
        let first = self.peek(1);
        first == TokenKind::RBrace
            || ((first.is_name() || first == TokenKind::Str) && self.peek(2) == TokenKind::Colon)
    }
}

fn trailing_comma(comma: Span) -> Diagnostic {
    Diagnostic::syntax("trailing comma is not allowed", comma).with_help("remove this `,`")
}

fn string_value(token: Token) -> String {
    match token.value {
        TokenValue::Str(value) => value,
        _ => String::new(),
    }
}

#[cfg(test)]
mod node_id_tests {
    use super::*;

    /// Collects the ids of every function and `except` clause of a block.
    fn ids(stmts: &[Stmt], out: &mut Vec<u32>) {
        fn expr_ids(e: &Expr, out: &mut Vec<u32>) {
            if let ExprKind::Arrow(f) = &e.kind {
                out.push(f.id.0);
                match &f.body {
                    FunctionBody::Block(b) => ids(&b.stmts, out),
                    FunctionBody::Expr(e) => expr_ids(e, out),
                }
            }
            if let ExprKind::Call { args, .. } = &e.kind {
                args.iter().for_each(|a| expr_ids(a, out));
            }
        }
        for stmt in stmts {
            match &stmt.kind {
                StmtKind::FunctionDef(f) => {
                    out.push(f.id.0);
                    if let FunctionBody::Block(b) = &f.body {
                        ids(&b.stmts, out);
                    }
                }
                StmtKind::Try { body, handlers, finally } => {
                    ids(&body.stmts, out);
                    for h in handlers {
                        out.push(h.id.0);
                        ids(&h.body.stmts, out);
                    }
                    if let Some(b) = finally {
                        ids(&b.stmts, out);
                    }
                }
                StmtKind::Expr(e) | StmtKind::Assign { value: e, .. } => expr_ids(e, out),
                _ => {}
            }
        }
    }

    #[test]
    fn functions_and_except_clauses_get_dense_distinct_ids() {
        let src = "function f() { g = fn(x) => x; try { } except (e) { h = fn() => e; } }
                   try { } except { } finally { function k() { } }
                   print(fn() => 1);";
        let parsed = parse(&SourceFile::new("t.ml", src));
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let mut found = Vec::new();
        ids(&parsed.module.body, &mut found);
        found.sort_unstable();
        assert_eq!(found, (0..7).collect::<Vec<u32>>());
    }

    fn errors(src: &str) -> Vec<(String, Vec<String>)> {
        let parsed = parse(&SourceFile::new("t.ml", src));
        parsed.diagnostics.into_iter().map(|d| (d.message, d.help)).collect()
    }

    #[test]
    fn declarations_of_other_languages_say_ml_has_none() {
        let let_ = errors("let x = 5;\nprint(x);\n");
        assert_eq!(
            let_,
            [(
                "ML has no `let`: a variable is created by assigning to it".to_owned(),
                vec!["write `x = 5;`".to_owned()]
            )]
        );
        assert_eq!(errors("var n;")[0].1, ["write `n = null;`"]);
        assert_eq!(errors("const [a, b] = f();")[0].1, ["write `[a, b] = f();`"]);
        let long = format!("let x = [{}];", "1, ".repeat(30) + "1");
        assert_eq!(errors(&long)[0].1, ["write `x = …;`"]);
        // Names that are only names: no declaration.
        assert!(errors("let = [1];\nvar = let + [1];\nconst = [var];\nlet[0] = 2;\n").is_empty());
    }

    #[test]
    fn a_list_comprehension_gets_one_error_with_its_functional_form() {
        let errs = errors("ys = [x * 2 for x in xs];\nprint(ys);\n");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].0, "ML has no list comprehensions");
        assert_eq!(
            errs[0].1,
            ["use `functional.map(fn(x) => x * 2, xs)` (after `import functional;`), or a `for` loop that appends to an array"]
        );
        let errs = errors("ys = [s.upper() for s in names if len(s) > 2];");
        assert!(errs[0].1[0].starts_with("use `functional.map(fn(s) => s.upper(), functional.filter(fn(s) => len(s) > 2, names))`"), "{errs:?}");
        // A broken tail: still one error, then the next statement parses.
        let errs = errors("ys = [x for (x) in xs];\nz = ;\n");
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(errs[0].0, "ML has no list comprehensions");
    }
}
