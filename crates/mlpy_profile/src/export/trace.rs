//! Placeholder: being built (issue 11).

use crate::profile::Profile;

pub(crate) fn write(_profile: &Profile) -> String {
    String::new()
}
