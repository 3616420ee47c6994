//! Command-line parsing: raw arguments to a validated `Command` (spec §1.5, DESIGN §6),
//! on clap. Options may come before or after the file; everything after the first `--`
//! that follows the file belongs to the program. Every numeric option is checked here
//! (`limits.rs`), so a usage error is reported before anything is read or run.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use mlpy_profile::{ClockKind, ExportFormat, FlameWeight, Recorder, ReportKind, SortKey};

use crate::limits::{self, Size};

/// The exit statuses, shown by `--help` (README.md has the same table).
pub const EXIT_STATUSES: &str = "\
Exit status:
  0   success
  1   uncaught runtime error
  64  usage error (a bad command line, or a main file that cannot be read)
  65  static rejection (syntax, name, import or security errors; nothing was run)
  70  internal error (a bug in mlpy; please report it)
  74  output or profile not written (e.g. a closed pipe)
  75  resource limit exceeded (--timeout, --max-memory)";

/// Units of `--max-memory` and the ranges of the numeric options, shown by `run --help`.
const RUN_NOTES: &str = "\
Sizes (--max-memory): a whole or decimal number with an optional unit, in either case:
  B or none = bytes; K, KiB = 2^10; M, MiB = 2^20; G, GiB = 2^30; T, TiB = 2^40;
  KB = 10^3; MB = 10^6; GB = 10^9; TB = 10^12  (so 64M = 64MiB = 67108864 bytes,
  64MB = 64000000 bytes). At least 1K, at most 1024T.
Time (--timeout): seconds, decimals allowed (0.5), from 0.001 to 2592000 (30 days).
Depth (--max-depth): a whole number from 1 to 1000000.
FILE `-` reads the program from standard input (named <stdin> in messages; imports are
found relative to the working directory; `input()` then sees the end of input).";

#[derive(Parser, Debug)]
#[command(
    name = "mlpy",
    version,
    about = "Runs, checks and profiles ML programs in a sandbox",
    subcommand_required = true,
    after_help = EXIT_STATUSES,
)]
struct Cli {
    #[command(subcommand)]
    command: Sub,
    /// Colour diagnostics and error reports: auto (on a terminal, unless NO_COLOR is set),
    /// always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// `--color WHEN`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when standard error is a terminal and `NO_COLOR` is not set (non-empty).
    #[default]
    Auto,
    /// Always colour, even when piped or with `NO_COLOR`.
    Always,
    /// Never colour.
    Never,
}

#[derive(Subcommand, Debug)]
enum Sub {
    // A repeated single-valued option: the last one counts (as `--timeout 5 --timeout 9`
    // from a shell alias and its user).
    /// Run a program
    #[command(after_help = format!("{RUN_NOTES}\n\n{EXIT_STATUSES}"), args_override_self = true)]
    Run(Box<RunArgs>),
    /// Parse and check a program without running it (all diagnostics)
    #[command(after_help = EXIT_STATUSES, args_override_self = true)]
    Check(CheckArgs),
    /// Check and compile a program; --disasm prints its bytecode
    #[command(after_help = EXIT_STATUSES, args_override_self = true)]
    Compile(CompileArgs),
    /// Work with saved profiles
    #[command(subcommand)]
    Profile(ProfileSub),
    /// Print shell completions for mlpy (e.g. `mlpy completions bash > ~/.local/share/bash-completion/completions/mlpy`)
    Completions {
        /// The shell to write completions for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the version
    #[command(hide = true)]
    Version,
}

#[derive(Args, Debug)]
struct RunArgs {
    /// The main file; `-` reads the program from standard input
    #[arg(value_name = "FILE.ml")]
    file: String,
    /// Arguments for the program (the `args` module), after `--`
    #[arg(last = true, value_name = "PROGRAM ARGS")]
    program_args: Vec<String>,

    /// Profile the run and print a report to stderr (any other profiling option implies
    /// it)
    #[arg(long, help_heading = "Profiling")]
    profile: bool,
    #[command(flatten)]
    output: ProfileOutputArgs,
    /// The clock that times the run: wall (elapsed time, the default) or cpu (the
    /// thread's CPU time; each read is a system call of a few hundred ns, which the
    /// profiler calibrates and subtracts)
    #[arg(long, value_name = "CLOCK", value_parser = parse_clock, help_heading = "Profiling")]
    clock: Option<ClockKind>,
    /// Record a timeline of every call for `.trace.json` (at most 1000000 events unless
    /// --timeline-cap says otherwise; the trace notes when the cap was reached)
    #[arg(long, help_heading = "Profiling")]
    timeline: bool,
    /// The most events --timeline records (implies --timeline)
    #[arg(long, value_name = "N", value_parser = parse_count, help_heading = "Profiling")]
    timeline_cap: Option<u64>,
    /// Do not track memory while profiling
    #[arg(long, help_heading = "Profiling")]
    no_memory: bool,

