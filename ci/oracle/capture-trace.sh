#!/usr/bin/env bash
# Boots real Debian kernels under QEMU (TCG), runs a memory-pressure workload (ci/oracle/hog.c,
# built static) in a hand-built initramfs with the vmscan, compaction and kmem extfrag tracepoints
# on, and captures the kernel's trace text plus /proc zoneinfo, buddyinfo, pagetypeinfo and vmstat
# before and after. Output: OUTDIR/<kernel-version>-<workload>/{trace,events,*-before,*-after,README.md}
# which tests/MmVerify.Cli.Tests/OracleTraceTests.cs checks with `mmverify conform`.
#
# Usage: ci/oracle/capture-trace.sh [OUTDIR]
#        (default tests/MmVerify.Cli.Tests/Fixtures/oracle-traces)
# Environment:
#   ORACLE_WORK       work dir (default /tmp/mmverify-oracle; shares the kernels capture-zoneinfo.sh unpacked)
#   ORACLE_KERNELS    "6.12 6.1" (default 6.12)
#   ORACLE_WORKLOADS  any of oom-noswap zram-swap memcg-high (default all three)
#   ORACLE_MEM        guest memory in MiB (default 256)
#   ORACLE_SMP        guest CPUs (default 1); captures with more than one go to <version>-<workload>-smp<N>
#   KERNEL_61_PKG, KERNEL_612_PKG as in capture-zoneinfo.sh
#   BOOT_TIMEOUT      seconds allowed for one boot (default 300)
# Needs: qemu-system-x86_64, busybox-static, cpio, gcc (static libc), xz, dpkg-deb, apt-get (only if
# a kernel is not unpacked yet). KVM is never used (see capture-zoneinfo.sh).
set -euo pipefail
umask 022

repo="$(cd "$(dirname "$0")/../.." && pwd)"
outdir="${1:-$repo/tests/MmVerify.Cli.Tests/Fixtures/oracle-traces}"
work="${ORACLE_WORK:-/tmp/mmverify-oracle}"
kernels="${ORACLE_KERNELS:-6.12}"
workloads="${ORACLE_WORKLOADS:-oom-noswap zram-swap memcg-high}"
mem="${ORACLE_MEM:-256}"
smp="${ORACLE_SMP:-1}"
boot_timeout="${BOOT_TIMEOUT:-300}"
started=$SECONDS

log() { printf '[trace %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$work/tmp" "$work/debs" "$work/boot" "$outdir"
outdir="$(cd "$outdir" && pwd)"
export TMPDIR="$work/tmp"

for tool in qemu-system-x86_64 cpio gzip xz gcc dpkg-deb timeout; do
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

# The kernel package of a series, downloaded and unpacked (never installed) as capture-zoneinfo.sh does.
kernel_dir() { # SERIES -> prints the unpacked package directory
  local pkg
  case "$1" in
    6.1) pkg="${KERNEL_61_PKG:-$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-6\.1\./ { print $2; exit }')}" ;;
    6.12) pkg="${KERNEL_612_PKG:-linux-image-6.12.107+deb12-amd64}" ;;
    *) die "unknown kernel series $1" ;;
  esac
  local dir="$work/kernels/$pkg"
  if [ ! -d "$dir/boot" ]; then
    log "apt-get download $pkg"
    (cd "$work/debs" && timeout 600 apt-get download -qq -o APT::Sandbox::User=root "$pkg" >/dev/null)
    local deb; deb="$(ls -t "$work/debs/${pkg}"_*.deb | head -n1)"
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    timeout 300 dpkg-deb -x "$deb" "$dir.partial"
    cp "$deb" "$dir.partial/package.deb"
    mv "$dir.partial" "$dir"
  fi
  echo "$dir"
}

# Copies a module (plain or .xz) into the initramfs as /lib/NAME.ko.
add_module() { # MODDIR RELPATH-WITHOUT-SUFFIX DEST
  local f="$1/$2"
  if [ -f "$f.ko" ]; then cp "$f.ko" "$3/lib/$(basename "$2").ko"
  elif [ -f "$f.ko.xz" ]; then xz -dc "$f.ko.xz" >"$3/lib/$(basename "$2").ko"
  fi
}

hog="$work/hog"
gcc -O2 -static -Wall -Wextra -o "$hog" "$repo/ci/oracle/hog.c"

