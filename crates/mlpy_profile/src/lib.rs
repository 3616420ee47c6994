//! The profile data model, the recorder, the clock and every report.
