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
cmd-import = 由单位已有的报告生成数据文件：Word 文件（.docx）、发布的文本（.txt）或统计表格（.xlsx）。列出推断的每处内容及其位置。
arg-import-file = 报告：.docx、.xlsx、.pdf、保存的网页（.html、.htm）或发布的文本（.txt，UTF-8 或 GBK 编码）
arg-import-template = 模板（内置模板名或模板文件），表头无法确定模板时指定
arg-import-agency = 发文机关，报告中没有署名时指定
arg-import-year = 年度，报告中没有写明时指定
arg-import-row = 表中有多行数字时读取哪一行：写该行名称中的字（合计、2024年、单位名称）
arg-import-output = 要写出的数据文件；不能是已有的文件
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
pdf-missing-glyph = 没有字体有字符“{ $character }”（{ $code }），位于 { $place }：请替换它，或用 --font-dir 添加含有此字的字体
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
rollup-done = 已汇总 { $year } 年度 { $agencies } 个单位（读取数据文件 { $read } 个，共找到 { $found } 个），用时 { $seconds } 秒（{ $warnings } 处警告）
rollup-other-template = 此文件的模板是“{ $template }”，而 { $other } 用的是“{ $expected }”
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
diff-nothing-changed = 已发布的内容没有任何改动：无需更正，未写文件
diff-docx-needs-output = DOCX 格式的更正说明须写入文件：请加 -o notice.docx
diff-date = --date：{ $error }
diff-cannot-compare = 无法比较 .{ $ext } 文件：请给出两个 .docx、.xlsx、.pdf 或 .yaml 文件

## 输出文件夹

out-lock = 无法锁定输出文件夹 { $dir }：{ $error }
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

## 数据文件的检查

check-to-fill = { $table } { $key } 尚待填写（待填）
help-check-to-fill = 请填写数字；单位无此项职权的填 ~
check-negative = { $key } 为负数（{ $amount } { $unit }）
help-check-negative = 金额须为 0 或正数
check-integer-digits = { $key } { $amount } { $unit } 的整数部分超过 { $max } 位
check-decimals-none = 不能有小数
check-decimals-at-most = 最多 { $n } 位小数
check-decimals = { $key } { $amount } 有 { $decimals } 位小数；{ $table }中以{ $unit }为单位的数字{ $most }
check-no-label = { $table } 没有表头“{ $key }”
help-check-labels = { $table } 的表头有：{ $keys }
check-year = 年度 { $year } 不是报告所能涵盖的年度
help-check-year = 请写报告所涵盖的年度，2000 至 2100，如 year: 2024
check-agency-empty = 发文机关为空：报告将没有署名
help-check-agency-empty = 请写机关全称，如 agency: 第一师阿拉尔市应急管理局
check-signature-empty = 署名为空
help-check-signature-empty = 请写报告的署名，或去掉 signature，以发文机关署名
check-cell-chars = 这段文字有 { $n } 个字符；XLSX 的一个单元格最多 { $max } 个字符
help-check-cell-chars = 请缩短：表的标题、表头或说明通常是一两句话
check-date-inside = 成文日期 { $date } 在所报告的年度 { $year } 之内
check-date-before = 成文日期 { $date } 早于所报告的年度 { $year }
help-check-date = 报告通常在次年一月成文
check-significant = { $figure } 有 { $digits } 位有效数字；XLSX 最多精确保存 { $max } 位
help-check-significant = 请核对此数字；实际金额的位数更少（按统计要求的精度取舍）
help-unit-wan = 这一列的金额以万元为单位：1737821.088 元应写作 173.7821088
help-unit-yuan = 这一列的金额以元为单位：173.7821088 万元应写作 1737821.088
help-unit-other = 这一列的数字以{ $unit }为单位
word-counts = 数量
word-amounts = 金额
check-total-overflow = { $name } 所合计的{ $what }超过 4294967295
help-check-total-overflow = 请检查本表的数量是否有输入错误
check-total-blank = { $name } 为空白（~），但合计总是一个数字
help-check-total-blank = 请填写合计，或去掉 { $name } 由工具计算
check-terms-none = 都是 0 或空白
check-total = { $name } 为 { $given }，但{ $table }的 { $n } 项{ $what }合计为 { $sum }（{ $terms }）
help-check-total = 请改正 { $name } 或有误的数字，或去掉 { $name } 由工具计算
check-no-table = 模板 { $template } 没有表 { $table }
help-check-tables = { $template } 的表有：{ $tables }
check-no-figure = { $table } 没有数字 { $key }
help-check-figures = { $table } 的数字有：{ $keys }

