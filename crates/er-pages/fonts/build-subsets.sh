#!/usr/bin/env bash
# Rebuilds the bundled font subsets (all SIL Open Font License 1.1) from
#  - Debian's fonts-noto-cjk and fonts-lxgw-wenkai (installed on demand);
#  - 朱雀仿宋 Zhuque Fangsong, which no distribution packages: compile it from
#    TrionesType/zhuque, commit 227319a16dab9b4ce48b8cf168f70f2ffa0ce3d0, with
#    `fontmake -g ZhuqueFangsong.glyphspackage -o ttf` and pass the file as
#    ZHUQUE=path (default: ../shared/fonts/zhuque-fangsong/ beside the checkout).
# Each subset keeps GB2312, ASCII, the punctuation official documents use and
# every character of the reference report; the 仿宋 body face also keeps every
# GBK and Extension A character it has (names such as 堃 喆 犇 昇 珺 are not in GB2312), and
# Noto Serif, the last fallback of every role, all of GBK and CJK Extension A.
#   usage: crates/er-pages/fonts/build-subsets.sh   (from the repository root)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
zhuque=${ZHUQUE:-$root/../shared/fonts/zhuque-fangsong/ZhuqueFangsong-Regular.ttf}
need=()
command -v pyftsubset >/dev/null || need+=(fonttools)
[[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ]] || need+=(fonts-noto-cjk)
[[ -f /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf ]] || need+=(fonts-lxgw-wenkai)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
[[ -f $zhuque ]] || { echo "Zhuque Fangsong not found at $zhuque: set ZHUQUE=path" >&2; exit 1; }
charset() { # reference-text [gbk]
  python3 - "$@" <<'PY'
import sys
cs = set(chr(c) for c in range(0x20, 0x7F))
def add(codec, his, los):
    for hi in his:
        for lo in los:
            try:
                cs.add(bytes([hi, lo]).decode(codec))
            except UnicodeDecodeError:
                pass
add("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
if sys.argv[2:] in (["gbk"], ["gbk+ext-a"]):
    add("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
if sys.argv[2:] == ["gbk+ext-a"]:
    cs |= set(chr(c) for c in range(0x3400, 0x4DC0))
cs |= set("—―–…·•“”‘’、。，；：？！（）《》〈〉「」『』【】〔〕％‰℃№〇×÷±≤≥")
cs |= set(open(sys.argv[1], encoding="utf-8").read())
cs -= {"\n", "\t", "\r"}
sys.stdout.write("".join(sorted(cs)))
PY
}
gb2312=$(mktemp) gbk=$(mktemp) full=$(mktemp)
trap 'rm -f "$gb2312" "$gbk" "$full"' EXIT
charset "$root/fixtures/aral-emergency-2024.reference.txt" > "$gb2312"
charset "$root/fixtures/aral-emergency-2024.reference.txt" gbk > "$gbk"
charset "$root/fixtures/aral-emergency-2024.reference.txt" gbk+ext-a > "$full"
subset() { # source face-number output charset [more pyftsubset options]
  pyftsubset "$1" --font-number="$2" --text-file="$4" --output-file="$here/$3" \
    --layout-features='' --no-hinting --desubroutinize --name-IDs='*' --name-languages='*' "${@:5}"
  echo "$3: $(stat -c %s "$here/$3") bytes"
}
noto=/usr/share/fonts/opentype/noto
# In the Noto CJK collections, face 2 is Simplified Chinese (SC).
subset "$zhuque"                        0 ZhuqueFangsong-Regular-GBK.ttf  "$full"    # 仿宋 role
# Noto Serif is every role's last fallback: all of GBK and CJK Extension A.
# and, best effort, the characters of Extension B and beyond that it has.
subset "$noto/NotoSerifCJK-Regular.ttc" 2 NotoSerifSC-Regular-GBK-ExtA.otf "$full" --unicodes=U+20000-3134F  # 宋体 role, every role's fallback
# 宋体 sets only the page numbers: ASCII and the marks.
marks=$(mktemp); printf '%s' ' !"#$%&'"'"'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~—―–…·•“”‘’、。，；：？！（）《》〈〉「」『』【】〔〕％‰℃№〇×÷±≤≥' > "$marks"
subset "$noto/NotoSerifCJK-Regular.ttc" 2 NotoSerifSC-Regular-Marks.otf "$marks"   # 宋体 role (page numbers)
rm -f "$marks"
subset "$noto/NotoSerifCJK-Bold.ttc"    2 NotoSerifSC-Bold-GB2312.otf     "$gb2312"  # 小标宋 role
subset "$noto/NotoSansCJK-Regular.ttc"  2 NotoSansSC-Regular-GB2312.otf   "$gb2312"  # 黑体 role
subset /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf 0 LXGWWenKai-Regular-GB2312.ttf "$gb2312"  # 楷体 role
