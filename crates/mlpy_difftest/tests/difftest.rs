//! The differential tester in `cargo test`: a fixed sample of generated programs, and the
//! corpus of saved programs.

use std::path::Path;

use mlpy_difftest::ast::{self, Callee, Expr, Stmt};
use mlpy_difftest::gen::{generate, Config};
use mlpy_difftest::run::{run_mlpy, Oracle};
use mlpy_difftest::{check, replay_corpus, shrink, Verdict};

/// Programs checked by `fixed_seed_sample`.
const SAMPLE: u64 = 800;
const SEED: u64 = 20261206;

#[test]
fn fixed_seed_sample() {
    let mut oracle = Oracle::start().expect("python3 is needed by the differential tester");
    let config = Config { avoid_known_defects: false };
    let mut failures = Vec::new();
    let mut skipped = 0;
    for i in 0..SAMPLE {
        let seed = SEED.wrapping_mul(1_000_003).wrapping_add(i);
        let (prog, _) = generate(seed, config);
        let report = check(&prog, &mut oracle).expect("the oracle answers");
        match report.verdict {
            Verdict::Match => {}
            Verdict::Skipped(_) => skipped += 1,
            Verdict::Mismatch(_) => {
                let (_, small) = shrink(&prog, &mut oracle, 300).expect("the oracle answers");
                failures.push(format!("seed {seed}\n{}", small.render()));
                if failures.len() >= 3 {
                    break;
                }
            }
        }
    }
    assert!(skipped < SAMPLE / 20, "{skipped} of {SAMPLE} programs hit a resource limit");
    assert!(failures.is_empty(), "mlpy and the Python oracle disagree:\n{}", failures.join("\n\n"));
}

fn print(args: Vec<Expr>) -> Stmt {
    Stmt::Expr(Expr::Call(Callee::Builtin("print"), args))
}

/// The oracle's bridges reproduce the display forms of spec §4.7 and the error kinds of
/// §9.2, independently of mlpy.
#[test]
fn oracle_follows_the_spec_examples() {
    let mut oracle = Oracle::start().expect("python3");
    let s = |t: &str| Expr::Str(t.into());
    let n = |t: &str| Expr::Num(t.into());
    let prog = vec![
        print(vec![
            Expr::Bool(true),
            Expr::Null,
            n("1.0"),
            s("s"),
            Expr::Array(vec![Expr::Bool(true), Expr::Null, s("s"), n("2.5")]),
            Expr::Object(vec![
                ("k".into(), Expr::Bool(false)),
                ("x".into(), Expr::Array(vec![n("1")])),
            ]),
        ]),
        print(vec![Expr::Array(vec![s("a\"b"), s("tab\there"), s("é")])]),
        print(vec![
            Expr::Bin(ast::BinOp::Add, Box::new(n("0.1")), Box::new(n("0.2"))),
            Expr::Bin(ast::BinOp::Div, Box::new(n("1")), Box::new(n("3"))),
            n("1e16"),
            n("-0.0"),
            Expr::Bin(ast::BinOp::Mod, Box::new(n("-7")), Box::new(n("3"))),
            Expr::Bin(ast::BinOp::FloorDiv, Box::new(n("-7.5")), Box::new(n("2"))),
            Expr::Bin(ast::BinOp::Eq, Box::new(n("0")), Box::new(Expr::Bool(false))),
            Expr::Call(
                Callee::Builtin("sum"),
                vec![Expr::Array(vec![n("0.1"), n("0.2"), n("0.3")])],
            ),
            Expr::Call(Callee::Builtin("round"), vec![n("2.5")]),
        ]),
        print(vec![Expr::Bin(ast::BinOp::Add, Box::new(Expr::Bool(true)), Box::new(n("1")))]),
    ];
    let expected = "true null 1.0 s [true, null, \"s\", 2.5] {\"k\": false, \"x\": [1]}\n\
                    [\"a\\\"b\", \"tab\\there\", \"é\"]\n\
                    0.30000000000000004 0.3333333333333333 1e+16 -0.0 2 -4.0 false 0.6 2.0\n";
    let got = oracle.run(&ast::to_python(&prog)).expect("oracle");
    assert_eq!(got.out, expected);
    assert_eq!(got.error.as_deref(), Some("TypeError"));
    // mlpy agrees on the same program.
    let ml = run_mlpy(&ast::to_ml(&prog), true);
    assert_eq!((ml.out, ml.error), (got.out, got.error));
}

#[test]
fn generation_is_deterministic() {
    let config = Config::default();
    let (a, sa) = generate(42, config);
    let (b, sb) = generate(42, config);
    assert_eq!(ast::to_ml(&a), ast::to_ml(&b));
    assert_eq!(sa.0, sb.0);
    assert_ne!(ast::to_ml(&a), ast::to_ml(&generate(43, config).0));
}

#[test]
fn corpus_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let failures = replay_corpus(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
