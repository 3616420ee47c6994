//! `regex` (spec §12.7): regular expressions with the syntax and semantics of CPython
//! 3.11's `re`, positions in code points.
//!
//! * `regex/parse.rs` — Python pattern syntax to a tree (Python's errors, as ValueError);
//! * `regex/emit.rs` — the tree in the engine's syntax, every Python meaning made explicit;
//! * `regex/engine.rs` — compiled patterns (engine forms per text shape), searching and
//!   iterating as CPython does, byte to code-point conversion, the pattern cache;
//! * `regex/template.rs` — replacement templates (`\1`, `\g<name>`);
//! * `regex/objects.rs` — the `Pattern` and `Match` objects and the shared operations.
//!
//! The engine is fancy-regex: patterns without back-references or look-around run on the
//! `regex` crate's linear-time engines; the others on its backtracking VM under a step
//! budget, so no pattern can hang a run. Loops over matches check the time limit.

mod emit;
mod engine;
mod objects;
mod parse;
mod template;

use super::ModuleDecl;
use crate::error::Result;
use crate::natives::{opt, req, Kinds, NativeDecl, Param};
use crate::value::{Str, Value};
use crate::vm::Vm;
use engine::Mode;
use objects::{pattern_arg, Target};

const P: Param = req("p", Kinds::STR.or(Kinds::LIBRARY));
const TEXT: Param = req("text", Kinds::STR);
const FLAGS: Param = opt("flags", Kinds::INT, "0");

static FUNCTIONS: [NativeDecl; 19] = [
    NativeDecl::function("compile", &[P, FLAGS], "a Pattern", compile),
    NativeDecl::function("search", &[P, TEXT, FLAGS], "the first match anywhere, as a Match, or null", search),
    NativeDecl::function("match", &[P, TEXT, FLAGS], "a match starting at position 0, or null", match_),
    NativeDecl::function("fullmatch", &[P, TEXT, FLAGS], "a match of the whole text, or null", fullmatch),
    NativeDecl::function(
        "findall",
        &[P, TEXT, FLAGS],
        "all non-overlapping matches: the strings, the group's, or arrays of the groups'",
        findall,
    ),
    NativeDecl::function("finditer", &[P, TEXT, FLAGS], "array of Match objects", finditer),
    NativeDecl::function(
        "split",
        &[P, TEXT, opt("maxsplit", Kinds::INT, "0"), FLAGS],
        "the pieces of text between matches, with the groups' strings",
        split,
    ),
    NativeDecl::function(
        "sub",
        &[P, req("repl", Kinds::STR), TEXT, opt("count", Kinds::INT, "0"), FLAGS],
        "text with matches replaced by repl (\\1, \\g<name>, \\g<1> insert groups)",
        sub,
    ),
    NativeDecl::function(
        "subn",
        &[P, req("repl", Kinds::STR), TEXT, opt("count", Kinds::INT, "0"), FLAGS],
        "{\"result\": newText, \"count\": numberOfReplacements}",
        subn,
    ),
    NativeDecl::function("test", &[P, TEXT, FLAGS], "whether search finds a match", test),
    NativeDecl::function("count", &[P, TEXT, FLAGS], "the number of non-overlapping matches", count),
    NativeDecl::function(
        "escape",
        &[TEXT],
        "text with a backslash before every character special in a pattern",
        escape,
    ),
    NativeDecl::function("isValid", &[req("p", Kinds::STR)], "whether p is a valid pattern", is_valid),
    NativeDecl::function("IGNORECASE", &[], "the flag 2: letters match either case", flag_ignorecase),
    NativeDecl::function("MULTILINE", &[], "the flag 8: ^ and $ match at every line", flag_multiline),
    NativeDecl::function("DOTALL", &[], "the flag 16: . matches a line feed too", flag_dotall),
    NativeDecl::function("UNICODE", &[], "the flag 32: Unicode classes (the default)", flag_unicode),
    NativeDecl::function("VERBOSE", &[], "the flag 64: whitespace and # comments ignored", flag_verbose),
    NativeDecl::function("ASCII", &[], "the flag 256: \\w \\d \\s \\b and case folding are ASCII-only", flag_ascii),
];

pub(super) static MODULE: ModuleDecl = ModuleDecl::new(
    "regex",
    "regular expressions with Python re syntax",
    &FUNCTIONS,
    super::no_constants,
);

fn text_at(args: &[Value], i: usize) -> &std::rc::Rc<Str> {
    match &args[i] {
        Value::Str(s) => s,
        _ => unreachable!("the declaration checks that argument {i} is a string"),
    }
}

fn compile(_: &mut Vm, args: &[Value]) -> Result<Value> {
    objects::compile("regex.compile", &args[0], args.get(1))
}

fn find(args: &[Value], func: &str, mode: Mode) -> Result<Value> {
    let pattern = pattern_arg(func, &args[0], args.get(2))?;
    objects::find_one(&pattern, &Target::whole(text_at(args, 1)), mode)
}

fn search(_: &mut Vm, args: &[Value]) -> Result<Value> {
    find(args, "regex.search", Mode::Search)
}

fn match_(_: &mut Vm, args: &[Value]) -> Result<Value> {
    find(args, "regex.match", Mode::Match)
}

fn fullmatch(_: &mut Vm, args: &[Value]) -> Result<Value> {
    find(args, "regex.fullmatch", Mode::Full)
}

fn findall(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.findall", &args[0], args.get(2))?;
    objects::findall(&pattern, &Target::whole(text_at(args, 1)))
}

fn finditer(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.finditer", &args[0], args.get(2))?;
    objects::finditer(&pattern, &Target::whole(text_at(args, 1)))
}

fn split(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.split", &args[0], args.get(3))?;
    objects::split(&pattern, text_at(args, 1), args.get(2), "regex.split")
}

fn sub(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.sub", &args[0], args.get(4))?;
    Ok(objects::sub(&pattern, text_at(args, 1).as_str(), text_at(args, 2), args.get(3), "regex.sub")?.0)
}

fn subn(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.subn", &args[0], args.get(4))?;
    let (result, n) =
        objects::sub(&pattern, text_at(args, 1).as_str(), text_at(args, 2), args.get(3), "regex.subn")?;
    Ok(objects::subn_object(result, n))
}

fn test(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.test", &args[0], args.get(2))?;
    let text = text_at(args, 1);
    pattern.check_text(text.as_str(), text.is_ascii())?;
    Ok(Value::Bool(pattern.find(text.as_str(), text.is_ascii(), 0, Mode::Search)?.is_some()))
}

fn count(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let pattern = pattern_arg("regex.count", &args[0], args.get(2))?;
    objects::count(&pattern, &Target::whole(text_at(args, 1)))
}

/// The characters `escape` puts a backslash before (spec §12.7; Python's `re.escape`).
const SPECIAL: &str = "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";

fn escape(_: &mut Vm, args: &[Value]) -> Result<Value> {
    let text = text_at(args, 0).as_str();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if SPECIAL.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(Value::string(out))
}

fn is_valid(_: &mut Vm, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(engine::compiled(text_at(args, 0).as_str(), 0).is_ok()))
}

fn flag_ignorecase(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(parse::IGNORECASE)))
}

fn flag_multiline(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(parse::MULTILINE)))
}

fn flag_dotall(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(parse::DOTALL)))
}

fn flag_unicode(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(parse::UNICODE)))
}

fn flag_verbose(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(parse::VERBOSE)))
}

fn flag_ascii(_: &mut Vm, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(i64::from(parse::ASCII)))
}
