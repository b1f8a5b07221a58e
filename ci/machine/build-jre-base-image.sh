#!/usr/bin/env bash
# Builds the local JRE base image (default tag llmtck/jre-base:17) from Debian packages, for machines that
# cannot pull images: mmdebstrap writes a minimal Debian with openjdk-17-jre-headless as a tarball and
# `docker import` turns it into an image. The Debian mirror and suite come from this machine's own apt
# sources at run time (no registry or mirror host is written into the repository).
# Idempotent: does nothing when the image exists (LLMTCK_REBUILD_BASE_IMAGE=1 forces a rebuild).
# Our Dockerfiles take this image through `--build-arg BASE_IMAGE=...`; elsewhere they default to a public
# JRE image.
set -euo pipefail

image="${LLMTCK_BASE_IMAGE:-llmtck/jre-base:17}"
say() { echo "build-jre-base-image: $*" >&2; }

if [ "${LLMTCK_REBUILD_BASE_IMAGE:-0}" != 1 ] && docker image inspect "$image" >/dev/null 2>&1; then
  say "$image already present"
  exit 0
fi

if ! command -v mmdebstrap >/dev/null 2>&1; then
  say "installing mmdebstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mmdebstrap >/dev/null
fi

# shellcheck disable=SC1091
. /etc/os-release
suite="${VERSION_CODENAME:?cannot read VERSION_CODENAME from /etc/os-release}"
arch="$(dpkg --print-architecture)"

# Every Debian repository apt is configured with for this release (main suite, -updates, -security),
# whatever the sources format (one-line .list or deb822 .sources).
mapfile -t mirrors < <(apt-get indextargets --format '$(TARGET_OF) $(REPO_URI) $(RELEASE) $(COMPONENT)' \
  'Identifier: Packages' | awk -v s="$suite" '$1 == "deb" && ($3 == s || index($3, s "-") == 1) {print}' | sort -u)
if [ "${#mirrors[@]}" -eq 0 ]; then
  say "no apt source for Debian '$suite' found in /etc/apt/sources.list(.d)"
  exit 1
fi
say "building $image from: ${mirrors[*]}"

java_home="/usr/lib/jvm/java-17-openjdk-$arch"
tarball="$(mktemp --suffix=.tar)"
trap 'rm -f "$tarball"' EXIT

# --variant=essential: only Essential packages (a shell included, for Testcontainers' port checks) plus the
# JRE; documentation and translations are left out to keep the image small (the JRE's postinst still links
# its man page, hence the man1 directory made before it is installed).
mmdebstrap --quiet --variant=essential --arch="$arch" \
  --include=openjdk-17-jre-headless,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  "$suite" "$tarball" "${mirrors[@]}"

docker import \
  --change "ENV JAVA_HOME=$java_home" \
  --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV LANG=C.UTF-8" \
  --change "WORKDIR /" \
  --change 'CMD ["java", "-version"]' \
  --message "llmtck JRE base image: Debian $suite + openjdk-17-jre-headless" \
  "$tarball" "$image" >/dev/null

say "built $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