    /// Compile every file and rewrite the bytecode cache (do not read it)
    #[arg(long, help_heading = "Bytecode cache")]
    force_transpile: bool,
    /// Neither read nor write the bytecode cache
    #[arg(long, help_heading = "Bytecode cache")]
    no_cache: bool,
    /// Keep cache files in DIR instead of __mlcache__ beside each source (default:
    /// $MLPY_CACHE_DIR)
    #[arg(long, value_name = "DIR", help_heading = "Bytecode cache")]
    cache_dir: Option<PathBuf>,
    /// Add DIR to the module search path (repeatable)
    #[arg(long, value_name = "DIR")]
    import_path: Vec<PathBuf>,

    /// Grant file.read (for every path, or the listed paths)
    #[arg(
        long,
        value_name = "PATHS",
        num_args = 0..=1,
        require_equals = true,
        help_heading = "Capabilities"
    )]
    allow_read: Vec<String>,
    /// Grant file.write, file.append and file.delete
    #[arg(
        long,
        value_name = "PATHS",
        num_args = 0..=1,
        require_equals = true,
        help_heading = "Capabilities"
    )]
    allow_write: Vec<String>,
    /// Grant network.http and network.https
    #[arg(
        long,
        value_name = "HOSTS",
        num_args = 0..=1,
        require_equals = true,
        help_heading = "Capabilities"
    )]
    allow_net: Vec<String>,
    /// Grant env.read and env.write
    #[arg(
        long,
        value_name = "VARS",
        num_args = 0..=1,
        require_equals = true,
        help_heading = "Capabilities"
    )]
    allow_env: Vec<String>,
    /// Grant every capability
    #[arg(short = 'A', long, help_heading = "Capabilities")]
    allow_all: bool,

    /// Stop the program after SECS seconds (exit status 75)
    #[arg(long, value_name = "SECS", value_parser = limits::parse_timeout, help_heading = "Limits")]
    timeout: Option<Duration>,
    /// Stop the program when its heap exceeds SIZE, e.g. 512M, 64MB, 2GiB (exit status 75)
    #[arg(long, value_name = "SIZE", value_parser = limits::parse_size, help_heading = "Limits")]
    max_memory: Option<Size>,
    /// Maximum depth of nested ML calls (default 10000); deeper raises RecursionError
    #[arg(long, value_name = "N", value_parser = limits::parse_depth, help_heading = "Limits")]
    max_depth: Option<usize>,

    /// Compile without fast paths, superinstructions and specialised instructions (a
    /// slow reference form; same output)
    #[arg(long, help_heading = "Developer options")]
    no_fast_paths: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// The main file; `-` reads the program from standard input
    #[arg(value_name = "FILE.ml")]
    file: PathBuf,
    /// Add DIR to the module search path (repeatable)
    #[arg(long, value_name = "DIR")]
    import_path: Vec<PathBuf>,
}

#[derive(Args, Debug)]
struct CompileArgs {
    /// The main file; `-` reads the program from standard input
    #[arg(value_name = "FILE.ml")]
    file: PathBuf,
    /// Add DIR to the module search path (repeatable)
    #[arg(long, value_name = "DIR")]
    import_path: Vec<PathBuf>,
    /// Print the bytecode
    #[arg(long)]
    disasm: bool,
    /// Compile every file and rewrite the bytecode cache (do not read it)
    #[arg(long, help_heading = "Bytecode cache")]
    force_transpile: bool,
    /// Neither read nor write the bytecode cache
    #[arg(long, help_heading = "Bytecode cache")]
    no_cache: bool,
    /// Keep cache files in DIR instead of __mlcache__ beside each source (default:
    /// $MLPY_CACHE_DIR)
    #[arg(long, value_name = "DIR", help_heading = "Bytecode cache")]
    cache_dir: Option<PathBuf>,
}

