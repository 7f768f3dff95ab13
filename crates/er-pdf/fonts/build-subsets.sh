#!/usr/bin/env bash
# Rebuilds the bundled font subsets from the upstream fonts in Debian's
# fonts-noto-cjk and fonts-lxgw-wenkai (SIL Open Font License 1.1).
# Each subset keeps GB2312, ASCII, the punctuation official documents use,
# and every character of the reference report.
#   usage: crates/er-pdf/fonts/build-subsets.sh   (from the repository root)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
need=()
command -v pyftsubset >/dev/null || need+=(fonttools)
[[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ]] || need+=(fonts-noto-cjk)
[[ -f /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ]] || need+=(fonts-lxgw-wenkai)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
chars=$(mktemp)
python3 - "$root/fixtures/aral-emergency-2024.reference.txt" > "$chars" <<'PY'
import sys
cs = set(chr(c) for c in range(0x20, 0x7F))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            cs.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
cs |= set("—―–…·•“”‘’、。，；：？！（）《》〈〉「」『』【】〔〕％‰℃№〇×÷±≤≥")
cs |= set(open(sys.argv[1], encoding="utf-8").read())
cs -= {"\n", "\t", "\r"}
sys.stdout.write("".join(sorted(cs)))
PY
noto=/usr/share/fonts/opentype/noto
subset() { # source face-number output
  pyftsubset "$1" --font-number="$2" --text-file="$chars" --output-file="$here/$3" \
    --layout-features='' --no-hinting --desubroutinize --name-IDs='*' --name-languages='*'
  echo "$3: $(stat -c %s "$here/$3") bytes"
}
# In the Noto CJK collections, face 2 is Simplified Chinese (SC).
subset "$noto/NotoSerifCJK-Regular.ttc" 2 NotoSerifSC-Regular-GB2312.otf   # 仿宋 and 宋体 roles
subset "$noto/NotoSerifCJK-Bold.ttc"    2 NotoSerifSC-Bold-GB2312.otf      # 小标宋 role
subset "$noto/NotoSansCJK-Regular.ttc"  2 NotoSansSC-Regular-GB2312.otf    # 黑体 role
subset /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf 0 LXGWWenKai-Regular-GB2312.ttf  # 楷体 role
rm -f "$chars"
