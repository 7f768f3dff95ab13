//! The rules a loaded report must meet before it is published: totals that
//! add up, amounts within the precision of 0.001 元, labels that exist.

use crate::diag::Diagnostic;
use crate::figures::{Count, Figure, AMOUNT_MAX_DECIMALS};
use crate::load::Loaded;
use crate::tables::{sum_counts, FigureValue, TableId};

/// Every finding about a loaded report, in table and column order.
/// Errors stop a render; warnings do not.
///
/// ```
/// use enforcement_report_model::{check, load_file};
/// let loaded = load_file("../../fixtures/aral-emergency-2024.yaml".as_ref()).unwrap();
/// assert!(check(&loaded).is_empty());
/// ```
pub fn check(l: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let r = &l.report;
    let t = &r.tables;
    total_rule(l, TableId::Penalties, "合计", t.penalties.total, &t.penalties.categories(), &mut out);
    total_rule(l, TableId::Coercion, "合并", t.coercion.total, &t.coercion.counts(), &mut out);
    for id in TableId::ALL {
        let def = id.def();
        for (col, value) in def.columns.iter().zip(t.values(id)) {
            let FigureValue::Amount(Figure::Value(a)) = value else { continue };
            let path = format!("tables.{}.{}", def.label, col.key);
            if a.0.is_sign_negative() && !a.0.is_zero() {
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} is negative ({a} 万元)", col.key))
                        .with_help("an amount is 0 or more"),
                );
            }
            if a.decimals() > AMOUNT_MAX_DECIMALS {
                out.push(
                    Diagnostic::error(
                        &l.file,
                        l.locate(&path),
                        &path,
                        format!("{} {a} has {} decimal places; amounts in 万元 have at most {AMOUNT_MAX_DECIMALS} (0.001 元)", col.key, a.decimals()),
                    )
                    .with_help("amounts are in 万元: 1737821.088 元 is written 173.7821088"),
                );
            }
        }
        let over = t.overrides(id);
        for key in over.labels.keys() {
            if !def.label_keys().any(|k| k == key) {
                let path = format!("tables.{}.标签.{key}", def.label);
                let keys: Vec<_> = def.label_keys().collect();
                out.push(
                    Diagnostic::error(&l.file, l.locate(&path), &path, format!("{} has no label `{key}`", def.label))
                        .with_help(format!("the labels of {} are: {}", def.label, keys.join("、"))),
                );
            }
        }
    }
    if r.report_date.year < r.year {
        out.push(
            Diagnostic::warning(
                &l.file,
                l.locate("report_date"),
                "report_date",
                format!("the report is dated {} , before the end of the year {} it reports on", r.report_date, r.year),
            )
            .with_help("the report is usually signed in January of the following year"),
        );
    }
    out
}

/// A total that is given must equal the sum of its parts; one left out is computed.
fn total_rule(
    l: &Loaded,
    id: TableId,
    name: &str,
    total: Option<Figure<Count>>,
    parts: &[Figure<Count>],
    out: &mut Vec<Diagnostic>,
) {
    let def = id.def();
    let path = format!("tables.{}.{name}", def.label);
    let Some(spec) = &def.total else { return };
    let keys = &def.columns[spec.of.clone()];
    let Some(sum) = sum_counts(parts) else {
        out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, format!("the counts that {name} adds up exceed 4294967295"))
                .with_help("check the counts of this table for a typing error"),
        );
        return;
    };
    match total {
        None => {}
        Some(Figure::NoPower) => out.push(
            Diagnostic::error(&l.file, l.locate(&path), &path, format!("{name} is blank (~), but a total is always a number"))
                .with_help(format!("write the total, or leave {name} out to have it computed")),
        ),
        Some(Figure::Value(given)) if given != sum => {
            let terms: Vec<String> = keys
                .iter()
                .zip(parts)
                .filter_map(|(c, f)| f.value().filter(|&v| v != 0).map(|v| format!("{} {v}", c.key)))
                .collect();
            let terms = if terms.is_empty() { "all are 0 or blank".to_string() } else { terms.join(" + ") };
            out.push(
                Diagnostic::error(
                    &l.file,
                    l.locate(&path),
                    &path,
                    format!("{name} is {given}, but the {} counts of {} add up to {sum} ({terms})", keys.len(), def.label),
                )
                .with_help(format!("correct {name} or the count that is wrong, or leave {name} out to have it computed")),
            );
        }
        Some(_) => {}
    }
}
