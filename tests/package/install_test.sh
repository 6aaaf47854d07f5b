#!/usr/bin/env bash
# The Debian package on a clean Debian 12, as a county's IT person installs it:
#   1. cpack -G DEB in the build folder;
#   2. a clean Debian 12 (debootstrap --variant=minbase bookworm, plus
#      systemd as on any installed machine) in a folder, entered by chroot;
#   3. apt-get install ./qingdan_*.deb there (its Depends from the archive);
#   4. the system user, /var/lib/qingdan, /etc/qingdan/qingdan.conf, the
#      units, not enabled; the README's set-up: the sample county's settings
#      to /etc/qingdan/county.toml, its workbooks to the input folder,
#      systemctl enable qingdan.timer;
#   5. the service's ExecStart, read from the installed unit with its
#      EnvironmentFile, run as the qingdan user (no systemd runs as PID 1 in
#      a chroot): it publishes the sample county, byte for byte what the
#      build tree's binary makes of it;
#   6. apt-get remove keeps the settings, purge removes them; the registry
#      stays.
# Usage (as root, with debootstrap and the Debian archive reachable):
#   tests/package/install_test.sh BUILD_DIR
# Downloads are cached in /var/cache/qingdan-ci/ for the next run;
# QINGDAN_KEEP_ROOT=1 keeps the root folder to look into.
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
started=$SECONDS
step() { printf '[%3d s] %s\n' $((SECONDS - started)) "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

# The mirror the host uses, else Debian's.
mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)\/*$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}
cache=/var/cache/qingdan-ci
mkdir -p "$cache/debootstrap" "$cache/apt"

work=$(mktemp -d /var/tmp/qingdan-install.XXXXXX)
root=$work/root
cleanup() {
  for m in "$root/var/cache/apt/archives" "$root/proc"; do
    mountpoint -q "$m" 2>/dev/null && umount "$m"
  done
  if [[ -n ${QINGDAN_KEEP_ROOT:-} ]]; then echo "kept: $work"; else rm -rf --one-file-system "$work"; fi
}
trap cleanup EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

step "cpack -G DEB"
rm -f "$build"/qingdan_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/qingdan_*.deb)
dpkg-deb -f "$deb" Depends | grep -q 'fonts-wqy-zenhei' || fail "Depends lacks the fonts"
dpkg-deb -f "$deb" Depends | grep -q 'libsqlite3-0' || fail "Depends lacks the libraries (dpkg-shlibdeps)"
echo "  $(basename "$deb"): $(du -k "$deb" | cut -f1) KB; Depends: $(dpkg-deb -f "$deb" Depends)"

step "debootstrap --variant=minbase bookworm ($mirror)"
debootstrap --variant=minbase --cache-dir="$cache/debootstrap" bookworm "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log"; fail "debootstrap"; }
mount -t proc proc "$root/proc"
mount --bind "$cache/apt" "$root/var/cache/apt/archives"
in_root apt-get update -qq
in_root apt-get install -y -qq systemd >"$work/systemd.log" 2>&1 || { tail -n 20 "$work/systemd.log"; fail "systemd"; }
in_root dpkg-query -W -f='${Status}' qingdan 2>/dev/null | grep -q installed && fail "qingdan installed before the test"

step "apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 ||
  { tail -n 30 "$work/apt.log"; fail "apt-get install"; }
in_root dpkg-query -W -f='${Status} ${Version}\n' qingdan

step "what the package set up"
passwd=$(in_root getent passwd qingdan) || fail "no user qingdan"
IFS=: read -r _ _ uid _ _ home shell <<<"$passwd"
((uid < 1000)) || fail "qingdan is not a system user (uid $uid)"
[[ $home == /var/lib/qingdan ]] || fail "qingdan's home is $home"
[[ $shell == */nologin || $shell == */false ]] || fail "qingdan can log in ($shell)"
[[ $(in_root stat -c %U /var/lib/qingdan) == qingdan ]] || fail "/var/lib/qingdan is not qingdan's"
[[ -f $root/etc/qingdan/qingdan.conf ]] || fail "no /etc/qingdan/qingdan.conf"
grep -qx /etc/qingdan/qingdan.conf "$root/var/lib/dpkg/info/qingdan.conffiles" || fail "qingdan.conf is not a conffile"
for f in /usr/share/man/man1/qingdan.1.gz /usr/share/bash-completion/completions/qingdan \
         /usr/share/qingdan/fonts/fonts.toml /usr/share/qingdan/templates/portal/page.html; do
  [[ -f $root$f ]] || fail "no $f"
