//! `args` (spec §12.13): the program's command-line arguments (the main file's path as
//! given, then everything after `--`), and a small parser for them: `ArgParser` and the
//! `ParsedArgs` it returns, library objects holding Rust data.
//!
//! Parsing rules beyond the spec (documented in `help(args)` terms):
//! * `--name=value` gives an option its value in one argument (`--flag=x`: ValueError);
//! * a group of short names (`-abc`) sets flags; an option in a group takes the rest of
//!   the group as its value (`-ofile`), or the next argument when it ends the group;
//! * `--` ends the options: every later argument is a positional; `-` alone and negative
//!   numbers (`-5`, `-2.5`) are positionals;
//! * the flag `help` (`--help`, `-h`) always exists; when it is set, missing required
//!   positionals are not an error (so the program can print its help);
//! * positionals beyond the declared ones are kept (`positionals()`), not an error;
//! * a repeated option keeps its last value.
//!
//! Option defaults are limited to null, booleans, numbers and strings, so that a parser
//! never holds a container that could hold it back (library objects take no part in
//! cycle collection).

use std::cell::RefCell;
use std::fmt::Write as _;

use super::file::str_at;
use super::{no_constants, ModuleDecl};
use crate::dict::Dict;
use crate::error::{type_error, value_error, Result};
use crate::natives::{opt, req, Kinds, NativeDecl};
use crate::value::{LibraryClass, LibraryObject, Value};
use crate::vm::Vm;

static FUNCTIONS: [NativeDecl; 4] = [
    NativeDecl::function(
        "all",
        &[],
        "the main file's path as given, then the program arguments",
        all,
    ),
    NativeDecl::function("script", &[], "the main file's path as given", script),
    NativeDecl::function("rest", &[], "the program arguments (after --)", rest_),
    NativeDecl::function(
        "create_parser",
        &[opt("name", Kinds::STR, "\"\""), opt("description", Kinds::STR, "\"\"")],
        "a new ArgParser",
        create_parser,
    ),
];

pub(super) static MODULE: ModuleDecl =
    ModuleDecl::new("args", "the program's command-line arguments", &FUNCTIONS, no_constants);

fn strings(items: &[String]) -> Value {
    Value::array(items.iter().map(|s| Value::str(s)).collect())
}

fn all(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(strings(vm.program_args()))
}

fn script(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(vm.program_args().first().map_or(Value::str(""), |s| Value::str(s)))
}

fn rest_(vm: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(strings(vm.program_args().get(1..).unwrap_or(&[])))
}

// ----- ArgParser ----------------------------------------------------------------------------

const NAME: crate::natives::Param = req("name", Kinds::STR);
const SHORT: crate::natives::Param = req("short", Kinds::STR.or(Kinds::NULL));
const HELP: crate::natives::Param = req("help", Kinds::STR.or(Kinds::NULL));
/// What an option's default may be (see the module documentation).
const DEFAULT_KINDS: Kinds = Kinds::NULL.or(Kinds::BOOL).or(Kinds::NUMBER).or(Kinds::STR);

pub static ARG_PARSER: LibraryClass = LibraryClass {
    name: "ArgParser",
    doc: "a parser of command-line arguments (args.create_parser)",
    methods: &[
        NativeDecl::method(
            "add_flag",
            &[NAME, SHORT, HELP],
            "declares the flag --name (and -short); returns null",
            add_flag,
        ),
        NativeDecl::method(
            "add_option",
            &[NAME, SHORT, HELP, req("default", DEFAULT_KINDS)],
            "declares the option --name VALUE (and -short VALUE); returns null",
            add_option,
        ),
        NativeDecl::method(
            "add_positional",
            &[NAME, HELP, opt("required", Kinds::BOOL, "false")],
            "declares the next positional argument; returns null",
            add_positional,
        ),
        NativeDecl::method(
            "parse",
            &[opt("argv", Kinds::ARRAY, "args.rest()")],
            "a ParsedArgs of argv (unknown option, missing value or positional: ValueError)",
            parse,
        ),
        NativeDecl::method("help", &[], "the usage text", help),
    ],
    properties: &[],
};

