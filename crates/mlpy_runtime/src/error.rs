//! Runtime errors (spec §9.2). `RuntimeError` is one word wide: a box around its details,
//! built only on the cold path.

use std::fmt;

use crate::dict::Dict;
use crate::value::{Object, Value};

/// The runtime error kinds of spec §9.2, plus the uncatchable end of a resource limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    UserError,
    TypeError,
    ValueError,
    IndexError,
    KeyError,
    AttributeError,
    ZeroDivisionError,
    OverflowError,
    NameError,
    RecursionError,
    CapabilityError,
    IOError,
    RuntimeError,
    /// A resource limit (time, memory) was exceeded: ends the program, cannot be caught.
    LimitExceeded,
    /// Standard output could not be written (its reader went away: a closed pipe): ends
    /// the program, cannot be caught.
    OutputClosed,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::UserError => "UserError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::KeyError => "KeyError",
            ErrorKind::AttributeError => "AttributeError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::NameError => "NameError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::CapabilityError => "CapabilityError",
            ErrorKind::IOError => "IOError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::LimitExceeded => "LimitExceeded",
            ErrorKind::OutputClosed => "OutputClosed",
        }
    }
}

/// One line of an ML stack trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceEntry {
    pub function: String,
    pub file: String,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug)]
pub struct RuntimeError(Box<ErrorInner>);

#[derive(Clone, Debug)]
pub struct ErrorInner {
    pub kind: ErrorKind,
    pub message: String,
    /// For `throw`: the thrown object's fields, in order.
    pub thrown: Option<Dict>,
    /// Line of the operation that raised the error, set by the VM at the raise point.
    pub line: Option<u32>,
    /// The ML call stack at the raise point, outermost first.
    pub trace: Vec<TraceEntry>,
    /// Frames left out of the middle of `trace` (a trace keeps at most
    /// `TRACE_KEEP` frames from each end: a runaway recursion's million frames would
    /// take hundreds of megabytes).
    pub trace_omitted: usize,
}

/// Frames kept from each end of a stack trace.
pub const TRACE_KEEP: usize = 5_000;

impl RuntimeError {
    #[cold]
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> RuntimeError {
        RuntimeError(Box::new(ErrorInner {
            kind,
            message: message.into(),
            thrown: None,
            line: None,
            trace: Vec::new(),
            trace_omitted: 0,
        }))
    }

    /// The error raised by `throw {…}` (spec §6.10, §9.3).
    #[cold]
    pub fn thrown(fields: Dict) -> RuntimeError {
        let message = match fields.iter().find(|(k, _)| is_str(k, "message")) {
            Some((_, v)) => crate::display::display(v),
            None => crate::display::display(&Value::object(fields.clone())),
        };
        let mut err = RuntimeError::new(ErrorKind::UserError, message);
        err.0.thrown = Some(fields);
        err
    }

    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn line(&self) -> Option<u32> {
        self.0.line
    }

    /// Frames left out between the two halves of `trace` (0 for all but huge stacks).
    pub fn trace_omitted(&self) -> usize {
        self.0.trace_omitted
    }

    pub fn trace(&self) -> &[TraceEntry] {
        &self.0.trace
    }

    pub fn is_catchable(&self) -> bool {
        !matches!(self.0.kind, ErrorKind::LimitExceeded | ErrorKind::OutputClosed)
    }

    pub(crate) fn inner_mut(&mut self) -> &mut ErrorInner {
        &mut self.0
    }

    /// The kind name shown in reports: a thrown `type` field overrides `UserError`.
    pub fn type_name(&self) -> String {
        if let Some(fields) = &self.0.thrown {
            if let Some((_, v)) = fields.iter().find(|(k, _)| is_str(k, "type")) {
                return crate::display::display(v);
            }
        }
        self.0.kind.name().to_owned()
    }

    /// The error object bound by `except (e)` (spec §9.3).
    pub fn to_object(&self) -> Value {
        let mut dict = Dict::with_capacity(3);
        let thrown = self.0.thrown.as_ref();
        let field = |name: &str| thrown.and_then(|f| f.iter().find(|(k, _)| is_str(k, name)));
        dict.insert_str("message", Value::str(&self.0.message));
        dict.insert_str(
            "type",
            field("type").map_or_else(|| Value::str(self.0.kind.name()), |(_, v)| v.clone()),
        );
        dict.insert_str(
            "line",
            field("line").map_or_else(
                || self.0.line.map_or(Value::Null, |l| Value::Int(l as i64)),
                |(_, v)| v.clone(),
            ),
        );
        if let Some(fields) = thrown {
            for (k, v) in fields.iter() {
                if is_str(k, "message") {
                    // The message keeps the thrown value, not its display form.
                    dict.insert_str("message", v.clone());
                    continue;
                }
                if is_str(k, "type") || is_str(k, "line") {
                    continue;
                }
                if let Ok(key) = crate::dict::Key::new(k.clone()) {
                    dict.insert(key, v.clone());
                }
            }
        }
        Value::Object(Object::new_error(dict))
    }
}

fn is_str(v: &Value, s: &str) -> bool {
    matches!(v, Value::Str(x) if x.as_str() == s)
}

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.0.message)
    }
}

/// Shorthands for building errors on the cold path.
#[cold]
pub fn type_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::TypeError, msg)
}

#[cold]
pub fn value_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::ValueError, msg)
}

#[cold]
pub fn index_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::IndexError, msg)
}

#[cold]
pub fn key_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::KeyError, msg)
}

#[cold]
pub fn attribute_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::AttributeError, msg)
}

#[cold]
pub fn zero_division(op: &str) -> RuntimeError {
    RuntimeError::new(ErrorKind::ZeroDivisionError, format!("division by zero in `{op}`"))
}

#[cold]
pub fn overflow_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::OverflowError, msg)
}

#[cold]
pub fn runtime_error(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ErrorKind::RuntimeError, msg)
}

pub type Result<T, E = RuntimeError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_error_is_one_word() {
        assert_eq!(std::mem::size_of::<RuntimeError>(), std::mem::size_of::<usize>());
    }
}
