//! The JSON profile (`mlpy-profile/1`), documented field by field in
//! `docs/profile-format.md`.
//!
//! The writer is hand-made so that fields come in the documented order and each array
//! element sits on one line (readable, and diffable between runs); the reader uses
//! `serde_json` and checks every field and every index, so that a `Profile` read back
//! keeps the same invariants as one recorded.

use std::fmt::Write;

use serde_json::{Map, Value};

use crate::profile::{
    Category, CategoryStats, ContextNode, EdgeStats, FunctionInfo, FunctionKind, FunctionStats,
    PhaseStats, Profile, ProfilerCost, Timeline, TimelineEvent,
};

/// The value of the `schema` field.
pub const SCHEMA: &str = "mlpy-profile/1";

impl Profile {
    /// The profile as JSON (`mlpy-profile/1`).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        out.push_str("{\n");
        let _ = writeln!(out, "  \"schema\": {},", string(SCHEMA));
        let _ = writeln!(out, "  \"program\": {},", string(&self.program));
        let _ = writeln!(out, "  \"total_ns\": {},", self.total_ns);
        let _ = writeln!(out, "  \"peak_memory_bytes\": {},", self.peak_memory_bytes);
        let _ = writeln!(out, "  \"memory_tracked\": {},", self.memory_tracked);
        let cost = &self.profiler;
        let _ = writeln!(
            out,
            "  \"profiler\": {{\"clock\": {}, \"event_cost_ps\": {}, \"inside_cost_ps\": {}, \
             \"slow_enter_cost_ps\": {}, \"events\": {}, \"slow_enters\": {}, \
             \"subtracted_ns\": {}}},",
            string(&cost.clock),
            cost.event_cost_ps,
            cost.inside_cost_ps,
            cost.slow_enter_cost_ps,
            cost.events,
            cost.slow_enters,
            cost.subtracted_ns
        );
        array(&mut out, "phases", &self.phases, false, |p| {
            format!(
                "{{\"name\": {}, \"ns\": {}, \"alloc_bytes\": {}}}",
                string(&p.name),
                p.ns,
                p.alloc_bytes
            )
        });
        array(&mut out, "categories", &self.categories, false, |c| {
            format!(
                "{{\"name\": {}, \"ns\": {}, \"alloc_bytes\": {}}}",
                string(c.category.name()),
                c.ns,
                c.alloc_bytes
            )
        });
        array(&mut out, "functions", &self.functions, false, |f| {
            format!(
                "{{\"name\": {}, \"file\": {}, \"line\": {}, \"kind\": {}, \"category\": {}, \
                 \"calls\": {}, \"primitive_calls\": {}, \"self_ns\": {}, \"total_ns\": {}, \
                 \"alloc_bytes\": {}, \"alloc_count\": {}, \"retained_bytes\": {}}}",
                string(&f.info.name),
                string(&f.info.file),
                f.info.line,
                string(f.info.kind.name()),
                string(f.info.category.name()),
                f.calls,
                f.primitive_calls,
                f.self_ns,
                f.total_ns,
                f.alloc_bytes,
                f.alloc_count,
                f.retained_bytes
            )
        });
        array(&mut out, "edges", &self.edges, false, |e| {
            format!(
                "{{\"caller\": {}, \"callee\": {}, \"calls\": {}, \"primitive_calls\": {}, \
                 \"self_ns\": {}, \"total_ns\": {}}}",
                e.caller, e.callee, e.calls, e.primitive_calls, e.self_ns, e.total_ns
            )
        });
        array(&mut out, "cct", &self.cct, self.timeline.is_none(), |n| {
            let parent = n.parent.map_or_else(|| "null".to_owned(), |p| p.to_string());
            format!(
                "{{\"function\": {}, \"parent\": {}, \"calls\": {}, \"self_ns\": {}, \
                 \"total_ns\": {}, \"alloc_bytes\": {}, \"alloc_count\": {}}}",
                n.function, parent, n.calls, n.self_ns, n.total_ns, n.alloc_bytes, n.alloc_count
            )
        });
        if let Some(t) = &self.timeline {
            let _ = writeln!(
                out,
                "  \"timeline\": {{\"cap\": {}, \"dropped\": {}, \"events\": [",
                t.cap, t.dropped
            );
            for (idx, e) in t.events.iter().enumerate() {
                let sep = if idx + 1 < t.events.len() { "," } else { "" };
                let func = e.enter.map_or_else(|| "null".to_owned(), |f| f.to_string());
                let _ = writeln!(out, "    [{}, {func}, {}]{sep}", e.ts_ns, e.heap_bytes);
            }
            out.push_str("  ]}\n");
        }
        out.push_str("}\n");
        out
    }

    /// Reads a profile written by `to_json`. Every field is checked, and so is every
    /// index (edges and tree nodes into `functions`, a tree node's parent before it), and
    /// every figure is at most 2^53 − 1 and adds up with its column without overflow
    /// (`check_figures`), so that every report and export of what is read is defined.
    pub fn from_json(text: &str) -> Result<Profile, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
        let root = Obj::new(&root, "profile")?;
        let schema = root.str("schema")?;
        if schema != SCHEMA {
            return Err(format!("unsupported schema `{schema}` (expected `{SCHEMA}`)"));
        }
        let cost = Obj::new(root.get("profiler")?, "profiler")?;
        let profiler = ProfilerCost {
            clock: cost.str("clock")?.to_owned(),
            event_cost_ps: cost.u64("event_cost_ps")?,
            inside_cost_ps: cost.u64("inside_cost_ps")?,
            slow_enter_cost_ps: cost.optional_u64("slow_enter_cost_ps")?,
            events: cost.u64("events")?,
            slow_enters: cost.optional_u64("slow_enters")?,
            subtracted_ns: cost.u64("subtracted_ns")?,
        };
        let phases = root.array("phases", |o| {
            Ok(PhaseStats {
                name: o.str("name")?.to_owned(),
                ns: o.u64("ns")?,
                alloc_bytes: o.u64("alloc_bytes")?,
            })
        })?;
        let categories = root.array("categories", |o| {
            Ok(CategoryStats {
                category: o.str("name")?.parse()?,
                ns: o.u64("ns")?,
                alloc_bytes: o.u64("alloc_bytes")?,
            })
        })?;
        let in_order = categories.iter().map(|c| c.category).eq(Category::ALL);
        if !in_order {
            return Err("`categories` must list every category once, in order".to_owned());
        }
        let functions = root.array("functions", |o| {
            Ok(FunctionStats {
                info: FunctionInfo {
                    name: o.str("name")?.to_owned(),
                    file: o.str("file")?.to_owned(),
                    line: u32::try_from(o.u64("line")?).map_err(|_| o.err("line", "too large"))?,
                    kind: o.str("kind")?.parse::<FunctionKind>()?,
                    category: o.str("category")?.parse()?,
                },
                calls: o.u64("calls")?,
                primitive_calls: o.u64("primitive_calls")?,
                self_ns: o.u64("self_ns")?,
                total_ns: o.u64("total_ns")?,
                alloc_bytes: o.u64("alloc_bytes")?,
                alloc_count: o.u64("alloc_count")?,
                retained_bytes: o.u64("retained_bytes")?,
            })
        })?;
        let n_funcs = functions.len() as u64;
        let edges = root.array("edges", |o| {
            Ok(EdgeStats {
                caller: o.index("caller", n_funcs)?,
                callee: o.index("callee", n_funcs)?,
                calls: o.u64("calls")?,
                primitive_calls: o.u64("primitive_calls")?,
                self_ns: o.u64("self_ns")?,
                total_ns: o.u64("total_ns")?,
            })
        })?;
        let cct = root.array("cct", |o| {
            let parent = match o.get("parent")? {
                Value::Null => None,
                _ => Some(o.index("parent", u64::MAX)?),
            };
            Ok(ContextNode {
                function: o.index("function", n_funcs)?,
                parent,
                calls: o.u64("calls")?,
                self_ns: o.u64("self_ns")?,
                total_ns: o.u64("total_ns")?,
                alloc_bytes: o.u64("alloc_bytes")?,
                alloc_count: o.u64("alloc_count")?,
            })
        })?;
        for (idx, node) in cct.iter().enumerate() {
            if node.parent.is_some_and(|parent| parent as usize >= idx) {
                return Err(format!("`cct[{idx}].parent` must come before the node"));
            }
        }
        let timeline = match root.map.get("timeline") {
            None => None,
            Some(_) => Some(read_timeline(&Obj::new(root.get("timeline")?, "timeline")?, n_funcs)?),
        };
        let profile = Profile {
            timeline,
            program: root.str("program")?.to_owned(),
            total_ns: root.u64("total_ns")?,
            peak_memory_bytes: root.u64("peak_memory_bytes")?,
            memory_tracked: root.bool("memory_tracked")?,
            profiler,
            phases,
            categories,
            functions,
            edges,
            cct,
        };
        // No report or export may overflow on figures a file can hold.
        check_figures(&profile)?;
        Ok(profile)
    }
}

