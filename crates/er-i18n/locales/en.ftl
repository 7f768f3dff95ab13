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
cmd-import = Makes a data file from a report an agency already has: its Word file (.docx), the text it published (.txt), or its statistics spreadsheet (.xlsx). Says what it guessed, each with its place.
arg-import-file = The report: .docx, .xlsx, .pdf, a saved web page (.html, .htm), or the published text (.txt, UTF-8 or GBK)
arg-import-template = The template (a built-in name or a template file), when the tables' labels do not say it
arg-import-agency = The agency, when the report does not sign it
arg-import-year = The year, when the report does not say it
arg-import-row = The row of figures to read where a table has several: a word of its label (合计, 2024年, a unit's name)
arg-import-output = The data file to write; it must not exist yet
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
pdf-missing-glyph = no font has the character “{ $character }” ({ $code }) in { $place }: replace it, or add a font that has it with --font-dir
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
rollup-done = rolled up { $agencies } agencies of { $year } ({ $read } data file(s) read of { $found } found) in { $seconds } s ({ $warnings } warning(s))
rollup-other-template = this file has template `{ $template }`, but { $other } uses `{ $expected }`
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
diff-nothing-changed = nothing published changed: there is nothing to correct, and no file was written
diff-docx-needs-output = a DOCX notice needs a file: add -o notice.docx
diff-date = --date: { $error }
diff-cannot-compare = cannot compare .{ $ext } files: give two .docx, .xlsx, .pdf or .yaml files

## The output folder

out-lock = cannot lock the output folder { $dir }: { $error }
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

## Checks of a data file

check-to-fill = { $table } { $key } is still to fill (待填)
help-check-to-fill = write the figure, or ~ if the agency has no such power
check-negative = { $key } is negative ({ $amount } { $unit })
help-check-negative = an amount is 0 or more
check-integer-digits = { $key } { $amount } { $unit } has more than { $max } digits before the point
check-decimals-none = none
check-decimals-at-most = at most { $n }
check-decimals = { $key } { $amount } has { $decimals } decimal places; { $table } in { $unit } has { $most }
check-no-label = { $table } has no label `{ $key }`
help-check-labels = the labels of { $table } are: { $keys }
check-year = the year { $year } is not one a report covers
help-check-year = write the year the report covers, from 2000 to 2100, e.g. year: 2024
check-agency-empty = the agency is empty: the report would be signed by no one
help-check-agency-empty = write the agency's full name, e.g. agency: 第一师阿拉尔市应急管理局
check-signature-empty = the signature is empty
help-check-signature-empty = write the name that signs the report, or leave signature out to sign with the agency
check-cell-chars = the text is { $n } characters; a cell of the XLSX holds at most { $max }
help-check-cell-chars = shorten it: a table's title, label or note is a sentence or two
check-date-inside = the report is dated { $date }, inside the year { $year } it reports on
check-date-before = the report is dated { $date }, before the year { $year } it reports on
help-check-date = the report is usually signed in January of the following year
check-significant = { $figure } has { $digits } significant digits; the XLSX stores at most { $max } exactly
help-check-significant = check the figure; a real amount has fewer digits (round it to the precision the statistics ask for)
help-unit-wan = amounts of this column are in 万元: 1737821.088 元 is written 173.7821088
help-unit-yuan = amounts of this column are in 元: 173.7821088 万元 is written 1737821.088
help-unit-other = figures of this column are in { $unit }
word-counts = counts
word-amounts = amounts
check-total-overflow = the { $what } that { $name } adds up exceed 4294967295
help-check-total-overflow = check the counts of this table for a typing error
check-total-blank = { $name } is blank (~), but a total is always a number
help-check-total-blank = write the total, or leave { $name } out to have it computed
check-terms-none = all are 0 or blank
check-total = { $name } is { $given }, but the { $n } { $what } of { $table } add up to { $sum } ({ $terms })
help-check-total = correct { $name } or the figure that is wrong, or leave { $name } out to have it computed
check-no-table = template { $template } has no table { $table }
help-check-tables = the tables of { $template } are: { $tables }
check-no-figure = { $table } has no figure { $key }
help-check-figures = the figures of { $table } are: { $keys }

check-written-percentage = the text says { $written } for { $table } { $key }, but this year and last year's figures give “{ $phrase }”
help-check-written-percentage = write { $reference } to have the phrase computed

## References in texts

ref-unknown = unknown reference { $reference }
ref-unknown-table = unknown table { $table } in { $reference }
ref-no-figure = { $table } has no figure { $key } in { $reference }
ref-to-fill = { $reference } refers to { $table } { $key }, which is still to fill (待填)
help-ref-to-fill = fill in the figure in the table
ref-blank = { $reference } refers to { $table } { $key }, which is blank (the agency has no such power)
help-ref-blank = give the figure a value, or take the reference out of the text
ref-count-no-unit = { $table } { $key } is a count, not an amount: it has no unit { $unit } ({ $reference })
help-ref-write = write { $reference }
ref-too-large-yuan = { $table } { $key } is too large to show in 元
help-ref-check-amount = check the amount
ref-unit-mismatch = { $table } { $key } is in { $unit }, which cannot be shown in { $target } ({ $reference })
ref-count-not-wan = { $table } { $key } is a count, not an amount in 万元: { $reference }
ref-bad-precision = `{ $value }` is not a number of decimals in { $reference }
help-ref-precision = write e.g. { $example } for two decimals
ref-needs-previous = { $reference } needs last year's { $table } { $key }
help-ref-needs-previous = add it under previous_year: { $table }: { $key }: …
ref-bad-suffix = `{ $suffix }` does not fit { $table } { $key } in { $reference }
help-ref-count-suffix = a count takes no unit; :同比 gives the year-on-year phrase
help-ref-amount-suffix = an amount is shown in { $unit } as stored, in 元 with :元 or in 万元 with :万元; :同比 gives the year-on-year phrase
help-ref-known = write one of { $examples }

## Loading a data file

load-empty = the file holds no data
help-load-empty = start from fixtures/aral-emergency-2024.yaml or run `enforcement-report init`
load-root-expected = a mapping of the report's fields (agency, year, report_date, part1, part2, tables)
help-load-builtin-templates = the built-in templates are: { $names } (list them with `enforcement-report templates`); a template file is named by its path, e.g. template: ./my-template.yaml
load-template-missing = the template file { $file } does not exist
help-load-template-missing = a template path is relative to the data file's folder; check the name
load-template-errors = the template { $file } has errors (above)
help-load-template-errors = correct the template file, then check it with `enforcement-report check-template`
load-missing-blocks = missing field `blocks`: { $part } is the narrative in template { $template }
help-load-missing-blocks = add blocks: with the part's headings and paragraphs
load-blocks-in-statistics = { $part } is the statistics part in template { $template }: it holds the tables, not blocks
help-load-blocks-in-statistics = move the blocks to { $part }, the narrative
load-missing-table = missing field `{ $table }`: template { $template } has the tables { $tables }
help-load-missing-table = add { $table }: with its figures { $keys }
help-load-labels = 标签 maps a label's key to its text: { $example }
help-load-title = 标题 is the table's title, a text
help-load-notes = 说明 is a list of notes, each a text: - 第一条说明
load-unknown-figure = unknown field `{ $key }`: { $table } has no figure { $key }
help-load-unknown-figure = the figures of { $table } are: { $keys }; its other keys are 标签, 标题 and 说明
load-missing-figure = missing field `{ $key }`: { $table } has no figure { $key }
help-load-missing-figure = add it; for a figure the agency has no power over, write ~ (the cell stays blank)
load-full-width = { $figure } is written in full-width digits (全角数字)
help-load-full-width = type ordinary (half-width, 半角) digits: { $key }: { $figure }
load-figure-empty = { $key } is empty
help-load-figure-empty = write the figure, ~ if the agency has no such power (the cell stays blank), or 待填
load-base = { $figure } is written in base 16, 8 or 2, which a report does not use
help-load-base = write the figure in decimal digits, e.g. 26
load-exponent = { $figure } is written with an exponent
help-load-exponent = write the figure's decimal digits: { $key }: '{ $figure }'
load-count-point = { $figure } is written with a decimal point, and { $key } is a count
help-load-count-point = write the whole number without a point, e.g. { $key }: { $figure }
help-load-count = write a whole number, ~ if the agency has no such power, or 待填
help-load-amount = write the amount's digits, in quotes to keep every one: '173.7821088'
load-float = amount { $figure } cannot be read exactly as a YAML number (it would become { $read })
help-load-float = write it in quotes to keep every digit: { $key }: '{ $figure }'

## Reading YAML

help-unseen = remove it: a reader cannot see it, and it has no place in a report's text
word-the-file = the file
word-the-text = the text
unseen-control = { $whose } holds the control character { $code }
unseen-named = { $whose } holds { $name } ({ $code })
help-serde-unknown-field = check the spelling: the keys allowed here are listed above
help-serde-duplicate = a key may appear once in a mapping: remove or rename the second one
help-serde-invalid-type = see docs/data-format.md and docs/templates.md for what this field holds
serde-invalid-value = invalid value: { $found }, expected { $expected }
serde-word-year = a year such as 2024
serde-word-mapping-of = a mapping:{" "}
serde-word-sequence = a sequence
serde-word-map = a map
serde-word-string = a string
serde-word-integer = integer
serde-word-float = floating point
serde-word-boolean = boolean
yaml-detail-recursion = nested too deeply
yaml-detail-tabs = tabs cannot indent here
yaml-detail-colon = a colon stands where YAML allows none
yaml-detail-key = a key was expected here
yaml-detail-document = the start of a document was expected
yaml-detail-token = a character that cannot start a value
yaml-detail-quote = a quoted text is not closed
yaml-detail-indent = wrong indentation
yaml-detail-value = a value was expected here
yaml-detail-other = the text cannot be read here
help-serde-limit = a report is a few levels deep and uses no large anchors or aliases: check the file's origin
serde-unknown-field = unknown field `{ $field }`, expected { $expected }
serde-missing-field = missing field `{ $field }`
serde-duplicate-field = duplicate field `{ $field }`
serde-invalid-type = invalid type: { $found }, expected { $expected }
read-aliases = the file's aliases (*name) stand for more than { $max } bytes of text
help-read-aliases = write each text out in full: a report needs no anchors or aliases
read-tag = the tag { $tag } is not one a report uses
help-read-tag = remove the tag and write the value itself: text, a number, or ~
read-second-document = the file holds a second document (a line `---` after the first)
help-read-second-document = keep one report per file: remove the `---` and what follows, or put it in its own file
read-no-glyph = no font available to the PDF has the character “{ $character }” ({ $code })
help-read-no-glyph = replace it (a common character, or the name in pinyin), remove it, or add a font that has it with --font-dir; the DOCX and XLSX can still be made: --format docx,xlsx

read-key-twice = `{ $key }` is given twice

## Figures

fig-not-decimal = `{ $value }` is not a decimal number (write digits with an optional point, e.g. 173.7821088)
fig-too-many-digits = `{ $value }` has more digits than an amount can hold (at most 28 significant digits)
fig-count-too-large = count { $value } is too large: a count is at most 4294967295
fig-count-negative = count { $value } is negative: a count is 0 or more
fig-count-range = count { $value } is out of range: a count is from 0 to 4294967295
fig-count-not-whole = count { $value } is not a whole number: { $expected }
fig-not-count = `{ $value }` is not a count: expected { $expected }
fig-count-expected = a count: a whole number from 0 to 4294967295, ~ (blank) if the agency has no such power, or 待填 while still to fill
fig-amount-too-many = amount { $value } has more digits than an amount can hold
fig-not-amount = `{ $value }` is not an amount: expected { $expected }
fig-amount-expected = an amount such as 173.7821088 (or '173.7821088' in quotes), ~ (blank) if the agency has no such power, or 待填 while still to fill
fig-amount-inexact = amount { $value } cannot be kept exactly: write it in quotes, as a string of digits

## Dates

date-year-range = year { $year } is out of range (1900 to 9999)
date-month = month { $month } does not exist (1 to 12)
date-day = { $month } has no day { $day } (it has { $days } days)
date-not-date = `{ $value }` is not a date: write it as YYYY-MM-DD, e.g. 2025-01-26
date-not-real = `{ $value }` is not a real date: { $reason }

## Templates

tpl-empty = the template file holds nothing
help-tpl-empty = start from one of `enforcement-report templates --show NAME`
tpl-root-expected = a mapping of the template's fields (name, description, parts, contents, tables)
tpl-no-name = the template has no name
help-tpl-no-name = give it a short name, e.g. name: my-province-2024
tpl-no-table = the template has no table
help-tpl-no-table = list at least one table under tables:
tpl-no-label = the table has no label
help-tpl-no-label = give it a label such as 表一
tpl-label-twice = two tables have the label { $label }
help-tpl-label-twice = give each table its own label
tpl-not-part = `{ $part }` is not a part
help-tpl-not-part = the parts are narrative and statistics
tpl-parts = the parts are two, each once
help-tpl-parts = write parts: [narrative, statistics] or parts: [statistics, narrative]
tpl-no-column = { $table } has no column
help-tpl-no-column = list the table's columns under columns:
tpl-too-many-columns = { $table } has { $n } columns; a table holds at most { $max } on a landscape page
help-tpl-too-many-columns = split the table in two
tpl-column-no-key = the column has no key
help-tpl-column-no-key = give it the key a data file uses for the figure
tpl-key-twice = two columns of { $table } have the key { $key }
help-tpl-key-twice = give each column its own key
tpl-not-unit = `{ $unit }` is not a unit
help-tpl-units = the units are: { $units }
tpl-not-kind = `{ $kind }` is not a kind of column
help-tpl-not-kind = the kinds are count (a whole number) and amount (an exact decimal)
tpl-kind-unit = a { $kind } column cannot be counted in { $unit }
help-tpl-count-units = counts are in 宗, 次, 件, 人, 人次, 个, 家, 户 or 项
help-tpl-amount-units = amounts are in 万元, 元 or %
tpl-count-decimals = { $key } is a count, which has no decimals
help-tpl-count-decimals = leave decimals out, or make the column an amount
tpl-decimals = { $n } decimals are more than a figure keeps
help-tpl-decimals = write at most 10
tpl-total-none = { $total } adds up no column
help-tpl-total-none = name the columns it adds up, or leave total_of out
tpl-total-unknown = { $total } adds up `{ $part }`, which is not a column of { $table }
help-tpl-columns = the columns of { $table } are: { $keys }
tpl-total-itself = { $total } adds up itself
help-tpl-total-itself = a total adds up the other columns
tpl-total-twice = { $total } adds up { $part } twice
help-tpl-total-twice = name each column once
tpl-total-of-total = { $total } adds up { $part }, which is a total itself
help-tpl-total-of-total = name the columns that total adds up instead
tpl-total-units = { $total } is in { $unit } but { $part } is in { $part_unit }
help-tpl-total-units = a total adds up columns of its own unit
tpl-no-header = { $table } has no header
help-tpl-no-header = list the header's labels under header:
tpl-column-not-in-header = column { $key } of { $table } is not in the header
help-tpl-header-leaves = name every column once among the header's leaves
tpl-column-in-header-times = column { $key } of { $table } is in the header { $n } times
tpl-header-deep = { $table }'s header is { $rows } rows deep; at most { $max } fit
help-tpl-header-deep = flatten a level of the tree
tpl-header-key-twice = two header labels of { $table } have the key { $key }
help-tpl-header-key-twice = a leaf's key is its column's; give a group a key of its own: {"{"} label: <text>, key: <unique key>, children: [ … ] {"}"}
tpl-notes-placement = `{ $value }` is not a place for notes
help-tpl-notes-placement = write table (under the table) or end (after the last table)
tpl-header-not-column = the header names `{ $key }`, which is not a column
help-tpl-columns-all = the columns are: { $keys }
tpl-header-unknown-field = unknown field `{ $field }` in a header label
help-tpl-header-fields = a header label has column (a leaf) or children (a group), with label and key
tpl-header-both = a header label has both column and children
help-tpl-header-both = a leaf names a column; a group has children
tpl-leaf-key = a leaf's key is its column
help-tpl-leaf-key = leave key out
tpl-column-text = column is the key of a column
help-tpl-column-text = write column: followed by a column's key
tpl-group-no-label = a group of the header has no label
help-tpl-group-no-label = write label: followed by the group's text
tpl-group-no-children = the group { $group } has no children
help-tpl-group-no-children = list its labels, or make it a leaf with column:
tpl-header-deeper = the header is deeper than { $max } rows
tpl-children-list = children is a list of header labels
help-tpl-children-list = write children: [ … ] with the keys of columns or further groups
tpl-header-neither = a header label has neither column nor children
help-tpl-header-neither = a leaf names a column (column: <key>, or just the key); a group has children
tpl-header-form = a header label is a column's key or a mapping
help-tpl-header-form = write a column's key, or {"{"} column: <key>, label: <text> {"}"}, or {"{"} label: <text>, children: [ … ] {"}"}
tpl-no-title = the table has no title
help-tpl-no-title = write its title, e.g. 行政许可实施情况统计表
tpl-title-open-brace = the title has a {"{"} with no {"}"}
help-tpl-title-open-brace = write {"{{"} for a brace, or close the field: {"{"}年度{"}"}
tpl-title-field = the title uses { $field }, which is not a field
help-tpl-title-field = a title may use {"{"}机关{"}"} (the agency) and {"{"}年度{"}"} (the year)

## Blocks of the narrative

block-h3-alone = a run-in heading `h3` needs its paragraph: add `p: …` to the same item
block-empty = an empty block: write one of `h1: …`, `h2: …`, `p: …` (with an optional `h3: …`)
block-two-kinds = a block holds one of `h1`, `h2` or `p` (with an optional `h3` before `p`); split it into separate items

## Command-line errors

clap-unknown-argument = unexpected argument { $arg }
clap-invalid-subcommand = { $name } is not a command
clap-invalid-value = { $value } is not a value of { $arg }: the values are { $valid }
clap-missing-argument = { $arg } is needed
clap-missing-subcommand = name a command
clap-value-validation = { $arg }: { $reason }
clap-conflict = { $arg } cannot be used with { $other }
clap-other = { $detail }
clap-help-hint = see the commands and options with --help

## import

place-line = line { $n }
place-line-column = line { $n }, column { $column }
place-page = page { $n }
place-paragraph = paragraph { $n }
place-table = table { $n }
place-table-cell = table { $table }, row { $row }, column { $column }
place-page-table-cell = page { $page }, table { $table }, row { $row }, column { $column }
place-sheet = sheet { $sheet }
place-sheet-cell = sheet { $sheet }, cell { $cell }
import-guess-title = read as the title: { $text }
import-guess-heading = read as a level-{ $level } heading: { $text }
import-guess-template = the tables' labels match template { $template } best: chosen
import-guess-to-fill = { $table } { $key } left to fill (待填): the cell holds “{ $text }”
import-guess-total = { $table } { $key } is { $given } in the source, but its parts add up to { $sum }: left to fill (待填), computed from the parts unless you write it
import-guess-table-missing = the source has no { $table }: its figures are left to fill (待填)
import-guess-reference = { $written } made { $reference }
import-guess-year = the year is not written: { $year }, the year before the report's date (give --year otherwise)
import-guess-created = no date in the text: report_date is the file's created date { $date }
import-guess-date = no date found: report_date is { $date }, a placeholder
import-no-table = the file holds no statistics table
help-import-no-table = import reads a report with its tables (表一 …): a Word file, a PDF, its web page (saved or copied), its published text, or the statistics spreadsheet
import-unmatched = a table matches no template: { $tables }
help-import-unmatched = name the template with --template (a built-in name or a template file); `enforcement-report templates` lists them
import-no-agency = the file does not say the agency
help-import-no-agency = give it with --agency
import-no-year = the file does not say the year
help-import-no-year = give it with --year
import-done = { $file }: made from { $source } with template { $template }
import-guess-line = { $file }: { $place }: { $what }
import-guessed = what was guessed ({ $n }):
import-cannot-read = cannot read { $file } as a report: { $error }
help-import-cannot-read = give a .docx, .xlsx, .pdf, .html (a saved web page) or .txt (the published text) file; an encrypted file must be saved without its password first
import-check-failed = the data file made does not pass check: { $n } error(s), shown above; nothing written

# Rates and figure identities in templates
tpl-total-percent = { $total } is in % and adds up other columns: percentages do not add up
help-tpl-total-percent = declare a percentage as a rate of two columns (rate: { "{" } part: …, whole: … { "}" }) instead of a total
tpl-rate-and-total = { $key } is both a total and a rate
help-tpl-rate-and-total = give a column either total_of or rate, not both
tpl-rate-unit = { $key } is a rate but is counted in { $unit }
help-tpl-rate-unit = a rate is a percentage: give it unit: "%"
tpl-rate-rounding = `{ $value }` is no rounding rule
help-tpl-rate-rounding = rounding is half-up (四舍五入, the default), half-even or down
tpl-rate-unknown = the rate { $rate } is computed from `{ $part }`, which is not a column of { $table }
tpl-rate-itself = the rate { $rate } is computed from itself
tpl-rate-of-rate = the rate { $rate } is computed from { $part }, which is a percentage itself
tpl-rate-same = the rate { $rate } divides { $part } by itself
tpl-rate-units = the rate { $rate } divides { $part } ({ $part_unit }) by { $whole } ({ $whole_unit }): not one unit
help-tpl-rate-parts = a rate divides one column (part) by another of the same unit (whole), neither of them a percentage
tpl-path-twice = two columns of { $table } have the same header labels: { $path }
help-tpl-path-twice = give the columns labels that tell them apart (label: …), since the data sheet names each figure by its labels
tpl-diff-tables = its tables are { $b }, not { $a }
tpl-diff-columns = its { $table } has the figures { $b }, not { $a }
tpl-diff-column = { $table } { $key }: { $what } { $b }, not { $a }
word-unit = unit
word-decimals = decimals
word-total-of = adds up
word-rate = rate of
word-header = header

# Rates and blank totals in a data file
check-total-of-blanks = { $name } is { $given }, but every figure it adds up in { $table } is blank (no such power)
help-check-total-of-blanks = leave { $name } out (or write ~): a total of powers the agency does not have is blank, not 0
check-rate-part-exceeds = { $part } is { $p }, more than { $whole } ({ $w }): { $rate } would exceed 100 %
help-check-rate-part-exceeds = { $part } is a share of { $whole }: correct whichever of the two is wrong
check-rate-no-part = { $rate } is { $given }, but { $part } is blank, so it cannot be checked
help-check-rate-no-part = give both figures { $rate } is computed from, or leave { $rate } out
check-rate-no-whole = { $rate } is given, but { $whole } is 0: there is nothing to divide by
help-check-rate-no-whole = leave { $rate } out: it stays blank
check-rate-blank = { $rate } is blank, but { $part } and { $whole } are given
help-check-rate-computed = leave { $rate } out to have it computed
check-rate = { $rate } is { $given }, but { $part } { $p } ÷ { $whole } { $w } × 100 = { $exact }, which is { $expected } rounded ({ $rule }) to { $decimals } decimals
help-check-rate = write { $expected }, or leave { $rate } out to have it computed; or correct the figure that is wrong

# What the inputs hold
os-not-found = no such file or folder
os-permission = permission denied
input-special = this is a { $kind }, not a data file: it is not read
input-dangling = a symbolic link to { $target }, which does not exist
input-too-deep = folders nested more than { $max } deep are not searched
input-folder = the folder cannot be read: { $error }
input-unreadable = cannot be read: { $error }
help-input-special = move or remove it, or name the data files one by one; every entry of a folder is read or named
word-fifo = named pipe (FIFO)
word-device = device
word-socket = socket
word-special = special file
inputs-skipped = { $n } file(s) in the folders are no data files (.yaml) and were not read: { $files }
list-separator = { ", " }
rollup-other-content = this file's template is named `{ $template }` as { $other }'s is, but differs from it: { $difference }
rollup-twice-folded = { $agency } and { $other } are taken for one agency: the two spellings differ only in { $folding }
help-rollup-twice-folded = names are compared without spaces and with full-width and compatibility characters folded; write the agency's name one way in every file
fold-space = spaces
fold-composition = Unicode composition (NFC/NFD)
fold-width = full-width or compatibility characters
read-special = not a regular file (a named pipe, a device or a socket): it is not read
help-read-special = give the path of the { $what } itself
msg-not-regular = { $file } is not a regular file (a folder, a named pipe or a device): it is not read
out-in-the-way = { $file } is in the way of an output file: it is a folder or a special file; nothing was written
out-finish-interrupted-file = cannot finish the interrupted render into { $dir }: { $file }: { $error } (move { $file } away and render again)
import-not-text = byte { $at } is neither UTF-8 nor GBK text

# The readers of outside files
read-damaged = the file is damaged or not of its kind ({ $detail })
read-html-charset = the web page says it is in { $charset } but holds bytes that are not: save it again from the browser (Save as, Web page, HTML only)
read-html-too-wide = a table of the web page spans more than { $max } columns: not a report's page
read-html-not-text = the web page is neither UTF-8 nor GBK text (byte { $at } reads in neither): save it again from the browser (Save as, Web page, HTML only)
read-inflates = { $part } inflates to more than { $mib } MiB (at most { $part_max } MiB a part, { $all_max } MiB in all): not a report's file
read-too-many-elements = the document has more than { $max } paragraphs, rows and cells: not a report's file
read-unknown-entity = unknown entity &{ $name }; in a text of the document (entities are not expanded)
read-bad-char-ref = a character reference that is no character: { $error }
read-media-box-numbers = a page's MediaBox has { $n } numbers, not 4
read-no-media-box = a page has no MediaBox
read-media-box-deep = a page's MediaBox is not found within 32 levels of its page tree
read-too-many-pages = the PDF has { $n } pages, more than the { $max } a report has
read-too-many-cells = the workbook has more than { $max } cells: not a report's file
read-too-many-struct = the PDF's structure tree has more than { $max } elements: not a report's PDF
tpl-not-a-template = not a template file: its content is no mapping of name and tables
help-tpl-not-a-template = name a template file (`enforcement-report templates --show national-2021 > mine.yaml` starts one) or a built-in template
import-guess-agency-property = the text names no agency (no signature): the agency is the file's author property “{ $agency }” (give --agency otherwise)
import-guess-extra-table = { $table } is a table template { $template } has not: left out
import-guess-unit = { $table } { $key }: { $value } { $from } in the source is { $converted } { $to } (the column's label names { $from })
import-guess-left-out = left out as the web page's own, not the report's: { $text }
import-guess-agency-title = no signature: the agency is the one the title names, “{ $agency }” (give --agency otherwise)
import-guess-other-year = { $table }: its rows of figures ({ $row }) name another year than the report's { $year }: its figures are left to fill (待填)
import-guess-row = { $table }: figures read from the row “{ $row }”
import-guess-no-figure = { $table } { $key } left to fill (待填): { $why }
import-why-no-column = no column of the source is labelled { $label }, and its row holds { $found } figures where the template has { $expected }, so position cannot say which
import-why-other-label = the figure at its place is labelled { $other }, not { $label }
import-rows = { $table } ({ $place }) has several rows of figures and nothing says which is the report's: { $rows }
import-row-not-found = { $table } ({ $place }): no row's label holds what --row names; its rows: { $rows }
help-import-rows = say which with --row and a word of its label (--row 合计 for a totals row), or give --year or --agency when a row names them
import-figures = figures written ({ $n }), each with the source cell it was read from:
import-figure-line = { $table } { $key } = { $value } { $unit } ← { $place }
import-more-tables = and { $n } more tables
import-too-many-tables = the file holds { $n } tables; a report holds at most { $max }: not a report
diff-kind-style = style
diff-kind-numbering = numbering
diff-kind-border = borders
diff-numbered = numbered (list { $list })
diff-not-numbered = not numbered
diff-bordered = bordered
diff-no-border = no border
diff-table-borders = table { $table } borders
diff-text-boxes = text boxes of { $part }