check-written-percentage = 正文写的是 { $table } { $key } { $written }，但本年度和上年度的数字得出“{ $phrase }”
help-check-written-percentage = 写 { $reference }，由工具计算这句话

## 正文中的引用

ref-unknown = 无法识别的引用 { $reference }
ref-unknown-table = { $reference } 中的表 { $table } 不存在
ref-no-figure = { $reference } 中，{ $table } 没有数字 { $key }
ref-to-fill = { $reference } 引用的 { $table } { $key } 尚待填写（待填）
help-ref-to-fill = 请在表中填写这个数字
ref-blank = { $reference } 引用的 { $table } { $key } 是空白（单位无此项职权）
help-ref-blank = 请给这个数字赋值，或从正文中删去这个引用
ref-count-no-unit = { $table } { $key } 是数量，不是金额：不能用单位{ $unit }（{ $reference }）
help-ref-write = 请写 { $reference }
ref-too-large-yuan = { $table } { $key } 太大，无法以元显示
help-ref-check-amount = 请核对金额
ref-unit-mismatch = { $table } { $key } 以{ $unit }为单位，不能以{ $target }显示（{ $reference }）
ref-count-not-wan = { $table } { $key } 是数量，不是以万元计的金额：{ $reference }
ref-bad-precision = { $reference } 中的“{ $value }”不是小数位数
help-ref-precision = 例如写 { $example } 表示两位小数
ref-needs-previous = { $reference } 需要上年度的 { $table } { $key }
help-ref-needs-previous = 请在 previous_year 下添加：{ $table }: { $key }: …
ref-bad-suffix = { $reference } 中的“{ $suffix }”不适用于 { $table } { $key }
help-ref-count-suffix = 数量不带单位；:同比 给出同比增减的说法
help-ref-amount-suffix = 金额按存储的单位{ $unit }显示，:元 以元显示，:万元 以万元显示；:同比 给出同比增减的说法
help-ref-known = 可写：{ $examples }

## 读取数据文件

