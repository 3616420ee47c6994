//! The `mlpy` command: parses arguments, loads and checks the program, runs it, and maps
//! every outcome to a documented exit status.
//!
//! **Architecture invariant:** this is the only crate that prints, reads the environment
//! or touches files on the user's behalf.

mod alloc_count;
mod args;
mod limits;
mod pipeline;
mod policy;
mod profile_output;
mod report;

use std::process::ExitCode;
use std::rc::Rc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use args::{Command, RunConfig};
use mlpy_profile::{Calibration, Category, Recorder};
use mlpy_runtime::builtins::BuiltinTable;
use mlpy_runtime::{ErrorKind, Limits, RuntimeError, Vm};
use pipeline::{LoadError, Loaded};
use profile_output::ProfileOptions;

/// Exit statuses (README.md documents them).
mod exit {
    pub const OK: u8 = 0;
    pub const RUNTIME_ERROR: u8 = 1;
    pub const USAGE: u8 = 64;
    pub const STATIC_REJECTION: u8 = 65;
    pub const LIMIT_EXCEEDED: u8 = 75;
    pub const OUTPUT_FAILED: u8 = 74;
    pub const INTERNAL: u8 = 70;
}

/// The command's own standard output and error. `print!` and `eprint!` panic when the
/// stream is gone (`mlpy --help | head -1`); these return the failure, or drop it.
mod console {
    use std::io::Write;

