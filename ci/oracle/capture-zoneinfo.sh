#!/usr/bin/env bash
# Boots real Debian kernels (6.1 and 6.12) under QEMU (TCG), writes watermark sysctls from a
# hand-built initramfs, and records /proc/zoneinfo after every write (plus buddyinfo at boot and
# after the first write, and once per kernel pagetypeinfo and vmstat). The snapshots become
#   OUTDIR/linux-<version>-qemu/<boot>-<snapshot>/{zoneinfo,sysctls,...}   (boot: m<MiB>[-<arg>])
# that tests/MmVerify.Cli.Tests/OracleFixtureTests.cs checks `mmverify watermarks` against.
#
# Usage: ci/oracle/capture-zoneinfo.sh [OUTDIR]   (default tests/MmVerify.ProcFs.Tests/Fixtures)
# Environment:
#   ORACLE_WORK       work dir (default /tmp/mmverify-oracle); kernels are unpacked there, never installed
#   ORACLE_KERNELS    which kernels: "6.1 6.12" (default)
#   ORACLE_BOOTS      one boot per word, MEM[,KERNEL-ARG] with MEM in MiB (default
#                     "256 1024 4096 4096,movablecore=512M"; the last one populates ZONE_MOVABLE)
#   KERNEL_61_PKG     the 6.1 image package (default: what Debian 12's linux-image-amd64 depends on)
#   KERNEL_612_PKG    the 6.12 image package (default linux-image-6.12.107+deb12-amd64, from the
#                     security archive; if it is gone, what linux-image-6.12-amd64 depends on)
#   ORACLE_FULL_BOOT  the plain memory size whose mfk-boot snapshot also keeps pagetypeinfo and
#                     vmstat (default 4096; one per kernel keeps the fixtures small)
#   ORACLE_SKIP_APT=1 skip apt-get update/install (the tools must already be there)
#   BOOT_TIMEOUT      seconds allowed for one boot (default 240)
#
# Needs root (apt-get, mknod) and Debian 12's archives. KVM is never used: on this machine class
# /dev/kvm exists but does not get a kernel to userspace, so every boot is `-accel tcg`.
set -euo pipefail
umask 022

repo="$(cd "$(dirname "$0")/../.." && pwd)"
outdir="${1:-$repo/tests/MmVerify.ProcFs.Tests/Fixtures}"
work="${ORACLE_WORK:-/tmp/mmverify-oracle}"
kernels="${ORACLE_KERNELS:-6.1 6.12}"
boots="${ORACLE_BOOTS:-256 1024 4096 4096,movablecore=512M}"
full_boot="${ORACLE_FULL_BOOT:-4096}"
boot_timeout="${BOOT_TIMEOUT:-240}"
started=$SECONDS

log() { printf '[oracle %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$work/tmp" "$work/debs" "$work/boot"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
# apt once failed here because its temporary files vanished mid-install: give it a private TMPDIR.
export TMPDIR="$work/tmp"
export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------- 1. host tools
if [ "${ORACLE_SKIP_APT:-0}" != 1 ]; then
  log "apt-get update"
  timeout 600 apt-get update -qq
  log "installing qemu-system-x86 busybox-static cpio"
  timeout 900 apt-get install -y -qq --no-install-recommends qemu-system-x86 busybox-static cpio >/dev/null
fi
for tool in qemu-system-x86_64 cpio gzip dpkg-deb apt-get apt-cache timeout; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
busybox=""
for b in /bin/busybox /usr/bin/busybox; do
  [ -x "$b" ] || continue
  linkage="$(LC_ALL=C ldd "$b" 2>&1 || true)"
  if [[ "$linkage" == *"not a dynamic executable"* || "$linkage" == *"statically linked"* ]]; then
    busybox="$b"; break
  fi
done
[ -n "$busybox" ] || die "no static busybox (install busybox-static)"

# ---------------------------------------------------------------- 2. kernels (downloaded, unpacked, not installed)
# Resolve the image package of each kernel and print "PKG".
resolve_pkg() {
  case "$1" in
    6.1)
      if [ -n "${KERNEL_61_PKG:-}" ]; then echo "$KERNEL_61_PKG"; return; fi
      apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-6\.1\./ { print $2; exit }'
      ;;
    6.12)
      local pinned="${KERNEL_612_PKG:-linux-image-6.12.107+deb12-amd64}"
      if apt-cache show "$pinned" >/dev/null 2>&1; then echo "$pinned"; return; fi
      log "$pinned is not in the archive any more; using what linux-image-6.12-amd64 depends on"
      apt-cache depends linux-image-6.12-amd64 | awk '/Depends: linux-image-6\.12\./ { print $2; exit }'
      ;;
    *) die "unknown kernel series $1 (use 6.1 or 6.12)" ;;
  esac
}

