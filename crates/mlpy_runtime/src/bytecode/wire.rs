//! Code objects in the cache format (`crate::cache` frames them in a file).
//!
//! Every integer is little-endian at a fixed width; a length or count is a `u32` checked
//! against the bytes left before anything is allocated; a string is a length and UTF-8.
//! Instructions are written by `Instr::encode`, generated from the one declaration of the
//! instruction set (`instr.rs`), so a new instruction cannot be missed. A code object is
//! rebuilt through `CodeObject::new`, so it is verified exactly as the compiler's output
//! is; reading never panics, whatever the bytes (the decoder tests and the `cache_decode`
//! fuzz target feed it arbitrary ones).

use std::rc::Rc;

use mlpy_syntax::SourceFile;

use super::{Capture, CodeKind, CodeObject, CodeParts, Instr};
use crate::compiler::Prelude;
use crate::value::Value;

/// Nested functions deeper than this are not read (the reader recurses once per level).
pub const MAX_NESTING: u32 = 256;

/// Reads the cache format; every read is checked (`None` at the end of the bytes).
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// How many bytes were read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Whether every byte was read.
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    pub fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    pub fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    /// A count of items of at least `min_size` bytes each: refused when the bytes left
    /// cannot hold them (so arbitrary input allocates nothing large).
    pub fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min_size.max(1))? <= self.bytes.len() - self.pos).then_some(n)
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    pub fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    pub fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

/// Writes the cache format.
pub fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A length or count (`None` beyond `u32`).
pub fn put_len(out: &mut Vec<u8>, n: usize) -> Option<()> {
    put_u32(out, u32::try_from(n).ok()?);
    Some(())
}

pub fn put_str(out: &mut Vec<u8>, s: &str) -> Option<()> {
    put_len(out, s.len())?;
    out.extend_from_slice(s.as_bytes());
    Some(())
}

