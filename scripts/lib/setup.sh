# Shared by scripts/demo, scripts/test and .ci/run: install what is missing, then build.
# Sourced, not run.

# Debian packages the build needs; each is installed only when missing.
chronicle_packages=(g++ meson ninja-build pkg-config cmake python3
  libhowardhinnant-date-dev libfmt-dev libyaml-cpp-dev doctest-dev libmimalloc-dev)

ensure_packages() {
  local missing=()
  for p in "${chronicle_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# configure_and_build DIR [meson options...]: configures DIR once, then builds it.
configure_and_build() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >&2
  fi
  ninja -C "$dir" >&2
}
