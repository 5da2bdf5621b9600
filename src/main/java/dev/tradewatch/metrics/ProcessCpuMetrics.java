package dev.tradewatch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this process in seconds, exported as Prometheus' conventional {@code
 * process_cpu_seconds_total} (Micrometer's own {@code process.cpu.time} counts nanoseconds and is
 * dropped by {@link ExportedMeters}). Absent on JVMs without the {@code com.sun.management}
 * extension.
 */
public final class ProcessCpuMetrics implements MeterBinder {

  public static final String CPU = "process.cpu";

  @Override
  public void bindTo(MeterRegistry registry) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean bean
        && bean.getProcessCpuTime() >= 0) {
      FunctionCounter.builder(CPU, bean, b -> b.getProcessCpuTime() / 1e9)
          .description("CPU time used by this process")
          .baseUnit("seconds")
          .register(registry);
    }
  }
}
