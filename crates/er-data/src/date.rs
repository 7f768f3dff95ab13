//! Calendar dates as the report writes them: 2025年1月26日.

use std::fmt;

use er_i18n::t;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A real calendar date, read from ISO form (2025-01-26).
///
/// ```
/// use er_data::Date;
/// let d: Date = "2025-01-26".parse().unwrap();
/// assert_eq!(d.chinese(), "2025年1月26日");
/// assert!("2025-02-30".parse::<Date>().is_err());
/// assert_eq!("1970-01-02".parse::<Date>().unwrap().unix_days(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date, refusing one that is not on the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, String> {
        if !(1900..=9999).contains(&year) {
            return Err(t!("date-year-range", year = year));
        }
        if !(1..=12).contains(&month) {
            return Err(t!("date-month", month = month));
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Err(t!("date-day", month = format!("{year}-{month:02}"), day = day, days = days));
        }
        Ok(Date { year, month, day })
    }

    /// The date as an official document writes it: Arabic digits, no leading zeros.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (for formats that store time stamps).
    pub fn unix_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// ISO 8601 form, 2025-01-26.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || t!("date-not-date", value = s);
        let parts: Vec<&str> = s.trim().split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad());
        }
        let y = parts[0].parse().map_err(|_| bad())?;
        let m = parts[1].parse().map_err(|_| bad())?;
        let d = parts[2].parse().map_err(|_| bad())?;
        Date::new(y, m, d).map_err(|e| t!("date-not-real", value = s, reason = e))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, e.g. 2025-01-26")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}
