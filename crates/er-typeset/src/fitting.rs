//! Column fitting: how a table's width is shared among its columns, the
//! size the table is set in, and the lines each cell's text takes.

use er_document::document::{Cell, CellRole};
use er_document::layout::{Role, CELL_PADDING_PT, LANDSCAPE, MM_PER_PT};
use er_document::text::em_width;
use er_template::Kind;

/// Shares the text width among the columns and breaks every cell's text
/// into the lines it takes (a figure stays one line, set smaller when its
/// column is too narrow). Returns the columns' fractions of the width.
/// `stub` leading columns name their rows (a roll-up's agencies): a name
/// of up to four characters keeps one line, a longer one at least half its
/// length a line, up to [`STUB_MIN_EM`], so that a row is not five lines tall.
pub fn fit_cells(cells: &mut [Cell], n: usize, header_rows: usize, stub: usize, kind: impl Fn(usize) -> Kind) -> Vec<f64> {
    // The table's size: 小四 where its labels keep lines of two characters
    // or more, else 五号, 小五 or 六号 (a wide table such as a detailed 表一
    // of nineteen columns), never smaller; its figures at most that size.
    // What each label needs is measured once, in characters of any size.
    let needs: Vec<Option<LabelNeeds>> = cells.iter().map(|c| (c.role == CellRole::Header && c.cols == 1).then(|| LabelNeeds::of(c))).collect();
    let mut base = TABLE_SIZES_PT[0];
    let (mut columns, mut fallback) = column_fractions(cells, &needs, n, header_rows, stub, &kind, base);
    for &smaller in &TABLE_SIZES_PT[1..] {
        if !fallback {
            break;
        }
        base = smaller;
        (columns, fallback) = column_fractions(cells, &needs, n, header_rows, stub, &kind, base);
    }
    let (avail, pad) = (table_width_em(base), cell_padding_em(base));
    for c in cells.iter_mut() {
        let inner = columns[c.col..c.col + c.cols].iter().sum::<f64>() * avail - pad;
        c.size_pt = base;
        c.lines = if c.text.is_empty() {
            Vec::new()
        } else if c.role == CellRole::Value {
            c.size_pt = figure_size_at(&c.text, inner, base);
            vec![c.text.clone()]
        } else if c.role == CellRole::Header {
            crate::title::label_lines(&c.text, inner)
        } else {
            crate::breaking::wrap(&c.text, inner)
        };
    }
    // One size for a table's figures: the smallest any of them needs, so
    // that a row never holds figures of three sizes.
    let size = cells.iter().filter(|c| c.role == CellRole::Value && !c.text.is_empty()).map(|c| c.size_pt).fold(f64::INFINITY, f64::min);
    if size.is_finite() {
        for c in cells.iter_mut().filter(|c| c.role == CellRole::Value) {
            c.size_pt = size;
        }
    }
    columns
}

/// The sizes a table is set in, largest first: 小四 (the cells' own), 五号,
/// 小五, and 六号 (7.5 pt), the least a label is set in: a table of 26
/// columns. A table that cannot keep its labels' lines two characters
/// wide even in 六号 is set in 六号, its labels broken where they must be.
pub const TABLE_SIZES_PT: [f64; 4] = [12.0, 10.5, 9.0, 7.5];

/// Sizes a figure steps down through when its column is too narrow:
/// 五号, 小五, 六号, 小六, 七号.
pub const SMALLER_SIZES_PT: [f64; 5] = [10.5, 9.0, 7.5, 6.5, 5.5];

/// The size a figure is set in so that it stays on one line `inner`
/// characters (of the cells' size) wide: 小四 when it fits, else the
/// largest smaller size that fits, else as large as fits, in half points.
///
/// ```
/// use er_typeset::fitting::figure_size;
/// assert_eq!(figure_size("1234567", 5.0), 12.0);
/// assert_eq!(figure_size("1234567.8901234", 5.0), 6.5);
/// ```
pub fn figure_size(text: &str, inner: f64) -> f64 {
    figure_size_at(text, inner, Role::TableCell.size_pt())
}