/// The largest figure a profile read back may hold, and the largest sum of a column
/// that adds up to a share of the run (calls, self times, bytes): 2^53 − 1, the largest
/// integer every JSON reader (the HTML page's JavaScript among them) holds exactly, and
/// far beyond any run (104 days in nanoseconds). That leaves the reports and exports,
/// which add such figures up and scale them, 2^11 times headroom in 64 bits.
pub(crate) const MAX_FIGURE: u64 = (1 << 53) - 1;

/// The largest sum of a column of total (inclusive) times: these count a time once per
/// enclosing call, so they add up to the run's time times the depth of its calls.
const MAX_TOTALS_SUM: u64 = 1 << 62;

/// Checks that the figures of a profile read from a file are within
/// `MAX_FIGURE`, alone and added up column by column (`MAX_TOTALS_SUM` for total
/// times), so that no report or export overflows on a hand-edited or corrupted file.
/// The error names the first column that is too large.
fn check_figures(p: &Profile) -> Result<(), String> {
    fn sum_within(name: &str, max: u64, values: impl Iterator<Item = u64>) -> Result<(), String> {
        let mut sum: u64 = 0;
        for v in values {
            if v > MAX_FIGURE {
                return Err(format!("`{name}` holds {v}, more than {MAX_FIGURE}"));
            }
            sum = sum
                .checked_add(v)
                .filter(|&s| s <= max)
                .ok_or_else(|| format!("the figures of `{name}` add up to more than {max}"))?;
        }
        Ok(())
    }
    let column =
        |name: &str, values: &mut dyn Iterator<Item = u64>| sum_within(name, MAX_FIGURE, values);
    let totals = |name: &str, values: &mut dyn Iterator<Item = u64>| {
        sum_within(name, MAX_TOTALS_SUM, values)
    };
    let cost = p.profiler();
    column("total_ns", &mut std::iter::once(p.total_ns()))?;
    column("peak_memory_bytes", &mut std::iter::once(p.peak_memory_bytes()))?;
    column("profiler.event_cost_ps", &mut std::iter::once(cost.event_cost_ps))?;
    column("profiler.inside_cost_ps", &mut std::iter::once(cost.inside_cost_ps))?;
    column("profiler.slow_enter_cost_ps", &mut std::iter::once(cost.slow_enter_cost_ps))?;
    column("profiler.events", &mut std::iter::once(cost.events))?;
    column("profiler.slow_enters", &mut std::iter::once(cost.slow_enters))?;
    column("profiler.subtracted_ns", &mut std::iter::once(cost.subtracted_ns))?;
    column("phases[].ns", &mut p.phases().iter().map(|x| x.ns))?;
    column("phases[].alloc_bytes", &mut p.phases().iter().map(|x| x.alloc_bytes))?;
    column("categories[].ns", &mut p.categories().iter().map(|x| x.ns))?;
    column("categories[].alloc_bytes", &mut p.categories().iter().map(|x| x.alloc_bytes))?;
    let f = p.functions();
    column("functions[].calls", &mut f.iter().map(|x| x.calls))?;
    column("functions[].primitive_calls", &mut f.iter().map(|x| x.primitive_calls))?;
    column("functions[].self_ns", &mut f.iter().map(|x| x.self_ns))?;
    totals("functions[].total_ns", &mut f.iter().map(|x| x.total_ns))?;
    column("functions[].alloc_bytes", &mut f.iter().map(|x| x.alloc_bytes))?;
    column("functions[].alloc_count", &mut f.iter().map(|x| x.alloc_count))?;
    column("functions[].retained_bytes", &mut f.iter().map(|x| x.retained_bytes))?;
    let e = p.edges();
    column("edges[].calls", &mut e.iter().map(|x| x.calls))?;
    column("edges[].primitive_calls", &mut e.iter().map(|x| x.primitive_calls))?;
    column("edges[].self_ns", &mut e.iter().map(|x| x.self_ns))?;
    totals("edges[].total_ns", &mut e.iter().map(|x| x.total_ns))?;
    let c = p.cct();
    column("cct[].calls", &mut c.iter().map(|x| x.calls))?;
    column("cct[].self_ns", &mut c.iter().map(|x| x.self_ns))?;
    totals("cct[].total_ns", &mut c.iter().map(|x| x.total_ns))?;
    column("cct[].alloc_bytes", &mut c.iter().map(|x| x.alloc_bytes))?;
    column("cct[].alloc_count", &mut c.iter().map(|x| x.alloc_count))?;
    if let Some(t) = p.timeline() {
        column("timeline.cap", &mut std::iter::once(t.cap))?;
        column("timeline.dropped", &mut std::iter::once(t.dropped))?;
        for ev in &t.events {
            column("timeline.events[].ts_ns", &mut std::iter::once(ev.ts_ns))?;
            column("timeline.events[].heap_bytes", &mut std::iter::once(ev.heap_bytes))?;
        }
    }
    Ok(())
}

