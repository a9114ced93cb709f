#!/usr/bin/env bash
# Builds argmap's release archives without GoReleaser, as .goreleaser.yaml
# does: a static binary (CGO_ENABLED=0, no libc) for each target, in
# dist/argmap_OS_ARCH.tar.gz (.zip for windows) with the README, the manual
# page and the notices, and dist/checksums.txt. As in GoReleaser's archives,
# the binary is at the top of the archive and the other files at their
# paths in the repository.
#
#   bash release/build.sh                      # every target
#   bash release/build.sh linux/amd64 ...      # these targets
#   DIST=/tmp/out bash release/build.sh        # elsewhere than dist/
#
# Run it in a clean checkout of a tag: argmap --version then reports the
# tag and the commit (-buildvcs=true records them; a GOFLAGS of
# -buildvcs=false is overridden). The archives are reproducible: the files
# carry the commit's time.
set -euo pipefail
cd "$(dirname "$0")/.."

# The targets of a release, as .goreleaser.yaml's goos and goarch.
all_targets=(linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=("${all_targets[@]}")
fi
dist=${DIST:-dist}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
files=(README.md docs/argmap.1 renderers/graphviz/NOTICE renderers/fonts/LICENSE)
# The commit's time, for the files' times in the archives (now, outside Git).
stamp=$(git log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)

for target in "${targets[@]}"; do
  goos=${target%/*} goarch=${target#*/}
  if [[ " ${all_targets[*]} " != *" $target "* ]]; then
    echo "release/build.sh: unknown target $target: use one of ${all_targets[*]}" >&2
    exit 2
  fi
  name=argmap_${goos}_${goarch}
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/$name"
  exe=argmap
  # shellcheck disable=SC2209 # a file name, not a command
  [ "$goos" = windows ] && exe=argmap.exe
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=true -ldflags='-s -w' \
    -o "$work/$name/$exe" ./cmd/argmap
  for f in "${files[@]}"; do
    mkdir -p "$work/$name/$(dirname "$f")"
    cp "$f" "$work/$name/$f"
  done
  find "$work/$name" -exec touch -d "$stamp" {} +
  if [ "$goos" = windows ]; then
    rm -f "$dist/$name.zip"
    (cd "$work/$name" && TZ=UTC zip -qX "$dist/$name.zip" "$exe" "${files[@]}")
  else
    tar -C "$work/$name" --owner=0 --group=0 --numeric-owner --mtime="$stamp" \
      -cf - "$exe" "${files[@]}" | gzip -n > "$dist/$name.tar.gz"
  fi
  rm -rf "$work"
  trap - EXIT
  echo "$dist/$name"
done

# checksums.txt lists every archive in dist/, as GoReleaser's does.
shopt -s nullglob
cd "$dist"
archives=(argmap_*.tar.gz argmap_*.zip)
if command -v sha256sum >/dev/null; then
  sha256sum -- "${archives[@]}" | sort -k2 > checksums.txt
else
  shasum -a 256 -- "${archives[@]}" | sort -k2 > checksums.txt
fi
