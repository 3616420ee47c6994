//! Verifier tests: hand-built bad code is rejected, and every operand of every
//! instruction (taken from the declaration, so a new instruction is covered at once) is
//! checked.

use super::instr::sample_instructions;
use super::*;
use crate::natives::NativeFunction;

#[test]
fn instruction_is_at_most_8_bytes() {
    assert!(std::mem::size_of::<Instr>() <= 8, "{}", std::mem::size_of::<Instr>());
}

fn file() -> Rc<SourceFile> {
    Rc::new(SourceFile::new("t.ml", ""))
}

fn parts(n_regs: u16, instrs: Vec<Instr>) -> CodeParts {
    CodeParts {
        name: "f".to_owned(),
        kind: CodeKind::Function,
        file: file(),
        line: 1,
        n_params: 0,
        n_locals: 0,
        n_regs,
        offsets: vec![0; instrs.len()],
        instrs,
        consts: Vec::new(),
        functions: Vec::new(),
        captures: Vec::new(),
        upvalue_names: Vec::new(),
        local_names: Vec::new(),
        cells: Vec::new(),
    }
}

/// A nested function that captures register `r` of its creator.
fn child(capture: Capture) -> Rc<CodeObject> {
    let mut p = parts(1, vec![Instr::ReturnNull]);
    p.name = "g".to_owned();
    p.captures = vec![capture];
    p.upvalue_names = vec!["x".to_owned()];
    CodeObject::new(p).expect("a valid child")
}

static LEN: crate::natives::NativeDecl =
    crate::natives::NativeDecl::function("len", &[], "a test native", |_, _| Ok(Value::Null));

fn native() -> Value {
    Value::Native(NativeFunction::declared(None, &LEN))
}

/// Code with one of every table entry an operand can name: constant 0 is a name,
/// constant 1 a native function, one nested function, one upvalue.
fn rich(n_regs: u16, instrs: Vec<Instr>) -> CodeParts {
    let mut p = parts(n_regs, instrs);
    p.consts = vec![Value::str("x"), native()];
    p.functions = vec![child(Capture::Local(0))];
    p.captures = vec![Capture::Local(0)];
    p.upvalue_names = vec!["y".to_owned()];
    p
}

fn rejection(p: CodeParts) -> VerifyError {
    let listing = format!("{:?}", p.instrs);
    CodeObject::new(p).expect_err(&listing)
}

#[test]
fn verify_accepts_code_inside_its_frame() {
    let ok = parts(
        3,
        vec![
            Instr::LoadInt { dst: 0, val: 1 },
            Instr::JumpIfNotLtInt { a: 0, imm: 2, offset: 1 },
            Instr::Call { base: 1, argc: 1 },
            Instr::Return { src: 0 },
        ],
    );
    let code = CodeObject::new(ok).expect("valid code");
    assert_eq!(code.instrs().len(), 4);
    assert_eq!(code.prop_cache().len(), code.consts().len());
}

#[test]
fn verify_rejects_what_the_run_loop_cannot_index() {
    let cases = [
        // A register outside the frame, directly or through an implicit operand.
        (vec![Instr::LoadInt { dst: 2, val: 1 }, Instr::ReturnNull], "uses register 2"),
        (vec![Instr::Call { base: 1, argc: 1 }, Instr::ReturnNull], "uses register 2"),
        (vec![Instr::Append { dst: 1, arr: 0, item: 0 }, Instr::ReturnNull], "register 2"),
        (vec![Instr::RangeNext { base: 0, dst: 0, offset: 0 }, Instr::ReturnNull], "2"),
        (vec![Instr::NewArray { dst: 0, start: 1, count: 2 }, Instr::ReturnNull], "start"),
        (vec![Instr::Unpack { base: 0, count: 3, src: 0 }, Instr::ReturnNull], "base"),
        (vec![Instr::GetSlice { dst: 0, obj: 0, base: 0 }, Instr::ReturnNull], "base"),
        // Branches that leave the code, and code that runs off its end.
        (vec![Instr::Jump { offset: 1 }], "jumps outside"),
        (vec![Instr::Jump { offset: -2 }], "jumps outside"),
        (vec![Instr::PushHandler { reg: 0, offset: 5 }, Instr::ReturnNull], "jumps outside"),
        (vec![Instr::IterNext { base: 0, dst: 0, offset: -3 }, Instr::ReturnNull], "jumps"),
        (vec![Instr::LoadNull { dst: 0 }], "does not end"),
        (vec![Instr::Reraise { src: 0 }], "does not end"),
        (vec![], "does not end"),
        // Tables: constants, names, natives, functions, upvalues.
        (vec![Instr::LoadConst { dst: 0, idx: 0 }, Instr::ReturnNull], "no constant 0"),
        (vec![Instr::GetProp { dst: 0, obj: 0, name: 3 }, Instr::ReturnNull], "no constant 3"),
        (vec![Instr::CheckInit { reg: 0, name: 0 }, Instr::ReturnNull], "no constant 0"),
        (vec![Instr::Len { dst: 0, src: 0, func: 0 }, Instr::ReturnNull], "no constant 0"),
        (vec![Instr::MakeClosure { dst: 0, proto: 0 }, Instr::ReturnNull], "no function 0"),
        (vec![Instr::LoadUpval { dst: 0, idx: 0 }, Instr::ReturnNull], "no upvalue 0"),
        (vec![Instr::StoreUpval { idx: 1, src: 0 }, Instr::ReturnNull], "no upvalue 1"),
    ];
    for (instrs, expected) in cases {
        let listing = format!("{instrs:?}");
        let err = rejection(parts(2, instrs)).to_string();
        assert!(err.contains(expected), "{listing}: {err}");
    }
}