build_initrd() { # KERNELDIR INITRD
  local root="$work/trace-initramfs" moddir
  moddir="$(ls -d "$1"/lib/modules/*/kernel)"
  rm -rf "$root"; mkdir -p "$root"/{bin,dev,proc,sys,tmp,lib}
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"; done
  cp "$hog" "$root/bin/hog"
  mknod -m 600 "$root/dev/console" c 5 1
  mknod -m 666 "$root/dev/null" c 1 3
  # zram and what it needs: 6.1 has zsmalloc as a module; 6.12's zram needs the lz4 libraries.
  for m in mm/zsmalloc lib/lz4/lz4_compress lib/lz4/lz4hc_compress drivers/block/zram/zram; do
    add_module "$moddir" "$m" "$root"
  done
  cp "$repo/ci/oracle/trace-init.sh" "$root/init"
  chmod 755 "$root/init"
  (cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1 >"$2")
}

split_log() { # DATALOG OUTDIR
  tr -d '\r' <"$1" | awk -v out="$2" '
    /^@@BEGIN [^ ]+@@$/ { f = $2; sub(/@@$/, "", f); file = out "/" f; printf "" > file; inside = 1; next }
    /^@@END [^ ]+@@$/ { close(file); inside = 0; next }
    inside { print > file }'
}

for series in $kernels; do
  kdir="$(kernel_dir "$series")"
  vmlinuz="$(ls "$kdir"/boot/vmlinuz-* | head -n1)"
  debver="$(dpkg-deb -f "$kdir/package.deb" Version 2>/dev/null || basename "$vmlinuz")"
  version="${debver%%-*}"
  initrd="$work/trace-initrd-$series.gz"
  build_initrd "$kdir" "$initrd"
  for wl in $workloads; do
    name="$version-$wl"; [ "$smp" = 1 ] || name+="-smp$smp"
    dest="$outdir/$name"
    console="$work/boot/trace-$name.console.log"
    data="$work/boot/trace-$name.data.log"
    rm -f "$console" "$data"
    append="console=ttyS0 quiet loglevel=3 panic=-1 nokaslr mmverify.workload=$wl"
    log "booting $version ($debver), workload $wl, -m $mem -smp $smp"
    t0=$SECONDS; rc=0
    timeout -k 5 "$boot_timeout" qemu-system-x86_64 -accel tcg -m "$mem" -smp "$smp" -nographic -no-reboot \
      -monitor none -nic none -kernel "$vmlinuz" -initrd "$initrd" -append "$append" \
      -serial "file:$console" -serial "file:$data" </dev/null >"$work/boot/trace-$name.qemu.out" 2>&1 || rc=$?
    secs=$((SECONDS - t0))
    log "  qemu exited $rc after $secs s"
    grep -q '^@@DONE@@' "$data" 2>/dev/null || { tail -n 30 "$console" >&2; die "guest did not finish ($version $wl)"; }
    rm -rf "$dest.new"; mkdir -p "$dest.new"
    split_log "$data" "$dest.new"
    cat >"$dest.new/README.md" <<EOF
# Linux $version, workload \`$wl\` ($smp CPU): a real vmscan/compaction trace

Captured by \`ci/oracle/capture-trace.sh\` (regenerates every file here; nothing is edited by hand).

* Kernel: Debian 12 package \`$(basename "$kdir")\`, version \`$debver\`, unpacked with \`dpkg-deb -x\`.
* QEMU TCG, \`-smp $smp -m $mem\`, kernel command line \`$append\`; boot to poweroff took $secs s here.
* /init is \`ci/oracle/trace-init.sh\`; the workload is \`ci/oracle/hog.c\` (gcc -O2 -static).
* \`events\`: the tracepoints that existed and were enabled; \`trace\`: /sys/kernel/tracing/trace
  (overwrite off, so a full buffer drops the newest events and the file stays a prefix);
  \`trace-stats\`: per_cpu/cpuN/stats; \`workload.log\`: what the guest did;
  \`{zoneinfo,buddyinfo,pagetypeinfo,vmstat}-{before,after}\`: /proc files around the workload.
EOF
    rm -rf "$dest"; mv "$dest.new" "$dest"
    log "  wrote $dest ($(wc -l <"$dest/trace") trace lines, $(du -sk "$dest" | cut -f1) KiB)"
  done
done
log "done in $((SECONDS - started)) s"