pub static PARSED_ARGS: LibraryClass = LibraryClass {
    name: "ParsedArgs",
    doc: "the result of ArgParser.parse",
    methods: &[
        NativeDecl::method(
            "has",
            &[NAME],
            "whether the option or positional was given, or the flag set",
            has,
        ),
        NativeDecl::method(
            "get",
            &[NAME, opt("default", Kinds::ANY, "null")],
            "the value of the option, else the positional, else the flag; else default",
            get,
        ),
        NativeDecl::method(
            "get_bool",
            &[NAME],
            "a flag's value, or whether a value reads as true, 1, yes or on",
            get_bool,
        ),
        NativeDecl::method("flags", &[], "an object: every flag and whether it is set", flags),
        NativeDecl::method(
            "options",
            &[],
            "an object: every option and its value (given, or its default)",
            options,
        ),
        NativeDecl::method("positionals", &[], "an array of the positional arguments", positionals),
    ],
    properties: &[],
};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Flag,
    /// An option, with its default (an immediate or a string).
    Option,
}

#[derive(Clone)]
struct Named {
    name: String,
    short: Option<char>,
    help: String,
    kind: Kind,
    default: Value,
}

#[derive(Clone)]
struct Positional {
    name: String,
    help: String,
    required: bool,
}

#[derive(Clone, Default)]
struct Spec {
    name: String,
    description: String,
    named: Vec<Named>,
    positionals: Vec<Positional>,
}

/// A parser's data: mutable through its methods.
struct ParserData(RefCell<Spec>);

/// The result of parsing.
struct Parsed {
    spec: Spec,
    flags: Vec<(String, bool)>,
    /// Given option values.
    given: Vec<(String, String)>,
    positionals: Vec<String>,
}

fn create_parser(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = |i: usize| match args.get(i) {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        _ => String::new(),
    };
    let mut spec = Spec { name: text(0), description: text(1), ..Spec::default() };
    spec.named.push(Named {
        name: "help".to_owned(),
        short: Some('h'),
        help: "show this help".to_owned(),
        kind: Kind::Flag,
        default: Value::Bool(false),
    });
    let obj = LibraryObject::new(&ARG_PARSER, ParserData(RefCell::new(spec)), 256);
    Ok(Value::Library(obj))
}

fn parser_of<'a>(receiver: &'a Value, method: &str) -> Result<&'a RefCell<Spec>> {
    match receiver {
        Value::Library(o) => match o.data::<ParserData>() {
            Some(d) => Ok(&d.0),
            None => Err(type_error(format!("`ArgParser.{method}` needs an ArgParser"))),
        },
        _ => Err(type_error(format!("`ArgParser.{method}` needs an ArgParser"))),
    }
}

fn parsed_of<'a>(receiver: &'a Value, method: &str) -> Result<&'a Parsed> {
    match receiver {
        Value::Library(o) => {
            o.data::<Parsed>().ok_or_else(|| type_error(format!("`ParsedArgs.{method}` needs a ParsedArgs")))
        }
        _ => Err(type_error(format!("`ParsedArgs.{method}` needs a ParsedArgs"))),
    }
}

/// Checks a new name (`--name` without its dashes) against the declared ones.
fn check_name(method: &str, spec: &Spec, name: &str) -> Result<()> {
    if name.is_empty() || name.starts_with('-') || name.contains(['=', ' ']) {
        return Err(value_error(format!(
            "`ArgParser.{method}`: {name:?} is not a valid name (give it without dashes, \
             without `=` or spaces)"
        )));
    }
    let taken = spec.named.iter().any(|n| n.name == name)
        || spec.positionals.iter().any(|p| p.name == name);
    if taken {
        return Err(value_error(format!(
            "`ArgParser.{method}`: `{name}` is already declared{}",
            if name == "help" { " (the flag help always exists)" } else { "" }
        )));
    }
    Ok(())
}