load-empty = 文件中没有数据
help-load-empty = 请从 fixtures/aral-emergency-2024.yaml 开始，或运行 `enforcement-report init`
load-root-expected = 报告各字段组成的映射（agency、year、report_date、part1、part2、tables）
help-load-builtin-templates = 内置模板有：{ $names }（用 `enforcement-report templates` 列出）；模板文件按路径指定，如 template: ./my-template.yaml
load-template-missing = 模板文件 { $file } 不存在
help-load-template-missing = 模板路径相对于数据文件所在的文件夹；请核对名称
load-template-errors = 模板 { $file } 有错误（见上）
help-load-template-errors = 请改正模板文件，再用 `enforcement-report check-template` 检查
load-missing-blocks = 缺少字段 `blocks`：在模板 { $template } 中，{ $part } 是正文部分
help-load-missing-blocks = 请添加 blocks:，写入该部分的标题和段落
load-blocks-in-statistics = 在模板 { $template } 中，{ $part } 是统计部分：它放统计表，不放 blocks
help-load-blocks-in-statistics = 请把 blocks 移到正文部分 { $part }
load-missing-table = 缺少字段 `{ $table }`：模板 { $template } 的表有 { $tables }
help-load-missing-table = 请添加 { $table }:，写入它的数字 { $keys }
help-load-labels = 标签 把表头的键对应到文字：{ $example }
help-load-title = 标题 是表的标题，一段文字
help-load-notes = 说明 是说明的列表，每条一段文字：- 第一条说明
load-unknown-figure = 未知字段 `{ $key }`：{ $table } 没有数字 { $key }
help-load-unknown-figure = { $table } 的数字有：{ $keys }；其他的键有 标签、标题 和 说明
load-missing-figure = 缺少字段 `{ $key }`：{ $table } 没有数字 { $key }
help-load-missing-figure = 请补上；单位无此项职权的数字写 ~（单元格留空）
load-full-width = { $figure } 用的是全角数字
help-load-full-width = 请输入普通（半角）数字：{ $key }: { $figure }
load-figure-empty = { $key } 为空
help-load-figure-empty = 请填写数字；单位无此项职权的写 ~（单元格留空），尚未确定的写 待填
load-base = { $figure } 是十六进制、八进制或二进制写法，报告不用这种写法
help-load-base = 请用十进制数字，如 26
load-exponent = { $figure } 用了科学计数法
help-load-exponent = 请写出数字的各位：{ $key }: '{ $figure }'
load-count-point = { $figure } 带小数点，而 { $key } 是数量
help-load-count-point = 请写不带小数点的整数，如 { $key }: { $figure }
help-load-count = 请写整数；单位无此项职权的写 ~，尚未确定的写 待填
help-load-amount = 请写出金额的各位数字，加引号以保留每一位：'173.7821088'
load-float = 金额 { $figure } 作为 YAML 数字无法精确读取（会变成 { $read }）
help-load-float = 请加引号以保留每一位数字：{ $key }: '{ $figure }'

## 读取 YAML

help-unseen = 请删去它：读者看不见它，报告的文字中不应有它
word-the-file = 文件
word-the-text = 文字
unseen-control = { $whose }中有控制字符 { $code }
unseen-named = { $whose }中有 { $name }（{ $code }）
help-serde-unknown-field = 请核对拼写：此处允许的键见上
help-serde-duplicate = 一个映射中同一个键只能出现一次：请删去或改名第二个
help-serde-invalid-type = 此字段应写什么，见 docs/data-format.md 和 docs/templates.md
serde-invalid-value = 值不对：{ $found }，应为 { $expected }
serde-word-year = 年度，如 2024
serde-word-mapping-of = 映射：
serde-word-sequence = 列表
serde-word-map = 映射
serde-word-string = 文字
serde-word-integer = 整数
serde-word-float = 小数
serde-word-boolean = 布尔值
yaml-detail-recursion = 嵌套层数过多
yaml-detail-tabs = 此处不能用制表符缩进
yaml-detail-colon = 此处不应有冒号
yaml-detail-key = 此处应为键
yaml-detail-document = 此处应为文档的开头
yaml-detail-token = 这个字符不能作为值的开头
yaml-detail-quote = 引号中的文字没有闭合
yaml-detail-indent = 缩进不对
yaml-detail-value = 此处应有值
yaml-detail-other = 此处无法解析
help-serde-limit = 报告只有几层，不用大的锚点或别名：请核对文件的来源
serde-unknown-field = 未知字段 `{ $field }`，应为 { $expected }
serde-missing-field = 缺少字段 `{ $field }`
serde-duplicate-field = 字段 `{ $field }` 重复
serde-invalid-type = 类型不对：{ $found }，应为 { $expected }
read-aliases = 文件中的别名（*名称）展开后超过 { $max } 字节
help-read-aliases = 请把每段文字完整写出：报告不需要锚点和别名
read-tag = 标签 { $tag } 不是报告使用的标签
help-read-tag = 请删去标签，直接写值：文字、数字或 ~
read-second-document = 文件中有第二个文档（第一个之后的一行 `---`）
help-read-second-document = 每个文件只放一份报告：请删去 `---` 及其后的内容，或另存为一个文件
read-no-glyph = PDF 可用的字体都没有字符“{ $character }”（{ $code }）
help-read-no-glyph = 请换成常用字（或写出拼音），或删去它，或用 --font-dir 添加含有此字的字体；仍可生成 DOCX 和 XLSX：--format docx,xlsx