#[test]
fn verify_rejects_constants_of_the_wrong_kind() {
    let mut p = parts(1, vec![Instr::GetProp { dst: 0, obj: 0, name: 0 }, Instr::ReturnNull]);
    p.consts = vec![Value::Int(1)];
    assert!(rejection(p).to_string().contains("not a name"));
    let mut p = parts(1, vec![Instr::Len { dst: 0, src: 0, func: 0 }, Instr::ReturnNull]);
    p.consts = vec![Value::str("len")];
    assert!(rejection(p).to_string().contains("not a native"));
}

#[test]
fn verify_rejects_bad_frames_and_captures() {
    let mut p = parts(1, vec![Instr::ReturnNull]);
    p.cells = vec![1];
    assert!(rejection(p).to_string().contains("captures register 1"));

    let mut p = parts(1, vec![Instr::ReturnNull]);
    p.n_locals = 2;
    assert!(rejection(p).to_string().contains("more locals than registers"));

    let mut p = parts(1, vec![Instr::ReturnNull]);
    p.offsets.clear();
    assert!(rejection(p).to_string().contains("source offsets"));

    // A nested function capturing a register outside its creator's frame, or an upvalue
    // its creator does not have.
    let mut p = parts(1, vec![Instr::ReturnNull]);
    p.functions = vec![child(Capture::Local(1))];
    assert!(rejection(p).to_string().contains("captures register 1 of 1"));
    let mut p = parts(1, vec![Instr::ReturnNull]);
    p.functions = vec![child(Capture::Upvalue(0))];
    assert!(rejection(p).to_string().contains("missing upvalue 0"));

    // A module top level runs without upvalues.
    let mut p = rich(1, vec![Instr::ReturnNull]);
    p.kind = CodeKind::Module;
    assert!(rejection(p).to_string().contains("module top level with upvalues"));

    // Upvalue names go with captures.
    let mut p = rich(1, vec![Instr::ReturnNull]);
    p.upvalue_names.clear();
    assert!(rejection(p).to_string().contains("name for each upvalue"));
}

/// A valid value for an operand of the given role in `rich` code of 8 registers.
fn valid(op: Operand) -> i64 {
    match op {
        Operand::Regs { .. } | Operand::Const(_) | Operand::Name(_) => 0,
        Operand::Native(_) => 1,
        Operand::Function(_) | Operand::Upvalue(_) | Operand::Import(_) => 0,
        // Branch to the next instruction; counts and immediates small.
        Operand::Branch(_) => 0,
        Operand::Imm(_) => 1,
        Operand::Bool(_) => 1,
    }
}

/// A value of the operand's role that `rich` code of 8 registers cannot honour, and the
/// words of the error it must cause; `None` for roles with no constraint of their own.
fn invalid(op: Operand) -> Option<(i64, &'static str)> {
    match op {
        Operand::Regs { .. } => Some((8, "uses register")),
        // From pc 0 of two instructions: to 2, past the end.
        Operand::Branch(_) => Some((1, "jumps outside")),
        Operand::Const(_) | Operand::Name(_) | Operand::Native(_) => Some((2, "no constant 2")),
        Operand::Function(_) => Some((1, "no function 1")),
        Operand::Upvalue(_) => Some((1, "no upvalue 1")),
        // Imports are checked against the program's table by the VM; immediates have no
        // bounds (a count's registers are checked through the register range it sizes).
        Operand::Import(_) | Operand::Imm(_) | Operand::Bool(_) => None,
    }
}

