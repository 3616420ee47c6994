//! Tests for `format_spec`.

use super::*;