read-key-twice = `{ $key }` 出现了两次

## 数字

fig-not-decimal = “{ $value }”不是十进制数（请写数字，可带小数点，如 173.7821088）
fig-too-many-digits = “{ $value }”的位数超过金额所能容纳的（最多 28 位有效数字）
fig-count-too-large = 数量 { $value } 太大：数量最大为 4294967295
fig-count-negative = 数量 { $value } 为负数：数量须为 0 或正整数
fig-count-range = 数量 { $value } 超出范围：数量为 0 至 4294967295
fig-count-not-whole = 数量 { $value } 不是整数：{ $expected }
fig-not-count = “{ $value }”不是数量：应为{ $expected }
fig-count-expected = 数量：0 至 4294967295 的整数；单位无此项职权的写 ~（空白），尚未确定的写 待填
fig-amount-too-many = 金额 { $value } 的位数超过金额所能容纳的
fig-not-amount = “{ $value }”不是金额：应为{ $expected }
fig-amount-expected = 金额，如 173.7821088（或加引号 '173.7821088'）；单位无此项职权的写 ~（空白），尚未确定的写 待填
fig-amount-inexact = 金额 { $value } 无法精确保存：请加引号，写成一串数字

## 日期

date-year-range = 年份 { $year } 超出范围（1900 至 9999）
date-month = 没有 { $month } 月（1 至 12）
date-day = { $month } 没有 { $day } 日（这个月有 { $days } 天）
date-not-date = “{ $value }”不是日期：请写成 YYYY-MM-DD，如 2025-01-26
date-not-real = “{ $value }”不是真实的日期：{ $reason }

## 模板

