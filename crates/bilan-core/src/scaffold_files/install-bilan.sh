#!/bin/sh
# Installs the bilan release that BILAN_VERSION names, for the CI templates:
# downloads the archive for this machine and its SHA-256 checksum from
# BILAN_RELEASES, checks the archive against it, and unpacks `bilan` into
# BILAN_BIN (default: .bilan-bin). A checksum that does not match stops the
# job before anything runs. To move to a newer bilan, change BILAN_VERSION
# in the CI file (see the guide, "Mettre à jour bilan").
set -eu
version="${BILAN_VERSION:?set BILAN_VERSION to the bilan release to install, for example 0.1.0}"
releases="${BILAN_RELEASES:-https://github.com/bilan-ssg/bilan/releases/download}"
case "$(uname -m)" in
  x86_64 | amd64) target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) target=aarch64-unknown-linux-musl ;;
  *) echo "bilan: no release is built for $(uname -m)" >&2; exit 1 ;;
esac
archive="bilan-$version-$target.tar.gz"
dir="${BILAN_BIN:-.bilan-bin}"
mkdir -p "$dir"
echo "bilan: downloading $releases/v$version/$archive"
curl -fsSL --retry 3 -o "$dir/$archive" "$releases/v$version/$archive"
curl -fsSL --retry 3 -o "$dir/$archive.sha256" "$releases/v$version/$archive.sha256"
if ! (cd "$dir" && sha256sum -c "$archive.sha256" >/dev/null 2>&1); then
  echo "bilan: the SHA-256 of $archive does not match $archive.sha256: not installed" >&2
  rm -f "$dir/$archive"
  exit 1
fi
tar -xzf "$dir/$archive" -C "$dir" bilan
rm -f "$dir/$archive" "$dir/$archive.sha256"
"$dir/bilan" --version
