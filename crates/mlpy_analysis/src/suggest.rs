//! "Did you mean …?" suggestions: the visible name closest to an unknown one
//! (`closest`), and the member of a module or built-in kind closest to an unknown member
//! (`closest_member`), which the static checks and the runtime's `AttributeError` share.

/// The largest edit distance at which a name is suggested (spec §7.4).
const MAX_DISTANCE: usize = 2;

/// The candidate closest to `name`, if one is close enough: within edit distance 2 (a
/// transposition counts as one edit), and within a sixth of the two lengths plus a half,
/// as in Python's suggestions, so that `x` never suggests `y` nor `open` suggests `len`.
/// Candidates come with a rank (lower is
/// preferred: the innermost scope first, the prelude last); ties in distance go to the
/// lower rank, then to a candidate with the same first character, then alphabetically.
pub fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = (usize, &'a str)>,
) -> Option<&'a str> {
    let name_len = name.chars().count();
    let first = name.chars().next();
    candidates
        .into_iter()
        .filter(|(_, candidate)| *candidate != name)
        .filter_map(|(rank, candidate)| {
            let distance = edit_distance(name, candidate);
            let limit = MAX_DISTANCE.min((name_len + candidate.chars().count() + 3) / 6);
            let close = distance <= limit;
            close.then_some((
                (distance, rank, candidate.chars().next() != first, candidate),
                candidate,
            ))
        })
        .min_by(|(a, _), (b, _)| a.cmp(b))
        .map(|(_, candidate)| candidate)
}

/// The member of `members` (in declaration order) that an unknown member `name` most
/// likely meant: one spelled the same up to case and underscores (`setseed`, `set_Seed`
/// for `setSeed`), else the closest by edit distance (as `closest`, earlier members
/// first on a tie), else the first member whose words include every word of `name`
/// (`seed` for `setSeed`: words split at underscores and lower-to-upper case changes).
pub fn closest_member<'a>(
    name: &str,
    members: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let normal = normalize(name);
    let same = members
        .clone()
        .into_iter()
        .filter(|m| *m != name && normalize(m) == normal)
        .min_by_key(|m| edit_distance(name, m));
    if same.is_some() {
        return same;
    }
    if let Some(found) = closest(name, members.clone().into_iter().enumerate()) {
        return Some(found);
    }
    let wanted = words(name);
    if wanted.is_empty() || wanted.iter().all(|w| w.len() < 3) {
        return None;
    }
    members.into_iter().find(|m| {
        let have = words(m);
        have.len() > wanted.len() && wanted.iter().all(|w| have.contains(w))
    })
}

/// `name` in lower case without underscores.
fn normalize(name: &str) -> String {
    name.chars().filter(|c| *c != '_').flat_map(char::to_lowercase).collect()
}

/// The lower-case words of a camelCase or snake_case name.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if (c == '_' || (c.is_uppercase() && prev_lower)) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        if c != '_' {
            current.extend(c.to_lowercase());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and
/// transpositions of adjacent characters each cost one.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // `row[j]` is the distance between the first `i` chars of `a` and the first `j` of `b`;
    // `prev` and `prev2` are the rows of `i - 1` and `i - 2`.
    let mut prev2: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 1);
            }
            row[j] = best;
        }
        prev2 = std::mem::replace(&mut prev, row);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use crate::suggest::{closest, closest_member, edit_distance, words};

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("cout", "count"), 1);
        assert_eq!(edit_distance("pirnt", "print"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("Print", "print"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3);
    }

    #[track_caller]
    fn check(name: &str, candidates: &[(usize, &str)], expect: Option<&str>) {
        assert_eq!(closest(name, candidates.iter().copied()), expect);
    }

    #[test]
    fn suggestions() {
        check("cout", &[(0, "count"), (1, "print")], Some("count"));
        check("x", &[(0, "y")], None);
        check("xyz", &[(0, "x")], None);
        check("ab", &[(2, "abs")], Some("abs"));
        // The closest wins over the innermost.
        check("lenght", &[(0, "lengths"), (1, "length")], Some("length"));
        // Equal distance: the innermost wins.
        check("vlue", &[(1, "value"), (0, "blue")], Some("blue"));
        // Equal distance and rank: the same first character, then alphabetical order.
        check("pint", &[(3, "int"), (3, "print")], Some("print"));
        check("cnt", &[(3, "cat"), (3, "cut")], Some("cat"));
        check("undefined", &[(3, "print")], None);
        // Two edits only between longer names.
        check("open", &[(3, "len")], None);
        check("cnt", &[(3, "count")], None);
        check("undefnd", &[(3, "undefined")], Some("undefined"));
        check("x1", &[(0, "x")], Some("x"));
    }

    #[test]
    fn member_suggestions() {
        let random = ["setSeed", "set_seed", "getSeed", "get_seed", "random", "randomInt"];
        let member = |name: &str| closest_member(name, random.iter().copied());
        assert_eq!(member("seed"), Some("setSeed"));
        assert_eq!(member("setseed"), Some("setSeed"));
        assert_eq!(member("set_seeD"), Some("set_seed"));
        assert_eq!(member("randomint"), Some("randomInt"));
        assert_eq!(member("randon"), Some("random"));
        assert_eq!(member("shuffle"), None);
        assert_eq!(closest_member("random", ["random"]), None, "a name is not its own suggestion");
        let math = ["sqrt", "sin", "log", "pi"];
        assert_eq!(closest_member("sqroot", math.iter().copied()), Some("sqrt"));
        assert_eq!(closest_member("x", math.iter().copied()), None);
        assert_eq!(words("getHTTPResponse_code"), ["get", "httpresponse", "code"]);
    }
}
