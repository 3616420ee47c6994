//! Command-line parsing: raw arguments to a validated `Command` (spec §1.5, DESIGN §6).
//! Options may come before or after the file; everything after the first `--` that
//! follows the file belongs to the program.

use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
usage: mlpy run FILE.ml [OPTIONS] [-- PROGRAM ARGS...]
       mlpy check FILE.ml [--import-path DIR]...
       mlpy compile FILE.ml [--disasm] [--import-path DIR]...
       mlpy profile show PROFILE.json [--report NAME]... [--sort KEY]

run options:
  --profile                 profile the run and print a report to stderr
  --report NAME             ml-summary (default), ml-details, dev-summary, dev-details, raw, all
  --profile-output FILE     write the report to FILE instead of stderr (repeatable)
  --profile-format FORMAT   text or json (default: from the file extension)
  --sort KEY                order of the raw report: tottime, cumtime (default), calls, name
  --no-memory               do not track memory while profiling
  --force-transpile         ignore the bytecode cache
  --import-path DIR         add DIR to the module search path (repeatable)
  --allow-read[=PATHS]      grant file.read (for every path, or the listed paths)
  --allow-write[=PATHS]     grant file.write, file.append and file.delete
  --allow-net[=HOSTS]       grant network.http and network.https
  --allow-env[=VARS]        grant env.read and env.write
  -A, --allow-all           grant every capability
  --timeout SECS            stop the program after SECS seconds
  --max-memory SIZE         stop the program when its heap exceeds SIZE (e.g. 512M, 2G)
  --max-depth N             maximum depth of nested ML calls (default 10000)

developer options (run):
  --no-fast-paths           compile without fast paths, superinstructions and specialised
                            instructions (a slow reference form; same output)

exit status: 0 success, 1 uncaught runtime error, 64 usage error,
             65 static rejection, 70 internal error, 74 output or profile
             not written (a closed pipe), 75 resource limit exceeded";

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
    },
    /// `mlpy profile show FILE.json`: renders reports from a saved JSON profile.
    ProfileShow {
        file: PathBuf,
        reports: Vec<String>,
        sort: String,
    },
    Help,
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
    /// The path exactly as given (reports and `args.script()` use it).
    pub file_arg: String,
    pub program_args: Vec<String>,
    pub import_paths: Vec<PathBuf>,
    pub grants: Grants,
    pub profile: bool,
    pub reports: Vec<String>,
    pub profile_outputs: Vec<PathBuf>,
    pub profile_format: Option<String>,
    pub sort: String,
    pub memory: bool,
    pub force_transpile: bool,
    pub timeout: Option<Duration>,
    pub max_memory: Option<u64>,
    pub max_depth: Option<usize>,
    /// `--no-fast-paths` clears `fast_paths` (a developer option).
    pub compile_options: mlpy_runtime::compiler::CompileOptions,
}

/// A usage error: the message, printed with the usage text.
#[derive(Debug, PartialEq)]
pub struct UsageError(pub String);

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some(sub) = args.first() else {
        return Err(UsageError("missing command".into()));
    };
    // `mlpy run --help` and the like: help, unless the word is a program argument.
    let asks_help = |rest: &[String]| {
        rest.iter().take_while(|a| *a != "--").any(|a| a == "-h" || a == "--help")
    };
    if matches!(sub.as_str(), "run" | "check" | "compile" | "profile") && asks_help(&args[1..]) {
        return Ok(Command::Help);
    }
    match sub.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "-V" | "--version" | "version" => Ok(Command::Version),
        "run" => parse_run(&args[1..]).map(|c| Command::Run(Box::new(c))),
        "profile" => parse_profile(&args[1..]),
        "check" | "compile" => {
            let mut file = None;
            let mut import_paths = Vec::new();
            let mut disasm = false;
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--import-path" => import_paths.push(PathBuf::from(value(&mut it, a)?)),
                    "--disasm" if sub == "compile" => disasm = true,
                    "--force-transpile" if sub == "compile" => {}
                    s if s.starts_with("--import-path=") => {
                        import_paths.push(PathBuf::from(&s["--import-path=".len()..]))
                    }
                    s if s.starts_with('-') && s.len() > 1 => return Err(unknown(s)),
                    s if file.is_none() => file = Some(PathBuf::from(s)),
                    s => return Err(UsageError(format!("unexpected argument `{s}`"))),
                }
            }
            let file =
                file.ok_or_else(|| UsageError("missing the path of the main file".into()))?;
            if sub == "check" {
                Ok(Command::Check { file, import_paths })
            } else {
                Ok(Command::Compile { file, import_paths, disasm })
            }
        }
        other => {
            Err(UsageError(format!("unknown command `{other}` (expected run, check or compile)")))
        }
    }
}

