//! `datetime` against CPython's `datetime` on generated inputs: a seeded generator writes
//! the same cases as an ML program and as a Python program, both are run, and every
//! output line must agree (a value, or the error kind: `ValueError`, `OverflowError`).
//!
//! Cases: additions of units (int and float, across month ends, leap days and the ends
//! of the calendar), deltas added and subtracted, differences and their totals,
//! `multiply` by floats (rounding half to even), `format` with random strftime
//! directives, `parseISO` of every accepted form, `Date` arithmetic, `daysInMonth`,
//! `isLeapYear`, `calculateAge` and the business-day functions (against straightforward
//! Python versions of the spec's definitions), and — under several `TZ` settings, for
//! both programs — `fromTimestamp` and `timestamp()`.
//!
//! The oracle is `python3` (skipped with a note when it is missing). Years are at least
//! 1000 in `format` cases: below that CPython's `%Y` depends on the platform (glibc does
//! not pad it), while this implementation always pads to 4 digits.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// xorshift64*: a small, seeded generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// An int in `[lo, hi]`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A float literal (shortest round-trip text, read the same by ML and Python).
    fn float(&mut self, magnitude: f64) -> String {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let mut x = (unit * 2.0 - 1.0) * magnitude;
        if self.chance(30) {
            // A few digits only: exact halves and short decimals.
            x = (x * 8.0).round() / 8.0;
        }
        format!("{x:e}")
    }
}

/// The same cases written twice.
#[derive(Default)]
struct Cases {
    ml: String,
    py: String,
    count: usize,
}

impl Cases {
    fn add(&mut self, ml: String, py: String) {
        let _ = writeln!(self.ml, "t(fn() => {ml});");
        let _ = writeln!(self.py, "t(lambda: {py})");
        self.count += 1;
    }
}

const ML_PRELUDE: &str = "import datetime;
function t(f) {
    try {
        print(f());
    } except (e) {
        print(e.type);
    }
}
";

const PY_PRELUDE: &str = "import datetime as D
import calendar
def t(f):
    try:
        v = f()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
        return
    if isinstance(v, bool):
        v = 'true' if v else 'false'
    print(v)
def mk(y, mo, d, h=0, mi=0, s=0):
    return D.datetime(y, mo, d, h, mi, s)
def delta(days=0, hours=0, minutes=0, seconds=0):
    return D.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
def age(b, c):
    a = c.year - b.year
    if (c.month, c.day) < (b.month, b.day):
        a -= 1
    return a
def add_business(d, n):
    if n == 0:
        return d
    step = 1 if n > 0 else -1
    left = abs(n)
    while left > 0:
        d = d + D.timedelta(days=step)
        if d.weekday() < 5:
            left -= 1
    return d
def business_between(a, b):
    if a > b:
        a, b = b, a
    n = 1 if b.weekday() < 5 else 0
    while a < b:
        if a.weekday() < 5:
            n += 1
        a = a + D.timedelta(days=1)
    return n
";

/// A random date (year, month, day); `edge` favours month and year ends and Feb 29.
fn date(r: &mut Rng, years: (i64, i64)) -> (i64, i64, i64) {
    let y = if r.chance(10) {
        *r.pick(&[years.0, years.1, 2000, 1900, 2024])
    } else {
        r.range(years.0, years.1)
    };
    let y = y.clamp(years.0, years.1);
    let m = r.range(1, 12);
    let last = match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let d = if r.chance(30) { last - r.range(0, 1) } else { r.range(1, last) };
    (y, m, d)
}

fn time(r: &mut Rng) -> (i64, i64, i64) {
    (r.range(0, 23), r.range(0, 59), r.range(0, 59))
}

/// `datetime.create(…)` and `mk(…)` of the same random date-time.
fn datetime(r: &mut Rng, years: (i64, i64)) -> (String, String) {
    let (y, m, d) = date(r, years);
    let (h, mi, s) = time(r);
    (
        format!("datetime.create({y}, {m}, {d}, {h}, {mi}, {s})"),
        format!("mk({y}, {m}, {d}, {h}, {mi}, {s})"),
    )
}

/// A number of units: small or large, int or float.
fn amount(r: &mut Rng) -> String {
    match r.range(0, 5) {
        0 => r.range(-40, 40).to_string(),
        1 => r.range(-4_000_000, 4_000_000).to_string(),
        2 => r.float(3.0),
        3 => r.float(1e6),
        4 => r.float(1e-4),
        _ => r.range(-5_000_000_000_000, 5_000_000_000_000).to_string(),
    }
}

