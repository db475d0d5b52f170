//! What a JavaScript or TypeScript snippet will cost to prepare on the host,
//! found before it is parsed: how deeply it nests, and how many tokens and
//! handlers it has (the memory its syntax tree, program and facts take grow
//! with those).
//!
//! Nesting matters because oxc's parser, its visitors and candor's
//! instrumenter all recurse once per level of the syntax tree: a snippet like
//! `[[[[…]]]]` nested 100 000 deep would overflow the host's stack and abort
//! the whole process.
//!
//! [`survey`] reads the source once, without recursion, as a tokenizer does
//! (strings, comments, template literals, regular expressions told apart from
//! division by the token before them), and adds up an estimate of the stack the
//! parse will need at each point: an open bracket or template substitution
//! costs a full level, an arrow, an assignment or a `?`/`:` part of one, and
//! any other operator or keyword an eighth (the stack oxc uses per level of
//! each construct, measured, rounded up). A list separator (`,`, `;`), the end
//! of a statement and a closing bracket give back what the part before them
//! cost, the way the syntax tree closes there; the end of a braceless `if`
//! body keeps its cost while an `else` may follow. The estimate errs on the
//! high side; what it cannot see (a regular expression the heuristics take for
//! a division, say) the preparing thread's stack, many times the largest
//! estimate accepted, still absorbs.

/// The deepest nesting candor prepares, in levels (one level: an open bracket,
/// block, function body or template substitution; eight operators in one
/// expression make a level too).
pub(crate) const MAX_LEVELS: u32 = 2_000;

/// One level, in the eighths the estimate counts.
const LEVEL: u32 = 8;

/// What [`survey`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Survey {
    /// Where the snippet nests deeper than the limit: the byte offset of the
    /// token that went over, if it does.
    pub(crate) too_deep: Option<usize>,
    /// Tokens (words, literals, operators).
    pub(crate) tokens: u64,
    /// Words that make a handler (`catch`, `finally`, `then`).
    pub(crate) handlers: u64,
}

/// Reads `source` once: its tokens, its handlers, and whether it nests more
/// than `max_levels` deep.
pub(crate) fn survey(source: &str, max_levels: u32) -> Survey {
    let mut scanner = Scanner {
        src: source.as_bytes(),
        pos: 0,
        limit: max_levels.saturating_mul(LEVEL),
        cur: 0,
        base: 0,
        state: Statement::default(),
        frames: Vec::new(),
        prev: Prev::Start,
        survey: Survey {
            too_deep: None,
            tokens: 0,
            handlers: 0,
        },
    };
    scanner.run();
    scanner.survey
}

/// Where `source` nests deeper than `max_levels`, if it does.
#[cfg(test)]
pub(crate) fn too_deep(source: &str, max_levels: u32) -> Option<usize> {
    survey(source, max_levels).too_deep
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Bracket {
    Paren,
    Square,
    Brace,
    /// `${` … `}` of a template literal.
    Template,
}

/// Keywords that matter to the estimate or to telling a regular expression
/// from a division.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Keyword {
    /// `if`, `for`, `while`, `with`: a header in parentheses, then a body.
    Control,
    /// `else`, `do`: a body follows.
    Else,
    /// `try`, `catch`, `finally`: a block follows.
    Block,
    /// `function`, `class`.
    Declaration,
    /// `case`, `default`: a new clause of a flat list.
    Case,
    /// Any other keyword an expression may follow (`return`, `typeof`, `in`, `new`, …).
    Other,
}

/// The token before the current one, as far as the next one cares.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prev {
    Start,
    Semi,
    Comma,
    Open(Bracket),
    CloseParen {
        control: bool,
    },
    CloseSquare,
    CloseBrace {
        block: bool,
    },
    Arrow,
    Colon,
    Dot,
    Operator,
    /// `++` or `--`, which may end an expression.
    Postfix,
    Keyword(Keyword),
    /// An identifier, `this`, a literal: something an operator may follow.
    Operand,
}

impl Prev {
    /// A `/` after this starts a regular expression (else it divides).
    fn regex_follows(self) -> bool {
        !matches!(
            self,
            Prev::Operand
                | Prev::Postfix
                | Prev::CloseSquare
                | Prev::CloseParen { control: false }
                | Prev::CloseBrace { block: false }
        )
    }