/// The optional `timeline`: `cap`, `dropped`, and `events` as `[ts_ns, function or null,
/// heap_bytes]`, in time order, with every exit matching an enter before it.
fn read_timeline(t: &Obj<'_>, n_funcs: u64) -> Result<Timeline, String> {
    let raw = t.get("events")?.as_array().ok_or_else(|| t.err("events", "must be an array"))?;
    let mut events = Vec::with_capacity(raw.len());
    let (mut open, mut last_ts) = (0u64, 0u64);
    for (idx, value) in raw.iter().enumerate() {
        let bad = |what: &str| format!("`timeline.events[{idx}]` {what}");
        let [ts, func, heap] = value.as_array().map(Vec::as_slice).unwrap_or(&[]) else {
            return Err(bad("must be [ts_ns, function or null, heap_bytes]"));
        };
        let ts_ns =
            ts.as_u64().ok_or_else(|| bad("has a time that is not a non-negative integer"))?;
        let heap_bytes = heap
            .as_u64()
            .ok_or_else(|| bad("has heap bytes that are not a non-negative integer"))?;
        if ts_ns < last_ts {
            return Err(bad("goes back in time"));
        }
        last_ts = ts_ns;
        let enter = match func {
            Value::Null => {
                open = open.checked_sub(1).ok_or_else(|| bad("exits with nothing entered"))?;
                None
            }
            f => match f.as_u64() {
                Some(f) if f < n_funcs => {
                    open += 1;
                    Some(f as u32)
                }
                _ => return Err(bad("names no function")),
            },
        };
        events.push(TimelineEvent { ts_ns, enter, heap_bytes });
    }
    Ok(Timeline { events, cap: t.u64("cap")?, dropped: t.u64("dropped")? })
}