fn short_of(method: &str, spec: &Spec, v: &Value) -> Result<Option<char>> {
    let Value::Str(s) = v else { return Ok(None) };
    let mut chars = s.as_str().chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err(value_error(format!(
            "`ArgParser.{method}`: short must be one letter or null, got {:?}",
            s.as_str()
        )));
    };
    if c == '-' || c.is_ascii_digit() || c.is_whitespace() || c == '=' {
        return Err(value_error(format!("`ArgParser.{method}`: {c:?} cannot be a short name")));
    }
    if let Some(other) = spec.named.iter().find(|n| n.short == Some(c)) {
        return Err(value_error(format!(
            "`ArgParser.{method}`: -{c} already stands for --{}",
            other.name
        )));
    }
    Ok(Some(c))
}

fn help_text(v: &Value) -> String {
    match v {
        Value::Str(s) => s.as_str().to_owned(),
        _ => String::new(),
    }
}

fn add_named(receiver: &Value, args: &[Value], method: &str, kind: Kind) -> Result<Value> {
    let cell = parser_of(receiver, method)?;
    let mut spec = cell.borrow_mut();
    let name = str_at(args, 0);
    check_name(method, &spec, name)?;
    let short = short_of(method, &spec, &args[1])?;
    let default = if kind == Kind::Option { args[3].clone() } else { Value::Bool(false) };
    spec.named.push(Named { name: name.to_owned(), short, help: help_text(&args[2]), kind, default });
    Ok(Value::Null)
}

fn add_flag(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    add_named(receiver, args, "add_flag", Kind::Flag)
}

fn add_option(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    add_named(receiver, args, "add_option", Kind::Option)
}

fn add_positional(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let cell = parser_of(receiver, "add_positional")?;
    let mut spec = cell.borrow_mut();
    let name = str_at(args, 0);
    check_name("add_positional", &spec, name)?;
    let required = matches!(args.get(2), Some(Value::Bool(true)));
    spec.positionals.push(Positional { name: name.to_owned(), help: help_text(&args[1]), required });
    Ok(Value::Null)
}

/// Whether `a` reads as a negative number (a positional, not a short option).
fn is_negative_number(a: &str) -> bool {
    a.strip_prefix('-').is_some_and(|rest| {
        !rest.is_empty() && rest.parse::<f64>().is_ok() && !rest.starts_with(['+', '-'])
    })
}

