package dev.llmtck.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time spent over a measured window, split between the calling thread (the load generator's one selector
 * thread) and the rest of the JVM (the server under test, its timers, the JIT and GC), next to the window's wall
 * time: when their sum nears the machine's processors times the wall time, the machine, not a design, sets the
 * drift.
 *
 * @param wallNanos the window's length
 * @param clientNanos CPU time of the calling thread
 * @param restNanos CPU time of every other thread of this JVM (its JIT compiler threads included)
 * @param compilerMillis time the JIT compilers spent compiling, as the JVM reports it
 */
record CpuUse(long wallNanos, long clientNanos, long restNanos, long compilerMillis) {

  /** The counters now, to be passed to {@link #since}. */
  static CpuUse now() {
    long client = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    return new CpuUse(System.nanoTime(), client, processCpuNanos() - client, compilerMillisSoFar());
  }

  /** What the window that began at {@code start} used, measured on the same thread. */
  static CpuUse since(CpuUse start) {
    CpuUse end = now();
    return new CpuUse(end.wallNanos - start.wallNanos, end.clientNanos - start.clientNanos,
        end.restNanos - start.restNanos, end.compilerMillis - start.compilerMillis);
  }

  /** CPU time over wall time across all threads, as a share of every processor of the machine. */
  double machineShare() {
    return (double) (clientNanos + restNanos) / wallNanos / Runtime.getRuntime().availableProcessors();
  }

  /** The JIT compilers' accumulated compile time (0 where the JVM does not report it). */
  static long compilerMillisSoFar() {
    var compilation = ManagementFactory.getCompilationMXBean();
    return compilation != null && compilation.isCompilationTimeMonitoringSupported()
        ? compilation.getTotalCompilationTime() : 0;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0; // not a HotSpot-style JVM: the share reads as the client's alone
  }
}