done
state=$(in_root systemctl is-enabled qingdan.timer || true)
[[ $state == disabled ]] || fail "qingdan.timer is '$state' after install, not disabled"
in_root systemd-analyze verify --man=no qingdan.service qingdan.timer || fail "systemd-analyze verify"
version=$(in_root qingdan --version)
echo "$version" | sed 's/^/  /' | head -n 3
want_id=$("$build/qingdan" --version | sed -n 's/^构建标识：//p')
grep -qx "构建标识：$want_id" <<<"$version" || fail "installed build ID differs from the build tree's ($want_id)"

step "set up as the README says, enable the timer"
in_root cp /usr/share/qingdan/examples/input/county.toml /etc/qingdan/county.toml
in_root cp -r /usr/share/qingdan/examples/input/departments /usr/share/qingdan/examples/input/reference \
  /usr/share/qingdan/examples/input/review /var/lib/qingdan/input/
in_root chown -R qingdan:qingdan /var/lib/qingdan/input
# A fixed build date, to compare with the build tree's output.
in_root sed -i 's/^QINGDAN_OPTIONS=.*/QINGDAN_OPTIONS=--date 2017-09-30/' /etc/qingdan/qingdan.conf
in_root systemctl enable qingdan.timer 2>&1 | sed 's/^/  /'
[[ $(in_root systemctl is-enabled qingdan.timer) == enabled ]] || fail "qingdan.timer not enabled"
[[ -L $root/etc/systemd/system/timers.target.wants/qingdan.timer ]] || fail "no timers.target.wants link"

step "the service's ExecStart as the qingdan user"
unit=$root/usr/lib/systemd/system/qingdan.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
env_file=$(sed -n 's/^EnvironmentFile=//p' "$unit")
work_dir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
echo "  ExecStart=$exec_start"
# The environment file and the command line as systemd reads them
# (systemd.exec(5)): KEY=VALUE lines, a value may hold spaces or be quoted;
# ${KEY} is one argument, $KEY is split at white space.
declare -A env=()
while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  key=${line%%=*} value=${line#*=}
  [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]] && value=${BASH_REMATCH[1]}
  env[$key]=$value
done <"$root$env_file"
argv=()
for word in $exec_start; do
  if [[ $word =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$ ]]; then
    argv+=("${env[${BASH_REMATCH[1]}]-}")
  elif [[ $word =~ ^\$([A-Za-z_][A-Za-z0-9_]*)$ ]]; then
    read -r -a split <<<"${env[${BASH_REMATCH[1]}]-}"
    argv+=("${split[@]}")
  else
    argv+=("$word")
  fi
done
printf '  argv:'; printf ' [%s]' "${argv[@]}"; echo
rc=0
chroot --userspec=qingdan:qingdan "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/var/lib/qingdan \
  /bin/sh -c 'cd "$0" && exec "$@"' "$work_dir" "${argv[@]}" >"$work/run.log" 2>&1 || rc=$?
sed 's/^/  /' "$work/run.log"
# SuccessExitStatus=1: published, the sample's deliberately broken workbook reported.
[[ $rc == 1 ]] || fail "the service's command exited $rc"
out=$root/var/lib/qingdan/output
for f in portal/index.html portal/favicon.ico portal/data/implementation.xlsx review/findings.csv \
         guides/涿鹿县民政局.pdf manifest.json; do
  [[ -f $out/$f ]] || fail "no output/$f"
done
[[ -f $root/var/lib/qingdan/registry.sqlite ]] || fail "no registry in /var/lib/qingdan"
[[ $(in_root stat -c %U /var/lib/qingdan/output/portal/index.html) == qingdan ]] || fail "outputs are not qingdan's"

step "the same output as the build tree's binary"
"$build/qingdan" build --quiet --input "$source_dir/input" --output "$work/tree" \
  --registry "$work/tree.sqlite" --date 2017-09-30 >/dev/null 2>&1 || true
diff -r -q -x manifest.json "$work/tree" "$out" || fail "the installed qingdan wrote other bytes"
echo "  $(find "$out" -type f | wc -l) files, byte for byte"

step "apt-get remove, then purge"
in_root apt-get remove -y -qq qingdan >>"$work/apt.log" 2>&1 || fail "apt-get remove"
[[ ! -e $root/usr/bin/qingdan ]] || fail "remove left /usr/bin/qingdan"
[[ -f $root/etc/qingdan/qingdan.conf ]] || fail "remove took the settings"
in_root apt-get purge -y -qq qingdan >>"$work/apt.log" 2>&1 || fail "apt-get purge"
[[ ! -e $root/etc/qingdan ]] || fail "purge left /etc/qingdan"
[[ ! -e $root/etc/systemd/system/timers.target.wants/qingdan.timer ]] || fail "purge left the timer enabled"
[[ -f $root/var/lib/qingdan/registry.sqlite ]] || fail "purge took the registry"

step "PASSED"