/// Parses `argv` against `spec`: flags set, option values given, positionals.
fn parse_argv(spec: &Spec, argv: &[String]) -> Result<Parsed> {
    let mut flags: Vec<(String, bool)> = spec
        .named
        .iter()
        .filter(|n| n.kind == Kind::Flag)
        .map(|n| (n.name.clone(), false))
        .collect();
    let mut given: Vec<(String, String)> = Vec::new();
    let mut positionals = Vec::new();
    let mut set = |named: &Named, value: Option<String>, given: &mut Vec<(String, String)>| {
        match value {
            None => {
                if let Some(f) = flags.iter_mut().find(|f| f.0 == named.name) {
                    f.1 = true;
                }
            }
            Some(v) => {
                given.retain(|(n, _)| *n != named.name);
                given.push((named.name.clone(), v));
            }
        }
    };
    let missing_value = |shown: &str| {
        value_error(format!("the option `{shown}` needs a value (`{shown} VALUE`)"))
    };
    let mut i = 0;
    let mut only_positionals = false;
    while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if only_positionals || a == "-" || !a.starts_with('-') || is_negative_number(a) {
            positionals.push(a.clone());
            continue;
        }
        if a == "--" {
            only_positionals = true;
            continue;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (long, None),
            };
            let Some(named) = spec.named.iter().find(|n| n.name == name) else {
                return Err(unknown(spec, &format!("--{name}")));
            };
            match named.kind {
                Kind::Flag if inline.is_some() => {
                    return Err(value_error(format!("the flag `--{name}` takes no value")));
                }
                Kind::Flag => set(named, None, &mut given),
                Kind::Option => {
                    let value = match inline {
                        Some(v) => v,
                        None if i < argv.len() => {
                            i += 1;
                            argv[i - 1].clone()
                        }
                        None => return Err(missing_value(&format!("--{name}"))),
                    };
                    set(named, Some(value), &mut given);
                }
            }
            continue;
        }
        // A group of short names.
        let group: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < group.len() {
            let c = group[j];
            j += 1;
            let Some(named) = spec.named.iter().find(|n| n.short == Some(c)) else {
                return Err(unknown(spec, &format!("-{c}")));
            };
            if named.kind == Kind::Flag {
                set(named, None, &mut given);
                continue;
            }
            let value = if j < group.len() {
                let v: String = group[j..].iter().collect();
                j = group.len();
                v
            } else if i < argv.len() {
                i += 1;
                argv[i - 1].clone()
            } else {
                return Err(missing_value(&format!("-{c}")));
            };
            set(named, Some(value), &mut given);
        }
    }
    let help_asked = flags.iter().any(|(n, on)| n == "help" && *on);
    if !help_asked {
        if let Some(p) = spec.positionals.iter().skip(positionals.len()).find(|p| p.required) {
            return Err(value_error(format!("the positional argument `{}` is required", p.name)));
        }
    }
    Ok(Parsed { spec: spec.clone(), flags, given, positionals })
}

#[cold]
fn unknown(spec: &Spec, shown: &str) -> crate::error::RuntimeError {
    let known: Vec<String> = spec
        .named
        .iter()
        .map(|n| format!("--{}", n.name))
        .collect();
    value_error(format!("unknown option `{shown}` (known: {})", known.join(", ")))
}

fn parse(vm: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let spec = parser_of(receiver, "parse")?.borrow().clone();
    let argv: Vec<String> = match args.first() {
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.to_vec().iter().enumerate() {
                match item {
                    Value::Str(s) => out.push(s.as_str().to_owned()),
                    other => {
                        return Err(type_error(format!(
                            "`ArgParser.parse` expects an array of strings, got {} at index {i}",
                            other.type_name()
                        )))
                    }
                }
            }
            out
        }
        _ => vm.program_args().get(1..).unwrap_or(&[]).to_vec(),
    };
    let parsed = parse_argv(&spec, &argv)?;
    let bytes: usize = argv.iter().map(|a| a.len() + 24).sum();
    Ok(Value::Library(LibraryObject::new(&PARSED_ARGS, parsed, bytes + 256)))
}

/// The usage text.
fn usage(spec: &Spec) -> String {
    let prog = if spec.name.is_empty() { "program" } else { spec.name.as_str() };
    let metavar = |n: &Named| n.name.to_uppercase().replace('-', "_");
    let mut out = format!("usage: {prog}");
    for n in &spec.named {
        let shown = match n.short {
            Some(c) => format!("-{c}"),
            None => format!("--{}", n.name),
        };
        match n.kind {
            Kind::Flag => {
                let _ = write!(out, " [{shown}]");
            }
            Kind::Option => {
                let _ = write!(out, " [{shown} {}]", metavar(n));
            }
        }
    }
    for p in &spec.positionals {
        if p.required {
            let _ = write!(out, " {}", p.name);
        } else {
            let _ = write!(out, " [{}]", p.name);
        }
    }
    out.push('\n');
    if !spec.description.is_empty() {
        let _ = write!(out, "\n{}\n", spec.description);
    }
    if !spec.positionals.is_empty() {
        out.push_str("\npositional arguments:\n");
        for p in &spec.positionals {
            let _ = writeln!(out, "  {:<24}{}", p.name, p.help);
        }
    }
    out.push_str("\noptions:\n");
    for n in &spec.named {
        let mut shown = match n.short {
            Some(c) => format!("-{c}, --{}", n.name),
            None => format!("--{}", n.name),
        };
        let mut help = n.help.clone();
        if n.kind == Kind::Option {
            let _ = write!(shown, " {}", metavar(n));
            if !matches!(n.default, Value::Null) {
                let _ = write!(help, " (default: {})", crate::display::display(&n.default));
            }
        }
        let _ = writeln!(out, "  {shown:<24}{help}");
    }
    out
}

