//! The values of table cells: counts, exact amounts, and "no such power".

use std::fmt;

use er_i18n::t;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A number of cases, inspections or people: a whole number from 0 to `u32::MAX`.
pub type Count = u32;

/// An exact decimal: money in its column's unit (万元 or 元) or a
/// percentage, kept exactly as written.
///
/// ```
/// use er_data::Amount;
/// let a: Amount = "173.7821088".parse().unwrap();
/// assert_eq!(a.to_string(), "173.7821088");
/// assert_eq!(a.in_yuan().unwrap().to_string(), "1737821.088");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub Decimal);

impl Amount {
    /// An amount in 万元 in 元, exactly (× 10,000), without trailing zeros;
    /// None if it exceeds what a decimal holds.
    pub fn in_yuan(self) -> Option<Decimal> {
        self.0.checked_mul(Decimal::from(10_000)).map(|d| d.normalize())
    }

    /// An amount in 元 in 万元, exactly (÷ 10,000), without trailing zeros.
    pub fn in_wan_yuan(self) -> Decimal {
        (self.0 / Decimal::from(10_000)).normalize()
    }

    /// Digits before the point.
    pub fn integer_digits(self) -> u32 {
        self.0.abs().trunc().normalize().to_string().len() as u32
    }

    /// Number of decimal places as written, trailing zeros aside.
    pub fn decimals(self) -> u32 {
        self.0.normalize().scale()
    }
}

impl fmt::Display for Amount {
    /// The places as written, and no more: 3.6, 393.545496, 0, and 12.3400
    /// or 155000.00 where the data file writes them so (a computed figure
    /// has no trailing zeros).
    ///
    /// ```
    /// use er_data::Amount;
    /// assert_eq!("12.3400".parse::<Amount>().unwrap().to_string(), "12.3400");
    /// assert_eq!("3.6".parse::<Amount>().unwrap().to_string(), "3.6");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::str::FromStr for Amount {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_decimal(s).map(Amount)
    }
}

/// Parses a plain decimal number: digits, an optional sign and point, no exponent.
pub(crate) fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let t = s.trim();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let well_formed = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|&c| c == '.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(t!("fig-not-decimal", value = s));
    }
    Decimal::from_str_exact(t).map_err(|_| {
        t!("fig-too-many-digits", value = s)
    })
}

/// A cell of a statistics table: a value, or blank because the agency has no
/// such power. A blank is never the same as 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure<T> {
    /// The agency has the power; the value may be 0.
    Value(T),
    /// The agency has no such power: the cell is left empty.
    NoPower,
    /// Not filled in yet (written 待填, as `init` leaves next year's
    /// figures): `check` lists it and nothing renders until it is given.
    ToFill,
}

/// How a figure still to be filled in is written.
pub const TO_FILL: &str = "待填";

/// Most significant digits a spreadsheet stores exactly: Excel keeps 15
/// (an IEEE double).
pub const SPREADSHEET_DIGITS: usize = 15;

/// The significant digits of a number as written, as a spreadsheet stores
/// them: leading zeros and zeros after the last decimal digit do not count
/// (1.50 is 1.5).
///
/// ```
/// use er_data::figures::significant_digits;
/// assert_eq!(significant_digits("173.7821088"), 10);
/// assert_eq!(significant_digits("0.0500"), 1);
/// assert_eq!(significant_digits("99999999999.9999999"), 18);
/// ```
pub fn significant_digits(text: &str) -> usize {
    let stored = if text.contains('.') { text.trim_end_matches('0') } else { text };
    stored.chars().filter(char::is_ascii_digit).skip_while(|&c| c == '0').count()
}

impl<T: Copy> Figure<T> {
    /// The value, or `None` for a blank cell.
    pub fn value(self) -> Option<T> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::NoPower | Figure::ToFill => None,
        }
    }
}

impl<T: fmt::Display> fmt::Display for Figure<T> {
    /// The text of the cell: the number, or nothing for a blank.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Value(v) => v.fmt(f),
            Figure::NoPower | Figure::ToFill => Ok(()),
        }
    }
}



struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Figure<Count>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&t!("fig-count-expected"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Figure::NoPower)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Figure::NoPower)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        u32::try_from(v).map(Figure::Value).map_err(|_| {
            E::custom(t!("fig-count-too-large", value = v))
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        if v < 0 {
            return Err(E::custom(t!("fig-count-negative", value = v)));
        }
        self.visit_u64(v as u64)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-count-too-large", value = v)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-count-range", value = v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-count-not-whole", value = v, expected = t!("fig-count-expected"))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim() == TO_FILL {
            return Ok(Figure::ToFill);
        }
        match v.trim().parse::<u64>() {
            Ok(n) => self.visit_u64(n),
            Err(_) => Err(E::custom(t!("fig-not-count", value = v, expected = t!("fig-count-expected")))),
        }
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-not-count", value = v, expected = t!("fig-count-expected"))))
    }
}

impl<'de> Deserialize<'de> for Figure<Count> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

/// How an amount was written: the loader compares a YAML float with its
/// source text, since YAML hands the parser an f64 that may have lost digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AmountSource {
    Exact,
    Float,
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = (Figure<Amount>, AmountSource);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&t!("fig-amount-expected"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok((Figure::NoPower, AmountSource::Exact))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok((Figure::Value(Amount(Decimal::from(v))), AmountSource::Exact))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok((Figure::Value(Amount(Decimal::from(v))), AmountSource::Exact))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-amount-too-many", value = v)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-amount-too-many", value = v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if !v.is_finite() {
            return Err(E::custom(t!("fig-not-amount", value = v, expected = t!("fig-amount-expected"))));
        }
        // The shortest text that reads back as this f64; the loader checks it
        // against the digits of the source.
        let text = format!("{v}");
        parse_decimal(&text)
            .map(|d| (Figure::Value(Amount(d)), AmountSource::Float))
            .map_err(|_| E::custom(t!("fig-amount-inexact", value = v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim() == TO_FILL {
            return Ok((Figure::ToFill, AmountSource::Exact));
        }
        parse_decimal(v).map(|d| (Figure::Value(Amount(d)), AmountSource::Exact)).map_err(E::custom)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(E::custom(t!("fig-not-amount", value = v, expected = t!("fig-amount-expected"))))
    }
}

/// An amount cell as read from YAML, with how it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountCell {
    pub figure: Figure<Amount>,
    pub(crate) source: AmountSource,
}

impl AmountCell {
    /// A cell holding `figure`, as if written exactly.
    pub fn new(figure: Figure<Amount>) -> Self {
        AmountCell { figure, source: AmountSource::Exact }
    }
}

impl<'de> Deserialize<'de> for AmountCell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (figure, source) = d.deserialize_any(AmountVisitor)?;
        Ok(AmountCell { figure, source })
    }
}

/// A figure of a table, of its column's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureValue {
    Count(Figure<Count>),
    Amount(Figure<Amount>),
}

impl FigureValue {
    /// The blank of a column of `kind`: no such power.
    ///
    /// ```
    /// use er_data::FigureValue;
    /// assert!(FigureValue::blank(er_template::Kind::Amount).is_blank());
    /// ```
    pub fn blank(kind: er_template::Kind) -> FigureValue {
        match kind {
            er_template::Kind::Count => FigureValue::Count(Figure::NoPower),
            er_template::Kind::Amount => FigureValue::Amount(Figure::NoPower),
        }
    }

    /// The cell's text: the number, or "" for a blank.
    pub fn text(self) -> String {
        match self {
            FigureValue::Count(f) => f.to_string(),
            FigureValue::Amount(f) => f.to_string(),
        }
    }

    /// True when the agency has no such power (the cell is empty).
    pub fn is_blank(self) -> bool {
        matches!(self, FigureValue::Count(Figure::NoPower) | FigureValue::Amount(Figure::NoPower))
    }

    /// True when the figure is still to fill (待填).
    pub fn is_to_fill(self) -> bool {
        matches!(self, FigureValue::Count(Figure::ToFill) | FigureValue::Amount(Figure::ToFill))
    }

    /// The figure as an exact number, None for a blank or a figure still to fill.
    pub fn number(self) -> Option<Decimal> {
        match self {
            FigureValue::Count(f) => f.value().map(Decimal::from),
            FigureValue::Amount(f) => f.value().map(|a| a.0),
        }
    }
}
