# 界面的中文文本。每个 id 在 en.ftl 中都有，参数相同（tests/catalogues.rs）。
# 字段路径和文件名作为参数给出，按数据文件的写法显示。

## 问题的打印格式

label-error = 错误
label-warning = 警告
label-help = 提示
at-line-column = 第{ $line }行第{ $column }列
diagnostic-place = { $file }:{ $line }:{ $column }（第{ $line }行第{ $column }列）
diagnostic-head = { $place }{ $severity }：
diagnostic-field = { $field }：
diagnostic-help = 提示：{ $help }
message-head = { $severity }：

## 帮助：标题和通用选项

heading-usage = 用法：
heading-commands = 命令
heading-options = 选项
heading-arguments = 参数
arg-help = 显示帮助
arg-version = 显示版本
arg-lang = 提示和帮助的语言：zh（中文）或 en（英文），默认随系统

## 帮助：各命令

cli-about = 把 YAML 数据文件生成为行政执法年度报告的 DOCX、PDF 和 XLSX（版式依 GB/T 9704-2012）。
cmd-check = 检查数据文件：合计、金额、日期、表头，以及 PDF 字体缺少的每个字符。无误退出码为 0，有错误为 1，文件无法读取为 2。
arg-check-file = 数据文件（.yaml）
arg-check-fonts = PDF 所用字体，同 render：auto（先用您的和系统的字体，默认）或 bundled（只用自带字体）
arg-check-font-dir = PDF 优先使用的字体文件夹
cmd-render = 把数据文件生成为 DIR/<文件名>.docx、.pdf 和 .xlsx（或 .csv）：一个文件、多个文件或整个文件夹，多核并行。
arg-render-files = 数据文件（.yaml）或存放数据文件的文件夹
arg-render-quiet = 不显示进度条、汇总和输出路径，只报告失败
arg-render-output = 输出文件夹；不存在时自动创建（默认 output）
arg-render-format = 要生成的格式，用逗号分隔：docx、pdf、xlsx、csv，大小写均可（默认 docx,pdf,xlsx）
arg-render-fonts = PDF 的字体：先用您的和系统的字体，再用自带字体（auto，默认），或只用自带字体（bundled）
arg-render-font-dir = PDF 优先使用的字体文件夹
cmd-rollup = 把同一模板、同一年度的多个单位数据文件汇总成统计汇总表（每个单位一行，末行为合计）：DIR/rollup-<年度>.docx、.pdf、.xlsx（及 .csv）。有文件未通过 check、模板或年度不一致、同一单位出现两次时拒绝汇总，并列出全部问题。已生成退出码为 0，拒绝为 1，无法读写为 2。
arg-rollup-files = 各单位的数据文件（.yaml）或存放它们的文件夹
arg-rollup-output = 输出文件夹；不存在时自动创建（默认 output）
arg-rollup-title = 汇总表的标题，印在首页（默认为 <汇总单位><年度>年度行政执法数据汇总）
arg-rollup-unit = 汇总单位（如某县司法局）：作为文件作者，并作为各表标题中的机关
arg-rollup-sort = 按单位名称排序（按 GBK 编码，即常用字的拼音顺序），而不按给出的顺序
arg-rollup-warn-change = 单位的合计与上年度（previous_year）相比变化超过此倍数时给出警告，如 3
arg-rollup-quiet = 不显示进度条、汇总和输出路径，只报告问题
arg-rollup-format = 要生成的格式，用逗号分隔：docx、pdf、xlsx、csv，大小写均可（默认 docx,pdf,xlsx）
arg-rollup-fonts = PDF 的字体，同 render：auto（默认）或 bundled
arg-rollup-font-dir = PDF 优先使用的字体文件夹
cmd-init = 由本年度的数据文件开始下一年度的数据文件：保留正文，本年度数字转为上年度数字，新数字留作“待填”；同时在旁边写出它的 schema。
arg-init-from = 本年度的数据文件
arg-init-year = 新报告的年度
arg-init-output = 新的数据文件；不能是已有的文件
cmd-completions = 输出某种命令行外壳的补全脚本，例如 enforcement-report completions bash > ~/.local/share/bash-completion/completions/enforcement-report
arg-completions-shell = 命令行外壳：bash、zsh、fish 或 powershell
cmd-man = 输出使用手册页（roff 格式）：enforcement-report man > enforcement-report.1
cmd-schema = 输出某一模板的数据文件的 JSON Schema，供编辑器使用。
arg-schema-template = 内置模板名或模板文件；不写时为默认模板
arg-schema-output = 把 schema 写入此文件，而不是输出到屏幕
cmd-templates = 列出内置的统计表模板，或输出其中一个，作为自定义模板的起点。
arg-templates-show = 输出此模板的 YAML 源文本
cmd-check-template = 检查统计表模板文件：表头结构、列、单位、合计和标题。无误退出码为 0，有错误为 1，无法读取为 2。
arg-check-template-file = 模板文件（.yaml）
arg-check-template-schema = 改为输出模板文件的 JSON Schema
cmd-diff = 比较两个数据文件（每处改动的数字、段落、表头和说明），或两个同格式的生成文件（文字、单元格、合并、页面设置、字体、属性）。相同退出码为 0，不同为 1，出错为 2。
arg-diff-old = 较早的文件
arg-diff-new = 较新的文件
arg-diff-json = 以 JSON 输出全部细节，供程序使用
arg-diff-notice = 两个数据文件时：改为写出更正说明
arg-diff-format = 更正说明的格式：md（默认）或 docx
arg-diff-output = 更正说明写到哪个文件（不写时输出到屏幕；docx 必须写）
arg-diff-date = 更正说明的日期，格式 YYYY-MM-DD（不写则无日期行）

