//! The templates compiled into the binary, listed by
//! `enforcement-report templates`.

use std::sync::{Arc, OnceLock};

use crate::Template;

/// The template of a data file that names none: the reference report's.
pub const DEFAULT: &str = "bingtuan-2024";

/// Name and source text of each built-in template.
const SOURCES: [(&str, &str); 3] = [
    ("bingtuan-2024", include_str!("../templates/bingtuan-2024.yaml")),
    ("national-2021", include_str!("../templates/national-2021.yaml")),
    ("national-2021-detailed", include_str!("../templates/national-2021-detailed.yaml")),
];

/// Each built-in template, parsed the first time it is asked for (a
/// report's render parses its own, not all three) and shared from then
/// on: every report of a batch holds the same template.
fn parsed(i: usize) -> &'static Arc<Template> {
    static EACH: [OnceLock<Arc<Template>>; SOURCES.len()] = [const { OnceLock::new() }; SOURCES.len()];
    EACH[i].get_or_init(|| {
        let (name, src) = SOURCES[i];
        match crate::load_str(src, &format!("builtin:{name}")) {
            Ok(t) => Arc::new(t),
            // The built-in sources are tested; a broken one is a bug of the build.
            Err(e) => panic!("built-in template {name} is invalid: {}", e[0]),
        }
    })
}

/// All of them, the same shared templates `shared` gives.
fn all_parsed() -> &'static [Arc<Template>] {
    static ALL: OnceLock<Vec<Arc<Template>>> = OnceLock::new();
    ALL.get_or_init(|| (0..SOURCES.len()).map(|i| parsed(i).clone()).collect())
}

/// Every built-in template, the default first.
///
/// ```
/// let names: Vec<_> = er_template::builtin::all().iter().map(|t| t.name.as_str()).collect();
/// assert_eq!(names, ["bingtuan-2024", "national-2021", "national-2021-detailed"]);
/// ```
pub fn all() -> &'static [Arc<Template>] {
    all_parsed()
}

/// The built-in template of this name.
pub fn get(name: &str) -> Option<&'static Template> {
    shared(name).map(|t| &**t)
}

/// The built-in template of this name, shared.
pub fn shared(name: &str) -> Option<&'static Arc<Template>> {
    SOURCES.iter().position(|(n, _)| *n == name).map(parsed)
}

/// The YAML source of a built-in template: a start for a user's own.
pub fn source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The default template.
pub fn default() -> &'static Template {
    default_shared()
}

/// The default template, shared.
pub fn default_shared() -> &'static Arc<Template> {
    shared(DEFAULT).unwrap_or_else(|| parsed(0))
}

/// The names, for a message: bingtuan-2024；national-2021；…
pub fn names() -> String {
    SOURCES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join("；")
}

#[cfg(test)]
mod tests {
    /// A template asked for by name is the one `all` lists, not a copy:
    /// the roll-up knows files of one built-in template by that.
    #[test]
    fn by_name_and_in_the_list_are_one_template() {
        for t in super::all() {
            assert!(std::sync::Arc::ptr_eq(t, super::shared(&t.name).unwrap()), "{}", t.name);
        }
        assert!(std::sync::Arc::ptr_eq(super::default_shared(), &super::all()[0]));
    }

    #[test]
    fn every_builtin_loads() {
        for (name, src) in super::SOURCES {
            let t = crate::load_str(src, name).unwrap_or_else(|e| panic!("{name}: {}", e.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")));
            assert_eq!(t.name, name);
        }
    }
}