/// A JSON string literal.
fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serializes")
}

/// `"name": [` one element per line `]`.
fn array<T>(out: &mut String, name: &str, items: &[T], last: bool, item: impl Fn(&T) -> String) {
    let comma = if last { "" } else { "," };
    if items.is_empty() {
        let _ = writeln!(out, "  \"{name}\": []{comma}");
        return;
    }
    let _ = writeln!(out, "  \"{name}\": [");
    for (idx, it) in items.iter().enumerate() {
        let sep = if idx + 1 < items.len() { "," } else { "" };
        let _ = writeln!(out, "    {}{sep}", item(it));
    }
    let _ = writeln!(out, "  ]{comma}");
}

/// A JSON object being read, with its path for error messages.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: &str) -> Result<Obj<'a>, String> {
        match value {
            Value::Object(map) => Ok(Obj { map, path: path.to_owned() }),
            _ => Err(format!("`{path}` must be an object")),
        }
    }

    fn err(&self, key: &str, what: &str) -> String {
        format!("`{}.{key}` {what}", self.path)
    }

    fn get(&self, key: &str) -> Result<&'a Value, String> {
        self.map.get(key).ok_or_else(|| self.err(key, "is missing"))
    }

    fn str(&self, key: &str) -> Result<&'a str, String> {
        self.get(key)?.as_str().ok_or_else(|| self.err(key, "must be a string"))
    }

    fn u64(&self, key: &str) -> Result<u64, String> {
        self.get(key)?.as_u64().ok_or_else(|| self.err(key, "must be a non-negative integer"))
    }

    /// A field added after the first release of the format: 0 when absent.
    fn optional_u64(&self, key: &str) -> Result<u64, String> {
        if !self.map.contains_key(key) {
            return Ok(0);
        }
        self.u64(key)
    }

    fn bool(&self, key: &str) -> Result<bool, String> {
        self.get(key)?.as_bool().ok_or_else(|| self.err(key, "must be a boolean"))
    }

    /// An index below `len`.
    fn index(&self, key: &str, len: u64) -> Result<u32, String> {
        let idx = self.u64(key)?;
        if idx >= len || idx > u64::from(u32::MAX) {
            return Err(self.err(key, &format!("is out of range ({idx})")));
        }
        Ok(idx as u32)
    }

    fn array<T>(
        &self,
        key: &str,
        item: impl Fn(&Obj<'_>) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let items = self.get(key)?.as_array().ok_or_else(|| self.err(key, "must be an array"))?;
        items
            .iter()
            .enumerate()
            .map(|(idx, value)| item(&Obj::new(value, &format!("{key}[{idx}]"))?))
            .collect()
    }
}