/// [`figure_size`] in a table set in `cell` points, `inner` in its characters.
fn figure_size_at(text: &str, inner: f64, cell: f64) -> f64 {
    // A font's digits may be a little wider than half a character.
    let need = em_width(text) * FIGURE_EM_FACTOR;
    if need <= inner || need <= 0.0 {
        return cell;
    }
    let fits = |size: f64| need * size <= inner * cell;
    SMALLER_SIZES_PT.into_iter().filter(|&s| s < cell).find(|&s| fits(s)).unwrap_or_else(|| ((inner * cell / need) * 2.0).floor().max(1.0) / 2.0)
}

/// The least width a row's name keeps, in characters.
pub const STUB_MIN_EM: f64 = 6.0;

/// Room beyond a label's widest unbreakable piece: the writers' fonts
/// measure a hair wider than whole characters.
const ATOM_SLACK_EM: f64 = 0.4;

/// How much wider than half a character a digit may be in the fonts used.
const FIGURE_EM_FACTOR: f64 = 1.15;

/// A table's width, in characters of its cells' size: the landscape text width.
fn table_width_em(size: f64) -> f64 {
    LANDSCAPE.text_width_mm() / MM_PER_PT / size
}

/// A cell's padding, left and right together, in characters.
fn cell_padding_em(size: f64) -> f64 {
    2.0 * CELL_PADDING_PT / size
}

/// Column widths from the labels and values, shared by all writers so that
/// the three formats draw the same table. A label of n characters is given
/// about √(n/1.5) lines (金额 / （万元）), every number fits on one line,
/// and the columns share the text width in proportion to what they want.
/// What a header label needs of its column, in characters of whatever size
/// the table is set in.
struct LabelNeeds {
    /// As wide as its words need in the lines a label of its length is
    /// given (其他 / 执法检查, not 其他执 / 法检查), where that is not much
    /// wider than even lines.
    words: f64,
    /// Its widest piece the breaking rules keep whole, such as （件）:
    /// narrower, a closing bracket would start a line.
    atom: f64,
    /// The least width that leaves no line of one character.
    whole: f64,
}

impl LabelNeeds {
    fn of(c: &Cell) -> LabelNeeds {
        let w = em_width(&c.text);
        let lines = ((w / 1.5).sqrt().round().max(1.0) + c.rows as f64 - 1.0).min(w.ceil()).max(1.0);
        let even = (w / lines).ceil();
        let by_words = crate::title::word_width(&c.text, lines as usize).filter(|&ww| ww <= even * 1.5).unwrap_or(even);
        LabelNeeds { words: by_words.max(even), atom: crate::breaking::widest_atom(&c.text), whole: crate::title::width_without_single(&c.text) }
    }
}