tpl-empty = 模板文件中什么也没有
help-tpl-empty = 请从 `enforcement-report templates --show 模板名` 输出的某个模板开始
tpl-root-expected = 模板各字段组成的映射（name、description、parts、contents、tables）
tpl-no-name = 模板没有名称
help-tpl-no-name = 请起一个简短的名称，如 name: my-province-2024
tpl-no-table = 模板中没有表
help-tpl-no-table = 请在 tables: 下至少列出一张表
tpl-no-label = 这张表没有表号
help-tpl-no-label = 请给它一个表号，如 表一
tpl-label-twice = 有两张表的表号都是 { $label }
help-tpl-label-twice = 请给每张表不同的表号
tpl-not-part = “{ $part }”不是报告的部分
help-tpl-not-part = 部分有 narrative（正文）和 statistics（统计）
tpl-parts = 部分共两个，各出现一次
help-tpl-parts = 请写 parts: [narrative, statistics] 或 parts: [statistics, narrative]
tpl-no-column = { $table } 没有列
help-tpl-no-column = 请在 columns: 下列出表的各列
tpl-too-many-columns = { $table } 有 { $n } 列；横向页面上一张表最多 { $max } 列
help-tpl-too-many-columns = 请把表拆成两张
tpl-column-no-key = 这一列没有键
help-tpl-column-no-key = 请给它数据文件中该数字所用的键
tpl-key-twice = { $table } 有两列的键都是 { $key }
help-tpl-key-twice = 请给每列不同的键
tpl-not-unit = “{ $unit }”不是单位
help-tpl-units = 单位有：{ $units }
tpl-not-kind = “{ $kind }”不是列的类型
help-tpl-not-kind = 类型有 count（整数）和 amount（精确的小数）
tpl-kind-unit = { $kind } 类型的列不能以{ $unit }计
help-tpl-count-units = 数量的单位为宗、次、件、人、人次、个、家、户或项
help-tpl-amount-units = 金额的单位为万元、元或 %
tpl-count-decimals = { $key } 是数量，没有小数
help-tpl-count-decimals = 请去掉 decimals，或把这一列改为金额
tpl-decimals = { $n } 位小数超过了数字能保存的位数
help-tpl-decimals = 最多写 10
tpl-total-none = { $total } 没有合计任何列
help-tpl-total-none = 请写出它合计的各列，或去掉 total_of
tpl-total-unknown = { $total } 合计的“{ $part }”不是 { $table } 的列
help-tpl-columns = { $table } 的列有：{ $keys }
tpl-total-itself = { $total } 合计了它自己
help-tpl-total-itself = 合计列合计的是其他列
tpl-total-twice = { $total } 两次合计了 { $part }
help-tpl-total-twice = 每列只写一次
tpl-total-of-total = { $total } 合计的 { $part } 本身也是合计列
help-tpl-total-of-total = 请改为写出那个合计列所合计的各列
tpl-total-units = { $total } 以{ $unit }计，而 { $part } 以{ $part_unit }计
help-tpl-total-units = 合计列只合计单位相同的列
tpl-no-header = { $table } 没有表头
help-tpl-no-header = 请在 header: 下列出表头的各项
tpl-column-not-in-header = { $table } 的列 { $key } 不在表头中
help-tpl-header-leaves = 每一列在表头的末级各出现一次
tpl-column-in-header-times = { $table } 的列 { $key } 在表头中出现了 { $n } 次
tpl-header-deep = { $table } 的表头有 { $rows } 层；最多 { $max } 层
help-tpl-header-deep = 请减少一层
tpl-header-key-twice = { $table } 有两个表头项的键都是 { $key }
help-tpl-header-key-twice = 末级表头项的键就是其列的键；请给分组另起一个键：{"{"} label: <文字>, key: <唯一的键>, children: [ … ] {"}"}
tpl-notes-placement = “{ $value }”不是说明的位置
help-tpl-notes-placement = 请写 table（在表下）或 end（在最后一张表之后）
tpl-header-not-column = 表头中的“{ $key }”不是列
help-tpl-columns-all = 列有：{ $keys }
tpl-header-unknown-field = 表头项中有未知字段 `{ $field }`
help-tpl-header-fields = 表头项有 column（末级）或 children（分组），以及 label 和 key
tpl-header-both = 表头项同时有 column 和 children
help-tpl-header-both = 末级项写列；分组写 children
tpl-leaf-key = 末级表头项的键就是其列
help-tpl-leaf-key = 请去掉 key
tpl-column-text = column 是某一列的键
help-tpl-column-text = 请写 column: 加上某一列的键
tpl-group-no-label = 表头的一个分组没有文字
help-tpl-group-no-label = 请写 label: 加上分组的文字
tpl-group-no-children = 分组 { $group } 没有下级
help-tpl-group-no-children = 请列出它的下级，或改为末级项 column:
tpl-header-deeper = 表头超过 { $max } 层
tpl-children-list = children 是表头项的列表
help-tpl-children-list = 请写 children: [ … ]，列出列的键或下一级分组
tpl-header-neither = 表头项既没有 column 也没有 children
help-tpl-header-neither = 末级项写列（column: <键>，或直接写键）；分组写 children
tpl-header-form = 表头项应为列的键或一个映射
help-tpl-header-form = 请写列的键，或 {"{"} column: <键>, label: <文字> {"}"}，或 {"{"} label: <文字>, children: [ … ] {"}"}
tpl-no-title = 这张表没有标题
help-tpl-no-title = 请写标题，如 行政许可实施情况统计表
tpl-title-open-brace = 标题中有 {"{"} 而没有 {"}"}
help-tpl-title-open-brace = 大括号本身请写 {"{{"}，或闭合字段：{"{"}年度{"}"}
tpl-title-field = 标题中的 { $field } 不是可用的字段
help-tpl-title-field = 标题可用 {"{"}机关{"}"}（发文机关）和 {"{"}年度{"}"}（年度）

## 正文的条目

block-h3-alone = 段首标题 `h3` 需要它的段落：请在同一条目中加上 `p: …`
block-empty = 空条目：请写 `h1: …`、`h2: …`、`p: …` 之一（`p` 前可加 `h3: …`）
block-two-kinds = 一个条目只能是 `h1`、`h2` 或 `p` 之一（`p` 前可加 `h3`）；请拆成几个条目

## 命令行的错误