fn parse_profile(args: &[String]) -> Result<Command, UsageError> {
    match args.first().map(String::as_str) {
        Some("show") => {}
        Some(other) => {
            return Err(UsageError(format!("unknown profile command `{other}` (expected `show`)")))
        }
        None => return Err(UsageError("missing profile command (expected `show`)".into())),
    }
    let mut file = None;
    let mut reports = Vec::new();
    let mut sort = "cumtime".to_owned();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--report" => reports.push(value(&mut it, a)?.clone()),
            "--sort" => sort = value(&mut it, a)?.clone(),
            s if s.starts_with("--report=") => reports.push(s["--report=".len()..].to_owned()),
            s if s.starts_with("--sort=") => sort = s["--sort=".len()..].to_owned(),
            s if s.starts_with('-') && s.len() > 1 => return Err(unknown(s)),
            s if file.is_none() => file = Some(PathBuf::from(s)),
            s => return Err(UsageError(format!("unexpected argument `{s}`"))),
        }
    }
    let file = file.ok_or_else(|| UsageError("missing the path of the JSON profile".into()))?;
    Ok(Command::ProfileShow { file, reports, sort })
}

fn unknown(opt: &str) -> UsageError {
    UsageError(format!("unknown option `{opt}`"))
}

fn value<'a>(
    it: &mut impl Iterator<Item = &'a String>,
    opt: &str,
) -> Result<&'a String, UsageError> {
    it.next().ok_or_else(|| UsageError(format!("option `{opt}` needs a value")))
}