/// Also whether the labels had to give up lines without a character alone.
fn column_fractions(cells: &[Cell], needs: &[Option<LabelNeeds>], n: usize, header_rows: usize, stub: usize, kind: &impl Fn(usize) -> Kind, size: f64) -> (Vec<f64>, bool) {
    let (avail, pad) = (table_width_em(size), cell_padding_em(size));
    // Two characters and a little more: a cell exactly two characters wide
    // wraps after one in Word, whose measure differs from ours by a hair.
    let mut min = vec![2.4 + pad; n];
    let mut want = vec![2.4 + pad; n];
    let mut atoms = vec![1.0 + pad; n];
    let mut stub_min = vec![0.0f64; n];
    let mut no_single = vec![0.0f64; n];
    for (c, need) in cells.iter().zip(needs).filter(|(c, _)| c.cols == 1) {
        let w = em_width(&c.text);
        if let Some(need) = need {
            want[c.col] = want[c.col].max(need.words + pad);
            min[c.col] = min[c.col].max(need.atom + ATOM_SLACK_EM + pad);
            atoms[c.col] = atoms[c.col].max(need.atom + pad);
            let whole = need.whole + ATOM_SLACK_EM + pad;
            min[c.col] = min[c.col].max(whole);
            no_single[c.col] = no_single[c.col].max(whole);
        } else {
            // A figure as wide as `figure_size` measures it.
            min[c.col] = min[c.col].max(w * FIGURE_EM_FACTOR + pad);
        }
        if c.col < stub && c.cols == 1 {
            // A short name (four characters or fewer) on one line, a longer
            // one in two lines or more.
            stub_min[c.col] = stub_min[c.col].max(w.min(4.0).max((w / 2.0).ceil()).min(STUB_MIN_EM) + pad);
            min[c.col] = min[c.col].max(stub_min[c.col]);
        }
    }
    // Room for an amount such as 1234.5678901 as the data grows, where the
    // table has it: in a table of 26 columns the labels need it more.
    let reserved: Vec<f64> = (0..n).map(|i| if kind(i) == Kind::Amount { min[i].max(5.5 + pad) } else { min[i] }).collect();
    if reserved.iter().sum::<f64>() <= avail {
        min = reserved;
    }
    for i in 0..n {
        want[i] = want[i].max(min[i]);
    }
    // A spanning label wants its text on one line across its columns.
    for c in cells.iter().filter(|c| c.cols > 1 && c.row < header_rows) {
        let have: f64 = want[c.col..c.col + c.cols].iter().sum();
        let need = em_width(&c.text) + pad;
        if have < need {
            for w in &mut want[c.col..c.col + c.cols] {
                *w *= need / have;
            }
        }
    }
    // What a figure needs on one line (a font's digits may be a little
    // wider than half a character), and what a label needs: two characters
    // (次数 on one line) and its widest unbreakable piece such as （万元）.
    let mut figure = vec![0.0f64; n];
    for c in cells.iter().filter(|c| c.cols == 1 && c.role != CellRole::Header) {
        figure[c.col] = figure[c.col].max(em_width(&c.text) * FIGURE_EM_FACTOR + pad);
    }
    // Atoms get the same hair of room as the two characters: （万元） in a
    // cell exactly four characters wide breaks in Word and LibreOffice.
    // A row's name keeps its width even here: it is what the row is read by.
    let atoms: Vec<f64> = atoms.iter().zip(&stub_min).map(|(a, s)| (a + ATOM_SLACK_EM).max(*s)).collect();
    let two_chars: Vec<f64> = atoms.iter().map(|a| a.max(2.4 + pad)).collect();
    let label_min: Vec<f64> = two_chars.iter().zip(&no_single).map(|(a, s)| a.max(*s)).collect();
    let total: f64 = want.iter().sum();
    let min_total: f64 = min.iter().sum();
    let mut fallback = false;
    let widths: Vec<f64> = if total <= avail {
        want.iter().map(|w| w * avail / total).collect()
    } else if min_total <= avail {
        // Not all wishes fit: every column keeps its minimum, the rest is shared.
        let extra: f64 = want.iter().zip(&min).map(|(w, m)| w - m).sum();
        let share = ((avail - min_total) / extra.max(1e-9)).clamp(0.0, 1.0);
        want.iter().zip(&min).map(|(w, m)| m + (w - m) * share).collect()
    } else {
        // Not even the minimums fit (many columns, large figures): figures
        // are set smaller (`figure_size`) so that labels keep two characters
        // a line, or failing that their unbreakable pieces. A figure is
        // never split; a label breaks inside a piece only when nothing else
        // can fit the table.
        let scaled = |lower: &[f64], k: f64| -> Vec<f64> { lower.iter().zip(&figure).map(|(l, f)| l.max(f * k)).collect() };
        let fits = |lower: &[f64], k: f64| scaled(lower, k).iter().sum::<f64>() <= avail;
        let smallest = SMALLER_SIZES_PT[SMALLER_SIZES_PT.len() - 1] / size;
        // Labels with no line of one character, else two characters a
        // line, else their unbreakable pieces.
        fallback = !fits(&label_min, smallest);
        let lower = [label_min, two_chars].into_iter().find(|l| fits(l, smallest)).unwrap_or(atoms);
        if fits(&lower, 0.0) {
            // The largest scale of the figures that fits, by bisection.
            let (mut lo, mut hi) = (0.0, 1.0);
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                if fits(&lower, mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let w = scaled(&lower, lo);
            // What is left over goes to the labels' wishes.
            let left = avail - w.iter().sum::<f64>();
            let extra: f64 = want.iter().zip(&w).map(|(a, b)| (a - b).max(0.0)).sum();
            let share = (left / extra.max(1e-9)).clamp(0.0, 1.0);
            w.iter().zip(&want).map(|(b, a)| b + (a - b).max(0.0) * share).collect()
        } else {
            lower
        }
    };
    let sum: f64 = widths.iter().sum();
    (widths.iter().map(|w| w / sum).collect(), fallback)
}