clap-unknown-argument = 无法识别的参数 { $arg }
clap-invalid-subcommand = { $name } 不是命令
clap-invalid-value = { $value } 不是 { $arg } 可取的值：可取的值有 { $valid }
clap-missing-argument = 缺少 { $arg }
clap-missing-subcommand = 请写出一个命令
clap-value-validation = { $arg }：{ $reason }
clap-conflict = { $arg } 不能与 { $other } 同时使用
clap-other = { $detail }
clap-help-hint = 用 --help 查看命令和选项

## 导入

place-line = 第{ $n }行
place-line-column = 第{ $n }行第{ $column }列
place-page = 第{ $n }页
place-paragraph = 第{ $n }段
place-table = 第{ $n }个表格
place-table-cell = 表格{ $table } 第{ $row }行第{ $column }列
place-page-table-cell = 第{ $page }页 表格{ $table } 第{ $row }行第{ $column }列
place-sheet = 工作表 { $sheet }
place-sheet-cell = 工作表 { $sheet } 单元格 { $cell }
import-guess-title = 识别为标题：{ $text }
import-guess-heading = 识别为{ $level }级标题：{ $text }
import-guess-template = 表头与模板 { $template } 最相符：已选用
import-guess-to-fill = { $table } { $key } 留作待填：单元格内容为“{ $text }”
import-guess-total = 来源中 { $table } { $key } 为 { $given }，但各项合计为 { $sum }：留作待填，如不填写则由各项计算
import-guess-table-missing = 来源中没有 { $table }：它的数字留作待填
import-guess-reference = { $written } 改为引用 { $reference }
import-guess-year = 未写明年度：按报告日期的前一年定为 { $year }（否则请用 --year 给出）
import-guess-created = 正文中没有日期：report_date 取文件的创建日期 { $date }
import-guess-date = 未找到日期：report_date 暂定为 { $date }
import-no-table = 文件中没有统计表
help-import-no-table = import 读取带有统计表（表一 …）的报告：Word 文件、PDF、网页（保存的或复制的）、发布的文本或统计表格
import-unmatched = 有表格与所有模板都不相符：{ $tables }
help-import-unmatched = 请用 --template 指定模板（内置模板名或模板文件）；`enforcement-report templates` 列出内置模板
import-no-agency = 文件中没有写明发文机关
help-import-no-agency = 请用 --agency 给出
import-no-year = 文件中没有写明年度
help-import-no-year = 请用 --year 给出
import-done = { $file }：由 { $source } 生成，模板 { $template }
import-guess-line = { $file } { $place }：{ $what }
import-guessed = 推断的内容（{ $n } 处）：
import-cannot-read = 无法把 { $file } 作为报告读取：{ $error }
help-import-cannot-read = 请给出 .docx、.xlsx、.pdf、.html（保存的网页）或 .txt（发布的文本）文件；加密的文件须先去掉密码另存
import-check-failed = 生成的数据文件未通过 check：{ $n } 处错误，见上；未写入任何文件

# Rates and figure identities in templates
tpl-total-percent = { $total } 以 % 计却合计其他列：百分比不能相加
help-tpl-total-percent = 请把百分比写成两列之比（rate: { "{" } part: …, whole: … { "}" }），而不是合计列
tpl-rate-and-total = { $key } 既是合计列又是比率列
help-tpl-rate-and-total = 一列只能有 total_of 或 rate 之一
tpl-rate-unit = { $key } 是比率，却以{ $unit }计
help-tpl-rate-unit = 比率是百分比：请写 unit: "%"
tpl-rate-rounding = `{ $value }` 不是取舍规则
help-tpl-rate-rounding = rounding 可为 half-up（四舍五入，默认）、half-even（四舍六入五成双）或 down（截尾）
tpl-rate-unknown = 比率 { $rate } 由 `{ $part }` 计算，但 { $table } 没有这一列
tpl-rate-itself = 比率 { $rate } 由它自己计算
tpl-rate-of-rate = 比率 { $rate } 由 { $part } 计算，而 { $part } 本身是百分比
tpl-rate-same = 比率 { $rate } 用 { $part } 除以它自己
tpl-rate-units = 比率 { $rate } 用 { $part }（{ $part_unit }）除以 { $whole }（{ $whole_unit }）：单位不同
help-tpl-rate-parts = 比率是一列（part）除以单位相同的另一列（whole），两列都不能是百分比
tpl-path-twice = { $table } 有两列的表头文字完全相同：{ $path }
help-tpl-path-twice = 请给这些列不同的表头文字（label: …），数据表按表头文字区分每个数字
tpl-diff-tables = 其表为 { $b }，而不是 { $a }
tpl-diff-columns = 其{ $table }的数字为 { $b }，而不是 { $a }
tpl-diff-column = { $table } { $key } 的{ $what }为 { $b }，而不是 { $a }
word-unit = 单位
word-decimals = 小数位数
word-total-of = 合计范围
word-rate = 比率算法
word-header = 表头