    /// Writes `text` to standard output and flushes it.
    pub fn out(text: &str) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// Writes `text` to standard error; a closed standard error is ignored.
    pub fn err(text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

/// `eprintln!` that does not panic when standard error is closed.
macro_rules! errln {
    ($($arg:tt)*) => {
        console::err(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` that does not panic when standard error is closed.
macro_rules! err {
    ($($arg:tt)*) => {
        console::err(&format!($($arg)*))
    };
}

/// The exit status for standard output that could not be written: quiet for a reader
/// that went away (a closed pipe), a message otherwise.
fn output_failed(e: &std::io::Error) -> u8 {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        errln!("mlpy: cannot write standard output: {}", pipeline::io_reason(e));
    }
    exit::OUTPUT_FAILED
}

/// Prints `text` on standard output; the status to exit with.
fn print_out(text: &str) -> u8 {
    match console::out(text) {
        Ok(()) => exit::OK,
        Err(e) => output_failed(&e),
    }
}

#[global_allocator]
static ALLOCATOR: alloc_count::CountingAllocator = alloc_count::CountingAllocator;

/// The interpreter runs on a thread with a large stack: deeply nested data (display,
/// comparison) recurses in Rust, ML calls do not.
const STACK_SIZE: usize = 512 << 20;

/// How long past its `--timeout` a run stuck in one operation that cannot be interrupted
/// (a native the deadline does not reach) may go on before mlpy ends it from outside.
const BACKSTOP_GRACE: Duration = Duration::from_millis(1500);

/// The deadline of the running program, past which the main thread ends the process
/// (`backstop`), and how the limit is named; `None` outside a program's run.
static BACKSTOP: Mutex<Option<(Instant, String)>> = Mutex::new(None);

/// Arms (`Some`) or disarms the backstop around a program's run.
fn set_backstop(at: Option<(Instant, String)>) {
    *BACKSTOP.lock().unwrap_or_else(|e| e.into_inner()) = at;
}

/// The main thread's watch over the interpreter thread: the VM ends a run at its deadline
/// at the next check (after every native call, at safepoints, inside the natives that
/// loop), but an operation no check reaches (a library's search, say) would hold the run
/// past its limit without end. Past the deadline and `BACKSTOP_GRACE`, the run is ended
/// here, with the limit's status and message (its profile, held by the stuck thread, is
/// not written).
fn backstop() {
    let armed = BACKSTOP.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some((at, text)) = armed {
        if Instant::now() >= at + BACKSTOP_GRACE {
            errln!("LimitExceeded: time limit of {text} exceeded (the run was stopped in an operation that could not be interrupted)");
            std::process::exit(i32::from(exit::LIMIT_EXCEEDED));
        }
    }
}

fn main() -> ExitCode {
    let started = Instant::now();
    alloc_count::one_arena();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || {
        let code = real_main(&argv, started);
        let _ = tx.send(());
        code
    });
    if worker.is_ok() {
        // Woken by the worker's end (or its panic, which drops the sender).
        while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
            rx.recv_timeout(Duration::from_millis(100))
        {
            backstop();
        }
    }
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            errln!(
                "mlpy: internal error (the interpreter thread panicked); please report this bug"
            );
            ExitCode::from(exit::INTERNAL)
        }
    }
}

fn real_main(argv: &[std::ffi::OsString], started: Instant) -> u8 {
    let command = match args::parse_with_color(argv) {
        Ok((c, color)) => {
            report::set_paint(report::paint_for(color));
            c
        }
        Err(e) => return usage(e),
    };
    match command {
        Command::Help(text) | Command::Completions(text) => print_out(&text),
        Command::Version => print_out(&format!("mlpy {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Check { file, import_paths } => {
            let name = shown_name(&file);
            let builtins = BuiltinTable::new();
            let off = pipeline::CacheOptions::default();
            match load(&file, &name, &import_paths, &builtins, Default::default(), &off) {
                Ok(loaded) => {
                    print_warnings(&loaded);
                    errln!("{name}: no problems found");
                    exit::OK
                }
                Err(code) => code,
            }
        }
        Command::Compile { file, import_paths, disasm, cache } => {
            let name = shown_name(&file);
            let builtins = BuiltinTable::new();
            let cache = cache_options(&cache);
            match load(&file, &name, &import_paths, &builtins, Default::default(), &cache) {
                Ok(loaded) => {
                    print_warnings(&loaded);
                    if !disasm {
                        return exit::OK;
                    }
                    let mut text = loaded.program.main.disassemble();
                    for m in &loaded.program.modules {
                        text.push('\n');
                        text.push_str(&m.code.disassemble());
                    }
                    print_out(&text)
                }
                Err(code) => code,
            }
        }
        Command::Run(cfg) => run(*cfg, started),
        Command::ProfileShow { file, output } => profile_show(&file, &output),
    }
}

/// Prints a usage error (already in its final form); the usage-error status.
fn usage(e: args::UsageError) -> u8 {
    err!("{}", e.0);
    if !e.0.ends_with('\n') {
        err!("\n");
    }
    exit::USAGE
}

/// The main file's name in messages and reports: as given, or `<stdin>` for `-`.
fn shown_name(file: &std::path::Path) -> String {
    if pipeline::is_stdin(file) {
        pipeline::STDIN_NAME.to_owned()
    } else {
        file.display().to_string()
    }
}

/// The bytecode cache options of `run` and `compile`: the flags, then the environment
/// (`MLPY_CACHE_DIR`, `MLPY_CACHE_TRACE`; README, "The bytecode cache").
fn cache_options(args: &args::CacheArgs) -> pipeline::CacheOptions {
    use pipeline::CacheMode;
    let mode = if args.no_cache {
        CacheMode::Off
    } else if args.force_transpile {
        CacheMode::WriteOnly
    } else {
        CacheMode::ReadWrite
    };
    let env_dir = std::env::var_os("MLPY_CACHE_DIR").filter(|d| !d.is_empty()).map(Into::into);
    let trace = std::env::var_os("MLPY_CACHE_TRACE").is_some_and(|v| !v.is_empty() && v != "0");
    pipeline::CacheOptions { mode, dir: args.cache_dir.clone().or(env_dir), trace }
}

/// Loads a program, printing diagnostics; `Err` carries the exit status.
fn load(
    file: &std::path::Path,
    name: &str,
    import_paths: &[std::path::PathBuf],
    builtins: &BuiltinTable,
    options: mlpy_runtime::compiler::CompileOptions,
    cache: &pipeline::CacheOptions,
) -> Result<Loaded, u8> {
    // `-`: the program is standard input; its imports are found from the working directory.
    let name = if pipeline::is_stdin(file) { pipeline::STDIN_NAME } else { name };
    match pipeline::load(file, name, import_paths, builtins, options, cache) {
        Ok(loaded) => Ok(loaded),
        Err(LoadError::Unreadable(msg)) => {
            errln!("mlpy: {msg}");
            Err(exit::USAGE)
        }
        Err(LoadError::Rejected(diags)) => {
            err!("{}", report::diagnostics(&diags));
            let errors = diags.iter().filter(|d| d.diagnostic.is_error()).count();
            errln!(
                "mlpy: {} was rejected ({errors} error{}); nothing was run",
                mlpy_syntax::diagnostic::escape_controls(name, false),
                if errors == 1 { "" } else { "s" }
            );
            Err(exit::STATIC_REJECTION)
        }
    }
}

fn print_warnings(loaded: &Loaded) {
    err!("{}", report::diagnostics(&loaded.warnings));
}

fn run(cfg: RunConfig, started: Instant) -> u8 {
    // Profile options, and where the profile will be written, are checked before
    // anything runs.
    let profile = cfg.profile;
    let profile_options = if profile {
        match profile_options(&["run"], &cfg.profile_output) {
            Ok(o) => Some(o),
            Err(code) => return code,
        }
    } else {
        None
    };
    // The profiler's own set-up (calibrating its clock and its per-event cost) is not a
    // phase of the program: it is left out of the startup phase.
    let phase_clock = pipeline::PhaseClock::new(cfg.clock, started);
    phase_clock.install();
    let calibrating = phase_clock.now();
    let recorder = match profile.then(|| cfg.clock.clock()).transpose() {
        Ok(clock) => clock.map(|clock| {
            // Uncalibrated here: the VM calibrates the profiler's cost through its own
            // hooks when profiling is enabled (`Vm::enable_profiling`).
            let mut rec = Recorder::with_calibration(clock, cfg.memory, Calibration::NONE);
            if let Some(cap) = cfg.timeline {
                rec.record_timeline(cap);
            }
            rec
        }),
        Err(msg) => {
            errln!("mlpy: {msg}");
            return exit::USAGE;
        }
    };
    let calibration = phase_clock.now().saturating_sub(calibrating);
    let grants = match policy::grants(&cfg.grants) {
        Ok(g) => g,
        Err(msg) => {
            errln!("mlpy: {msg}");
            return exit::USAGE;
        }
    };
    let builtins = BuiltinTable::new();
    alloc_count::set_counting(profile);
    let cache = cache_options(&cfg.cache);
    let loaded =
        load(&cfg.file, &cfg.file_arg, &cfg.import_paths, &builtins, cfg.compile_options, &cache);
    alloc_count::set_counting(false);
    let loaded = match loaded {
        Ok(l) => l,
        Err(code) => return code,
    };
    print_warnings(&loaded);
    let policy = policy::build(&grants, &loaded.declarations);
    for need in policy.unmet_declarations() {
        errln!("{}: {need}", report::paint().paint(mlpy_syntax::style::Role::Warning, "warning"));
    }
    let mut limits = Limits::default();
    if let Some(d) = cfg.max_depth {
        limits.max_depth = d;
    }
    limits.timeout = cfg.timeout;
    limits.max_memory = cfg.max_memory;
    limits.max_memory_text = cfg.max_memory_text.clone();
    let phases = loaded.phases;
    let vm_begin = phase_clock.now();
    let mut vm = Vm::new(Rc::new(loaded.program), limits);
    vm.set_policy(Rc::new(policy));
    let mut program_args = vec![cfg.file_arg.clone()];
    program_args.extend(cfg.program_args.iter().cloned());
    vm.set_program_args(program_args);
    if let Some(mut rec) = recorder {
        let ns = |d: std::time::Duration| d.as_nanos() as u64;
        let loading = [
            ("module loading", Category::RuntimeOverhead, phases.module_loading),
            ("parsing", Category::Parsing, phases.parsing),
            ("security analysis", Category::SecurityAnalysis, phases.security_analysis),
            ("compilation", Category::Compilation, phases.compilation),
        ];
        let loading_time: std::time::Duration =
            loading.iter().map(|(_, _, p)| p.time).sum::<std::time::Duration>() + phases.cache.time;
        let startup = vm_begin.saturating_sub(loading_time + calibration);
        rec.phase("startup", Category::SandboxStartup, ns(startup), 0);
        // Only a run that used the bytecode cache has a cache phase (reading and
        // verifying on a hit, looking up and writing on a miss): the profiler's advice
        // speaks of the cache only then.
        if phases.cache_used {
            rec.phase("cache", Category::Cache, ns(phases.cache.time), phases.cache.bytes);
        }
        for (name, category, phase) in loading {
            rec.phase(name, category, ns(phase.time), phase.bytes);
        }
        vm.enable_profiling(rec);
    }
    if let Some(t) = cfg.timeout {
        if let Some(at) = Instant::now().checked_add(t) {
            // Named as the VM names it (`Limits::time_text`).
            set_backstop(Some((at, format!("{} s", t.as_secs_f64()))));
        }
    }
    let res = vm.run_main();
    set_backstop(None);
    vm.flush();
    // When several outcomes apply, the first of these decides the status (README's
    // table): a limit, then a runtime error, then output (the program's or a profile)
    // that could not be written.
    let mut status = match res {
        Ok(()) => exit::OK,
        Err(err) if err.kind() == ErrorKind::OutputClosed => exit::OUTPUT_FAILED,
        Err(err) => {
            report_error(&err);
            if err.kind() == ErrorKind::LimitExceeded {
                exit::LIMIT_EXCEEDED
            } else {
                exit::RUNTIME_ERROR
            }
        }
    };
    if let Some(e) = vm.output_failure() {
        let failed = output_failed(e);
        if status == exit::OK {
            status = failed;
        }
    }
    // A failing program still gets its profile, after its own error message.
    if let (Some(options), Some(rec)) = (profile_options, vm.take_recorder()) {
        let profile = rec.finish(&shown_name(&cfg.file));
        let failures = options.emit(&profile);
        for message in failures.iter().filter_map(|f| f.message.as_ref()) {
            errln!("mlpy: {message}");
        }
        if !failures.is_empty() && status == exit::OK {
            status = exit::OUTPUT_FAILED;
        }
    }
    // The process ends now: freeing the program's values would only take time (seconds
    // for a heap that hit the memory limit) and stack (a chain of ten million composed
    // functions is dropped recursively).
    std::mem::forget(vm);
    status
}

/// The profile options of `run` or `profile show` (`command`), checked: a bad value is a
/// usage error, and so is a destination that cannot be written. `Err` carries the status.
fn profile_options(command: &[&str], args: &args::ProfileOutputArgs) -> Result<ProfileOptions, u8> {
    let options =
        ProfileOptions::new(args).map_err(|msg| usage(args::usage_error(command, &msg)))?;
    if let Err(msg) = options.check_destinations() {
        let nothing = if command == ["run"] { "; nothing was run" } else { "" };
        errln!("mlpy: {msg}{nothing}");
        return Err(exit::USAGE);
    }
    Ok(options)
}

/// Converts a JSON profile written by `--profile-output FILE.json`: the text reports on
/// standard output, or each `--profile-output` in its format.
fn profile_show(file: &std::path::Path, args: &args::ProfileOutputArgs) -> u8 {
    let options = match profile_options(&["profile", "show"], args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let text = match profile_output::read_saved(file) {
        Ok(t) => t,
        Err(msg) => {
            errln!("mlpy: {msg}");
            return exit::USAGE;
        }
    };
    let profile = match mlpy_profile::Profile::from_json(&text) {
        Ok(profile) => profile,
        Err(e) => {
            errln!("mlpy: `{}` is not an mlpy profile: {e}", file.display());
            return exit::USAGE;
        }
    };
    if options.outputs.is_empty() {
        let text = profile.export(mlpy_profile::ExportFormat::Text, &options.export);
        return print_out(&String::from_utf8_lossy(&text));
    }
    let failures = options.emit(&profile);
    for message in failures.iter().filter_map(|f| f.message.as_ref()) {
        errln!("mlpy: {message}");
    }
    if failures.is_empty() {
        exit::OK
    } else {
        exit::OUTPUT_FAILED
    }
}

/// Prints an uncaught error: kind and message, then the ML stack, innermost last.
fn report_error(err: &RuntimeError) {
    err!("{}", report::runtime_error(err));
}