## 各命令的提示

msg-format-unknown = “{ $value }”不是可生成的格式：请写 docx、pdf、xlsx 或 csv，用逗号分隔
msg-font-dir-missing = 字体文件夹 { $dir } 不存在
msg-font-dir-not-folder = 字体文件夹 { $dir } 不是文件夹
help-font-dir = 请指定存放 .ttf、.otf 或 .ttc 文件的文件夹，或去掉 --font-dir
msg-warn-change-below-one = --warn-change 须不小于 1：它表示合计最多可增大或减小的倍数
msg-man-failed = 无法写出使用手册页：{ $error }
msg-no-template = 没有名为“{ $name }”的内置模板，也没有该名称的文件
msg-no-builtin-template = 没有名为“{ $name }”的内置模板
help-builtin-templates = 内置模板有：{ $names }
templates-default = （默认）
templates-tables = { $count } 张表：{ $labels }
check-template-ok = { $file }：无误：模板 { $name }，{ $tables } 张表，{ $columns } 列
summary-errors = { $file }：{ $errors } 处错误
summary-errors-warnings = { $file }：{ $errors } 处错误，{ $warnings } 处警告
summary-ok = { $file }：无误
summary-ok-warnings = { $file }：无误，{ $warnings } 处警告
msg-exists = { $file } 已存在：请另起一个文件名，以免覆盖数据
init-done = { $file }：{ $year } 年度报告；运行 `enforcement-report check { $file }` 可列出待填的数字
init-schema = { $file }：它的 schema，供编辑器补全和检查
msg-no-data-files = { $inputs } 中没有数据文件（.yaml）
help-no-data-files = 请指定数据文件，或存放数据文件的文件夹；核对文件夹名称
msg-contents-pages = 无法统计目录的页码：{ $error }
msg-cannot-render = 无法生成 { $format }：{ $error }
render-not-rendered = { $file }：未生成：请先改正上面的错误
batch-more-errors = { $message }（另有 { $more } 处错误：请运行 check）
batch-failed = { $file }：失败
batch-same-stem = { $file }：未生成：它的输出文件名与 { $other } 相同
batch-summary = 已生成 { $rendered } 个，失败 { $failed } 个，用时 { $seconds } 秒（共 { $files } 个文件，输出到 { $dir }）
rollup-fails-check = 此文件未通过 check
rollup-refused = 拒绝汇总：{ $errors } 处错误；{ $dir } 中未写入任何文件
rollup-refused-failing = 拒绝汇总：{ $errors } 处错误，{ $files } 个文件中有 { $failed } 个未通过 check；{ $dir } 中未写入任何文件
msg-total-too-large = { $table }“{ $column }”的合计超出了金额能容纳的最大数
help-total-too-large = 汇总保持数字精确；请核对各单位在这一列的数字
msg-cannot-render-rollup = 无法生成汇总的 { $format }：{ $error }
rollup-done = 已汇总 { $year } 年度 { $agencies } 个单位，用时 { $seconds } 秒（{ $warnings } 处警告）
rollup-other-template = 此文件的模板是“{ $template }”，而 { $other } 用的是“{ $expected }”
rollup-other-shape = 此文件的模板名为“{ $template }”，但表或列与 { $other } 的不同
help-rollup-template = 汇总只能合计同一模板的表：请按模板分别汇总
rollup-other-year = 年度是 { $year }，而 { $other } 报告的是 { $expected } 年度
help-rollup-year = 汇总只能合计同一年度：请去掉其他年度的文件
rollup-twice = { $agency } 出现了两次：另见 { $other }
help-rollup-twice = 每个单位占一行：请去掉较旧的文件，或改正单位名称
rollup-all-blank = { $agency } 的所有数字都是空白（无此项职权）
help-rollup-all-blank = 空白不计入合计；单位有此项职权但未实施的，请填 0
rollup-change = { $agency }：{ $now }，上年度 { $before }：变化超过 { $factor } 倍
help-rollup-change = 请核对此数字；如无误，不必修改
diff-kinds = 只能比较同一种文件：{ $old } 是 .{ $old_ext }，{ $new } 是 .{ $new_ext }
diff-notice-needs-data = 更正说明须由两个数据文件（.yaml）生成
msg-cannot-read = 无法读取 { $file }：{ $error }
diff-too-large = { $file } 超过 { $mib } MiB：不是报告的文件
diff-no-figure-changed = 没有数字改动：无需更正
diff-docx-needs-output = DOCX 格式的更正说明须写入文件：请加 -o notice.docx
diff-date = --date：{ $error }
diff-cannot-compare = 无法比较 .{ $ext } 文件：请给出两个 .docx、.xlsx、.pdf 或 .yaml 文件