/// The bytecode cache options of `run` and `compile`, as given.
#[derive(Debug, Default, PartialEq, Clone)]
pub struct CacheArgs {
    pub force_transpile: bool,
    pub no_cache: bool,
    pub cache_dir: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum ProfileSub {
    /// Print reports from a JSON profile written by `run --profile-output FILE.json`, or
    /// convert it to any profile format
    Show {
        /// The JSON profile
        #[arg(value_name = "PROFILE.json")]
        file: PathBuf,
        #[command(flatten)]
        output: ProfileOutputArgs,
    },
}

/// The profile options `run` and `profile show` share: what is written, and where.
#[derive(Args, Debug, Default, Clone, PartialEq)]
pub struct ProfileOutputArgs {
    #[arg(long = "report", value_name = "NAME", help = report_help(), help_heading = "Profiling")]
    pub reports: Vec<String>,
    /// Write the profile to FILE (repeatable) instead of printing the text reports, in the
    /// format its extension names (.txt .json .prof .pb.gz .speedscope.json .folded .svg
    /// .trace.json .html); `-` is standard output (binary formats only when it is not a
    /// terminal)
    #[arg(long = "profile-output", value_name = "FILE", help_heading = "Profiling")]
    pub outputs: Vec<PathBuf>,
    #[arg(
        long,
        value_name = "FORMAT",
        value_parser = parse_format,
        help = format_help(),
        help_heading = "Profiling"
    )]
    pub profile_format: Option<ExportFormat>,
    /// Order of the raw, callers and callees reports: a pstats sort key (cumtime, the
    /// default; tottime, calls, name…)
    #[arg(long, value_name = "KEY", value_parser = parse_sort, help_heading = "Profiling")]
    pub sort: Option<SortKey>,
    /// At most N rows in the raw, callers and callees reports
    #[arg(long, value_name = "N", value_parser = parse_limit, help_heading = "Profiling")]
    pub limit: Option<usize>,
    /// What flame graphs (.svg) and collapsed stacks (.folded) weigh: time (self time,
    /// the default) or memory (bytes allocated)
    #[arg(long, value_name = "WEIGHT", value_parser = parse_flame, help_heading = "Profiling")]
    pub flame: Option<FlameWeight>,
}

impl ProfileOutputArgs {
    /// Whether any of these options was given (each implies `--profile`).
    pub fn any(&self) -> bool {
        *self != ProfileOutputArgs::default()
    }
}

/// `--report`'s help: the reports the profiler has.
fn report_help() -> String {
    let names: Vec<_> = ReportKind::ALL.iter().map(|k| k.name()).collect();
    format!(
        "The report to print (repeatable): {}, or all; default {}",
        names.join(", "),
        ReportKind::DEFAULT
    )
}

/// `--profile-format`'s help: the formats' names.
fn format_help() -> String {
    let names: Vec<_> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
    format!(
        "The format of `-` and of every output whose extension names none: {}",
        names.join(", ")
    )
}

fn parse_format(s: &str) -> Result<ExportFormat, String> {
    s.parse()
}

fn parse_sort(s: &str) -> Result<SortKey, String> {
    s.parse()
}

fn parse_flame(s: &str) -> Result<FlameWeight, String> {
    s.parse()
}

fn parse_clock(s: &str) -> Result<ClockKind, String> {
    s.parse()
}

/// A count of at least 1 (`--timeline-cap`).
fn parse_count(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a whole number of at least 1".into()),
    }
}

/// `--limit`: a number of rows, at least 1.
fn parse_limit(s: &str) -> Result<usize, String> {
    parse_count(s).and_then(|n| usize::try_from(n).map_err(|_| "too large".to_owned()))
}

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    Run(Box<RunConfig>),
    Check {
        file: PathBuf,
        import_paths: Vec<PathBuf>,
    },
    Compile {
        file: PathBuf,
        import_paths: Vec<PathBuf>,
        disasm: bool,
        cache: CacheArgs,
    },
    /// `mlpy profile show FILE.json`: renders reports from a saved JSON profile.
    ProfileShow {
        file: PathBuf,
        output: ProfileOutputArgs,
    },
    /// `mlpy completions SHELL`: the script, ready to print.
    Completions(String),
    /// `--help` (of the command or of a sub-command): the text, ready to print.
    Help(String),
    Version,
}

/// A capability grant from the command line: `None` = every resource.
#[derive(Debug, Default, PartialEq, Clone)]
pub struct Grants {
    pub read: Option<Option<Vec<String>>>,
    pub write: Option<Option<Vec<String>>>,
    pub net: Option<Option<Vec<String>>>,
    pub env: Option<Option<Vec<String>>>,
    pub all: bool,
}

