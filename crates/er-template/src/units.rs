//! The units a column may be counted in.

use crate::Kind;

/// A column's unit. Counts are whole numbers of cases, acts or people;
/// amounts are exact decimals of money or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    宗,
    次,
    件,
    人,
    人次,
    个,
    家,
    户,
    项,
    万元,
    元,
    Percent,
}

impl Unit {
    /// Every unit, counts first.
    pub const ALL: [Unit; 12] = [
        Unit::宗,
        Unit::次,
        Unit::件,
        Unit::人,
        Unit::人次,
        Unit::个,
        Unit::家,
        Unit::户,
        Unit::项,
        Unit::万元,
        Unit::元,
        Unit::Percent,
    ];

    /// As written in a template and in text: 宗, 万元, %.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::宗 => "宗",
            Unit::次 => "次",
            Unit::件 => "件",
            Unit::人 => "人",
            Unit::人次 => "人次",
            Unit::个 => "个",
            Unit::家 => "家",
            Unit::户 => "户",
            Unit::项 => "项",
            Unit::万元 => "万元",
            Unit::元 => "元",
            Unit::Percent => "%",
        }
    }

    /// The unit written so.
    ///
    /// ```
    /// use er_template::Unit;
    /// assert_eq!(Unit::parse("万元"), Some(Unit::万元));
    /// assert_eq!(Unit::parse("公斤"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s.trim())
    }

    /// The kind of figure this unit measures.
    pub fn kind(self) -> Kind {
        match self {
            Unit::万元 | Unit::元 | Unit::Percent => Kind::Amount,
            _ => Kind::Count,
        }
    }

    /// The decimals a column in this unit allows unless its template says
    /// otherwise: 0.001 元 for money (7 in 万元, 3 in 元), 2 for a percentage.
    pub fn default_decimals(self) -> u32 {
        match self {
            Unit::万元 => 7,
            Unit::元 => 3,
            Unit::Percent => 2,
            _ => 0,
        }
    }

    /// Most digits before the point: an amount beyond is a typing error.
    pub fn max_integer_digits(self) -> u32 {
        match self {
            Unit::万元 => 12,
            Unit::元 => 16,
            Unit::Percent => 6,
            _ => 10,
        }
    }

    /// The units, for a message: 宗、次、…
    pub fn list() -> String {
        Unit::ALL.iter().map(|u| u.as_str()).collect::<Vec<_>>().join(" ")
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
