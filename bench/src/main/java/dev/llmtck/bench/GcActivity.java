package dev.llmtck.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Collections the JVM's garbage collectors ran, and the time they report, over a measured window: a pause
 * holds up every stream at once, so the drift of paced streams is read next to it.
 */
record GcActivity(long collections, long millis) {

  static GcActivity now() {
    long count = 0;
    long time = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      time += Math.max(0, gc.getCollectionTime());
    }
    return new GcActivity(count, time);
  }

  /** What ran between {@code start} and now. */
  static GcActivity since(GcActivity start) {
    GcActivity end = now();
    return new GcActivity(end.collections - start.collections, end.millis - start.millis);
  }
}
