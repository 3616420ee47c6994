//! Tests for `strings`.

use super::*;