#[test]
fn every_operand_of_every_instruction_is_checked() {
    let samples = sample_instructions();
    let names: Vec<&str> = samples.iter().map(Instr::name).collect();
    assert_eq!(names, INSTRUCTION_NAMES, "one sample per declared instruction");
    let mut checked = 0;
    for sample in samples {
        let good = sample.map_operands(&mut |_, op| valid(op));
        // Followed by a return, so that a branch to the next instruction is valid.
        let code = |i: Instr| rich(8, vec![i, Instr::ReturnNull]);
        if let Err(e) = CodeObject::new(code(good)) {
            panic!("{good:?} should verify: {e}");
        }
        for (field, op) in good.operands() {
            let Some((bad_value, expected)) = invalid(op) else { continue };
            let bad = good.map_operands(&mut |f, o| if f == field { bad_value } else { valid(o) });
            let err = rejection(code(bad));
            let text = err.to_string();
            assert_eq!(err.pc, Some(0), "{bad:?}: {text}");
            assert!(
                text.contains(expected) && text.contains(&format!("{} {field}:", bad.name())),
                "{bad:?}: {text}"
            );
            checked += 1;
        }
        // Names and natives must also be of their kind.
        for (field, op) in good.operands() {
            let wrong = match op {
                Operand::Name(_) => 1,
                Operand::Native(_) => 0,
                _ => continue,
            };
            let bad = good.map_operands(&mut |f, o| if f == field { wrong } else { valid(o) });
            assert!(rejection(code(bad)).to_string().contains("is not a"), "{bad:?}");
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} operands checked");
}

#[test]
fn code_that_ends_the_flow_needs_nothing_after_it() {
    for sample in sample_instructions().into_iter().filter(Instr::ends_flow) {
        let only = sample.map_operands(&mut |_, op| match op {
            Operand::Branch(_) => -1,
            op => valid(op),
        });
        CodeObject::new(rich(8, vec![only])).unwrap_or_else(|e| panic!("{only:?}: {e}"));
    }
}

#[test]
fn templates_name_only_declared_operands() {
    for sample in sample_instructions() {
        let fields: Vec<&str> = sample.operands().iter().map(|(f, _)| *f).collect();
        let mut rest = sample.template();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').expect("closed") + open;
            let name = &rest[open + 1..close];
            assert!(name.is_empty() || fields.contains(&name), "{}: {{{name}}}", sample.name());
            rest = &rest[close + 1..];
        }
    }
}

#[test]
fn reads_and_writes_include_implicit_registers() {
    let call = Instr::Call { base: 2, argc: 2 };
    assert_eq!(call.reads(), vec![2, 3, 4]);
    assert_eq!(call.writes(), vec![2, 3, 4]);
    let unpack = Instr::Unpack { base: 1, count: 2, src: 5 };
    assert_eq!(unpack.reads(), vec![5]);
    assert_eq!(unpack.writes(), vec![1, 2]);
    assert_eq!(Instr::NewArray { dst: 0, start: 3, count: 0 }.highest_reg(), Some(0));
    assert_eq!(Instr::Jump { offset: -4 }.branch_offset(), Some(-4));
    assert_eq!(Instr::PopHandler.highest_reg(), None);
}

#[test]
fn disassembly_fills_templates_by_role() {
    let mut p = rich(
        4,
        vec![
            Instr::NewObject { dst: 0, capacity: 2 },
            Instr::LoadUpval { dst: 1, idx: 0 },
            Instr::SetProp { obj: 0, name: 0, src: 1 },
            Instr::MakeClosure { dst: 2, proto: 0 },
            Instr::Import { dst: 3, idx: 7 },
            Instr::JumpIfNotLtInt { a: 1, imm: 10, offset: -6 },
            Instr::ReturnNull,
        ],
    );
    p.file = Rc::new(SourceFile::new("t.ml", "x\n"));
    let text = CodeObject::new(p).expect("valid").disassemble();
    for line in [
        "0  NewObject      r0 <- {} (2)",
        "1  LoadUpval      r1 <- upval 0 (y)",
        "2  SetProp        r0.\"x\" <- r1",
        "3  MakeClosure    r2 <- closure g",
        "4  Import         r3 <- import #7",
        "5  JumpIfNotLtInt r1, 10 -> 0",
        "6  ReturnNull     \n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
}
