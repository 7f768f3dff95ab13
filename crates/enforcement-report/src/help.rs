//! The command line's help in the interface's language: every command's
//! description and every option's help come from the message catalogues
//! (`cmd-<command>`, `arg-<command>-<option>`), and so do the headings and
//! the help and version options that clap would write in English.

use clap::{Arg, ArgAction, Command};
use er_i18n::{message, t};

/// The catalogue id of a command's description: `cli-about` for the tool,
/// `cmd-render` for `render`.
pub fn about_id(path: &str) -> String {
    if path.is_empty() {
        "cli-about".into()
    } else {
        format!("cmd-{path}")
    }
}

/// Options every command has, whose help is the same everywhere.
const COMMON: [&str; 3] = ["help", "version", "lang"];

/// The catalogue id of an option's help in command `path`: a common
/// option's own (`arg-lang`), or the command's (`arg-render-font-dir`).
fn help_id(path: &str, arg: &str) -> String {
    if COMMON.contains(&arg) {
        format!("arg-{arg}")
    } else {
        format!("arg-{path}-{}", arg.replace('_', "-"))
    }
}

/// `cmd` with its texts from the catalogues, its subcommands too.
pub fn localize(cmd: Command) -> Command {
    localize_at(cmd, "")
}

fn localize_at(mut cmd: Command, path: &str) -> Command {
    let options = t!("heading-options");
    let arguments = t!("heading-arguments");
    cmd = cmd
        .about(message(&about_id(path), &[]))
        .long_about(None::<&str>)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(t!("heading-commands"))
        .help_template(format!("{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}", t!("heading-usage")))
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help(t!("arg-help")).help_heading(options.clone()));
    if path.is_empty() {
        cmd = cmd
            .disable_version_flag(true)
            .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help(t!("arg-version")).help_heading(options.clone()));
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for (k, id) in ids.into_iter().enumerate() {
        let help = help_id(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() { arguments.clone() } else { options.clone() };
            // In the order they are defined (<OLD> before <NEW>): setting a
            // heading would otherwise list them in the order they were changed.
            let a = a.help(message(&help, &[])).help_heading(heading).display_order(k);
            // The value's name too (<文件>, <格式>): the catalogue's word
            // for it, or clap's when it has none.
            let value = a.get_value_names().and_then(|v| v.first()).map(|v| v.to_string()).or_else(|| a.get_action().takes_values().then(|| a.get_id().to_string().to_uppercase()));
            let a = match value.map(|v| (format!("value-{}", v.to_lowercase().replace('_', "-")), v)) {
                Some((id, _)) if er_i18n::has(er_i18n::lang(), &id) => a.value_name(message(&id, &[])),
                _ => a,
            };
            // Defaults and values are in the catalogue's text, in its language.
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, &name));
    }
    cmd
}

/// Every catalogue id the help uses, for the test that each language has them.
#[cfg(test)]
pub fn ids(cmd: &Command) -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(about_id(path));
        for a in cmd.get_arguments() {
            out.push(help_id(path, a.get_id().as_str()));
        }
        for s in cmd.get_subcommands() {
            walk(s, s.get_name(), out);
        }
    }
    let mut out = vec!["arg-help".into(), "arg-version".into(), "heading-usage".into(), "heading-commands".into(), "heading-options".into(), "heading-arguments".into()];
    walk(cmd, "", &mut out);
    out.sort();
    out.dedup();
    out
}

/// Ends the process on a command-line error clap found, in the interface's
/// language: clap writes its own messages in English only.
pub fn exit_with(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) && er_i18n::lang() != er_i18n::Lang::En {
        // clap ends each heading with an ASCII colon; Chinese takes "：".
        let mut text = e.render().to_string();
        for h in [t!("heading-commands"), t!("heading-arguments"), t!("heading-options")] {
            text = text.replace(&format!("\n{h}:\n"), &format!("\n{h}：\n"));
        }
        // And the usage line's placeholders clap writes in English.
        text = text.replace("[OPTIONS]", &format!("[{}]", t!("man-options-word"))).replace("<COMMAND>", &format!("<{}>", t!("man-command-word")));
        print!("{text}");
        let code = if e.kind() == ErrorKind::DisplayHelp { 0 } else { 2 };
        std::process::exit(code)
    }
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand)
        || er_i18n::lang() == er_i18n::Lang::En
    {
        e.exit()
    }
    let ctx = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let reason = std::error::Error::source(&e).map(|s| s.to_string()).unwrap_or_default();
    let message = match e.kind() {
        // With clap's suggestion, the one closest name, when it has one.
        ErrorKind::UnknownArgument => match ctx(ContextKind::SuggestedArg) {
            s if s.is_empty() => t!("clap-unknown-argument", arg = ctx(ContextKind::InvalidArg)),
            s => t!("clap-unknown-argument-suggest", arg = ctx(ContextKind::InvalidArg), suggestion = s),
        },
        ErrorKind::InvalidSubcommand => match ctx(ContextKind::SuggestedSubcommand) {
            s if s.is_empty() => t!("clap-invalid-subcommand", name = ctx(ContextKind::InvalidSubcommand)),
            s => t!("clap-invalid-subcommand-suggest", name = ctx(ContextKind::InvalidSubcommand), suggestion = s),
        },
        ErrorKind::InvalidValue => t!("clap-invalid-value", value = ctx(ContextKind::InvalidValue), arg = ctx(ContextKind::InvalidArg), valid = ctx(ContextKind::ValidValue)),
        ErrorKind::MissingRequiredArgument => t!("clap-missing-argument", arg = ctx(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand => t!("clap-missing-subcommand"),
        ErrorKind::ValueValidation => t!("clap-value-validation", arg = ctx(ContextKind::InvalidArg), reason = reason),
        ErrorKind::ArgumentConflict => t!("clap-conflict", arg = ctx(ContextKind::InvalidArg), other = ctx(ContextKind::PriorArg)),
        _ => t!("clap-other", detail = e.render().to_string().trim()),
    };
    eprintln!("{}", crate::error_line(&message, Some(&t!("clap-help-hint"))));
    std::process::exit(2)
}