# Download and unpack one image package; prints "VMLINUZ VERSION PKG DEBVERSION".
fetch_kernel() {
  local series="$1" pkg deb dir vmlinuz debver upstream
  pkg="$(resolve_pkg "$series")"
  [ -n "$pkg" ] || die "cannot resolve the linux $series image package (apt-cache search linux-image-$series)"
  dir="$work/kernels/$pkg"
  if [ ! -d "$dir/boot" ]; then
    log "apt-get download $pkg"
    (cd "$work/debs" && timeout 600 apt-get download -qq -o APT::Sandbox::User=root "$pkg" >/dev/null)
    deb="$(ls -t "$work/debs/${pkg}"_*.deb | head -n1)"
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    timeout 300 dpkg-deb -x "$deb" "$dir.partial"
    cp "$deb" "$dir.partial/package.deb"
    mv "$dir.partial" "$dir"
  fi
  vmlinuz="$(ls "$dir"/boot/vmlinuz-* | head -n1)"
  [ -f "$vmlinuz" ] || die "no vmlinuz in $pkg"
  debver="$(dpkg-deb -f "$dir/package.deb" Version)"
  # 6.1.192-2 -> 6.1.192; 6.12.107-1~deb12u1 -> 6.12.107
  upstream="${debver%%-*}"
  echo "$vmlinuz $upstream $pkg $debver"
}

# ---------------------------------------------------------------- 3. initramfs
initrd="$work/initrd.gz"
root="$work/initramfs"
rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,tmp}
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
mknod -m 600 "$root/dev/console" c 5 1
mknod -m 666 "$root/dev/null" c 1 3

cat >"$root/init" <<'INIT'
#!/bin/sh
# mmverify oracle guest. Kernel messages go to ttyS0; the data goes to ttyS1 between markers
#   @@BEGIN <snapshot> <file>@@ ... @@END <snapshot> <file>@@
# Every snapshot dumps zoneinfo FIRST and reads the sysctls back afterwards: even reading
# vm.lowmem_reserve_ratio recomputes the zones' protection (seen on 6.1 and 6.12).
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
stty -F /dev/ttyS1 raw -echo 2>/dev/null
exec 3>/dev/ttyS1
vm=/proc/sys/vm

emit() { # SNAPSHOT NAME FILE
  echo "@@BEGIN $1 $2@@" >&3
  cat "$3" >&3
  echo "@@END $1 $2@@" >&3
}

sysctls() {
  for k in min_free_kbytes watermark_scale_factor watermark_boost_factor lowmem_reserve_ratio \
           defrag_mode percpu_pagelist_high_fraction extfrag_threshold compaction_proactiveness; do
    [ -r "$vm/$k" ] && echo "$k = $(tr -s '\t ' '  ' < "$vm/$k")"
  done
}

snap() { # SNAPSHOT [extra /proc files...]
  s="$1"; shift
  cat /proc/zoneinfo > /tmp/zoneinfo      # first: nothing below may touch protection before this
  for f in "$@"; do cat "/proc/$f" > "/tmp/$f"; done
  sysctls > /tmp/sysctls                  # read back after the dump
  emit "$s" zoneinfo /tmp/zoneinfo
  for f in "$@"; do emit "$s" "$f" "/tmp/$f"; done
  emit "$s" sysctls /tmp/sysctls
}

set_vm() { # KEY VALUE
  if ! echo "$2" > "$vm/$1"; then echo "@@ERROR write $1=$2 failed@@" >&3; fi
}

mem=$(awk '/^MemTotal/ { print $2 }' /proc/meminfo)
echo "@@START memtotal_kb=$mem@@" >&3

# The pristine boot state: dumped before anything is read or written. Its watermarks and
# protection are stale (computed before init memory and the initramfs were freed), so it is kept
# apart. Its read-back of lowmem_reserve_ratio recomputes the protection (6.1 and 6.12 both do
# that on a read; a min_free_kbytes write does not), so every later snapshot has fresh protection.
snap pristine buddyinfo
echo "$(uname -r)" > /tmp/kernel-version
emit pristine kernel-version /tmp/kernel-version
emit pristine proc-version /proc/version
emit pristine cmdline /proc/cmdline
[ -r /sys/kernel/mm/transparent_hugepage/enabled ] && \
  emit pristine thp_enabled /sys/kernel/mm/transparent_hugepage/enabled
emit pristine meminfo /proc/meminfo

boot_mfk=$(cat $vm/min_free_kbytes)
boot_lrr=$(tr -s '\t ' '  ' < $vm/lowmem_reserve_ratio)
echo "@@BOOTSYSCTLS min_free_kbytes=$boot_mfk lowmem_reserve_ratio=$boot_lrr@@" >&3

