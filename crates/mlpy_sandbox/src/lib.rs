//! The capability vocabulary, grants and policy, and resource limits: pure data shared by
//! the analysis and the runtime.