/// A `createDelta(…)` / `delta(…)` pair.
fn delta(r: &mut Rng) -> (String, String) {
    let parts: Vec<String> =
        (0..4).map(|_| if r.chance(40) { "0".to_owned() } else { amount(r) }).collect();
    (format!("datetime.createDelta({})", parts.join(", ")), format!("delta({})", parts.join(", ")))
}

const DIRECTIVES: &[&str] = &[
    "%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%f", "%F", "%g", "%G", "%h", "%H", "%I",
    "%j", "%k", "%l", "%m", "%M", "%p", "%P", "%r", "%R", "%S", "%t", "%T", "%u", "%U", "%V", "%w",
    "%W", "%x", "%X", "%y", "%Y", "%z", "%Z", "%%", "%-d", "%-m", "%-H", "%_d", "%_m", "%0e",
    "%^a", "%^B", "%^p",
];

fn format_string(r: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..r.range(1, 6) {
        let d: &&str = r.pick(DIRECTIVES);
        out.push_str(d);
        let sep: &&str = r.pick(&["", " ", "-", ":", "/", "x", ", ", "é"]);
        out.push_str(sep);
    }
    out
}

/// Every case that does not depend on the local time zone.
fn zone_free_cases(r: &mut Rng) -> Cases {
    let mut c = Cases::default();
    const ALL: (i64, i64) = (1, 9999);
    for _ in 0..3000 {
        let (ml, py) = datetime(r, ALL);
        let n = amount(r);
        let (unit, py_unit) = *r.pick(&[
            ("Days", "days"),
            ("Hours", "hours"),
            ("Minutes", "minutes"),
            ("Seconds", "seconds"),
        ]);
        c.add(
            format!("{ml}.add{unit}({n}).toString()"),
            format!("({py} + D.timedelta({py_unit}={n})).isoformat()"),
        );
    }
    for _ in 0..1500 {
        let (ml, py) = datetime(r, ALL);
        let (dml, dpy) = delta(r);
        c.add(format!("{ml}.add({dml}).toString()"), format!("({py} + {dpy}).isoformat()"));
        let (ml, py) = datetime(r, ALL);
        let (dml, dpy) = delta(r);
        c.add(format!("{ml}.subtract({dml}).toString()"), format!("({py} - {dpy}).isoformat()"));
    }
    for _ in 0..1500 {
        let (a, pa) = datetime(r, ALL);
        let (b, pb) = datetime(r, ALL);
        let frac = r.float(1.0);
        let a = format!("{a}.addSeconds({frac})");
        let pa = format!("({pa} + D.timedelta(seconds={frac}))");
        let (m, p) = *r.pick(&[
            ("days()", "(X).days"),
            ("seconds()", "(X).seconds"),
            ("totalSeconds()", "(X).total_seconds()"),
            ("totalMinutes()", "(X).total_seconds() / 60.0"),
            ("totalHours()", "(X).total_seconds() / 3600.0"),
            ("totalDays()", "(X).total_seconds() / 86400.0"),
            ("isNegative()", "(X) < D.timedelta(0)"),
            ("abs().totalSeconds()", "abs(X).total_seconds()"),
        ]);
        c.add(format!("{a}.diff({b}).{m}"), p.replace('X', &format!("{pa} - {pb}")));
    }
    for _ in 0..1500 {
        let (dml, dpy) = delta(r);
        let f = if r.chance(20) {
            r.range(-1000, 1000).to_string()
        } else {
            {
                let m = *r.pick(&[1.0, 1e3, 1e-3]);
                r.float(m)
            }
        };
        let (m, p) = *r.pick(&[
            ("totalSeconds()", ".total_seconds()"),
            ("days()", ".days"),
            ("seconds()", ".seconds"),
        ]);
        c.add(format!("{dml}.multiply({f}).{m}"), format!("({dpy} * {f}){p}"));
        let (dml2, dpy2) = delta(r);
        c.add(
            format!("{dml}.add({dml2}).totalSeconds()"),
            format!("({dpy} + {dpy2}).total_seconds()"),
        );
    }
    for _ in 0..2500 {
        let (ml, py) = datetime(r, (1000, 9999));
        let frac = r.float(1.0);
        let fmt = format_string(r);
        c.add(
            format!("{ml}.addSeconds({frac}).format({fmt:?})"),
            format!("({py} + D.timedelta(seconds={frac})).strftime({fmt:?})"),
        );
    }
    for _ in 0..1000 {
        let (y, m, d) = date(r, ALL);
        let d = if r.chance(5) { d + 1 } else { d };
        let mut text = format!("{y:04}-{m:02}-{d:02}");
        if r.chance(75) {
            let (h, mi, s) = time(r);
            let _ = write!(text, "{}{h:02}:{mi:02}", r.pick(&["T", " "]));
            if r.chance(70) {
                let _ = write!(text, ":{s:02}");
                if r.chance(60) {
                    let digits = r.range(1, 6) as usize;
                    let frac = r.range(0, 999_999).to_string();
                    let _ = write!(text, ".{:0>6}", frac);
                    text.truncate(text.len() - (6 - digits));
                }
            }
        }
        c.add(
            format!("datetime.parseISO({text:?}).toString()"),
            format!("D.datetime.fromisoformat({text:?}).isoformat()"),
        );
    }
    for _ in 0..1500 {
        let (y, m, d) = date(r, ALL);
        let (y2, m2, d2) = date(r, ALL);
        let a = format!("datetime.createDate({y}, {m}, {d})");
        let pa = format!("D.date({y}, {m}, {d})");
        let b = format!("datetime.createDate({y2}, {m2}, {d2})");
        let pb = format!("D.date({y2}, {m2}, {d2})");
        let n = if r.chance(50) { r.range(-400, 400) } else { r.range(-4_000_000, 4_000_000) };
        c.add(
            format!("{a}.addDays({n}).toISOString()"),
            format!("({pa} + D.timedelta(days={n})).isoformat()"),
        );
        c.add(
            format!("{a}.subtractDays({n}).toISOString()"),
            format!("({pa} - D.timedelta(days={n})).isoformat()"),
        );
        c.add(format!("{a}.diff({b})"), format!("({pa} - {pb}).days"));
        c.add(
            format!("[{a}.weekday(), {a}.isWeekend()]"),
            format!("'[%d, %s]' % ({pa}.weekday(), 'true' if {pa}.weekday() >= 5 else 'false')"),
        );
        c.add(format!("datetime.calculateAge({a}, {b})"), format!("age({pa}, {pb})"));
        let (y3, m3, d3) = date(r, (y.clamp(4, 9995) - 3, y.clamp(4, 9995) + 3));
        let near = format!("datetime.createDate({y3}, {m3}, {d3})");
        let pnear = format!("D.date({y3}, {m3}, {d3})");
        c.add(
            format!("datetime.businessDaysBetween({a}, {near})"),
            format!("business_between({pa}, {pnear})"),
        );
        let k = r.range(-600, 600);
        c.add(
            format!("datetime.addBusinessDays({a}, {k}).toISOString()"),
            format!("add_business({pa}, {k}).isoformat()"),
        );
    }
    for _ in 0..500 {
        let y = r.range(1, 9999);
        let m = r.range(1, 12);
        c.add(
            format!("datetime.daysInMonth({y}, {m})"),
            format!("calendar.monthrange({y}, {m})[1]"),
        );
        let y = r.range(-1_000_000, 1_000_000);
        c.add(format!("datetime.isLeapYear({y})"), format!("calendar.isleap({y})"));
    }
    c
}