# Rates and blank totals in a data file
check-total-of-blanks = { $name } 为 { $given }，但{ $table }中它合计的各项都是空白（无此职权）
help-check-total-of-blanks = 请去掉 { $name }（或写 ~）：没有的职权合计为空白，而不是 0
check-rate-part-exceeds = { $part } 为 { $p }，多于 { $whole }（{ $w }）：{ $rate } 将超过 100%
help-check-rate-part-exceeds = { $part } 是 { $whole } 的一部分：请改正其中有误的数字
check-rate-no-part = { $rate } 为 { $given }，但 { $part } 为空白，无法核对
help-check-rate-no-part = 请填写计算 { $rate } 所需的两个数字，或去掉 { $rate }
check-rate-no-whole = 填写了 { $rate }，但 { $whole } 为 0，无法计算
help-check-rate-no-whole = 请去掉 { $rate }：它将留空
check-rate-blank = { $rate } 为空白，但 { $part } 和 { $whole } 都有数字
help-check-rate-computed = 请去掉 { $rate }，由工具计算
check-rate = { $rate } 为 { $given }，但 { $part } { $p } ÷ { $whole } { $w } × 100 = { $exact }，{ $rule }保留 { $decimals } 位小数为 { $expected }
help-check-rate = 请写 { $expected }，或去掉 { $rate } 由工具计算；或改正有误的数字

# What the inputs hold
os-not-found = 没有这个文件或文件夹
os-permission = 没有读取权限
input-special = 这是{ $kind }，不是数据文件：未读取
input-dangling = 这是指向 { $target } 的符号链接，但目标不存在
input-too-deep = 文件夹嵌套超过 { $max } 层，更深的未查找
input-folder = 无法读取此文件夹：{ $error }
input-unreadable = 无法读取：{ $error }
help-input-special = 请移走或删除它，或逐个指定数据文件；文件夹中的每一项都会被读取或列出
word-fifo = 命名管道（FIFO）
word-device = 设备文件
word-socket = 套接字
word-special = 特殊文件
inputs-skipped = 文件夹中有 { $n } 个文件不是数据文件（.yaml），未读取：{ $files }
list-separator = 、
rollup-other-content = 此文件的模板与 { $other } 的同名为“{ $template }”，但内容不同：{ $difference }
rollup-twice-folded = { $agency } 与 { $other } 视为同一单位：两种写法只在{ $folding }上不同
help-rollup-twice-folded = 比较单位名称时去掉空白，并统一全角、半角和兼容字符；请在各文件中用同一种写法
fold-space = 空白
fold-composition = Unicode 组合方式（NFC/NFD）
fold-width = 全角/半角或兼容字符
read-special = 不是普通文件（命名管道、设备或套接字）：未读取
help-read-special = 请给出{ $what }本身的路径
msg-not-regular = { $file } 不是普通文件（文件夹、命名管道或设备）：未读取
out-in-the-way = { $file } 挡住了输出文件：它是文件夹或特殊文件；未写入任何文件
out-finish-interrupted-file = 无法完成上次中断的生成（{ $dir }）：{ $file }：{ $error }（请移走 { $file } 后重新生成）
import-not-text = 第 { $at } 个字节既不是 UTF-8 也不是 GBK 文字

