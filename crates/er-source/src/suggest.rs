//! "Did you mean": the one name closest to a misspelled one, by edit
//! distance (strsim's Damerau–Levenshtein, so that a swapped pair of
//! letters, agnecy for agency, counts as one edit), when it is close
//! enough to be the likely intent and no other name is as close.

/// The candidate `word` most likely stands for: at most one edit for a name
/// of up to four characters (受理树 for 受理数), a third of its characters for
/// a longer one, and closer than any other candidate. None otherwise.
///
/// ```
/// use er_source::suggest::closest;
/// let keys = ["template", "agency", "year", "report_date"];
/// assert_eq!(closest("agnecy", keys), Some("agency"));
/// assert_eq!(closest("受理树", ["申报数", "受理数", "办结数"]), Some("受理数"));
/// assert_eq!(closest("zzzz", keys), None);
/// ```
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let n = word.chars().count();
    let allowed = if n <= 4 { 1 } else { n / 3 };
    let mut best: Option<(&str, usize)> = None;
    let mut tie = false;
    for c in candidates {
        if c == word {
            return None;
        }
        let d = strsim::damerau_levenshtein(word, c);
        if d > allowed {
            continue;
        }
        match best {
            Some((_, b)) if d > b => {}
            Some((_, b)) if d == b => tie = true,
            _ => {
                best = Some((c, d));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(c, _)| c)
}