/// 1971-01-01T00:00:00Z. glibc (CPython's `localtime`) applies the daylight-saving rules
/// of a POSIX `TZ` only from 1970 on (before, its transitions are computed as if in
/// 1970), while jiff applies them to every year; the local cases start in 1971.
const EPOCH_1971: i64 = 31_536_000;

/// The cases that read the local time zone.
fn local_cases(r: &mut Rng) -> Cases {
    let mut c = Cases::default();
    for _ in 0..1500 {
        let ts = match r.range(0, 3) {
            0 => r.range(EPOCH_1971, 4_000_000_000).to_string(),
            1 => format!(
                "{:e}",
                EPOCH_1971 as f64 + r.float(4e9).parse::<f64>().unwrap_or(0.0).abs()
            ),
            2 => format!(
                "{:e}",
                EPOCH_1971 as f64 + r.float(2.5e11).parse::<f64>().unwrap_or(0.0).abs()
            ),
            _ => format!("{}.{}", r.range(EPOCH_1971, 2_000_000_000), r.range(0, 9_999_999)),
        };
        c.add(
            format!("datetime.fromTimestamp({ts}).toString()"),
            format!("D.datetime.fromtimestamp({ts}).isoformat()"),
        );
        let (ml, py) = datetime(r, (1971, 9998));
        let frac = r.float(1.0);
        c.add(
            format!("{ml}.addSeconds({frac}).timestamp()"),
            format!("({py} + D.timedelta(seconds={frac})).timestamp()"),
        );
    }
    // The hours around daylight-saving shifts (2024 in the northern and southern zones).
    for &(y, m, d) in
        &[(2024, 3, 10), (2024, 11, 3), (2024, 3, 31), (2024, 10, 27), (2024, 4, 7), (2024, 10, 6)]
    {
        for h in 0..4 {
            for mi in [0, 30, 59] {
                c.add(
                    format!("datetime.create({y}, {m}, {d}, {h}, {mi}, 0).timestamp()"),
                    format!("mk({y}, {m}, {d}, {h}, {mi}, 0).timestamp()"),
                );
            }
        }
    }
    c
}