fn list(s: &str) -> Vec<String> {
    s.split(',').filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// Combines repeated grants: an unrestricted grant absorbs the lists.
fn grant(slot: &mut Option<Option<Vec<String>>>, entries: Option<Vec<String>>) {
    *slot = match (slot.take(), entries) {
        (Some(None), _) | (_, None) => Some(None),
        (Some(Some(mut old)), Some(new)) => {
            old.extend(new);
            Some(Some(old))
        }
        (None, Some(new)) => Some(Some(new)),
    };
}

fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (digits, mult) = match s.char_indices().last()? {
        (i, 'k' | 'K') => (&s[..i], 1u64 << 10),
        (i, 'm' | 'M') => (&s[..i], 1 << 20),
        (i, 'g' | 'G') => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(mult)
}

fn parse_run(args: &[String]) -> Result<RunConfig, UsageError> {
    let mut file: Option<String> = None;
    let mut cfg = RunConfig {
        file: PathBuf::new(),
        file_arg: String::new(),
        program_args: Vec::new(),
        import_paths: Vec::new(),
        grants: Grants::default(),
        profile: false,
        reports: Vec::new(),
        profile_outputs: Vec::new(),
        profile_format: None,
        sort: "cumtime".into(),
        memory: true,
        force_transpile: false,
        timeout: None,
        max_memory: None,
        max_depth: None,
        compile_options: Default::default(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let val = |it: &mut std::slice::Iter<'_, String>| -> Result<String, UsageError> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => value(it, name).cloned(),
            }
        };
        match name {
            "--" => {
                if file.is_none() {
                    return Err(UsageError("missing the path of the main file before `--`".into()));
                }
                cfg.program_args.extend(it.by_ref().cloned());
            }
            "--profile" => cfg.profile = true,
            "--report" => cfg.reports.push(val(&mut it)?),
            "--profile-output" => cfg.profile_outputs.push(PathBuf::from(val(&mut it)?)),
            "--profile-format" => cfg.profile_format = Some(val(&mut it)?),
            "--sort" => {
                let key = val(&mut it)?;
                if !["tottime", "cumtime", "calls", "name"].contains(&key.as_str()) {
                    return Err(UsageError(format!(
                        "unknown sort key `{key}` (expected tottime, cumtime, calls or name)"
                    )));
                }
                cfg.sort = key;
            }
            "--no-memory" => cfg.memory = false,
            "--no-fast-paths" => cfg.compile_options.fast_paths = false,
            "--force-transpile" => cfg.force_transpile = true,
            "--import-path" => cfg.import_paths.push(PathBuf::from(val(&mut it)?)),
            "--allow-read" => grant(&mut cfg.grants.read, inline.as_deref().map(list)),
            "--allow-write" => grant(&mut cfg.grants.write, inline.as_deref().map(list)),
            "--allow-net" => grant(&mut cfg.grants.net, inline.as_deref().map(list)),
            "--allow-env" => grant(&mut cfg.grants.env, inline.as_deref().map(list)),
            "-A" | "--allow-all" => cfg.grants.all = true,
            "--timeout" => {
                let v = val(&mut it)?;
                let secs: f64 =
                    v.parse().ok().filter(|s: &f64| s.is_finite() && *s > 0.0).ok_or_else(
                        || UsageError(format!("invalid --timeout `{v}`: expected seconds > 0")),
                    )?;
                cfg.timeout = Some(Duration::from_secs_f64(secs));
            }
            "--max-memory" => {
                let v = val(&mut it)?;
                cfg.max_memory = Some(parse_size(&v).ok_or_else(|| {
                    UsageError(format!(
                        "invalid --max-memory `{v}`: expected a size like 512M or 2G"
                    ))
                })?);
            }
            "--max-depth" => {
                let v = val(&mut it)?;
                cfg.max_depth =
                    Some(v.parse().ok().filter(|n: &usize| *n > 0).ok_or_else(|| {
                        UsageError(format!(
                            "invalid --max-depth `{v}`: expected a positive integer"
                        ))
                    })?);
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(unknown(a)),
            _ if file.is_none() => file = Some(a.clone()),
            _ => {
                return Err(UsageError(format!(
                    "unexpected argument `{a}` (program arguments go after `--`)"
                )))
            }
        }
    }
    let file = file.ok_or_else(|| UsageError("missing the path of the main file".into()))?;
    cfg.file = PathBuf::from(&file);
    cfg.file_arg = file;
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &str) -> Result<RunConfig, UsageError> {
        let v: Vec<String> = args.split_whitespace().map(str::to_owned).collect();
        match parse(&v)? {
            Command::Run(c) => Ok(*c),
            other => panic!("not a run command: {other:?}"),
        }
    }

    #[test]
    fn options_before_and_after_the_file() {
        let c = run("run --profile main.ml --report raw --allow-read=data,x -- a --b").unwrap();
        assert_eq!(c.file_arg, "main.ml");
        assert!(c.profile);
        assert_eq!(c.reports, ["raw"]);
        assert_eq!(c.grants.read, Some(Some(vec!["data".to_owned(), "x".to_owned()])));
        assert_eq!(c.program_args, ["a", "--b"]);
    }

    #[test]
    fn no_fast_paths_is_a_developer_option_of_run() {
        assert!(run("run main.ml").unwrap().compile_options.fast_paths);
        assert!(!run("run main.ml --no-fast-paths").unwrap().compile_options.fast_paths);
        assert!(USAGE.contains("developer options"));
        assert!(USAGE.contains("--no-fast-paths"));
    }

    #[test]
    fn help_after_a_command() {
        let parse_words =
            |args: &str| parse(&args.split_whitespace().map(str::to_owned).collect::<Vec<_>>());
        for args in ["run --help", "run main.ml -h", "check --help", "compile x.ml --help"] {
            assert_eq!(parse_words(args), Ok(Command::Help), "{args}");
        }
        assert_eq!(parse_words("profile show --help"), Ok(Command::Help));
        // After `--`, it is the program's argument.
        assert_eq!(run("run main.ml -- --help").unwrap().program_args, ["--help"]);
    }

    #[test]
    fn usage_errors() {
        assert!(run("run").is_err());
        assert!(run("run main.ml --bogus").is_err());
        assert!(run("run main.ml other.ml").is_err());
        assert!(run("run main.ml --report").is_err());
        assert!(run("run main.ml --sort speed").is_err());
        assert!(run("run main.ml --max-memory lots").is_err());
    }

    #[test]
    fn unrestricted_grant_absorbs_lists() {
        let c = run("run m.ml --allow-read=a --allow-read --allow-read=b").unwrap();
        assert_eq!(c.grants.read, Some(None));
        assert_eq!(parse_size("2G"), Some(2 << 30));
    }
}
