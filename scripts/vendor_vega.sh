#!/usr/bin/env bash
# Vendor the chart libraries the dashboard draws its Vega-Lite specs with: vega, vega-lite, vega-embed
# and vega-interpreter (the expression interpreter that lets vega run under a Content-Security-Policy
# without 'unsafe-eval'). Each package is fetched once with `npm pack` from the npm registry; the UMD
# builds are copied under src/curul/web/static/vendor/vega/ with their versions in the names and their
# licences beside them. vega-interpreter ships only as an ES module importing three names from
# vega-util: the import line is replaced by the same names taken from the `vega` global (which
# re-exports vega-util) and the export by a `vegaInterpreter` global, a two-line rewrite checked below.
# Nothing is fetched when the dashboard is served or tested: the committed files and SHA256SUMS run.
#
#   scripts/vendor_vega.sh          # re-vendor (then review the diff and commit)
#   scripts/vendor_vega.sh --check  # verify the committed files against SHA256SUMS
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/curul/web/static/vendor/vega
VEGA=6.4.0
VEGA_LITE=6.5.0
VEGA_EMBED=7.3.0
INTERPRETER=2.3.2

if [[ "${1:-}" == "--check" ]]; then
    cd "$VENDOR" && sha256sum --quiet -c SHA256SUMS && echo "vendor/vega: all files match SHA256SUMS"
    exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unpack() {  # unpack NAME VERSION -> $WORK/NAME
    (cd "$WORK" && npm pack --silent "$1@$2" >/dev/null && mkdir -p "$1" && tar -xzf "$1-$2.tgz" -C "$1")
}
unpack vega "$VEGA"
unpack vega-lite "$VEGA_LITE"
unpack vega-embed "$VEGA_EMBED"
unpack vega-interpreter "$INTERPRETER"
mkdir -p "$VENDOR"
cp "$WORK/vega/package/build/vega.min.js" "$VENDOR/vega-$VEGA.min.js"
cp "$WORK/vega-lite/package/build/vega-lite.min.js" "$VENDOR/vega-lite-$VEGA_LITE.min.js"
cp "$WORK/vega-embed/package/build/vega-embed.min.js" "$VENDOR/vega-embed-$VEGA_EMBED.min.js"
for pkg in vega vega-lite vega-embed vega-interpreter; do
    version_var=$(echo "$pkg" | tr 'a-z-' 'A-Z_'); [[ $pkg == vega-interpreter ]] && version_var=INTERPRETER
    cp "$WORK/$pkg/package/LICENSE" "$VENDOR/$pkg-${!version_var}.LICENSE.txt"
done
SRC="$WORK/vega-interpreter/package/build/vega-interpreter.js"
IMPORT="import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
EXPORT="export { expression as expressionInterpreter };"
[[ $(grep -c "^import " "$SRC") == 1 && $(grep -c "^export " "$SRC") == 1 ]] || { echo "vega-interpreter changed shape" >&2; exit 1; }
grep -qxF "$IMPORT" "$SRC" && grep -qxF "$EXPORT" "$SRC" || { echo "vega-interpreter changed shape" >&2; exit 1; }
{
    echo "/* vega-interpreter $INTERPRETER (BSD-3-Clause), wrapped by scripts/vendor_vega.sh for a global vega */"
    echo "(function (vega) {"
    echo "const { ascending, isString, DisallowedObjectProperties } = vega;"
    grep -vxF -e "$IMPORT" -e "$EXPORT" "$SRC"
    echo "globalThis.vegaInterpreter = { expressionInterpreter: expression };"
    echo "})(globalThis.vega);"
} > "$VENDOR/vega-interpreter-$INTERPRETER.js"
(cd "$VENDOR" && sha256sum -- *.js *.txt | LC_ALL=C sort -k2 > SHA256SUMS)
echo "vendored vega $VEGA, vega-lite $VEGA_LITE, vega-embed $VEGA_EMBED, vega-interpreter $INTERPRETER into $VENDOR"
