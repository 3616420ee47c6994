//! The run's capability policy (spec §14): the command line's grants (`args::Grants`),
//! narrowed by the `capability` declarations of every file of the program.

use std::rc::Rc;

use mlpy_sandbox::{Allow, Declaration, Flag, Grants, Manifest, Operation, Policy};
use mlpy_syntax::ast::{CapabilityDecl, CapabilityItem, CapabilityOp};
use mlpy_syntax::SourceFile;

use crate::args;

/// The grants of the command line; `Err` names an entry that cannot be understood (a
/// usage error). Paths are resolved later, when the policy is built: an entry that does
/// not exist yet still grants what will appear there.
pub fn grants(given: &args::Grants) -> Result<Grants, String> {
    let mut grants = Grants::new();
    if given.all {
        grants.allow_all();
        return Ok(grants);
    }
    for (flag, slot) in [
        (Flag::Read, &given.read),
        (Flag::Write, &given.write),
        (Flag::Net, &given.net),
        (Flag::Env, &given.env),
    ] {
        if let Some(entries) = slot {
            grants.allow(flag, entries.as_deref())?;
        }
    }
    Ok(grants)
}

/// The program's manifest: its declarations in source order (main file first).
pub fn manifest(declarations: &[(Rc<SourceFile>, CapabilityDecl)]) -> Manifest {
    let mut manifest = Manifest::new();
    for (file, decl) in declarations {
        let mut d = Declaration::default();
        for item in &decl.items {
            match item {
                CapabilityItem::Resource { pattern, .. } => d.resources.push(pattern.clone()),
                CapabilityItem::Allow { op, target, span } => d.allows.push(Allow {
                    operation: match op {
                        CapabilityOp::Read => Operation::Read,
                        CapabilityOp::Write => Operation::Write,
                        CapabilityOp::Network => Operation::Network,
                        CapabilityOp::System => Operation::System,
                        CapabilityOp::Execute => Operation::Execute,
                    },
                    target: target.as_ref().map(|(t, _)| t.clone()),
                    origin: format!("{}:{}", file.name(), file.line_of(span.start)),
                }),
            }
        }
        manifest.declare(d);
    }
    manifest
}

/// The policy of a run, with paths resolved against the working directory now.
pub fn build(grants: &Grants, declarations: &[(Rc<SourceFile>, CapabilityDecl)]) -> Policy {
    Policy::new(grants, &manifest(declarations))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlpy_sandbox::{Capability, Grant};

    fn decls(src: &str) -> Vec<(Rc<SourceFile>, CapabilityDecl)> {
        let file = Rc::new(SourceFile::new("main.ml", src));
        let parsed = mlpy_syntax::parse(&file);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed
            .module
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                mlpy_syntax::ast::StmtKind::Capability(d) => Some((file.clone(), d.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn command_line_grants_convert_in_order() {
        let given = args::Grants {
            read: Some(Some(vec!["b".into(), "a".into()])),
            write: Some(None),
            net: None,
            env: Some(Some(vec!["HOME".into()])),
            all: false,
        };
        let g = grants(&given).unwrap();
        assert_eq!(g.get(Flag::Read), Some(&Grant::List(vec!["b".into(), "a".into()])));
        assert_eq!(g.get(Flag::Write), Some(&Grant::Every));
        assert_eq!(g.get(Flag::Net), None);
        let all = grants(&args::Grants { all: true, ..given }).unwrap();
        assert_eq!(all, Grants::all());
        let bad = args::Grants { net: Some(Some(vec!["h:port".into()])), ..Default::default() };
        assert!(grants(&bad).unwrap_err().contains("h:port"));
    }

    #[test]
    fn declarations_become_the_manifest() {
        let d = decls(
            "capability DataAccess {\n    resource \"data/*.json\";\n    allow read;\n    allow write \"out/report.txt\";\n}\ncapability Net {\n    allow network \"https://api.example.com\";\n}\nx = 1;\n",
        );
        let m = manifest(&d);
        assert_eq!(m.declarations().len(), 2);
        let first = &m.declarations()[0];
        assert_eq!(first.resources, ["data/*.json"]);
        assert_eq!(first.allows[0].operation, Operation::Read);
        assert_eq!(first.allows[0].target, None);
        assert_eq!(first.allows[0].origin, "main.ml:3");
        assert_eq!(first.allows[1].target.as_deref(), Some("out/report.txt"));
        assert_eq!(first.allows[1].origin, "main.ml:4");
        assert_eq!(m.declarations()[1].allows[0].origin, "main.ml:7");
        let p = build(&Grants::all(), &d);
        assert_eq!(
            p.capabilities(),
            [
                Capability::FileAppend,
                Capability::FileDelete,
                Capability::FileRead,
                Capability::FileWrite,
                Capability::NetworkHttps
            ]
        );
        // A declaration without items permits nothing.
        let none = build(&Grants::all(), &decls("capability Nothing {\n}\n"));
        assert!(none.capabilities().is_empty());
    }
}
