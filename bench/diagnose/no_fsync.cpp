// libbench_no_fsync.so: an LD_PRELOAD shim for diagnosis only, never a way to run openfloor.
// It turns fsync and fdatasync into no-ops, so a run under it shows what openfloor's own code
// costs once the disk's flush latency is taken away (bench/run BENCH_DIAGNOSE=1, RESULTS.md).
extern "C" int fsync(int) {
    return 0;
}

extern "C" int fdatasync(int) {
    return 0;
}
