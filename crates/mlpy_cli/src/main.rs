//! The `mlpy` command: parses arguments, loads and checks the program, runs it, and maps
//! every outcome to a documented exit status.
//!
//! **Architecture invariant:** this is the only crate that prints, reads the environment
//! or touches files on the user's behalf.

mod args;
mod pipeline;

use std::process::ExitCode;
use std::rc::Rc;

use args::{Command, RunConfig};
use mlpy_runtime::builtins::BuiltinTable;
use mlpy_runtime::{ErrorKind, Limits, RuntimeError, Vm};
use pipeline::{LoadError, Loaded};

/// Exit statuses (README.md documents them).
mod exit {
    pub const OK: u8 = 0;
    pub const RUNTIME_ERROR: u8 = 1;
    pub const USAGE: u8 = 64;
    pub const STATIC_REJECTION: u8 = 65;
    pub const LIMIT_EXCEEDED: u8 = 75;
}

/// The interpreter runs on a thread with a large stack: deeply nested data (display,
/// comparison) recurses in Rust, ML calls do not.
const STACK_SIZE: usize = 512 << 20;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let worker = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || real_main(&argv));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!(
                "mlpy: internal error (the interpreter thread panicked); please report this bug"
            );
            ExitCode::from(70)
        }
    }
}

fn real_main(argv: &[String]) -> u8 {
    let command = match args::parse(argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("mlpy: {}\n\n{}", e.0, args::USAGE);
            return exit::USAGE;
        }
    };
    match command {
        Command::Help => {
            println!("{}", args::USAGE);
            exit::OK
        }
        Command::Version => {
            println!("mlpy {}", env!("CARGO_PKG_VERSION"));
            exit::OK
        }
        Command::Check { file, import_paths } => {
            let name = file.display().to_string();
            let builtins = BuiltinTable::new();
            match load(&file, &name, &import_paths, &builtins) {
                Ok(loaded) => {
                    print_warnings(&loaded);
                    eprintln!("{name}: no problems found");
                    exit::OK
                }
                Err(code) => code,
            }
        }
        Command::Compile { file, import_paths, disasm } => {
            let name = file.display().to_string();
            let builtins = BuiltinTable::new();
            match load(&file, &name, &import_paths, &builtins) {
                Ok(loaded) => {
                    print_warnings(&loaded);
                    if disasm {
                        print!("{}", loaded.program.main.disassemble());
                        for m in &loaded.program.modules {
                            println!();
                            print!("{}", m.code.disassemble());
                        }
                    }
                    exit::OK
                }
                Err(code) => code,
            }
        }
        Command::Run(cfg) => run(cfg),
    }
}

/// Loads a program, printing diagnostics; `Err` carries the exit status.
fn load(
    file: &std::path::Path,
    name: &str,
    import_paths: &[std::path::PathBuf],
    builtins: &BuiltinTable,
) -> Result<Loaded, u8> {
    match pipeline::load(file, name, import_paths, builtins) {
        Ok(loaded) => Ok(loaded),
        Err(LoadError::Unreadable(msg)) => {
            eprintln!("mlpy: {msg}");
            Err(exit::USAGE)
        }
        Err(LoadError::Rejected(diags)) => {
            let mut errors = 0;
            for d in &diags {
                eprint!("{}", d.render());
                errors += d.diagnostic.is_error() as usize;
            }
            eprintln!(
                "mlpy: {name} was rejected ({errors} error{}); nothing was run",
                if errors == 1 { "" } else { "s" }
            );
            Err(exit::STATIC_REJECTION)
        }
    }
}

fn print_warnings(loaded: &Loaded) {
    for w in &loaded.warnings {
        eprint!("{}", w.render());
    }
}

fn run(cfg: RunConfig) -> u8 {
    let builtins = BuiltinTable::new();
    let loaded = match load(&cfg.file, &cfg.file_arg, &cfg.import_paths, &builtins) {
        Ok(l) => l,
        Err(code) => return code,
    };
    print_warnings(&loaded);
    let mut limits = Limits::default();
    if let Some(d) = cfg.max_depth {
        limits.max_depth = d;
    }
    limits.timeout = cfg.timeout;
    limits.max_memory = cfg.max_memory;
    let mut vm = Vm::new(Rc::new(loaded.program), limits);
    let res = vm.run_main();
    vm.flush();
    match res {
        Ok(()) => exit::OK,
        Err(err) => {
            report_error(&err);
            if err.kind() == ErrorKind::LimitExceeded {
                exit::LIMIT_EXCEEDED
            } else {
                exit::RUNTIME_ERROR
            }
        }
    }
}

/// Prints an uncaught error: kind and message, then the ML stack, innermost last.
fn report_error(err: &RuntimeError) {
    let mut text = format!("{}: {}\n", err.type_name(), err.message());
    for t in err.trace() {
        text.push_str(&format!("  at {} ({}:{}:{})\n", t.function, t.file, t.line, t.col));
    }
    eprint!("{text}");
}