#[derive(Debug, PartialEq)]
pub struct RunConfig {
    pub file: PathBuf,
    /// The path exactly as given (reports and `args.script()` use it); `-` for a program
    /// read from standard input.
    pub file_arg: String,
    pub program_args: Vec<String>,
    pub import_paths: Vec<PathBuf>,
    pub grants: Grants,
    /// `--profile`, or any other profiling option.
    pub profile: bool,
    pub profile_output: ProfileOutputArgs,
    /// `--clock` (wall by default).
    pub clock: ClockKind,
    /// `--timeline` or `--timeline-cap N`: the most events recorded.
    pub timeline: Option<u64>,
    pub memory: bool,
    pub cache: CacheArgs,
    pub timeout: Option<Duration>,
    /// `--max-memory` in bytes.
    pub max_memory: Option<u64>,
    /// `--max-memory` as the user spelled it (`64M`), for messages about the limit.
    pub max_memory_text: Option<String>,
    pub max_depth: Option<usize>,
    /// `--no-fast-paths` clears `fast_paths` (a developer option).
    pub compile_options: mlpy_runtime::compiler::CompileOptions,
}

/// A usage error: the whole text to print (a short message, a did-you-mean where one
/// applies, and a pointer to `--help`).
#[derive(Debug, PartialEq)]
pub struct UsageError(pub String);

/// Parses the arguments after the executable's name.
#[cfg(test)]
pub fn parse<S: Into<OsString> + Clone>(args: &[S]) -> Result<Command, UsageError> {
    parse_with_color(args).map(|(command, _)| command)
}

/// Parses the arguments after the executable's name: the command and `--color`.
pub fn parse_with_color<S: Into<OsString> + Clone>(
    args: &[S],
) -> Result<(Command, ColorChoice), UsageError> {
    let argv: Vec<OsString> = std::iter::once(OsString::from("mlpy"))
        .chain(args.iter().cloned().map(Into::into))
        .collect();
    let clap_error = |e: clap::Error| match e.kind() {
        ErrorKind::DisplayHelp => Ok((Command::Help(e.render().to_string()), ColorChoice::Auto)),
        ErrorKind::DisplayVersion => Ok((Command::Version, ColorChoice::Auto)),
        // `mlpy` or `mlpy profile` alone: clap would print the whole help.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Err(if argv.get(1).is_some_and(|a| a == "profile") {
                missing(&["profile"], "missing profile command (expected `show`)")
            } else {
                missing(
                    &[],
                    "missing command (expected run, check, compile, profile or completions)",
                )
            })
        }
        _ => Err(UsageError(e.render().to_string())),
    };
    let matches = match Cli::command().try_get_matches_from(&argv) {
        Ok(m) => m,
        Err(e) => return clap_error(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_error(e),
    };
    let color = cli.color;
    let command = match cli.command {
        Sub::Run(r) => {
            // The derived fields hold the grants' values but not which occurrence had
            // none (a bare `--allow-read`): that comes from the occurrences.
            let m = matches.subcommand_matches("run").expect("the run sub-command matched");
            let grants = Grants {
                read: grant(m, "allow_read"),
                write: grant(m, "allow_write"),
                net: grant(m, "allow_net"),
                env: grant(m, "allow_env"),
                all: r.allow_all,
            };
            Command::Run(Box::new(run_config(*r, grants)))
        }
        Sub::Check(c) => Command::Check { file: c.file, import_paths: c.import_path },
        Sub::Compile(c) => {
            let cache = CacheArgs {
                force_transpile: c.force_transpile,
                no_cache: c.no_cache,
                cache_dir: c.cache_dir,
            };
            Command::Compile { file: c.file, import_paths: c.import_path, disasm: c.disasm, cache }
        }
        Sub::Profile(ProfileSub::Show { file, output }) => Command::ProfileShow { file, output },
        Sub::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "mlpy", &mut out);
            Command::Completions(String::from_utf8_lossy(&out).into_owned())
        }
        Sub::Version => Command::Version,
    };
    Ok((command, color))
}

/// A usage error found after parsing (e.g. a profile option checked by the profiler), in
/// the same form as clap's: the message, the sub-command's usage line and `--help`.
/// `path` names the sub-command (`["profile", "show"]`).
pub fn usage_error(path: &[&str], message: &str) -> UsageError {
    error_of(path, ErrorKind::ValueValidation, message)
}

