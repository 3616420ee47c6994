//! Placeholder: being built (issue 11).

use crate::export::FlameWeight;
use crate::profile::Profile;

pub(crate) fn write(_profile: &Profile, _weight: FlameWeight) -> String {
    String::new()
}
