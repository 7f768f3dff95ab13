//! The interface's languages. Every text a user reads (help, messages,
//! hints, progress and summary lines, `diff` reports) is a message of the
//! Fluent catalogues in `locales/` (zh.ftl and en.ftl, compiled in), looked
//! up by id with its arguments. The language follows the system locale (zh
//! for any zh_* locale; sys-locale reads it on Unix, Windows and macOS) or
//! `--lang`, chosen once at start.
//!
//! ```
//! er_i18n::set(er_i18n::Lang::Zh);
//! assert_eq!(er_i18n::t!("label-error"), "错误");
//! assert_eq!(er_i18n::t!("at-line-column", line = 3, column = 9), "第3行第9列");
//! ```

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The language of a locale name: zh for zh, zh_CN.UTF-8, zh-Hans-CN …;
    /// English for everything else (C, POSIX, en_US …).
    ///
    /// ```
    /// use er_i18n::Lang;
    /// assert_eq!(Lang::of_locale("zh_CN.UTF-8"), Lang::Zh);
    /// assert_eq!(Lang::of_locale("zh-Hant-TW"), Lang::Zh);
    /// assert_eq!(Lang::of_locale("C"), Lang::En);
    /// ```
    pub fn of_locale(locale: &str) -> Lang {
        let l = locale.trim().to_ascii_lowercase();
        if l == "zh" || l.starts_with("zh_") || l.starts_with("zh-") || l.starts_with("zh.") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The system's language: on Unix the locale variables in POSIX order
    /// (LC_ALL, LC_MESSAGES, LANG), elsewhere what the system reports.
    pub fn of_system() -> Lang {
        #[cfg(unix)]
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if !v.is_empty() {
                    return Lang::of_locale(&v);
                }
            }
        }
        sys_locale::get_locale().map_or(Lang::En, |l| Lang::of_locale(&l))
    }

    /// The catalogue's source text.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Zh => include_str!("../locales/zh.ftl"),
            Lang::En => include_str!("../locales/en.ftl"),
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the interface's language for the process (the first choice
/// stands). The command line chooses the system's or `--lang`'s; a
/// library used on its own speaks English.
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The interface's language: English until [`set`].
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ZH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // Messages are plain text in a terminal: no bidi isolation marks
        // around arguments.
        b.set_use_isolating(false);
        // The catalogues are checked by the tests; a broken entry is left out.
        let res = FluentResource::try_new(lang.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(res);
        b
    })
}

/// A value given to a message: text, shown as it is (numbers too, so that
/// a figure is never reformatted).
pub type Arg<'a> = (&'a str, String);

/// Message `id` of the current language with `args`; the English one if
/// the language lacks it, the id itself if both do.
pub fn message(id: &str, args: &[Arg]) -> String {
    message_in(lang(), id, args)
}

/// Message `id` of `lang`.
pub fn message_in(lang: Lang, id: &str, args: &[Arg]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(p, Some(&fargs), &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// True when `lang`'s catalogue has message `id` itself (no fallback).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).get_message(id).is_some_and(|m| m.value().is_some())
}

/// `t!("id")` or `t!("id", name = value, …)`: the message in the
/// interface's language; values are shown with `Display`.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::message($id, &[])
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::message($id, &[$((stringify!($k), ($v).to_string())),+])
    };
}

/// An operating system's error in the interface's language: the common
/// kinds in words; another as the system says it in English, and in
/// Chinese with its code.
///
/// ```
/// er_i18n::set(er_i18n::Lang::Zh);
/// let e = std::io::Error::from(std::io::ErrorKind::NotFound);
/// assert_eq!(er_i18n::os_error(&e), "没有这个文件或文件夹");
/// ```
pub fn os_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "os-not-found",
        K::PermissionDenied => "os-permission",
        K::AlreadyExists => "os-exists",
        K::IsADirectory => "os-is-folder",
        K::NotADirectory => "os-not-folder",
        K::ReadOnlyFilesystem => "os-read-only",
        K::StorageFull => "os-full",
        K::DirectoryNotEmpty => "os-not-empty",
        K::InvalidFilename => "os-bad-name",
        K::FileTooLarge => "os-too-large",
        K::WouldBlock | K::ResourceBusy => "os-busy",
        _ if lang() == Lang::En => return e.to_string(),
        _ => return t!("os-other", code = e.raw_os_error().map_or_else(|| format!("{:?}", e.kind()), |c| c.to_string())),
    };
    message(id, &[])
}