/// An operand field's type in the cache format.
pub trait Field: Sized {
    fn put(self, out: &mut Vec<u8>) -> Option<()>;
    fn take(r: &mut Reader<'_>) -> Option<Self>;
}

macro_rules! le_field {
    ($($ty:ty),*) => {$(
        impl Field for $ty {
            fn put(self, out: &mut Vec<u8>) -> Option<()> {
                out.extend_from_slice(&self.to_le_bytes());
                Some(())
            }
            fn take(r: &mut Reader<'_>) -> Option<$ty> {
                Some(<$ty>::from_le_bytes(r.array()?))
            }
        }
    )*};
}

le_field!(u8, u16, u32, i16, i32);

impl Field for bool {
    fn put(self, out: &mut Vec<u8>) -> Option<()> {
        out.push(u8::from(self));
        Some(())
    }
    fn take(r: &mut Reader<'_>) -> Option<bool> {
        r.bool()
    }
}

/// An import index relative to the file's first one (`None`: below it, not the file's).
pub struct Relative(pub Option<u16>);

impl Relative {
    pub fn put(self, out: &mut Vec<u8>) -> Option<()> {
        self.0?.put(out)
    }
}

const CONST_STR: u8 = 0;
const CONST_INT: u8 = 1;
const CONST_BIGINT: u8 = 2;
const CONST_FLOAT: u8 = 3;
const CONST_UNINIT: u8 = 4;
/// A value of the prelude, by name (a builtin function, or the module `builtin`).
const CONST_PRELUDE: u8 = 5;

/// Appends `code` (and its nested functions). `None` when it holds something the format
/// cannot express (a constant that is not a literal or a prelude value found by its
/// name); the caller then does not cache the file.
pub fn encode_code(
    code: &CodeObject,
    out: &mut Vec<u8>,
    prelude: &dyn Prelude,
    import_base: u16,
) -> Option<()> {
    let p = &code.parts;
    put_str(out, &p.name)?;
    out.push(match p.kind {
        CodeKind::Module => 0,
        CodeKind::Function => 1,
        CodeKind::Arrow => 2,
    });
    put_u32(out, p.line);
    for v in [p.n_params, p.n_locals, p.n_regs] {
        v.put(out)?;
    }
    put_len(out, p.instrs.len())?;
    for i in &p.instrs {
        i.encode(out, import_base)?;
    }
    for &o in &p.offsets {
        put_u32(out, o);
    }
    put_len(out, p.consts.len())?;
    for c in &p.consts {
        encode_const(c, out, prelude)?;
    }
    put_len(out, p.captures.len())?;
    for (c, name) in p.captures.iter().zip(&p.upvalue_names) {
        let (tag, v) = match *c {
            Capture::Local(r) => (0, r),
            Capture::Upvalue(i) => (1, i),
        };
        out.push(tag);
        v.put(out)?;
        put_str(out, name)?;
    }
    put_len(out, p.local_names.len())?;
    for n in &p.local_names {
        put_str(out, n)?;
    }
    put_len(out, p.cells.len())?;
    for &c in &p.cells {
        c.put(out)?;
    }
    put_len(out, p.functions.len())?;
    for f in &p.functions {
        encode_code(f, out, prelude, import_base)?;
    }
    Some(())
}

fn encode_const(v: &Value, out: &mut Vec<u8>, prelude: &dyn Prelude) -> Option<()> {
    match v {
        Value::Str(s) => {
            out.push(CONST_STR);
            put_str(out, s.as_str())
        }
        Value::Int(i) => {
            out.push(CONST_INT);
            put_u64(out, *i as u64);
            Some(())
        }
        Value::BigInt(b) => {
            out.push(CONST_BIGINT);
            put_str(out, &b.to_string())
        }
        Value::Float(x) => {
            out.push(CONST_FLOAT);
            put_u64(out, x.to_bits());
            Some(())
        }
        Value::Uninit => {
            out.push(CONST_UNINIT);
            Some(())
        }
        Value::Native(n) => {
            // Only a builtin the prelude gives under its own name round-trips.
            let Some(Value::Native(found)) = prelude.lookup(n.name) else { return None };
            Rc::ptr_eq(&found, n).then_some(())?;
            out.push(CONST_PRELUDE);
            put_str(out, n.name)
        }
        Value::Module(m) => {
            let Some(Value::Module(found)) = prelude.lookup(&m.name) else { return None };
            Rc::ptr_eq(&found, m).then_some(())?;
            out.push(CONST_PRELUDE);
            put_str(out, &m.name)
        }
        _ => None,
    }
}

fn decode_const(r: &mut Reader<'_>, prelude: &dyn Prelude) -> Option<Value> {
    Some(match r.u8()? {
        CONST_STR => Value::str(r.str()?),
        CONST_INT => Value::Int(r.u64()? as i64),
        CONST_BIGINT => {
            let n: num_bigint::BigInt = r.str()?.parse().ok()?;
            // The compiler makes a big int constant only outside the `i64` range.
            if i64::try_from(&n).is_ok() {
                return None;
            }
            Value::bigint(n)
        }
        CONST_FLOAT => Value::Float(f64::from_bits(r.u64()?)),
        CONST_UNINIT => Value::Uninit,
        CONST_PRELUDE => match prelude.lookup(r.str()?)? {
            v @ (Value::Native(_) | Value::Module(_)) => v,
            _ => return None,
        },
        _ => return None,
    })
}

/// Why decoding failed: malformed bytes, or code the verifier rejects.
#[derive(Debug)]
pub enum DecodeError {
    Malformed,
    Rejected(super::VerifyError),
}

/// Reads a code object written by `encode_code`, verifying it (and each nested function)
/// through `CodeObject::new`. Import indices must be below `n_imports` and become
/// absolute by adding `import_base`.
pub fn decode_code(
    r: &mut Reader<'_>,
    file: &Rc<SourceFile>,
    prelude: &dyn Prelude,
    import_base: u16,
    n_imports: u16,
    depth: u32,
) -> Result<Rc<CodeObject>, DecodeError> {
    let parts = decode_parts(r, file, prelude, import_base, n_imports, depth)?;
    CodeObject::new(parts).map_err(DecodeError::Rejected)
}

fn decode_parts(
    r: &mut Reader<'_>,
    file: &Rc<SourceFile>,
    prelude: &dyn Prelude,
    import_base: u16,
    n_imports: u16,
    depth: u32,
) -> Result<CodeParts, DecodeError> {
    use DecodeError::Malformed;
    if depth > MAX_NESTING {
        return Err(Malformed);
    }
    let name = r.string().ok_or(Malformed)?;
    let kind = match r.u8().ok_or(Malformed)? {
        0 => CodeKind::Module,
        1 => CodeKind::Function,
        2 => CodeKind::Arrow,
        _ => return Err(Malformed),
    };
    let line = r.u32().ok_or(Malformed)?;
    let n_params = r.u16().ok_or(Malformed)?;
    let n_locals = r.u16().ok_or(Malformed)?;
    let n_regs = r.u16().ok_or(Malformed)?;
    let n = r.count(1 + 4).ok_or(Malformed)?;
    let mut instrs = Vec::with_capacity(n);
    for _ in 0..n {
        instrs.push(Instr::decode(r, import_base, n_imports).ok_or(Malformed)?);
    }
    let text_len = file.text().len() as u32;
    let mut offsets = Vec::with_capacity(n);
    for _ in 0..n {
        let o = r.u32().ok_or(Malformed)?;
        // Positions are inside the source the key was computed from.
        if o > text_len {
            return Err(Malformed);
        }
        offsets.push(o);
    }
    let n = r.count(1).ok_or(Malformed)?;
    let mut consts = Vec::with_capacity(n);
    for _ in 0..n {
        consts.push(decode_const(r, prelude).ok_or(Malformed)?);
    }
    let n = r.count(1 + 2 + 4).ok_or(Malformed)?;
    let (mut captures, mut upvalue_names) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let tag = r.u8().ok_or(Malformed)?;
        let v = r.u16().ok_or(Malformed)?;
        captures.push(match tag {
            0 => Capture::Local(v),
            1 => Capture::Upvalue(v),
            _ => return Err(Malformed),
        });
        upvalue_names.push(r.string().ok_or(Malformed)?);
    }
    let n = r.count(4).ok_or(Malformed)?;
    let mut local_names = Vec::with_capacity(n);
    for _ in 0..n {
        local_names.push(r.string().ok_or(Malformed)?);
    }
    let n = r.count(2).ok_or(Malformed)?;
    let mut cells = Vec::with_capacity(n);
    for _ in 0..n {
        cells.push(r.u16().ok_or(Malformed)?);
    }
    let n = r.count(16).ok_or(Malformed)?;
    let mut functions = Vec::with_capacity(n);
    for _ in 0..n {
        functions.push(decode_code(r, file, prelude, import_base, n_imports, depth + 1)?);
    }
    Ok(CodeParts {
        name,
        kind,
        file: file.clone(),
        line,
        n_params,
        n_locals,
        n_regs,
        instrs,
        offsets,
        consts,
        functions,
        captures,
        upvalue_names,
        local_names,
        cells,
    })
}