    /// An expression may end with this token.
    fn ends_expression(self) -> bool {
        matches!(
            self,
            Prev::Operand
                | Prev::Postfix
                | Prev::CloseSquare
                | Prev::CloseParen { control: false }
                | Prev::CloseBrace { .. }
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Token {
    Open(Bracket),
    Close(Bracket),
    /// A `}` that resumes a template literal, which then ends (false) or opens
    /// another substitution (true).
    TemplateResume(bool),
    Semi,
    Comma,
    Arrow,
    Assign,
    Question,
    Colon,
    Dot,
    Less,
    Operator,
    PlusPlus,
    Word(Word),
    /// A number, a string, a regular expression or a template without substitutions.
    Literal,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Word {
    Keyword(Keyword),
    /// `in`, `as`, `instanceof`, …: between two operands, like an operator.
    Infix,
    Name,
}

impl Token {
    /// This token can begin a statement that no expression before it continues
    /// (so that a line break before it ends the statement before).
    fn starts_statement(self) -> bool {
        match self {
            Token::Word(Word::Infix) | Token::Word(Word::Keyword(Keyword::Else)) => false,
            Token::Word(_) | Token::Literal => true,
            _ => false,
        }
    }
}

/// What is pending in the statement being read, at one bracket level.
#[derive(Clone, Copy, Default, Debug)]
struct Statement {
    /// It started with `if`/`for`/`while`/`with`/`else`/`do`: it nests what follows.
    in_control: bool,
    /// A control header (or `else`/`do`) was read and its body has not begun.
    awaiting_body: bool,
    /// `?` not yet matched by a `:`.
    ternaries: u32,
    /// How the statement may end once the next token is known.
    end: Option<End>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum End {
    /// A braceless control body ended: an `else` (or `while`, `catch`,
    /// `finally`) continues the statement, anything else begins a new one.
    MaybeElse,
    /// A block ended: a token that starts a statement begins a new one.
    Block,
}

/// An open bracket, with what to restore when it closes.
struct Frame {
    bracket: Bracket,
    /// The estimate and the statement before it opened.
    outer_cur: u32,
    outer_base: u32,
    outer: Statement,
    /// A `(` after `if`/`for`/`while`/`with`.
    control: bool,
    /// A `{` that opens a block (not an object literal).
    block: bool,
    /// A `{` that is the body of a control statement.
    control_body: bool,
}

struct Scanner<'s> {
    src: &'s [u8],
    pos: usize,
    /// The largest estimate accepted.
    limit: u32,
    /// The estimate at the current token, in eighths of a level.
    cur: u32,
    /// The estimate at the start of the current statement or list item.
    base: u32,
    state: Statement,
    frames: Vec<Frame>,
    prev: Prev,
    survey: Survey,
}

impl Scanner<'_> {
    fn run(&mut self) {
        if self.src.starts_with(b"#!") {
            self.skip_line();
        }
        loop {
            let newline = self.skip_trivia();
            let start = self.pos;
            let Some(token) = self.token() else {
                return;
            };
            self.survey.tokens += 1;
            if matches!(&self.src[start..self.pos], b"catch" | b"finally" | b"then") {
                self.survey.handlers += 1;
            }
            self.before(token, newline);
            self.apply(token);
            if self.cur > self.limit && self.survey.too_deep.is_none() {
                self.survey.too_deep = Some(start);
            }
        }
    }

    // -- the estimate ------------------------------------------------------------------

    /// Ends the statement: its cost is given back.
    fn end_statement(&mut self) {
        self.cur = self.base;
        self.state = Statement::default();
    }

    /// Settles how the previous statement ended, now that the next token is known.
    fn before(&mut self, token: Token, newline: bool) {
        if let Some(end) = self.state.end.take() {
            let continues = token == Token::Word(Word::Keyword(Keyword::Else))
                || token == Token::Word(Word::Keyword(Keyword::Block));
            let ends = match end {
                End::MaybeElse => !continues,
                End::Block => !continues && token.starts_statement(),
            };
            if ends {
                self.end_statement();
            }
        }
        // a line break where no expression can go on ends the statement (ASI)
        if newline
            && self.prev.ends_expression()
            && !self.state.awaiting_body
            && token.starts_statement()
        {
            self.end_statement();
        }
    }

    fn apply(&mut self, token: Token) {
        let awaiting = std::mem::take(&mut self.state.awaiting_body);
        match token {
            Token::Open(bracket) => self.open(bracket, awaiting),
            Token::Close(bracket) => self.close(bracket),
            Token::TemplateResume(more) => {
                self.close(Bracket::Template);
                if more {
                    self.open(Bracket::Template, false);
                } else {
                    self.prev = Prev::Operand;
                }
            }
            Token::Semi => {
                if self.state.in_control {
                    self.state.end = Some(End::MaybeElse);
                } else {
                    self.end_statement();
                }
                self.prev = Prev::Semi;
            }
            Token::Comma => {
                if !self.state.in_control {
                    self.cur = self.base;
                    self.state.ternaries = 0;
                }
                self.prev = Prev::Comma;
            }
            Token::Arrow => self.add(4, Prev::Arrow),
            Token::Assign => self.add(3, Prev::Operator),
            Token::Question => {
                self.state.ternaries += 1;
                self.add(3, Prev::Operator);
            }
            Token::Colon => {
                self.state.ternaries = self.state.ternaries.saturating_sub(1);
                self.add(3, Prev::Colon);
            }
            Token::Dot => self.add(1, Prev::Dot),
            Token::Less => self.add(4, Prev::Operator),
            Token::Operator => self.add(1, Prev::Operator),
            Token::PlusPlus => self.add(1, Prev::Postfix),
            Token::Literal => self.prev = Prev::Operand,
            Token::Word(Word::Name) => self.prev = Prev::Operand,
            Token::Word(Word::Infix) => self.add(1, Prev::Keyword(Keyword::Other)),
            Token::Word(Word::Keyword(keyword)) => self.keyword(keyword, awaiting),
        }
    }

    fn add(&mut self, eighths: u32, prev: Prev) {
        self.cur = self.cur.saturating_add(eighths);
        self.prev = prev;
    }

    fn keyword(&mut self, keyword: Keyword, awaiting: bool) {
        match keyword {
            Keyword::Control => self.state.in_control = true,
            Keyword::Else => {
                self.state.in_control = true;
                self.state.awaiting_body = true;
            }
            Keyword::Case => self.end_statement(),
            Keyword::Other if self.prev == Prev::Keyword(Keyword::Control) => {
                // `for await (`: still the loop's header
                self.state.awaiting_body = awaiting;
                self.add(1, Prev::Keyword(Keyword::Control));
                return;
            }
            Keyword::Block | Keyword::Declaration | Keyword::Other => {}
        }
        let eighths = if keyword == Keyword::Declaration {
            2
        } else {
            1
        };
        self.add(eighths, Prev::Keyword(keyword));
    }

    fn open(&mut self, bracket: Bracket, awaiting: bool) {
        let control = bracket == Bracket::Paren && self.prev == Prev::Keyword(Keyword::Control);
        let block = bracket == Bracket::Brace && self.brace_is_block();
        self.frames.push(Frame {
            bracket,
            outer_cur: self.cur,
            outer_base: self.base,
            outer: self.state,
            control,
            block,
            control_body: bracket == Bracket::Brace && awaiting,
        });
        self.cur = self.cur.saturating_add(LEVEL);
        self.base = self.cur;
        self.state = Statement::default();
        self.prev = Prev::Open(bracket);
    }

    fn close(&mut self, bracket: Bracket) {
        if self.frames.last().map(|f| f.bracket) != Some(bracket) {
            // unbalanced: the parser will say so; keep the levels that are open
            self.prev = Prev::CloseSquare;
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        // a closed bracket still costs its expression a little, as `f()()()` does
        self.cur = frame.outer_cur.saturating_add(1);
        self.base = frame.outer_base;
        self.state = frame.outer;
        self.prev = match bracket {
            Bracket::Paren => Prev::CloseParen {
                control: frame.control,
            },
            Bracket::Square => Prev::CloseSquare,
            Bracket::Brace | Bracket::Template => Prev::CloseBrace { block: frame.block },
        };
        if frame.control {
            self.state.awaiting_body = true;
        } else if frame.block {
            self.state.end = Some(if frame.control_body || self.state.in_control {
                End::MaybeElse
            } else {
                End::Block
            });
        }
    }

    /// A `{` here opens a block (statements) rather than an object literal.
    fn brace_is_block(&self) -> bool {
        match self.prev {
            Prev::Start | Prev::Semi | Prev::CloseBrace { .. } | Prev::Arrow => true,
            Prev::CloseParen { .. } | Prev::Operand => true,
            Prev::Keyword(Keyword::Else | Keyword::Block | Keyword::Declaration) => true,
            Prev::Open(_) => self.frames.last().is_some_and(|f| f.block),
            Prev::Colon => self.state.ternaries == 0 && self.frames.last().is_none_or(|f| f.block),
            _ => false,
        }
    }

    // -- reading tokens ------------------------------------------------------------------

    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn skip_line(&mut self) {
        while self.pos < self.src.len() && !self.at_line_break() {
            self.pos += 1;
        }
    }

    /// The length of the line break at the current position, or 0.
    fn line_break_len(&self) -> usize {
        match self.peek(0) {
            b'\n' | b'\r' => 1,
            // U+2028 and U+2029
            0xE2 if self.peek(1) == 0x80 && matches!(self.peek(2), 0xA8 | 0xA9) => 3,
            _ => 0,
        }
    }

    fn at_line_break(&self) -> bool {
        self.line_break_len() > 0
    }

    /// Skips white space and comments; true when they held a line break.
    fn skip_trivia(&mut self) -> bool {
        let mut newline = false;
        while self.pos < self.src.len() {
            let b = self.peek(0);
            if self.at_line_break() {
                newline = true;
                self.pos += self.line_break_len();
            } else if b == b' ' || b == b'\t' || b == 0x0B || b == 0x0C {
                self.pos += 1;
            } else if b == b'/' && self.peek(1) == b'/' {
                self.skip_line();
            } else if b == b'/' && self.peek(1) == b'*' {
                self.pos += 2;
                while self.pos < self.src.len() && !(self.peek(0) == b'*' && self.peek(1) == b'/') {
                    newline |= self.at_line_break();
                    self.pos += 1;
                }
                self.pos = (self.pos + 2).min(self.src.len());
            } else if b >= 0x80 {
                // other Unicode white space (no-break space, the BOM, …)
                match self.char_here() {
                    Some(c) if c.is_whitespace() || c == '\u{FEFF}' => self.pos += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        newline
    }

    fn char_here(&self) -> Option<char> {
        let end = (self.pos + 4).min(self.src.len());
        let bytes = &self.src[self.pos..end];
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
        };
        text.chars().next()
    }

    fn token(&mut self) -> Option<Token> {
        let b = *self.src.get(self.pos)?;
        if is_word_start(b) {
            return Some(self.word());
        }
        if b.is_ascii_digit() || (b == b'.' && self.peek(1).is_ascii_digit()) {
            self.number();
            return Some(Token::Literal);
        }
        self.pos += 1;
        let token = match b {
            b'"' | b'\'' => {
                self.string(b);
                Token::Literal
            }
            b'`' => self.template(),
            b'(' => Token::Open(Bracket::Paren),
            b'[' => Token::Open(Bracket::Square),
            b'{' => Token::Open(Bracket::Brace),
            b')' => Token::Close(Bracket::Paren),
            b']' => Token::Close(Bracket::Square),
            b'}' if self
                .frames
                .last()
                .is_some_and(|f| f.bracket == Bracket::Template) =>
            {
                Token::TemplateResume(self.template() == Token::Open(Bracket::Template))
            }
            b'}' => Token::Close(Bracket::Brace),
            b';' => Token::Semi,
            b',' => Token::Comma,
            b':' => Token::Colon,
            b'/' if self.prev.regex_follows() && self.regex() => Token::Literal,
            _ => self.punctuator(b),
        };
        Some(token)
    }

    /// An operator starting with `b` (already consumed).
    fn punctuator(&mut self, b: u8) -> Token {
        let rest = &self.src[self.pos..];
        match b {
            b'.' if rest.starts_with(b"..") => {
                self.pos += 2;
                Token::Operator
            }
            b'.' => Token::Dot,
            b'?' if rest.starts_with(b"?=") => {
                self.pos += 2;
                Token::Assign
            }
            b'?' if rest.starts_with(b"?") => {
                self.pos += 1;
                Token::Operator
            }
            b'?' if rest.starts_with(b".") && !rest.get(1).is_some_and(u8::is_ascii_digit) => {
                self.pos += 1;
                Token::Dot
            }
            b'?' => Token::Question,
            b'=' if rest.starts_with(b">") => {
                self.pos += 1;
                Token::Arrow
            }
            b'=' if rest.starts_with(b"=") => {
                self.pos += if rest.starts_with(b"==") { 2 } else { 1 };
                Token::Operator
            }
            b'=' => Token::Assign,
            b'+' | b'-' if rest.first() == Some(&b) => {
                self.pos += 1;
                Token::PlusPlus
            }
            b'+' | b'-' if rest.first() == Some(&b'=') => {
                self.pos += 1;
                Token::Assign
            }
            b'<' if !rest.starts_with(b"<") && !rest.starts_with(b"=") => Token::Less,
            _ => {
                // the longest operator starting here; one that stores (`+=`,
                // `>>>=`, `&&=`) assigns
                let from = self.pos - 1;
                let op = OPERATORS
                    .iter()
                    .find(|op| self.src[from..].starts_with(op))
                    .copied()
                    .unwrap_or(&[]);
                self.pos = from + op.len().max(1);
                let assigns = op.len() > 1
                    && op.ends_with(b"=")
                    && !matches!(op, b"<=" | b">=" | b"!=" | b"!==");
                if assigns {
                    Token::Assign
                } else {
                    Token::Operator
                }
            }
        }
    }

    fn word(&mut self) -> Token {
        let start = self.pos;
        while self.pos < self.src.len() {
            let b = self.peek(0);
            if is_word_start(b) || b.is_ascii_digit() {
                if b >= 0x80 {
                    match self.char_here() {
                        Some(c) if c.is_whitespace() || c == '\u{FEFF}' => break,
                        Some(c) => self.pos += c.len_utf8(),
                        None => self.pos += 1,
                    }
                } else {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        if self.pos == start {
            // a lone non-ASCII white space character: skip it
            self.pos += 1;
            return Token::Operator;
        }
        if self.prev == Prev::Dot {
            return Token::Word(Word::Name);
        }
        let keyword = match &self.src[start..self.pos] {
            b"if" | b"for" | b"while" | b"with" => Keyword::Control,
            b"else" | b"do" => Keyword::Else,
            b"try" | b"catch" | b"finally" => Keyword::Block,
            b"function" | b"class" | b"new" => Keyword::Declaration,
            b"case" | b"default" => Keyword::Case,
            b"return" | b"throw" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" => {
                Keyword::Other
            }
            b"in" | b"of" | b"instanceof" | b"extends" | b"as" | b"satisfies" | b"keyof"
            | b"infer" | b"is" | b"asserts" => return Token::Word(Word::Infix),
            _ => return Token::Word(Word::Name),
        };
        Token::Word(Word::Keyword(keyword))
    }

    fn number(&mut self) {
        let hex = self.peek(0) == b'0' && matches!(self.peek(1), b'x' | b'X');
        while self.pos < self.src.len() {
            let b = self.peek(0);
            let exponent_sign = !hex
                && matches!(b, b'+' | b'-')
                && self.pos > 0
                && matches!(self.src[self.pos - 1], b'e' | b'E');
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || exponent_sign {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// The rest of a string quoted by `quote` (unterminated at a line break).
    fn string(&mut self, quote: u8) {
        while self.pos < self.src.len() {
            let b = self.peek(0);
            if b == b'\\' {
                // an escape, or a line continuation (CR LF is one line break)
                let crlf = self.peek(1) == b'\r' && self.peek(2) == b'\n';
                self.pos += if crlf { 3 } else { 2 };
            } else if b == quote {
                self.pos += 1;
                return;
            } else if b == b'\n' || b == b'\r' {
                return;
            } else {
                self.pos += 1;
            }
        }
        self.pos = self.pos.min(self.src.len());
    }

    /// The rest of a template literal part: `Open(Template)` when a
    /// substitution opens, else the literal ended.
    fn template(&mut self) -> Token {
        while self.pos < self.src.len() {
            match self.peek(0) {
                b'\\' => self.pos += 2,
                b'`' => {
                    self.pos += 1;
                    return Token::Literal;
                }
                b'$' if self.peek(1) == b'{' => {
                    self.pos += 2;
                    return Token::Open(Bracket::Template);
                }
                _ => self.pos += 1,
            }
        }
        self.pos = self.pos.min(self.src.len());
        Token::Literal
    }

    /// A regular expression literal after its `/`; false (and nothing
    /// consumed) when none ends on this line, so that the `/` divides.
    fn regex(&mut self) -> bool {
        let start = self.pos;
        let mut class = false;
        while self.pos < self.src.len() && !self.at_line_break() {
            match self.peek(0) {
                b'\\' => self.pos += 1,
                b'[' => class = true,
                b']' => class = false,
                b'/' if !class => {
                    self.pos += 1;
                    while is_word_start(self.peek(0)) || self.peek(0).is_ascii_digit() {
                        self.pos += 1;
                    }
                    return true;
                }
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = start;
        false
    }
}

/// Operators of more than one character that start with a character of their
/// own (`=`, `?`, `.`, `+`, `-` are read apart), longest first.
const OPERATORS: &[&[u8]] = &[
    b">>>=", b">>>", b"<<=", b">>=", b"**=", b"&&=", b"||=", b"!==", b"<<", b">>", b"<=", b">=",
    b"&&", b"||", b"**", b"!=", b"%=", b"^=", b"&=", b"|=", b"*=", b"/=",
];

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b'$' || b == b'#' || b == b'\\' || b >= 0x80
}

#[cfg(test)]
#[path = "nesting_tests.rs"]
mod tests;