# min_free_kbytes: the boot value written back first, then other values.
# One boot per kernel (mmverify.full on the command line) also keeps pagetypeinfo and vmstat.
full=""; grep -q 'mmverify.full' /proc/cmdline && full="pagetypeinfo vmstat"
set_vm min_free_kbytes "$boot_mfk";  snap mfk-boot buddyinfo $full
for v in 4096 16384 100000; do set_vm min_free_kbytes "$v"; snap "mfk$v"; done
set_vm min_free_kbytes "$boot_mfk"

# watermark_scale_factor (min_free_kbytes back at its boot value).
for v in 10 200 1000; do set_vm watermark_scale_factor "$v"; snap "wsf$v"; done
set_vm watermark_scale_factor 10

# lowmem_reserve_ratio (min_free_kbytes at boot value, scale factor 10).
for v in "256 256 32 0 0" "128 64 16 0 0" "0 256 32 0 0"; do
  set_vm lowmem_reserve_ratio "$v"; snap "lrr-$(echo $v | tr ' ' '-')"
done
set_vm lowmem_reserve_ratio "$boot_lrr"

# watermark_boost_factor changes no watermark; only the boost line could differ.
for v in 0 15000; do set_vm watermark_boost_factor "$v"; snap "wbf$v"; done

# All three at once, written in an order that leaves each value known.
set_vm min_free_kbytes 16384
set_vm watermark_scale_factor 200
set_vm lowmem_reserve_ratio "128 64 16 0 0"
snap combo-mfk16384-wsf200-lrr128-64-16

echo "@@DONE@@" >&3
exec 3>&-
sync
poweroff -f
INIT
chmod 755 "$root/init"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1 >"$initrd")
log "initramfs $(du -k "$initrd" | cut -f1) KiB"

# ---------------------------------------------------------------- 4. boots
# nokaslr: the kernel image's physical place decides how managed pages split between DMA32 and
# Normal; without it every run gives other numbers.
append_base='console=ttyS0 quiet loglevel=3 panic=-1 nokaslr'

# Sets the array qemu_argv for one boot.
qemu_args() { # KERNEL MEM APPEND CONSOLE DATA
  qemu_argv=(qemu-system-x86_64 -accel tcg -m "$2" -smp 1 -nographic -no-reboot -monitor none -nic none
    -kernel "$1" -initrd "$initrd" -append "$3" -serial "file:$4" -serial "file:$5")
}

# Split one data log into OUT/<LABEL>-<snapshot>/<file>.
split_log() { # DATALOG OUT LABEL
  tr -d '\r' <"$1" | awk -v out="$2" -v label="$3" '
    /^@@BEGIN [^ ]+ [^ ]+@@$/ {
      sub(/^@@BEGIN /, ""); sub(/@@$/, ""); split($0, a, " ")
      dir = out "/" label "-" a[1]; system("mkdir -p \"" dir "\"")
      file = dir "/" a[2]; printf "" > file; inside = 1; next
    }
    /^@@END [^ ]+ [^ ]+@@$/ { close(file); inside = 0; next }
    inside { print > file }
    /^@@ERROR/ { print "guest: " $0 > "/dev/stderr"; bad = 1 }
    END { exit bad }'
}

for series in $kernels; do
  kernel_info="$(fetch_kernel "$series")"
  read -r vmlinuz version pkg debver <<<"$kernel_info"
  dest="$outdir/linux-$version-qemu"
  log "kernel $pkg ($debver) -> $dest"
  rm -rf "$dest.new" && mkdir -p "$dest.new"
  boot_rows=""
  for boot in $boots; do
    mem="${boot%%,*}"
    extra=""; label="m$mem"
    if [ "$boot" != "$mem" ]; then
      extra="${boot#*,}"; extra="${extra//,/ }"
      label="m$mem-$(echo "$extra" | tr -d '= ' )"
    fi
    append="$append_base${extra:+ $extra}"
    [ "$label" = "m$full_boot" ] && append+=" mmverify.full"
    console="$work/boot/$version-$label.console.log"
    data="$work/boot/$version-$label.data.log"
    rm -f "$console" "$data"
    qemu_args "$vmlinuz" "$mem" "$append" "$console" "$data"
    log "booting $version: $label"
    t0=$SECONDS
    rc=0
    timeout -k 5 "$boot_timeout" "${qemu_argv[@]}" </dev/null >"$work/boot/$version-$label.qemu.out" 2>&1 || rc=$?
    log "  qemu exited $rc after $((SECONDS - t0)) s"
    if ! grep -q '^@@DONE@@' "$data" 2>/dev/null; then
      tail -n 30 "$console" >&2 || true
      die "the guest did not finish (kernel $version, $label, exit $rc); see $console"
    fi
    split_log "$data" "$dest.new" "$label" || die "the guest reported errors (kernel $version, $label)"
    boot_rows+="| \`$label-*\` | \`-m $mem\` | \`$append\` |"$'\n'
  done
  qemu_args "$(basename "$vmlinuz")" MEM "'APPEND'" console.log data.log
  readme_cmd="${qemu_argv[*]}"
  readme_cmd="${readme_cmd//$work\//}"
  cat >"$dest.new/README.md" <<EOF
