#!/usr/bin/env bash
# Install the interpreters of the test matrix that pyenv does not provide here:
# CPython 3.14 and 3.15 (Debian unstable's binary packages, unpacked into a
# private prefix with that release's libc and the libraries they link, their
# ELF interpreter and rpath pointed at it with patchelf) and PyPy3 (this Debian
# release's pypy3 package).  Commands `python3.14`, `python3.15` and `pypy3`
# land in $HTTPLIB_COMPAT_BIN (default /usr/local/bin), where tox finds them.
#
# Idempotent: an interpreter that already runs (with ssl, http.client and
# email) is left alone.  The system's libc and Python are never touched; apt
# runs for unstable with a state directory of its own under the prefix.
# Needs root (apt-get) unless everything is already there.
set -euo pipefail

PREFIX="${HTTPLIB_COMPAT_PYTHONS:-/opt/httplib-compat/pythons}"
BIN="${HTTPLIB_COMPAT_BIN:-/usr/local/bin}"
VERSIONS="3.14 3.15"
ARCH="$(dpkg --print-architecture)"
MULTIARCH="$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)"
# Everything the unstable interpreters load, from the same release as their libc.
LIBS="libc6 libssl3t64 libffi8 libexpat1 zlib1g libzstd1 libbz2-1.0 liblzma5
      libsqlite3-0 libmpdec4 libuuid1 libgcc-s1 libncursesw6 libtinfo6 libreadline8t64"
CHECK='import ssl, http.client, email, hashlib, zlib, json'

works() { [ -x "$1" ] && "$1" -c "$CHECK" >/dev/null 2>&1; }
say() { printf 'install-interpreters: %s\n' "$*"; }

need_cpython=""
for v in $VERSIONS; do
    works "$BIN/python$v" || need_cpython="$need_cpython $v"
done
need_pypy=1
works "$(command -v pypy3 || echo /nonexistent)" && need_pypy=0
if [ -z "$need_cpython" ] && [ "$need_pypy" = 0 ]; then
    say "python3.14, python3.15 and pypy3 already work; nothing to do"
    exit 0
fi

# The system's package lists: fetched once if this machine never ran apt-get update.
system_apt_install() {
    if ! apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; then
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends "$@" >/dev/null
    fi
}

tools=""
command -v patchelf >/dev/null || tools="$tools patchelf"
[ "$need_pypy" = 1 ] && tools="$tools pypy3"
if [ -n "$tools" ]; then
    say "apt-get install$tools"
    # shellcheck disable=SC2086
    system_apt_install $tools
fi

if [ -n "$need_cpython" ]; then
    APT="$PREFIX/apt"
    ROOT="$PREFIX/root"
    mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/parts" "$APT/debs"
    : > "$APT/status"
    # The mirror this machine already uses, asked for unstable instead of its release.
    mirror="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
    if [ -z "$mirror" ]; then
        mirror="$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) {print $i; exit}}' \
            /etc/apt/sources.list 2>/dev/null || true)"
    fi
    [ -n "$mirror" ] || { say "no Debian mirror found in /etc/apt" >&2; exit 1; }
    echo "deb [arch=$ARCH signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror unstable main" \
        > "$APT/sources.list"
    apt_unstable() {
        apt-get -q -o Dir::Etc::SourceList="$APT/sources.list" -o Dir::Etc::SourceParts="$APT/parts" \
            -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts="$APT/parts" \
            -o Dir::State::Lists="$APT/lists" -o Dir::State::status="$APT/status" \
            -o Dir::Cache="$APT/cache" -o APT::Sandbox::User=root "$@"
    }
    say "fetching Debian unstable's package list (private state in $APT)"
    apt_unstable update >/dev/null
    pkgs="$LIBS"
    for v in $need_cpython; do
        pkgs="$pkgs python$v-minimal libpython$v-minimal libpython$v-stdlib"
    done
    rm -f "$APT"/debs/*.deb
    # shellcheck disable=SC2086
    (cd "$APT/debs" && apt_unstable download $pkgs >/dev/null)
    say "unpacking$(echo " $pkgs" | tr -s ' \n' ' ')into $ROOT"
    mkdir -p "$ROOT"
    for deb in "$APT"/debs/*.deb; do
        dpkg-deb -x "$deb" "$ROOT"
    done
    rm -f "$APT"/debs/*.deb
    libdir="$ROOT/usr/lib/$MULTIARCH"
    loader="$(ls "$libdir"/ld-linux*.so.* | head -n 1)"
    mkdir -p "$BIN"
    for v in $need_cpython; do
        # DT_RPATH (not RUNPATH) so that extension modules' own libraries
        # (libssl, libffi...) also come from the prefix.
        patchelf --set-interpreter "$loader" --force-rpath --set-rpath "$libdir" "$ROOT/usr/bin/python$v"
        ln -sfn "$ROOT/usr/bin/python$v" "$BIN/python$v"
    done
fi

status=0
for cmd in "$BIN/python3.14" "$BIN/python3.15" "$(command -v pypy3 || echo pypy3)"; do
    if works "$cmd"; then
        say "$("$cmd" -c 'import sys, platform; print("%s: %s %s" % (sys.executable, platform.python_implementation(), platform.python_version()))')"
    else
        say "$cmd does not run with ssl, http.client and email" >&2
        status=1
    fi
done
exit $status