fn missing(path: &[&str], message: &str) -> UsageError {
    error_of(path, ErrorKind::MissingSubcommand, message)
}

fn error_of(path: &[&str], kind: ErrorKind, message: &str) -> UsageError {
    let mut cmd = Cli::command();
    cmd.build();
    for name in path {
        match cmd.find_subcommand(name) {
            Some(sub) => cmd = sub.clone(),
            None => break,
        }
    }
    UsageError(cmd.error(kind, message).render().to_string())
}

fn run_config(r: RunArgs, grants: Grants) -> RunConfig {
    let mut cfg = RunConfig {
        file: PathBuf::from(&r.file),
        file_arg: r.file,
        program_args: r.program_args,
        import_paths: r.import_path,
        grants,
        profile: r.profile
            || r.output.any()
            || r.clock.is_some()
            || r.timeline
            || r.timeline_cap.is_some()
            || r.no_memory,
        timeline: match (r.timeline, r.timeline_cap) {
            (_, Some(cap)) => Some(cap),
            (true, None) => Some(Recorder::DEFAULT_TIMELINE_CAP),
            (false, None) => None,
        },
        profile_output: r.output,
        clock: r.clock.unwrap_or_default(),
        memory: !r.no_memory,
        cache: CacheArgs {
            force_transpile: r.force_transpile,
            no_cache: r.no_cache,
            cache_dir: r.cache_dir,
        },
        timeout: r.timeout,
        max_memory: r.max_memory.as_ref().map(|s| s.bytes),
        max_memory_text: r.max_memory.map(|s| s.text),
        max_depth: r.max_depth,
        compile_options: Default::default(),
    };
    cfg.compile_options.fast_paths = !r.no_fast_paths;
    cfg
}

