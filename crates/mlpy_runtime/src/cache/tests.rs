//! The cache format: every instruction and constant round-trips, and the decoder never
//! panics nor accepts damaged bytes, whatever they are.

use super::*;
use crate::builtins::BuiltinTable;
use crate::bytecode::Instr;
use crate::compiler::{compile_module, CompileContext};
use crate::value::Value;

const PROGRAM: &str = r#"
import math;
import geometry as geo;
capability Files { resource "data/*.csv"; allow read "data"; allow write; }
big = 123456789012345678901234567890;
neg = -0.0; nan = 0.0 / 0.0; inf = 1e308 * 10.0; f = 2.5;
s = "héllo \n world";
function outer(a, b) {
    c = a + 1;
    function inner(x) { return x + c + b; }
    return fn(y) => inner(y) + len([1, 2]);
}
xs = [];
for (i in range(3)) { g = outer(i, 2); xs.append(g(1)); }
print(xs, big, neg, s, builtin.len("ab"), geo, math.pi, f);
"#;

fn compile(text: &str, is_module: bool) -> (Rc<SourceFile>, Rc<CodeObject>, BuiltinTable) {
    let file = Rc::new(SourceFile::new("t.ml", text));
    let parsed = mlpy_syntax::parse(&file);
    assert!(parsed.diagnostics.iter().all(|d| !d.is_error()), "{:?}", parsed.diagnostics);
    let builtins = BuiltinTable::new();
    let mut n = 0u16;
    let ctx = CompileContext {
        prelude: &builtins,
        import_index: &mut |_| {
            n += 1;
            // As the loader does for a file whose first import is the program's 7th.
            7 + n - 1
        },
        is_imported_module: is_module,
        options: CompileOptions::default(),
    };
    let code = compile_module(&parsed.module, file.clone(), ctx).expect("compiles");
    (file, code, builtins)
}

fn front() -> FrontEnd {
    let span = Span::new(1, 7);
    let ident = |name: &str| Ident { name: name.to_owned(), span };
    FrontEnd {
        diagnostics: vec![Diagnostic::warning("SecurityWarning", "a warning", span)
            .with_rule("SEC006", "some-rule")
            .with_label(Span::new(2, 3), "here")
            .with_help("do this")],
        imports: vec![
            ImportStmt { path: vec![ident("math")], alias: None, span },
            ImportStmt { path: vec![ident("geometry")], alias: Some(ident("geo")), span },
        ],
        import_calls: vec![0, 1],
        declarations: vec![CapabilityDecl {
            name: ident("Files"),
            items: vec![
                CapabilityItem::Resource { pattern: "data/*.csv".into(), span },
                CapabilityItem::Allow {
                    op: CapabilityOp::Read,
                    target: Some(("data".into(), span)),
                    span,
                },
                CapabilityItem::Allow { op: CapabilityOp::Write, target: None, span },
            ],
        }],
    }
}

fn sample() -> (Rc<SourceFile>, Rc<CodeObject>, BuiltinTable, Key, Vec<u8>) {
    let (file, code, builtins) = compile(PROGRAM, false);
    let key = key(file.text(), CompileOptions::default(), false);
    let bytes = encode(key, &front(), &code, &builtins, 7).expect("encodes");
    (file, code, builtins, key, bytes)
}

/// Every constant of `a` and `b`, compared by what they are (floats by their bits).
fn same_consts(a: &CodeObject, b: &CodeObject) {
    assert_eq!(a.consts().len(), b.consts().len());
    for (x, y) in a.consts().iter().zip(b.consts()) {
        match (x, y) {
            (Value::Float(x), Value::Float(y)) => assert_eq!(x.to_bits(), y.to_bits()),
            (Value::Native(x), Value::Native(y)) => assert!(Rc::ptr_eq(x, y)),
            (Value::Module(x), Value::Module(y)) => assert!(Rc::ptr_eq(x, y)),
            (Value::Uninit, Value::Uninit) => {}
            _ => assert_eq!(crate::display::repr(x), crate::display::repr(y)),
        }
    }
    for (f, g) in a.functions().iter().zip(b.functions()) {
        same_consts(f, g);
    }
}

#[test]
fn a_compiled_file_round_trips() {
    let (file, code, builtins, key, bytes) = sample();
    let entry = decode(bytes.clone(), key, &file).expect("decodes");
    assert_eq!(entry.front, front());
    let back = entry.code(&file, &builtins, 7).expect("verifies");
    assert_eq!(back.disassemble(), code.disassemble());
    same_consts(&code, &back);
    assert!(code.consts().iter().any(|c| matches!(c, Value::BigInt(_))));
    assert!(code.consts().iter().any(|c| matches!(c, Value::Float(_))));
    // Another place in the program's import table: the import indices follow.
    let moved = decode(bytes.clone(), key, &file).unwrap().code(&file, &builtins, 20).unwrap();
    let imports = |c: &CodeObject| -> Vec<u16> {
        c.instrs()
            .iter()
            .filter_map(|i| match *i {
                Instr::Import { idx, .. } => Some(idx),
                _ => None,
            })
            .collect()
    };
    assert_eq!(imports(&code), [7, 8]);
    assert_eq!(imports(&moved), [20, 21]);
}

