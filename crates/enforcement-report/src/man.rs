//! The manual page (`man`), in the interface's language and written from
//! the same localized command as the help: one page holding every command
//! with its options, so that it names no page that does not exist.

use clap::Command;
use er_i18n::t;

/// Text for roff: backslashes and hyphens escaped, a line never starting
/// with a control character.
fn roff(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with(['.', '\'']) {
        format!("\\&{s}")
    } else {
        s
    }
}

/// An argument as the synopsis and the option list show it: `-f, --format <FORMAT>`, `<FILES>...`.
fn arg_name(a: &clap::Arg) -> String {
    let value = || a.get_value_names().and_then(|v| v.first()).map_or_else(|| a.get_id().to_string().to_uppercase(), |v| v.to_string());
    if a.is_positional() {
        let many = matches!(a.get_num_args(), Some(r) if r.max_values() > 1);
        return format!("<{}>{}", value(), if many { "..." } else { "" });
    }
    let mut names = Vec::new();
    if let Some(s) = a.get_short() {
        names.push(format!("-{s}"));
    }
    if let Some(l) = a.get_long() {
        names.push(format!("--{l}"));
    }
    let mut out = names.join(", ");
    if a.get_action().takes_values() {
        out.push_str(&format!(" <{}>", value()));
    }
    out
}

fn options(out: &mut String, cmd: &Command) {
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
        out.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff(&arg_name(a)), roff(&help)));
    }
}

/// The page, in roff.
pub fn page(cmd: &Command) -> String {
    let name = cmd.get_name().to_string();
    let version = cmd.get_version().unwrap_or_default();
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    // Left-aligned: justified Chinese lines would be spread apart.
    let mut out = format!(".TH {} 1 \"\" \"{} {}\"\n.ad l\n", roff(&name.to_uppercase()), roff(&name), roff(version));
    out.push_str(&format!(".SH {}\n{} \\- {}\n", t!("man-name"), roff(&name), roff(&about)));
    out.push_str(&format!(".SH {}\n\\fB{}\\fR [{}] <{}>\n", t!("man-synopsis"), roff(&name), t!("man-options-word"), t!("man-command-word")));
    out.push_str(&format!(".SH {}\n", t!("heading-options")));
    options(&mut out, cmd);
    out.push_str(&format!(".SH {}\n", t!("heading-commands")));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        out.push_str(&format!(".SS {}\n{}\n.PP\n", roff(sub.get_name()), roff(&about)));
        let mut usage = format!("\\fB{} {}\\fR", roff(&name), roff(sub.get_name()));
        for a in sub.get_arguments().filter(|a| a.is_positional()) {
            usage.push_str(&format!(" {}", roff(&arg_name(a))));
        }
        out.push_str(&format!("{usage} [{}]\n", t!("man-options-word")));
        options(&mut out, sub);
    }
    out
}