# The readers of outside files
read-damaged = 文件已损坏，或不是这种格式的文件（{ $detail }）
read-html-charset = 网页声明为 { $charset } 编码，但其中有不属于该编码的字节：请在浏览器中重新保存（另存为“网页，仅 HTML”）
read-html-too-wide = 网页中有表格超过 { $max } 列：不是报告的网页
read-html-not-text = 网页既不是 UTF-8 也不是 GBK 文本（第 { $at } 个字节两者都读不通）：请在浏览器中重新保存（另存为“网页，仅 HTML”）
read-inflates = { $part } 解压后超过 { $mib } MiB（每个部件最多 { $part_max } MiB，合计最多 { $all_max } MiB）：不是报告文件
read-too-many-elements = 文档的段落、表格行和单元格超过 { $max } 个：不是报告文件
read-unknown-entity = 文档文字中有未知的实体 &{ $name };（不展开实体）
read-bad-char-ref = 字符引用不对应任何字符：{ $error }
read-media-box-numbers = 某页的 MediaBox 有 { $n } 个数，而不是 4 个
read-no-media-box = 某页没有 MediaBox
read-media-box-deep = 在页面树的 32 层之内找不到某页的 MediaBox
read-too-many-pages = PDF 有 { $n } 页，超过报告可能有的 { $max } 页
read-too-many-cells = 工作簿的单元格超过 { $max } 个：不是报告文件
read-too-many-struct = PDF 的结构树超过 { $max } 个元素：不是报告的 PDF
tpl-not-a-template = 不是模板文件：内容不是由 name 和 tables 组成的映射
help-tpl-not-a-template = 请指定模板文件（可用 `enforcement-report templates --show national-2021 > mine.yaml` 开始）或内置模板
import-guess-agency-property = 正文没有写明机关（没有署名）：机关取自文件的作者属性“{ $agency }”（否则请用 --agency 指定）
import-guess-extra-table = { $table } 是模板 { $template } 没有的表：未导入
import-guess-unit = { $table } { $key }：原文 { $value } { $from } 即 { $converted } { $to }（该列表头注明单位为{ $from }）
import-guess-left-out = 网页自身的内容，不属于报告，已略去：{ $text }
import-guess-agency-title = 没有落款：机关取自标题中的“{ $agency }”（如不对，请用 --agency 指定）
import-guess-other-year = { $table }：各行数字（{ $row }）写的是其他年度，不是报告的{ $year }年度：其数字留作待填
import-guess-row = { $table }：数字取自“{ $row }”一行
import-guess-no-figure = { $table } { $key } 留作待填：{ $why }
import-why-no-column = 来源中没有标为“{ $label }”的列，且该行有 { $found } 个数字而模板有 { $expected } 列，无法按位置判断
import-why-other-label = 该位置的数字标为“{ $other }”，不是“{ $label }”
import-rows = { $table }（{ $place }）有多行数字，无从判断哪一行是本报告的：{ $rows }
import-row-not-found = { $table }（{ $place }）：没有哪一行的名称包含 --row 所写的内容；各行为：{ $rows }
help-import-rows = 请用 --row 加该行名称中的字指定（合计行写 --row 合计），或在某行写明年度或机关时用 --year、--agency 指定
import-figures = 写入的数字（{ $n } 个），各附其来源单元格：
import-figure-line = { $table } { $key } = { $value } { $unit } ← { $place }
import-more-tables = 另有 { $n } 个表格
import-too-many-tables = 文件中有 { $n } 个表格，报告最多 { $max } 个：不是报告文件
diff-kind-style = 样式
diff-kind-numbering = 编号
diff-kind-border = 边框
diff-numbered = 编号（列表{ $list }）
diff-not-numbered = 无编号
diff-bordered = 有边框
diff-no-border = 无边框
diff-table-borders = 表格{ $table } 边框
diff-text-boxes = { $part } 文本框