#[test]
fn every_instruction_round_trips_with_every_operand_nonzero() {
    for sample in crate::bytecode::sample_instructions() {
        for v in [1i64, -1, 300, 70000] {
            let instr = sample.map_operands(&mut |_, _| v);
            let mut out = Vec::new();
            // Import indices are written relative to the base: 0 here.
            instr.encode(&mut out, 0).expect("encodes");
            let mut r = wire::Reader::new(&out);
            let back = Instr::decode(&mut r, 0, u16::MAX);
            if matches!(instr, Instr::Import { idx: u16::MAX, .. }) {
                // Beyond the file's import statements.
                assert_eq!(back, None);
                continue;
            }
            let back = back.unwrap_or_else(|| panic!("{instr:?} {out:?}"));
            assert!(r.at_end(), "{instr:?}");
            assert_eq!(back, instr);
        }
    }
}

#[test]
fn float_constants_keep_their_bits() {
    use crate::bytecode::{CodeKind, CodeParts};
    let file = Rc::new(SourceFile::new("t.ml", ""));
    let floats = [f64::NAN, -0.0, 0.0, f64::INFINITY, f64::NEG_INFINITY, 1e-310, 0.1];
    let parts = CodeParts {
        name: "<module>".to_owned(),
        kind: CodeKind::Module,
        file: file.clone(),
        line: 1,
        n_params: 0,
        n_locals: 0,
        n_regs: 0,
        instrs: vec![Instr::ReturnNull],
        offsets: vec![0],
        consts: floats.iter().map(|&x| Value::Float(x)).chain([Value::Int(i64::MIN)]).collect(),
        functions: Vec::new(),
        captures: Vec::new(),
        upvalue_names: Vec::new(),
        local_names: Vec::new(),
        cells: Vec::new(),
    };
    let code = CodeObject::new(parts).unwrap();
    let builtins = BuiltinTable::new();
    let key = key("", CompileOptions::default(), false);
    let bytes = encode(key, &FrontEnd::default(), &code, &builtins, 0).unwrap();
    let back = decode(bytes.clone(), key, &file).unwrap().code(&file, &builtins, 0).unwrap();
    same_consts(&code, &back);
    assert!(matches!(back.consts()[floats.len()], Value::Int(i64::MIN)));
}

#[test]
fn a_key_depends_on_the_source_and_the_options() {
    let o = CompileOptions::default();
    let k = key("print(1);", o, false);
    assert_eq!(k, key("print(1);", o, false));
    assert_ne!(k, key("print(2);", o, false));
    assert_ne!(k, key("print(1);", CompileOptions { fast_paths: false }, false));
    assert_ne!(k, key("print(1);", o, true));
}

#[test]
fn another_key_or_build_is_a_miss() {
    let (file, _, _, key_, bytes) = sample();
    let other = key("x = 1;", CompileOptions::default(), false);
    assert_eq!(decode(bytes.clone(), other, &file).err(), Some(Miss::Stale));
    let mut b = bytes.clone();
    b[FINGERPRINT_AT] ^= 1;
    assert_eq!(decode(b.clone(), key_, &file).err(), Some(Miss::OtherBuild));
    let mut b = bytes.clone();
    b[8] = 99;
    assert_eq!(decode(b.clone(), key_, &file).err(), Some(Miss::NotACacheFile));
}

/// Decodes completely; `Ok` only for bytes that give a verified code object.
fn try_all(bytes: &[u8], key: Key, file: &Rc<SourceFile>, prelude: &BuiltinTable) -> bool {
    match decode(bytes.to_vec(), key, file) {
        Ok(entry) => entry.code(file, prelude, 0).is_ok(),
        Err(_) => false,
    }
}

/// A deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Rewrites the header's length and checksum for `payload`, so that damage inside the
/// payload reaches the payload decoder and the verifier.
fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
    let payload_len = (bytes.len() - HEADER_LEN) as u64;
    let sum = xxhash_rust::xxh3::xxh3_64(&bytes[HEADER_LEN..]);
    bytes[LENGTH_AT..LENGTH_AT + 8].copy_from_slice(&payload_len.to_le_bytes());
    bytes[CHECKSUM_AT..CHECKSUM_AT + 8].copy_from_slice(&sum.to_le_bytes());
    bytes
}

