#!/bin/sh
# mmverify oracle guest /init for ci/oracle/capture-trace.sh. Kernel messages go to ttyS0; the data
# goes to ttyS1 between "@@BEGIN <file>@@" and "@@END <file>@@" markers. The word
# mmverify.workload=oom-noswap|zram-swap|memcg-high on the kernel command line picks the workload.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mkdir -p /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
stty -F /dev/ttyS1 raw -echo 2>/dev/null
exec 3>/dev/ttyS1
T=/sys/kernel/tracing
wl=$(sed -n 's/.*mmverify\.workload=\([a-z-]*\).*/\1/p' /proc/cmdline)
log() { echo "$*" >> /tmp/workload.log; }

emit() { # NAME FILE
  echo "@@BEGIN $1@@" >&3
  cat "$2" >&3
  echo "@@END $1@@" >&3
}

snap() { # SUFFIX
  for f in zoneinfo buddyinfo pagetypeinfo vmstat; do cat /proc/$f > /tmp/$f-$1; done
}

zram_swap() { # MiB
  insmod /lib/zsmalloc.ko 2>/dev/null
  insmod /lib/lz4_compress.ko 2>/dev/null
  insmod /lib/lz4hc_compress.ko 2>/dev/null
  if ! insmod /lib/zram.ko num_devices=1; then log "zram: insmod failed"; return 1; fi
  log "zram: algorithms $(cat /sys/block/zram0/comp_algorithm)"
  echo "${1}M" > /sys/block/zram0/disksize || { log "zram: disksize failed"; return 1; }
  mkswap /dev/zram0 >/dev/null && swapon /dev/zram0 && log "zram: swap on /dev/zram0, ${1} MiB"
}

# The tracepoints: whatever of this list the kernel has (6.12 lacks the 7.x-only ones).
echo 0 > $T/tracing_on
echo 8192 > $T/buffer_size_kb
echo 0 > $T/options/overwrite
: > /tmp/events
for e in vmscan/mm_vmscan_kswapd_wake vmscan/mm_vmscan_kswapd_sleep vmscan/mm_vmscan_wakeup_kswapd \
         vmscan/mm_vmscan_kswapd_reclaim_fail vmscan/mm_vmscan_kswapd_clear_hopeless \
         vmscan/mm_vmscan_balance_pgdat_begin vmscan/mm_vmscan_balance_pgdat_end \
         vmscan/mm_vmscan_direct_reclaim_begin vmscan/mm_vmscan_direct_reclaim_end \
         vmscan/mm_vmscan_memcg_reclaim_begin vmscan/mm_vmscan_memcg_reclaim_end \
         vmscan/mm_vmscan_node_reclaim_begin vmscan/mm_vmscan_node_reclaim_end \
         compaction/mm_compaction_wakeup_kcompactd compaction/mm_compaction_kcompactd_wake \
         compaction/mm_compaction_kcompactd_sleep compaction/mm_compaction_begin compaction/mm_compaction_end \
         kmem/mm_page_alloc_extfrag oom/mark_victim; do
  if [ -w $T/events/$e/enable ]; then echo 1 > $T/events/$e/enable && echo "$e" >> /tmp/events
  else echo "# absent: $e" >> /tmp/events; fi
done

memtotal_mb=$(( $(awk '/^MemTotal/ { print $2 }' /proc/meminfo) / 1024 ))
log "kernel $(uname -r), MemTotal ${memtotal_mb} MiB, workload $wl"
snap before
echo 1 > $T/tracing_on
case "$wl" in
  oom-noswap)
    log "hog $((memtotal_mb * 3 / 2)) MiB, no swap (expect the OOM killer)"
    hog $((memtotal_mb * 3 / 2)) 1 > /tmp/hog.out 2>&1; log "hog exit $?" ;;
  zram-swap)
    zram_swap $memtotal_mb
    log "hog $((memtotal_mb * 5 / 4)) MiB x 2 passes"
    hog $((memtotal_mb * 5 / 4)) 2 > /tmp/hog.out 2>&1; log "hog exit $?" ;;
  memcg-high)
    zram_swap $memtotal_mb
    cg=/sys/fs/cgroup/hog
    echo +memory > /sys/fs/cgroup/cgroup.subtree_control && mkdir $cg && echo 48M > $cg/memory.high \
      && log "cgroup $cg memory.high $(cat $cg/memory.high)"
    log "hog 96 MiB x 2 passes in $cg"
    sh -c "echo \$\$ > $cg/cgroup.procs; exec hog 96 2" > /tmp/hog.out 2>&1; log "hog exit $?"
    [ -r $cg/memory.events ] && log "memory.events: $(tr '\n' ' ' < $cg/memory.events)" ;;
  *) log "unknown workload '$wl'" ;;
esac
sleep 2
echo 0 > $T/tracing_on
snap after
tail -n 2 /tmp/hog.out >> /tmp/workload.log
swapoff -a 2>/dev/null
emit events /tmp/events
emit workload.log /tmp/workload.log
for c in $T/per_cpu/cpu*; do echo "${c##*/}:"; cat $c/stats; done > /tmp/trace-stats; emit trace-stats /tmp/trace-stats
for s in before after; do for f in zoneinfo buddyinfo pagetypeinfo vmstat; do emit $f-$s /tmp/$f-$s; done; done
cat $T/trace > /tmp/trace; emit trace /tmp/trace
echo "@@DONE@@" >&3
exec 3>&-
sync
poweroff -f