fn help(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let spec = parser_of(receiver, "help")?.borrow();
    Ok(Value::string(usage(&spec)))
}

// ----- ParsedArgs ---------------------------------------------------------------------------

impl Parsed {
    fn option(&self, name: &str) -> Option<&Named> {
        self.spec.named.iter().find(|n| n.name == name && n.kind == Kind::Option)
    }

    fn given(&self, name: &str) -> Option<&str> {
        self.given.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn positional(&self, name: &str) -> Option<&str> {
        let idx = self.spec.positionals.iter().position(|p| p.name == name)?;
        self.positionals.get(idx).map(String::as_str)
    }

    fn flag(&self, name: &str) -> Option<bool> {
        self.flags.iter().find(|(n, _)| n == name).map(|(_, on)| *on)
    }
}

fn has(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let p = parsed_of(receiver, "has")?;
    let name = str_at(args, 0);
    let present =
        p.given(name).is_some() || p.positional(name).is_some() || p.flag(name) == Some(true);
    Ok(Value::Bool(present))
}

fn get(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let p = parsed_of(receiver, "get")?;
    let name = str_at(args, 0);
    let fallback = || args.get(1).cloned().unwrap_or(Value::Null);
    if let Some(named) = p.option(name) {
        return Ok(match p.given(name) {
            Some(v) => Value::str(v),
            None if !matches!(named.default, Value::Null) => named.default.clone(),
            None => fallback(),
        });
    }
    if let Some(v) = p.positional(name) {
        return Ok(Value::str(v));
    }
    if let Some(on) = p.flag(name) {
        return Ok(Value::Bool(on));
    }
    Ok(fallback())
}

fn get_bool(_: &mut Vm, receiver: &Value, args: &[Value]) -> Result<Value> {
    let p = parsed_of(receiver, "get_bool")?;
    let name = str_at(args, 0);
    if let Some(on) = p.flag(name) {
        return Ok(Value::Bool(on));
    }
    let reads_true = |s: &str| matches!(s.to_lowercase().as_str(), "true" | "1" | "yes" | "on");
    if let Some(v) = p.given(name).or_else(|| p.positional(name)) {
        return Ok(Value::Bool(reads_true(v)));
    }
    Ok(Value::Bool(match p.option(name).map(|n| &n.default) {
        Some(Value::Str(s)) => reads_true(s.as_str()),
        Some(other) => other.truthy(),
        None => false,
    }))
}

fn flags(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parsed_of(receiver, "flags")?;
    let mut dict = Dict::with_capacity(p.flags.len());
    for (name, on) in &p.flags {
        dict.insert_str(name, Value::Bool(*on));
    }
    Ok(Value::object(dict))
}

fn options(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parsed_of(receiver, "options")?;
    let mut dict = Dict::with_capacity(p.spec.named.len());
    for n in p.spec.named.iter().filter(|n| n.kind == Kind::Option) {
        let v = p.given(&n.name).map_or_else(|| n.default.clone(), Value::str);
        dict.insert_str(&n.name, v);
    }
    Ok(Value::object(dict))
}

fn positionals(_: &mut Vm, receiver: &Value, _: &[Value]) -> Result<Value> {
    let p = parsed_of(receiver, "positionals")?;
    Ok(Value::array(p.positionals.iter().map(|s| Value::str(s)).collect()))
}
