//! From the recorded calling-context tree to a `Profile`.
//!
//! 1. Bottom-up over the tree, the profiler's cost is subtracted from each node's
//!    inclusive time (its own in-window part once per activation, two events per
//!    activation nested inside it; never below zero and never below its children's sum),
//!    and self figures are the inclusive ones minus the children's.
//! 2. Top-down, with a count of active activations per function and per caller → callee
//!    pair, per-function and per-edge figures follow cProfile's rules: every activation
//!    adds its calls and self time; only an activation with no enclosing activation of
//!    the same function (of the same pair, for edges) is primitive and adds its total
//!    time, so recursion is never counted twice.

use std::collections::HashMap;

use crate::profile::{
    Category, CategoryStats, ContextNode, EdgeStats, FunctionInfo, FunctionKind, FunctionStats,
    PhaseStats, Profile, ProfilerCost, Timeline, TimelineEvent,
};
use crate::recorder::{Calibration, FunctionSlot, Node, PhaseSlot, NO_FUNC, ROOT};

/// What the recorder hands over.
pub(crate) struct Raw<'a> {
    pub(crate) program: &'a str,
    pub(crate) clock: &'a str,
    pub(crate) functions: &'a [FunctionSlot],
    pub(crate) nodes: &'a [Node],
    pub(crate) phase_order: &'a [PhaseSlot],
    pub(crate) track_memory: bool,
    pub(crate) calibration: Calibration,
    pub(crate) peak_memory: u64,
    pub(crate) timeline: Option<RawTimeline>,
}

/// The timeline as recorded: nanoseconds since the first event, registered function ids
/// (`NO_FUNC` for an exit), live bytes.
pub(crate) struct RawTimeline {
    pub(crate) events: Vec<(u64, u32, u64)>,
    pub(crate) cap: u64,
    pub(crate) dropped: u64,
}

/// Per-node figures after the correction.
#[derive(Clone, Copy, Default)]
struct Adjusted {
    total_ns: u64,
    self_ns: u64,
    alloc_bytes: u64,
    alloc_count: u64,
}

