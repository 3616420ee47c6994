//! Placeholder: being built (issue 11).

use crate::profile::Profile;

pub(crate) fn write(_profile: &Profile) -> Vec<u8> {
    Vec::new()
}
