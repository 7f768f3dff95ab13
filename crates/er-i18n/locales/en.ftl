# The interface in English. Every id here is in zh.ftl too, with the same
# arguments (tests/catalogues.rs). Field paths and file names are given as
# arguments and shown as the data file writes them.

## How a finding is printed

label-error = error
label-warning = warning
label-help = help
at-line-column = line { $line }, column { $column }
diagnostic-place = { $file }:{ $line }:{ $column }
diagnostic-head = { $place }: { $severity }:{" "}
diagnostic-field = { $field }:{" "}
diagnostic-help = help: { $help }
message-head = { $severity }:{" "}

## Help: headings and the common options

heading-usage = Usage:{" "}
heading-commands = Commands
heading-options = Options
heading-arguments = Arguments
arg-help = Print help
arg-version = Print version
arg-lang = The language of messages and help: zh or en (by default the system's)

## Help: the commands

cli-about = Turns a YAML data file into the DOCX, PDF and XLSX of an agency's annual administrative law-enforcement report (行政执法年度报告).
cmd-check = Checks a data file: totals, amounts, dates, labels, and every character the PDF's fonts lack. Exit 0 when clean, 1 on errors, 2 when the file cannot be read.
arg-check-file = The data file (.yaml)
arg-check-fonts = The fonts the PDF would use, as for render: auto (yours and the system's first; the default) or bundled
arg-check-font-dir = A folder of font files the PDF would use first
cmd-render = Renders data files into DIR/<name>.docx, .pdf and .xlsx (or .csv): one file, several, or folders of them, in parallel on all cores.
arg-render-files = Data files (.yaml) or folders holding them
arg-render-quiet = No progress bar, no summary and no output paths: only failures
arg-render-output = The output folder; created if missing (default: output)
arg-render-format = The formats to write, comma-separated: docx, pdf, xlsx, csv, in any case (default: docx,pdf,xlsx)
arg-render-fonts = Fonts for the PDF: yours and the system's first, then the bundled ones (auto, the default), or only the bundled ones (bundled)
arg-render-font-dir = A folder of font files to use first for the PDF
cmd-rollup = Rolls up many agencies' data files of one template and year into the summary tables (one row per agency, 合计 at the bottom): DIR/rollup-<year>.docx, .pdf, .xlsx (and .csv). Refused, with every problem listed, when a file fails check, templates or years differ, or an agency comes twice. Exit 0 when written, 1 when refused, 2 when nothing could be read or written.
arg-rollup-files = The agencies' data files (.yaml) or folders holding them
arg-rollup-output = The output folder; created if missing (default: output)
arg-rollup-title = The summary's title, printed at its head (by default <unit><year>年度行政执法数据汇总)
arg-rollup-unit = The unit that compiles the summary (某县司法局): the files' author and the 机关 of the tables' titles
arg-rollup-sort = Agencies by name (pinyin order, as GBK sorts) instead of the order given
arg-rollup-warn-change = Warn about an agency whose totals differ from last year's (its previous_year figures) by more than this factor, e.g. 3
arg-rollup-quiet = No progress bar, no summary and no output paths: only problems
arg-rollup-format = The formats to write, comma-separated: docx, pdf, xlsx, csv, in any case (default: docx,pdf,xlsx)
arg-rollup-fonts = Fonts for the PDF, as for render: auto (the default) or bundled
arg-rollup-font-dir = A folder of font files to use first for the PDF
cmd-init = Starts next year's data file from this year's: the narrative kept, this year's figures as last year's, the new figures left 待填; its schema is written beside it.
arg-init-from = This year's data file
arg-init-year = The year of the new report
arg-init-output = The new data file; it must not exist yet
cmd-completions = Prints the completion script of a shell, e.g. enforcement-report completions bash > ~/.local/share/bash-completion/completions/enforcement-report
arg-completions-shell = The shell: bash, zsh, fish or powershell
cmd-man = Prints the manual page (roff): enforcement-report man > enforcement-report.1
cmd-schema = Prints the JSON Schema of a template's data files, for editors.
arg-schema-template = A built-in template's name or a template file; the default template when left out
arg-schema-output = Write the schema to this file instead of standard output
cmd-templates = Lists the built-in table templates, or prints one as a start for your own.
arg-templates-show = Print this template's YAML source
cmd-check-template = Checks a table template file: its header tree, columns, units, totals and title. Exit 0 when clean, 1 on errors, 2 when unreadable.
arg-check-template-file = The template file (.yaml)
arg-check-template-schema = Print the JSON Schema of template files instead
cmd-diff = Compares two data files (every changed figure, paragraph, label and note), or two produced files of one format (text, cells, merges, page setup, fonts, properties). Exit 0 when equal, 1 when different, 2 on error.
arg-diff-old = The older file
arg-diff-new = The newer file
arg-diff-json = Every detail, as JSON for programs
arg-diff-notice = For two data files: write the correction notice (更正说明) instead
arg-diff-format = The notice's format: md (the default) or docx
arg-diff-output = Where to write the notice (standard output when left out; needed for docx)
arg-diff-date = The notice's date, YYYY-MM-DD (no date line when left out)

## Messages of the commands

msg-format-unknown = `{ $value }` is not a format: write docx, pdf, xlsx or csv, separated by commas
msg-font-dir-missing = the font folder { $dir } does not exist
msg-font-dir-not-folder = the font folder { $dir } is not a folder
help-font-dir = name a folder holding .ttf, .otf or .ttc files, or leave --font-dir out
msg-warn-change-below-one = --warn-change must be 1 or more: it is how many times larger or smaller a total may grow
msg-man-failed = cannot write the manual page: { $error }
msg-no-template = there is no built-in template `{ $name }` and no file of that name
msg-no-builtin-template = there is no built-in template `{ $name }`
help-builtin-templates = the built-in templates are: { $names }
templates-default = {" "}(default)
templates-tables = { $count } tables: { $labels }
check-template-ok = { $file }: ok: template { $name }, { $tables } tables, { $columns } columns
summary-errors = { $file }: { $errors } error(s)
summary-errors-warnings = { $file }: { $errors } error(s), { $warnings } warning(s)
summary-ok = { $file }: ok
summary-ok-warnings = { $file }: ok, { $warnings } warning(s)
msg-exists = { $file } exists already: name a new file, so that no data is overwritten
init-done = { $file }: the { $year } report; run `enforcement-report check { $file }` to list the figures to fill
init-schema = { $file }: its schema, for completion and checks in editors
msg-no-data-files = no data files (.yaml) in { $inputs }
help-no-data-files = name the data files, or a folder that holds them; check the folder's name
msg-contents-pages = cannot count the pages of the 目录: { $error }
msg-cannot-render = cannot render the { $format }: { $error }
render-not-rendered = { $file }: not rendered: correct the errors above first
batch-more-errors = { $message } (and { $more } more error(s): run check)
batch-failed = { $file }: failed
batch-same-stem = { $file }: not rendered: its output names are those of { $other }
batch-summary = rendered { $rendered }, failed { $failed }, in { $seconds } s ({ $files } file(s) into { $dir })
rollup-fails-check = the file fails `check`
rollup-refused = rollup refused: { $errors } error(s); nothing written to { $dir }
rollup-refused-failing = rollup refused: { $errors } error(s), { $failed } of { $files } file(s) fail `check`; nothing written to { $dir }
msg-total-too-large = the 合计 of { $table } “{ $column }” exceeds the largest number an amount holds
help-total-too-large = a summary keeps exact figures; check the agencies' figures in this column
msg-cannot-render-rollup = cannot render the { $format } of the roll-up: { $error }
rollup-done = rolled up { $agencies } agencies of { $year } in { $seconds } s ({ $warnings } warning(s))
rollup-other-template = this file has template `{ $template }`, but { $other } uses `{ $expected }`
rollup-other-shape = this file has a template named `{ $template }` with other tables or columns than { $other }'s
help-rollup-template = a roll-up adds up one template's tables: roll up each template's files apart
rollup-other-year = the year is { $year }, but { $other } reports on { $expected }
help-rollup-year = a roll-up adds up one year: leave out the files of other years
rollup-twice = { $agency } comes twice: also in { $other }
help-rollup-twice = each agency is one row: leave out the older file, or correct the agency's name
rollup-all-blank = every figure of { $agency } is blank (no such power)
help-rollup-all-blank = a blank counts as nothing in 合计; write 0 where the agency has the power but did nothing
rollup-change = { $agency }: { $now }, last year { $before }: a change of more than { $factor } times
help-rollup-change = check the figure; if it is right, nothing needs to change
diff-kinds = compare two files of one kind: { $old } is .{ $old_ext }, { $new } is .{ $new_ext }
diff-notice-needs-data = a correction notice is made from two data files (.yaml)
msg-cannot-read = cannot read { $file }: { $error }
diff-too-large = { $file } is over { $mib } MiB: not a report's file
diff-no-figure-changed = no figure changed: there is nothing to correct
diff-docx-needs-output = a DOCX notice needs a file: add -o notice.docx
diff-date = --date: { $error }
diff-cannot-compare = cannot compare .{ $ext } files: give two .docx, .xlsx, .pdf or .yaml files

## The output folder

out-lock = cannot lock the output folder { $dir }: { $error }
out-finish-interrupted = cannot finish the interrupted render into { $dir }: { $error }
out-remove = cannot remove { $file }: { $error }
out-bad-name = cannot write a file named { $name }: rename the data file without tabs, line breaks or slashes
out-create = cannot create the output folder { $dir }: { $error }
out-write = cannot write into the output folder { $dir }: { $error }
out-rename = cannot write { $file }: { $error }; the next render into { $dir } finishes the set
out-remove-journal = cannot remove the journal in { $dir }: { $error }
out-folder-not-file = { $file } names a folder, not a file

## Reading a file

read-cannot = cannot read the file: { $error }
help-read-cannot = check the path and that you may read it
read-folder = this is a folder, not a file
help-read-folder = name the { $what } (.yaml)
read-too-large = the file is { $bytes } bytes or more; a { $what } is at most { $max } bytes
help-read-too-large = check that this is the { $what }
read-data-too-large = the file is { $bytes } bytes; a data file is at most { $max } bytes
read-foreign = this is { $kind }, not a data file: the tool reads YAML text (.yaml)
help-read-foreign = a data file is a YAML text file holding the report's figures and paragraphs (docs/data-format.md); start this year's from last year's with `enforcement-report init --from last-year.yaml --year 2025 -o report.yaml`, or copy an example from fixtures/ (`enforcement-report templates` lists the table templates)
kind-docx = a Word document (.docx)
kind-xlsx = an Excel workbook (.xlsx)
kind-pptx = a PowerPoint file (.pptx)
kind-zip = a ZIP archive (such as .docx, .xlsx or .zip)
kind-pdf = a PDF file
kind-ole = an older Word or Excel file (.doc, .xls, .et, .wps)
kind-rtf = a rich-text document (.rtf)
kind-image = an image
read-not-utf8 = byte { $at } is not UTF-8 text
help-read-not-utf8 = save the file as UTF-8 (in WPS or Word: 另存为 → 编码 UTF-8)
read-nul = the file holds a NUL byte
help-read-nul = this is not a text file, or it was damaged: save the data again as UTF-8 text
what-data-file = report data file
what-template-file = template file
yaml-syntax = YAML syntax error: { $detail }
help-yaml-syntax = check the indentation and the `key: value` form of this line and the one above; indent with spaces, not tabs; a text that starts with {"{"} (a reference) must be in quotes: p: '{"{"}年度{"}"}年…'
yaml-key-too-long = this key is { $length } characters; YAML reads a key of at most 1024
help-yaml-key-too-long = a key names a field (agency, p, a figure): put the text after the colon, or shorten the key

## diff

diff-line = { $kind } { $place }: { $old } → { $new }
diff-none = (none)
diff-no-section = (no such section)
diff-orient-default = (not set: portrait by default)
diff-landscape = landscape
diff-portrait = portrait
diff-orientation = orientation
diff-mm = { $mm } mm
diff-page-width = paper width
diff-page-height = paper height
diff-margin-top = top margin
diff-margin-bottom = bottom margin
diff-margin-left = left margin
diff-margin-right = right margin
diff-section-setting = section { $section }, { $setting }
diff-sections = number of sections
diff-paragraph = paragraph { $n }
diff-table-cell = table { $table }, row { $row }, column { $column }
diff-span = { $columns } column(s) × { $rows } row(s)
diff-fonts-used = fonts used
diff-fonts-embedded = embedded fonts
diff-sheet-names = names
diff-whole = whole document
diff-page = page { $page }
diff-page-line = page { $page }, line { $line }
diff-kind-text = text
diff-kind-table = table
diff-kind-span = cell span
diff-kind-page = page setup
diff-kind-font = fonts
diff-kind-property = property
diff-kind-pages = pages
diff-kind-sheet = sheets
diff-kind-cell = cell
diff-kind-formula = formula
diff-change = { $place }: { $old } → { $new }
diff-blank = blank (no such power)
place-agency = agency
place-year = year
place-date = report date
place-title = title
place-signature = signature
place-template = template
place-heading = { $at } heading { $text }
place-part-heading = { $part } heading
place-table-title = { $table } title
place-table-label = { $table } label { $key }
place-table-note = { $table } note { $n }
place-previous = previous year { $table } { $key }