# Linux $version under QEMU (TCG, x86_64): zoneinfo after sysctl writes

Captured on $(date -u +%Y-%m-%d) by \`ci/oracle/capture-zoneinfo.sh\`, which regenerates every file
here: it downloads the kernel package, builds a busybox initramfs whose /init writes the sysctls
and dumps /proc files to the second serial port, boots it once per row below, and splits that
port's log into these folders. Nothing here is edited by hand.

* Kernel: Debian 12 package \`$pkg\`, version \`$debver\` (\`$(basename "$vmlinuz")\`),
  unpacked with \`dpkg-deb -x\`, not installed. Each \`*-pristine/proc-version\` holds /proc/version.
* $(qemu-system-x86_64 --version | head -n1), one emulated CPU, TCG (no KVM):

      $readme_cmd

| folders | memory | kernel command line (APPEND) |
|---|---|---|
$boot_rows
256 and 1024 MiB give zones DMA and DMA32; 4096 MiB gives DMA, DMA32 (3 GiB below 4 GiB) and Normal
(1 GiB above); \`movablecore=512M\` moves 512 MiB of Normal into ZONE_MOVABLE.

Each folder \`<boot>-<snapshot>\` holds \`zoneinfo\` read right after one sysctl write, and
\`sysctls\` (\`key = value\`) read back *after* zoneinfo was dumped, because even reading
vm.lowmem_reserve_ratio recomputes the protection (seen on both 6.1 and 6.12). /init writes in this
order, taking a snapshot after each write:

| snapshot | write |
|---|---|
| pristine | none: the state at boot; also \`buddyinfo\`, \`proc-version\`, \`kernel-version\`, \`cmdline\`, \`thp_enabled\`, \`meminfo\` |
| mfk-boot | min_free_kbytes = its boot value; also \`buddyinfo\` (and in \`m$full_boot-mfk-boot\` \`pagetypeinfo\` and \`vmstat\`) |
| mfk4096, mfk16384, mfk100000 | min_free_kbytes = 4096, 16384, 100000 |
| wsf10, wsf200, wsf1000 | min_free_kbytes back to the boot value, then watermark_scale_factor = 10, 200, 1000 |
| lrr-256-256-32-0-0, lrr-128-64-16-0-0, lrr-0-256-32-0-0 | watermark_scale_factor back to 10, then lowmem_reserve_ratio |
| wbf0, wbf15000 | lowmem_reserve_ratio back to the boot value, then watermark_boost_factor = 0, 15000 (recomputes nothing) |
| combo-mfk16384-wsf200-lrr128-64-16 | min_free_kbytes 16384, watermark_scale_factor 200, lowmem_reserve_ratio 128 64 16 0 0 |

The **pristine** snapshots are not expected to match the watermark arithmetic exactly: the boot-time
watermarks and protection were computed before init memory and the initramfs were freed, so
\`managed\` grew afterwards. The pristine snapshot's read-back of lowmem_reserve_ratio refreshes the
protection (a min_free_kbytes write alone would not), so from \`mfk-boot\` on both the watermarks
and the protection follow from the printed \`managed\` counts. The snapshots after a write are
checked against \`mmverify watermarks\` by \`tests/MmVerify.Cli.Tests/OracleFixtureTests.cs\`.
EOF
  if [ "$series" = 6.1 ]; then
    cat >>"$dest.new/README.md" <<'EOF'

**6.1 and ZONE_MOVABLE.** 6.1 predates "mm: Cap zone movable's min wmark to small value"
(Ma Wupeng, 2022): its `__setup_per_zone_wmarks` counts MOVABLE's managed pages in `lowmem_pages`
and gives MOVABLE the proportional MIN like any lowmem zone (only HIGHMEM is capped to
clamp(managed/1024, 32, 128)). So an empty Movable zone prints min = low = high = 0 here (6.12: 32),
and in the `movablecore` boot every zone's watermarks differ from the later rule. There is no
promo line in 6.1.
EOF
  fi
  rm -rf "$dest"
  mv "$dest.new" "$dest"
  log "wrote $(find "$dest" -name zoneinfo | wc -l) snapshots ($(du -sb "$dest" | cut -f1) bytes) to $dest"
done

log "done in $((SECONDS - started)) s"