/// Combines the occurrences of one `--allow-*` option: absent is `None`; a bare flag
/// (an occurrence without `=`) grants every resource and absorbs the lists; otherwise
/// the listed resources of every occurrence (comma-separated, empty items dropped).
fn grant(m: &clap::ArgMatches, id: &str) -> Option<Option<Vec<String>>> {
    let occurrences: Vec<Vec<&String>> =
        m.get_occurrences::<String>(id)?.map(Iterator::collect).collect();
    if occurrences.is_empty() {
        return None;
    }
    if occurrences.iter().any(Vec::is_empty) {
        return Some(None);
    }
    let items = occurrences
        .iter()
        .flatten()
        .flat_map(|v| v.split(','))
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    Some(Some(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(args: &str) -> Vec<String> {
        args.split_whitespace().map(str::to_owned).collect()
    }

    fn run(args: &str) -> Result<RunConfig, UsageError> {
        match parse(&words(args))? {
            Command::Run(c) => Ok(*c),
            other => panic!("not a run command: {other:?}"),
        }
    }

    fn usage_error(args: &str) -> String {
        match parse(&words(args)) {
            Err(UsageError(text)) => text,
            Ok(c) => panic!("`{args}` was accepted: {c:?}"),
        }
    }

    #[test]
    fn options_before_and_after_the_file() {
        let c = run("run --profile main.ml --report raw --allow-read=data,x -- a --b").unwrap();
        assert_eq!(c.file_arg, "main.ml");
        assert_eq!(c.file, PathBuf::from("main.ml"));
        assert!(c.profile);
        assert_eq!(c.profile_output.reports, ["raw"]);
        assert_eq!(c.grants.read, Some(Some(vec!["data".to_owned(), "x".to_owned()])));
        assert_eq!(c.program_args, ["a", "--b"]);
        let c = run("run --import-path lib --timeout=2 main.ml --import-path=other").unwrap();
        assert_eq!(c.import_paths, [PathBuf::from("lib"), PathBuf::from("other")]);
        assert_eq!(c.timeout, Some(Duration::from_secs(2)));
    }

    #[test]
    fn defaults() {
        let c = run("run main.ml").unwrap();
        assert_eq!(c.grants, Grants::default());
        assert!(!c.profile && c.memory && c.cache == CacheArgs::default());
        assert_eq!(c.profile_output, ProfileOutputArgs::default());
        assert_eq!((c.clock, c.timeline), (ClockKind::Wall, None));
        assert_eq!((c.timeout, c.max_memory, c.max_depth), (None, None, None));
        assert_eq!(c.max_memory_text, None);
        assert!(c.program_args.is_empty());
    }

    #[test]
    fn everything_after_the_first_double_dash_belongs_to_the_program() {
        let c = run("run main.ml -- --help -A --timeout nan -- x").unwrap();
        assert_eq!(c.program_args, ["--help", "-A", "--timeout", "nan", "--", "x"]);
        assert!(!c.grants.all);
        assert_eq!(c.timeout, None);
        // `--` before the file: the file is missing.
        assert!(usage_error("run -- main.ml").contains("FILE.ml"));
    }

    #[test]
    fn no_fast_paths_is_a_developer_option_of_run() {
        assert!(run("run main.ml").unwrap().compile_options.fast_paths);
        assert!(!run("run main.ml --no-fast-paths").unwrap().compile_options.fast_paths);
        let Ok(Command::Help(help)) = parse(&words("run --help")) else { panic!() };
        assert!(help.contains("Developer options"), "{help}");
        assert!(help.contains("--no-fast-paths"), "{help}");
    }

    #[test]
    fn help_after_a_command() {
        for args in [
            "--help",
            "-h",
            "help",
            "help run",
            "run --help",
            "run main.ml -h",
            "check --help",
            "compile x.ml --help",
            "profile show --help",
        ] {
            assert!(matches!(parse(&words(args)), Ok(Command::Help(_))), "{args}");
        }
        // After `--`, it is the program's argument.
        assert_eq!(run("run main.ml -- --help").unwrap().program_args, ["--help"]);
        for args in ["--version", "-V", "version"] {
            assert_eq!(parse(&words(args)), Ok(Command::Version), "{args}");
        }
    }

    #[test]
    fn help_documents_exit_statuses_and_units() {
        let Ok(Command::Help(top)) = parse(&words("--help")) else { panic!() };
        let Ok(Command::Help(run)) = parse(&words("run --help")) else { panic!() };
        for help in [&top, &run] {
            for status in ["0 ", "1 ", "64", "65", "70", "74", "75"] {
                assert!(help.contains(&format!("\n  {status}")), "status {status}:\n{help}");
            }
        }
        for text in ["MiB = 2^20", "MB = 10^6", "2592000", "1000000", "--allow-read[=<PATHS>]"] {
            assert!(run.contains(text), "`{text}` missing:\n{run}");
        }
        assert!(top.contains("completions"), "{top}");
    }

    #[test]
    fn usage_errors_are_short_and_point_to_help() {
        for args in [
            "",
            "run",
            "frobnicate",
            "run main.ml --bogus",
            "run main.ml other.ml",
            "run main.ml --report",
            "run main.ml --sort speed",
            "run main.ml --max-memory lots",
            "check",
            "check a.ml b.ml",
            "compile a.ml --bogus",
            "profile",
            "profile list",
            "profile show",
            "completions",
            "completions tcsh",
        ] {
            let text = usage_error(args);
            assert!(text.contains("--help"), "`{args}`: {text}");
            assert!(text.lines().count() <= 8, "`{args}`: not short:\n{text}");
            assert!(!text.contains("Exit status"), "`{args}`: the whole help:\n{text}");
        }
    }

    #[test]
    fn a_mistyped_option_gets_a_suggestion() {
        let text = usage_error("run main.ml --alow-read");
        assert!(text.contains("--alow-read") && text.contains("'--allow-read'"), "{text}");
        let text = usage_error("run --max-mem 1G main.ml");
        assert!(text.contains("'--max-memory'"), "{text}");
        let text = usage_error("chek main.ml");
        assert!(text.contains("'check'"), "{text}");
    }

    #[test]
    fn a_grant_takes_its_value_only_after_equals() {
        // `--allow-read file.ml`: a bare grant, then the file.
        let c = run("run --allow-read main.ml").unwrap();
        assert_eq!(c.file_arg, "main.ml");
        assert_eq!(c.grants.read, Some(None));
        let c = run("run main.ml --allow-net --allow-env=HOME,USER --allow-write=out").unwrap();
        assert_eq!(c.grants.net, Some(None));
        assert_eq!(c.grants.env, Some(Some(vec!["HOME".to_owned(), "USER".to_owned()])));
        assert_eq!(c.grants.write, Some(Some(vec!["out".to_owned()])));
        assert_eq!(c.grants.read, None);
        // After the file, a bare grant followed by a word: the word is unexpected.
        assert!(usage_error("run main.ml --allow-read data").contains("data"));
    }

    #[test]
    fn repeated_grants_combine_and_an_unrestricted_one_absorbs_the_lists() {
        let c = run("run m.ml --allow-read=a --allow-read=b,c").unwrap();
        assert_eq!(c.grants.read, Some(Some(vec!["a".into(), "b".into(), "c".into()])));
        let c = run("run m.ml --allow-read=a --allow-read --allow-read=b").unwrap();
        assert_eq!(c.grants.read, Some(None));
        // An empty list grants nothing (but names the grant).
        let c = run("run m.ml --allow-read= --allow-env=,,").unwrap();
        assert_eq!(c.grants.read, Some(Some(vec![])));
        assert_eq!(c.grants.env, Some(Some(vec![])));
    }

    #[test]
    fn a_repeated_option_keeps_its_last_value() {
        let c = run("run m.ml --timeout 5 -A --timeout 9 -A --profile --profile").unwrap();
        assert_eq!(c.timeout, Some(Duration::from_secs(9)));
        assert!(c.grants.all && c.profile);
        let c = run("run m.ml --max-memory 1G --max-memory 64M").unwrap();
        assert_eq!(c.max_memory_text.as_deref(), Some("64M"));
        let c = run("run m.ml --allow-read=a --allow-read=b").unwrap();
        assert_eq!(c.grants.read, Some(Some(vec!["a".into(), "b".into()])));
    }

    #[test]
    fn allow_all() {
        assert!(run("run -A m.ml").unwrap().grants.all);
        assert!(run("run m.ml --allow-all").unwrap().grants.all);
        assert!(!run("run m.ml").unwrap().grants.all);
    }

    #[test]
    fn numeric_options_are_validated() {
        for bad in ["1e30", "nan", "NaN", "inf", "-inf", "-1", "0", "0.0", "1e-9", "abc", ""] {
            let text = usage_error(&format!("run m.ml --timeout={bad}"));
            assert!(text.contains("--timeout"), "{bad}: {text}");
        }
        assert_eq!(
            run("run m.ml --timeout 0.5").unwrap().timeout,
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            run("run m.ml --timeout 2592000").unwrap().timeout,
            Some(Duration::from_secs(2_592_000))
        );
        for bad in ["0", "0K", "-5M", "1.5", "12X", "M", "1e3M", "99999999999T", "1025T", "512"] {
            let text = usage_error(&format!("run m.ml --max-memory={bad}"));
            assert!(text.contains("--max-memory"), "{bad}: {text}");
        }
        for bad in ["0", "-1", "1.5", "1000001", "lots", "99999999999999999999999"] {
            let text = usage_error(&format!("run m.ml --max-depth={bad}"));
            assert!(text.contains("--max-depth"), "{bad}: {text}");
        }
        assert_eq!(run("run m.ml --max-depth 400000").unwrap().max_depth, Some(400_000));
        assert_eq!(run("run m.ml --max-depth 1000000").unwrap().max_depth, Some(1_000_000));
    }

    #[test]
    fn sizes_keep_the_users_spelling() {
        let c = run("run m.ml --max-memory 64M").unwrap();
        assert_eq!(c.max_memory, Some(64 << 20));
        assert_eq!(c.max_memory_text.as_deref(), Some("64M"));
        let c = run("run m.ml --max-memory=64MB").unwrap();
        assert_eq!(c.max_memory, Some(64_000_000));
        assert_eq!(c.max_memory_text.as_deref(), Some("64MB"));
    }

    #[test]
    fn program_from_standard_input() {
        let c = run("run - --allow-read -- x").unwrap();
        assert_eq!(c.file_arg, "-");
        assert_eq!(c.program_args, ["x"]);
        let c = run("run --timeout 3 -").unwrap();
        assert_eq!(c.file_arg, "-");
        assert!(matches!(parse(&words("check -")), Ok(Command::Check { .. })));
    }

    #[test]
    fn check_compile_and_profile_show() {
        assert_eq!(
            parse(&words("check a.ml --import-path lib")),
            Ok(Command::Check { file: "a.ml".into(), import_paths: vec!["lib".into()] })
        );
        assert_eq!(
            parse(&words("compile --disasm a.ml --force-transpile")),
            Ok(Command::Compile {
                file: "a.ml".into(),
                import_paths: vec![],
                disasm: true,
                cache: CacheArgs { force_transpile: true, ..CacheArgs::default() }
            })
        );
        let Ok(Command::Run(c)) = parse(&words("run a.ml --no-cache --cache-dir /tmp/c")) else {
            panic!()
        };
        assert_eq!(
            c.cache,
            CacheArgs { no_cache: true, cache_dir: Some("/tmp/c".into()), force_transpile: false }
        );
        assert!(usage_error("check a.ml --disasm").contains("--disasm"));
        assert_eq!(
            parse(&words("profile show p.json --report raw --sort=calls")),
            Ok(Command::ProfileShow {
                file: "p.json".into(),
                output: ProfileOutputArgs {
                    reports: vec!["raw".into()],
                    sort: Some(SortKey::Calls),
                    ..ProfileOutputArgs::default()
                }
            })
        );
        let Ok(Command::ProfileShow { output, .. }) = parse(&words(
            "profile show p.json --profile-output a.svg --profile-output - --flame memory \
             --profile-format json --limit 5",
        )) else {
            panic!()
        };
        assert_eq!(output.outputs, [PathBuf::from("a.svg"), PathBuf::from("-")]);
        assert_eq!(output.flame, Some(FlameWeight::Memory));
        assert_eq!(output.profile_format, Some(ExportFormat::Json));
        assert_eq!(output.limit, Some(5));
    }

    #[test]
    fn every_profiling_option_implies_profile() {
        for option in [
            "--profile",
            "--report raw",
            "--profile-output p.json",
            "--profile-format json",
            "--sort tottime",
            "--limit 3",
            "--flame memory",
            "--clock cpu",
            "--timeline",
            "--timeline-cap 10",
            "--no-memory",
        ] {
            assert!(run(&format!("run m.ml {option}")).unwrap().profile, "{option}");
        }
        assert!(!run("run m.ml --timeout 3").unwrap().profile);
        let c = run("run m.ml --clock cpu --timeline").unwrap();
        assert_eq!(c.clock, ClockKind::Cpu);
        assert_eq!(c.timeline, Some(Recorder::DEFAULT_TIMELINE_CAP));
        assert_eq!(run("run m.ml --timeline-cap 10").unwrap().timeline, Some(10));
        let c = run("run m.ml --limit 7 --flame time --profile-format speedscope").unwrap();
        assert_eq!(c.profile_output.limit, Some(7));
        assert_eq!(c.profile_output.flame, Some(FlameWeight::Time));
        assert_eq!(c.profile_output.profile_format, Some(ExportFormat::Speedscope));
    }

    #[test]
    fn profiling_values_are_checked_by_the_profilers_own_parsers() {
        // Each message is the profiler's own, so no list is kept here.
        for (args, expected) in [
            ("--sort speed", "speed".parse::<SortKey>().unwrap_err()),
            ("--clock sundial", "sundial".parse::<ClockKind>().unwrap_err()),
            ("--flame colour", "colour".parse::<FlameWeight>().unwrap_err()),
            ("--profile-format yaml", "yaml".parse::<ExportFormat>().unwrap_err()),
        ] {
            let text = usage_error(&format!("run m.ml {args}"));
            assert!(text.contains(&expected), "{args}: {text}");
        }
        for bad in ["0", "-1", "x", "1.5"] {
            assert!(usage_error(&format!("run m.ml --limit={bad}")).contains("--limit"), "{bad}");
            let text = usage_error(&format!("run m.ml --timeline-cap={bad}"));
            assert!(text.contains("--timeline-cap"), "{bad}");
        }
        let Ok(Command::Help(help)) = parse(&words("run --help")) else { panic!() };
        for text in ["--clock", "--timeline", "--limit", "--flame", ".speedscope.json", "pprof"] {
            assert!(help.contains(text), "`{text}` missing:\n{help}");
        }
    }

    #[test]
    fn completions_for_each_shell() {
        for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
            let Ok(Command::Completions(script)) = parse(&words(&format!("completions {shell}")))
            else {
                panic!("{shell}")
            };
            assert!(script.contains("allow-read") && script.contains("max-memory"), "{shell}");
        }
    }

    #[test]
    fn later_usage_errors_have_the_same_form() {
        let UsageError(text) = super::usage_error(&["run"], "unknown report `everything`");
        assert!(text.contains("unknown report `everything`"), "{text}");
        assert!(text.contains("mlpy run") && text.contains("--help"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_unicode_are_a_usage_error() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'a', 0xff, b'.', b'm', b'l']);
        let args = [OsString::from("run"), bad];
        assert!(parse(&args).is_err());
    }
}
