//! The two catalogues hold the same messages with the same arguments: a
//! message one language lacks fails here, not in front of a user.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

/// Each message id with the variables its text uses.
fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = parse(src).unwrap_or_else(|(_, errors)| panic!("the catalogue does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                for el in &p.elements {
                    collect(el, &mut vars);
                }
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn collect(el: &ast::PatternElement<&str>, vars: &mut BTreeSet<String>) {
    if let ast::PatternElement::Placeable { expression } = el {
        expr(expression, vars);
    }
}

fn expr(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
            vars.insert(id.name.to_string());
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => expr(expression, vars),
        ast::Expression::Select { selector, variants } => {
            expr(&ast::Expression::Inline(selector.clone()), vars);
            for v in variants {
                for el in &v.value.elements {
                    collect(el, vars);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn both_languages_hold_every_message_with_the_same_arguments() {
    let zh = messages(er_i18n::Lang::Zh.catalogue());
    let en = messages(er_i18n::Lang::En.catalogue());
    let only_zh: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    assert!(only_zh.is_empty() && only_en.is_empty(), "only in zh.ftl: {only_zh:?}\nonly in en.ftl: {only_en:?}");
    for (id, vars) in &en {
        assert_eq!(&zh[id], vars, "{id}: the two languages use other arguments");
    }
    assert!(en.len() > 50, "the catalogues hold the interface's texts");
}

#[test]
fn the_language_follows_the_locale() {
    use er_i18n::Lang;
    for (locale, lang) in [("zh_CN.UTF-8", Lang::Zh), ("zh_TW", Lang::Zh), ("zh", Lang::Zh), ("C", Lang::En), ("en_US.UTF-8", Lang::En), ("POSIX", Lang::En)] {
        assert_eq!(Lang::of_locale(locale), lang, "{locale}");
    }
}

#[test]
fn a_message_reads_the_same_arguments_in_both_languages() {
    use er_i18n::{message_in, Lang};
    assert_eq!(message_in(Lang::Zh, "at-line-column", &[("line", "12".into()), ("column", "5".into())]), "第12行第5列");
    assert_eq!(message_in(Lang::En, "at-line-column", &[("line", "12".into()), ("column", "5".into())]), "line 12, column 5");
    // A figure is shown as written, never regrouped.
    assert_eq!(message_in(Lang::En, "at-line-column", &[("line", "1234567".into()), ("column", "1".into())]), "line 1234567, column 1");
}

/// Every id the code asks for with `t!("…")` is in the catalogues.
#[test]
fn every_message_the_code_uses_is_in_the_catalogues() {
    let en = messages(er_i18n::Lang::En.catalogue());
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut missing = Vec::new();
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, _) in text.match_indices("t!(\"") {
                    // t!, not format!, write! or print!.
                    if text[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[i + 4..];
                    let id = &rest[..rest.find('"').unwrap()];
                    // An id is lowercase ASCII words joined by hyphens.
                    let is_id = !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if is_id && id != "id" && !en.contains_key(id) {
                        missing.push(format!("{}: {id}", p.display()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "ids not in the catalogues:\n{}", missing.join("\n"));
}
