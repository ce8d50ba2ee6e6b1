#!/usr/bin/env bash
# Vendor the dashboard's browser assets: each package is fetched once with `npm pack` from the npm
# registry, the files the pages use are copied under src/curul/web/static/vendor/ with the version in
# their names, with the package's licence beside them, and SHA256SUMS is rewritten. Nothing is fetched
# when the dashboard is served or tested: the committed files and their checksums are what runs.
#
#   scripts/vendor_web_assets.sh        # re-vendor (then review the diff and commit)
#   scripts/vendor_web_assets.sh --check  # verify the committed files against SHA256SUMS
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/curul/web/static/vendor
HTMX_VERSION=2.0.11

if [[ "${1:-}" == "--check" ]]; then
    cd "$VENDOR" && sha256sum --quiet -c SHA256SUMS && echo "vendor: all files match SHA256SUMS"
    exit 0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "htmx.org@$HTMX_VERSION" >/dev/null && tar -xzf "htmx.org-$HTMX_VERSION.tgz")
mkdir -p "$VENDOR"
cp "$WORK/package/dist/htmx.min.js" "$VENDOR/htmx-$HTMX_VERSION.min.js"
cp "$WORK/package/LICENSE" "$VENDOR/htmx-$HTMX_VERSION.LICENSE.txt"
(cd "$VENDOR" && sha256sum -- *.js *.txt | LC_ALL=C sort -k2 > SHA256SUMS)
echo "vendored htmx $HTMX_VERSION into $VENDOR"