## 输出文件夹

out-lock = 无法锁定输出文件夹 { $dir }：{ $error }
out-finish-interrupted = 无法完成上次中断的生成（{ $dir }）：{ $error }
out-remove = 无法删除 { $file }：{ $error }
out-bad-name = 无法写出名为 { $name } 的文件：请把数据文件改名，名称中不要有制表符、换行或斜杠
out-create = 无法创建输出文件夹 { $dir }：{ $error }
out-write = 无法写入输出文件夹 { $dir }：{ $error }
out-rename = 无法写出 { $file }：{ $error }；下次生成到 { $dir } 时会补全这组文件
out-remove-journal = 无法删除 { $dir } 中的记录文件：{ $error }
out-folder-not-file = { $file } 是文件夹，不是文件

## 读取文件

read-cannot = 无法读取文件：{ $error }
help-read-cannot = 请核对路径，以及您是否有权读取
read-folder = 这是文件夹，不是文件
help-read-folder = 请指定{ $what }（.yaml）
read-too-large = 文件有 { $bytes } 字节或更大；{ $what }最多 { $max } 字节
help-read-too-large = 请确认这是{ $what }
read-data-too-large = 文件有 { $bytes } 字节；数据文件最多 { $max } 字节
read-foreign = 这是{ $kind }，不是数据文件：本工具读取 YAML 文本（.yaml）
help-read-foreign = 数据文件是存放报告数字和正文的 YAML 文本文件（见 docs/data-format.md）；可由上年度的开始：`enforcement-report init --from 上年度.yaml --year 2025 -o report.yaml`，或从 fixtures/ 复制一个示例（`enforcement-report templates` 列出统计表模板）
kind-docx = Word 文档（.docx）
kind-xlsx = Excel 工作簿（.xlsx）
kind-pptx = PowerPoint 文件（.pptx）
kind-zip = ZIP 压缩包（如 .docx、.xlsx 或 .zip）
kind-pdf = PDF 文件
kind-ole = 旧版 Word 或 Excel 文件（.doc、.xls、.et、.wps）
kind-rtf = RTF 文档（.rtf）
kind-image = 图片
read-not-utf8 = 第 { $at } 个字节不是 UTF-8 文本
help-read-not-utf8 = 请把文件另存为 UTF-8 编码（WPS 或 Word 中：另存为 → 编码 UTF-8）
read-nul = 文件中有 NUL 字节
help-read-nul = 这不是文本文件，或文件已损坏：请把数据重新保存为 UTF-8 文本
what-data-file = 报告数据文件
what-template-file = 模板文件
yaml-syntax = YAML 语法错误：{ $detail }
help-yaml-syntax = 请检查这一行和上一行的缩进以及“键: 值”的写法；缩进用空格，不用制表符；以 {"{"} 开头的文字（引用）须加引号：p: '{"{"}年度{"}"}年…'
yaml-key-too-long = 这个键有 { $length } 个字符；YAML 的键最多 1024 个字符
help-yaml-key-too-long = 键是字段名（agency、p、某个数字的名称）：请把文字写在冒号后面，或缩短键

## diff

diff-line = { $kind } { $place }：{ $old } → { $new }
diff-none = （无）
diff-no-section = （无此节）
diff-orient-default = （未设置，默认纵向）
diff-landscape = 横向
diff-portrait = 纵向
diff-orientation = 页面方向
diff-mm = { $mm }毫米
diff-page-width = 纸张宽度
diff-page-height = 纸张高度
diff-margin-top = 上边距
diff-margin-bottom = 下边距
diff-margin-left = 左边距
diff-margin-right = 右边距
diff-section-setting = 第{ $section }节 { $setting }
diff-sections = 节数
diff-paragraph = 第{ $n }段
diff-table-cell = 表格{ $table } 第{ $row }行第{ $column }列
diff-span = { $columns }列×{ $rows }行
diff-fonts-used = 所用字体
diff-fonts-embedded = 嵌入字体
diff-sheet-names = 名称
diff-whole = 全文
diff-page = 第{ $page }页
diff-page-line = 第{ $page }页第{ $line }行
diff-kind-text = 正文
diff-kind-table = 表格
diff-kind-span = 单元格跨度
diff-kind-page = 页面设置
diff-kind-font = 字体
diff-kind-property = 属性
diff-kind-pages = 页数
diff-kind-sheet = 工作表
diff-kind-cell = 单元格
diff-kind-formula = 公式
diff-change = { $place }：{ $old } → { $new }
diff-blank = 空（无此职权）
place-agency = 发文机关
place-year = 年度
place-date = 成文日期
place-title = 标题
place-signature = 署名
place-template = 模板
place-heading = { $at } 标题 { $text }
place-part-heading = { $part } 标题
place-table-title = { $table } 标题
place-table-label = { $table } 表头 { $key }
place-table-note = { $table } 说明 { $n }
place-previous = 上年度 { $table } { $key }