pub(crate) fn build(raw: Raw<'_>) -> Profile {
    let mut infos: Vec<FunctionInfo> = raw.functions.iter().map(|f| f.info.clone()).collect();
    // An activation of an id that was never registered still counts, under a placeholder.
    let mut unknown: HashMap<u32, u32> = HashMap::new();
    let func_of: Vec<u32> = raw
        .nodes
        .iter()
        .map(|n| {
            if n.func == NO_FUNC || (n.func as usize) < infos.len() {
                return n.func;
            }
            *unknown.entry(n.func).or_insert_with(|| {
                infos.push(FunctionInfo {
                    name: format!("<unknown #{}>", n.func),
                    file: String::new(),
                    line: 0,
                    kind: FunctionKind::Native,
                    category: Category::RuntimeOverhead,
                });
                (infos.len() - 1) as u32
            })
        })
        .collect();
    let is_event = |node: usize| {
        node != ROOT as usize && infos[func_of[node] as usize].kind != FunctionKind::Phase
    };

    // 1. Correction and self figures, bottom-up (children come after their parents).
    let n = raw.nodes.len();
    let cal = raw.calibration;
    let mut adjusted = vec![Adjusted::default(); n];
    let mut subtree_events = vec![0u64; n];
    let mut subtree_slow = vec![0u64; n];
    let mut slow_enters = 0u64;
    let mut children_ns = vec![0u64; n];
    let mut children_bytes = vec![0u64; n];
    let mut children_count = vec![0u64; n];
    let mut events = 0u64;
    let mut measured_ns = 0u64;
    for idx in (1..n).rev() {
        let node = &raw.nodes[idx];
        // Calls recorded as instantaneous read no clock: nothing to correct for them.
        let own_events = if is_event(idx) { node.calls - node.untimed } else { 0 };
        events += 2 * own_events;
        let own_slow = if is_event(idx) { node.slow } else { 0 };
        slow_enters += own_slow;
        let nested = subtree_events[idx];
        let nested_slow = subtree_slow[idx];
        subtree_events[idx] += own_events;
        subtree_slow[idx] += own_slow;
        let cost_ps = u128::from(own_events) * u128::from(cal.inside_cost_ps)
            + 2 * u128::from(nested) * u128::from(cal.event_cost_ps)
            + u128::from(nested_slow) * u128::from(cal.slow_enter_ps);
        let cost_ns = u64::try_from(cost_ps / 1000).unwrap_or(u64::MAX);
        let total = node.incl.saturating_sub(cost_ns);
        let self_ns = total.saturating_sub(children_ns[idx]);
        let total = self_ns + children_ns[idx];
        let (alloc_bytes, alloc_count) = if raw.track_memory {
            (
                node.alloc_bytes.saturating_sub(children_bytes[idx]),
                node.alloc_count.saturating_sub(children_count[idx]),
            )
        } else {
            (0, 0)
        };
        adjusted[idx] = Adjusted { total_ns: total, self_ns, alloc_bytes, alloc_count };
        let parent = node.parent as usize;
        subtree_events[parent] += subtree_events[idx];
        subtree_slow[parent] += subtree_slow[idx];
        children_ns[parent] += total;
        children_bytes[parent] += node.alloc_bytes;
        children_count[parent] += node.alloc_count;
        if parent == ROOT as usize {
            measured_ns += node.incl;
        }
    }
    let total_ns = children_ns[ROOT as usize];

    // Functions that ran (or hold memory) keep their registration order, renumbered.
    let mut used = vec![false; infos.len()];
    for idx in 1..n {
        used[func_of[idx] as usize] = true;
    }
    if raw.track_memory {
        for (idx, slot) in raw.functions.iter().enumerate() {
            used[idx] |= slot.retained_bytes > 0;
        }
    }
    let mut new_idx = vec![u32::MAX; infos.len()];
    let mut functions = Vec::new();
    for (idx, info) in infos.iter().enumerate() {
        if used[idx] {
            new_idx[idx] = functions.len() as u32;
            functions.push(FunctionStats {
                info: info.clone(),
                calls: 0,
                primitive_calls: 0,
                self_ns: 0,
                total_ns: 0,
                alloc_bytes: 0,
                alloc_count: 0,
                retained_bytes: match raw.functions.get(idx) {
                    Some(slot) if raw.track_memory => slot.retained_bytes,
                    _ => 0,
                },
            });
        }
    }
    let func_new = |node: usize| new_idx[func_of[node] as usize];

    // 2. Per-function and per-edge figures, top-down with active counts.
    let mut first_child = vec![u32::MAX; n];
    let mut next_sibling = vec![u32::MAX; n];
    for idx in (1..n).rev() {
        let parent = raw.nodes[idx].parent as usize;
        next_sibling[idx] = first_child[parent];
        first_child[parent] = idx as u32;
    }
    let mut active_fn = vec![0u32; functions.len()];
    let mut active_pair: HashMap<(u32, u32), u32> = HashMap::new();
    let mut edges: HashMap<(u32, u32), EdgeStats> = HashMap::new();
    // (node, next child to visit)
    let mut stack: Vec<(u32, u32)> = vec![(ROOT, first_child[ROOT as usize])];
    while let Some(top) = stack.last_mut() {
        let child = top.1;
        if child == u32::MAX {
            let (node, _) = stack.pop().expect("the stack is not empty");
            if node != ROOT {
                let node = node as usize;
                active_fn[func_new(node) as usize] -= 1;
                let parent = raw.nodes[node].parent as usize;
                if parent != ROOT as usize {
                    *active_pair.entry((func_new(parent), func_new(node))).or_default() -= 1;
                }
            }
            continue;
        }
        top.1 = next_sibling[child as usize];
        let node = child as usize;
        let adj = adjusted[node];
        let calls = raw.nodes[node].calls;
        let func = func_new(node);
        let stats = &mut functions[func as usize];
        stats.calls += calls;
        stats.self_ns += adj.self_ns;
        stats.alloc_bytes += adj.alloc_bytes;
        stats.alloc_count += adj.alloc_count;
        if active_fn[func as usize] == 0 {
            stats.primitive_calls += calls;
            stats.total_ns += adj.total_ns;
        }
        active_fn[func as usize] += 1;
        let parent = raw.nodes[node].parent as usize;
        if parent != ROOT as usize {
            let key = (func_new(parent), func);
            let edge = edges.entry(key).or_insert_with(|| EdgeStats {
                caller: key.0,
                callee: key.1,
                calls: 0,
                primitive_calls: 0,
                self_ns: 0,
                total_ns: 0,
            });
            edge.calls += calls;
            edge.self_ns += adj.self_ns;
            let active = active_pair.entry(key).or_default();
            if *active == 0 {
                edge.primitive_calls += calls;
                edge.total_ns += adj.total_ns;
            }
            *active += 1;
        }
        stack.push((child, first_child[node]));
    }
    let mut edges: Vec<EdgeStats> = edges.into_values().collect();
    edges.sort_by_key(|e| (e.caller, e.callee));

    let cct = (1..n)
        .map(|idx| {
            let adj = adjusted[idx];
            let parent = raw.nodes[idx].parent;
            ContextNode {
                function: func_new(idx),
                parent: (parent != ROOT).then(|| parent - 1),
                calls: raw.nodes[idx].calls,
                self_ns: adj.self_ns,
                total_ns: adj.total_ns,
                alloc_bytes: adj.alloc_bytes,
                alloc_count: adj.alloc_count,
            }
        })
        .collect();

    let mut categories: Vec<CategoryStats> = Category::ALL
        .iter()
        .map(|&category| CategoryStats { category, ns: 0, alloc_bytes: 0 })
        .collect();
    for f in &functions {
        let cat = &mut categories[f.info.category.index()];
        cat.ns += f.self_ns;
        cat.alloc_bytes += f.alloc_bytes;
    }

    let total_alloc: u64 = functions.iter().map(|f| f.alloc_bytes).sum();
    let named: Vec<(String, u64, u64)> = raw
        .phase_order
        .iter()
        .filter_map(|slot| match *slot {
            PhaseSlot::Named(func) => {
                let f = &functions[new_idx[func as usize] as usize];
                Some((f.info.name.clone(), f.self_ns, f.alloc_bytes))
            }
            PhaseSlot::Execution => None,
        })
        .collect();
    let named_ns: u64 = named.iter().map(|p| p.1).sum();
    let named_bytes: u64 = named.iter().map(|p| p.2).sum();
    let mut named = named.into_iter();
    let phases = raw
        .phase_order
        .iter()
        .map(|slot| {
            let (name, ns, alloc_bytes) = match slot {
                PhaseSlot::Named(_) => named.next().expect("one entry per named phase"),
                PhaseSlot::Execution => (
                    "execution".to_owned(),
                    total_ns.saturating_sub(named_ns),
                    total_alloc.saturating_sub(named_bytes),
                ),
            };
            PhaseStats { name, ns, alloc_bytes }
        })
        .collect();

    let timeline = raw.timeline.map(|t| Timeline {
        events: t
            .events
            .iter()
            .map(|&(ts_ns, func, live)| TimelineEvent {
                ts_ns,
                enter: (func != NO_FUNC).then(|| {
                    let known =
                        if (func as usize) < raw.functions.len() { func } else { unknown[&func] };
                    new_idx[known as usize]
                }),
                heap_bytes: if raw.track_memory { live } else { 0 },
            })
            .collect(),
        cap: t.cap,
        dropped: t.dropped,
    });
    Profile {
        timeline,
        program: raw.program.to_owned(),
        total_ns,
        peak_memory_bytes: if raw.track_memory { raw.peak_memory } else { 0 },
        memory_tracked: raw.track_memory,
        profiler: ProfilerCost {
            clock: raw.clock.to_owned(),
            event_cost_ps: cal.event_cost_ps,
            inside_cost_ps: cal.inside_cost_ps,
            slow_enter_cost_ps: cal.slow_enter_ps,
            events,
            slow_enters,
            subtracted_ns: measured_ns.saturating_sub(total_ns),
        },
        phases,
        categories,
        functions,
        edges,
        cct,
    }
}