#[test]
fn every_truncation_and_every_flipped_byte_is_a_miss() {
    let (file, _, builtins, key, bytes) = sample();
    assert!(try_all(&bytes, key, &file, &builtins));
    for len in 0..bytes.len() {
        assert!(!try_all(&bytes[..len], key, &file, &builtins), "truncated to {len}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(!try_all(&longer, key, &file, &builtins));
    for at in 0..bytes.len() {
        let mut b = bytes.clone();
        b[at] ^= 0x5a;
        assert!(!try_all(&b, key, &file, &builtins), "byte {at} flipped");
    }
}

#[test]
fn the_payload_decoder_never_panics_on_damaged_payloads() {
    let (file, _, builtins, key, bytes) = sample();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // Every byte of the payload flipped in turn (the checksum made to match), then many
    // random multi-byte mutations, insertions and deletions.
    for at in HEADER_LEN..bytes.len() {
        for mask in [0x01, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[at] ^= mask;
            let _ = try_all(&resealed(b), key, &file, &builtins);
        }
    }
    for _ in 0..20_000 {
        let mut b = bytes.clone();
        for _ in 0..1 + rng.below(4) {
            let at = HEADER_LEN + rng.below(b.len() - HEADER_LEN);
            match rng.below(3) {
                0 => b[at] = rng.next() as u8,
                1 => b.insert(at, rng.next() as u8),
                _ => {
                    b.remove(at);
                }
            }
            if b.len() <= HEADER_LEN {
                break;
            }
        }
        let _ = try_all(&resealed(b), key, &file, &builtins);
    }
}

#[test]
fn arbitrary_bytes_are_never_accepted() {
    let file = Rc::new(SourceFile::new("t.ml", "x = 1;"));
    let builtins = BuiltinTable::new();
    let key = key(file.text(), CompileOptions::default(), false);
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let len = rng.below(200);
        let mut b: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        // Half of them get a valid header, so the payload decoder sees random bytes.
        if rng.below(2) == 0 && b.len() >= HEADER_LEN {
            b[..8].copy_from_slice(&MAGIC);
            b[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
            b[FINGERPRINT_AT..KEY_AT].copy_from_slice(&build_fingerprint());
            b[KEY_AT..LENGTH_AT].copy_from_slice(&key.0);
            b = resealed(b);
        }
        assert!(!try_all(&b, key, &file, &builtins));
    }
}

#[test]
fn a_top_level_that_is_not_a_module_is_refused() {
    // Verified code (a function may have upvalues), but the loader runs a file's top level
    // without any: `LoadUpval` would index past them.
    use crate::bytecode::{Capture, CodeKind, CodeParts};
    let file = Rc::new(SourceFile::new("t.ml", "x;"));
    let parts = CodeParts {
        name: "<module>".to_owned(),
        kind: CodeKind::Function,
        file: file.clone(),
        line: 1,
        n_params: 0,
        n_locals: 0,
        n_regs: 1,
        instrs: vec![Instr::LoadUpval { dst: 0, idx: 0 }, Instr::Return { src: 0 }],
        offsets: vec![0, 0],
        consts: Vec::new(),
        functions: Vec::new(),
        captures: vec![Capture::Local(0)],
        upvalue_names: vec!["x".to_owned()],
        local_names: Vec::new(),
        cells: Vec::new(),
    };
    let code = CodeObject::new(parts).expect("a function may capture");
    let builtins = BuiltinTable::new();
    let k = key(file.text(), CompileOptions::default(), false);
    let bytes = encode(k, &FrontEnd::default(), &code, &builtins, 0).expect("encodes");
    let entry = decode(bytes, k, &file).expect("the header and front end are fine");
    assert_eq!(entry.code(&file, &builtins, 0).err(), Some(Miss::Malformed));
}

#[test]
fn an_import_path_that_is_not_an_identifier_is_refused() {
    // The loader makes a file path of an import's components: a crafted cache file must
    // not import `../../elsewhere/evil.ml`, nor `/etc/x`, nor an empty name.
    let (file, code, builtins) = compile("x = 1;", false);
    let k = key(file.text(), CompileOptions::default(), false);
    let span = Span::new(0, 1);
    for bad in ["../../evil/evil", "/etc/x", "", "a/b", "a.b", "1a", "é"] {
        let mut front = FrontEnd::default();
        front.imports.push(ImportStmt {
            path: vec![Ident { name: bad.to_owned(), span }],
            alias: None,
            span,
        });
        let bytes = encode(k, &front, &code, &builtins, 0).expect("encodes");
        assert_eq!(decode(bytes, k, &file).err(), Some(Miss::Malformed), "{bad:?}");
        let mut front = FrontEnd::default();
        front.imports.push(ImportStmt {
            path: vec![Ident { name: "ok_name2".to_owned(), span }],
            alias: Some(Ident { name: bad.to_owned(), span }),
            span,
        });
        let bytes = encode(k, &front, &code, &builtins, 0).expect("encodes");
        assert_eq!(decode(bytes, k, &file).err(), Some(Miss::Malformed), "alias {bad:?}");
    }
    let mut front = FrontEnd::default();
    front.imports.push(ImportStmt {
        path: vec![
            Ident { name: "_pkg".to_owned(), span },
            Ident { name: "Mod_1".to_owned(), span },
        ],
        alias: Some(Ident { name: "m".to_owned(), span }),
        span,
    });
    let bytes = encode(k, &front, &code, &builtins, 0).expect("encodes");
    assert_eq!(decode(bytes, k, &file).expect("decodes").front, front);
}