fn python() -> Option<&'static str> {
    let ok = Command::new("python3")
        .arg("-c")
        .arg("import datetime")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some("python3")
}

/// Runs both programs with `TZ=tz` and returns the mismatching lines.
fn compare(dir: &Path, name: &str, cases: &Cases, tz: &str) -> Vec<String> {
    let ml_file = dir.join(format!("{name}.ml"));
    let py_file = dir.join(format!("{name}.py"));
    std::fs::write(&ml_file, format!("{ML_PRELUDE}{}", cases.ml)).expect("write ML");
    std::fs::write(&py_file, format!("{PY_PRELUDE}{}", cases.py)).expect("write Python");
    let ml = Command::new(env!("CARGO_BIN_EXE_mlpy"))
        .arg("run")
        .arg(&ml_file)
        .env("TZ", tz)
        .output()
        .expect("run mlpy");
    let py = Command::new("python3").arg(&py_file).env("TZ", tz).output().expect("run python3");
    assert!(ml.status.success(), "mlpy failed: {}", String::from_utf8_lossy(&ml.stderr));
    assert!(py.status.success(), "python3 failed: {}", String::from_utf8_lossy(&py.stderr));
    let ml_out = String::from_utf8_lossy(&ml.stdout).into_owned();
    let py_out = String::from_utf8_lossy(&py.stdout).into_owned();
    // One line per case (no generated format writes a line feed: `%n` is left out).
    let ml_lines: Vec<&str> = ml_out.lines().collect();
    let py_lines: Vec<&str> = py_out.lines().collect();
    let sources: Vec<&str> = cases.ml.lines().collect();
    let mut wrong = Vec::new();
    if ml_lines.len() != py_lines.len() {
        wrong.push(format!(
            "TZ={tz}: {} lines from mlpy, {} from python3",
            ml_lines.len(),
            py_lines.len()
        ));
    }
    for (i, (a, b)) in ml_lines.iter().zip(&py_lines).enumerate() {
        // Floats are compared by value: when two shortest texts are equally near a
        // double, ML's float text (spec §4.8: Rust's digits) and CPython's repr may pick
        // different ones (1175437364878.40625: `...4063` and `...4062`).
        let same_float = matches!((a.parse::<f64>(), b.parse::<f64>()), (Ok(x), Ok(y)) if x == y);
        if a != b && !same_float {
            wrong.push(format!(
                "TZ={tz} line {i}: mlpy {a:?}, python3 {b:?} (near {})",
                sources.get(i).unwrap_or(&"?")
            ));
            if wrong.len() > 20 {
                break;
            }
        }
    }
    wrong
}

#[test]
fn datetime_agrees_with_cpython_on_generated_cases() {
    if python().is_none() {
        eprintln!("python3 not found: the CPython comparison is skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("mlpy-dt-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let mut rng = Rng(0x5EED_DA7E_2025);
    let free = zone_free_cases(&mut rng);
    let local = local_cases(&mut rng);
    let mut wrong = compare(&dir, "free", &free, "UTC");
    let zones = [
        "UTC0",
        "EST5EDT,M3.2.0,M11.1.0",
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "<+0530>-5:30",
        "AEST-10AEDT,M10.1.0,M4.1.0/3",
    ];
    let mut zones: Vec<&str> = zones.to_vec();
    // A zone of the tz database, where the machine has one (both read the same file).
    if Path::new("/usr/share/zoneinfo/America/New_York").is_file() {
        zones.push("America/New_York");
    }
    for tz in &zones {
        wrong.extend(compare(&dir, "local", &local, tz));
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "datetime oracle: {} zone-free cases, {} local-time cases x {} zones",
        free.count,
        local.count,
        zones.len()
    );
    assert!(wrong.is_empty(), "{} mismatches:\n{}", wrong.len(), wrong.join("\n"));
}
