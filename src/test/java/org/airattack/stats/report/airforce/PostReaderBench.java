package org.airattack.stats.report.airforce;

import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Times the post reader on hostile bodies of 16, 32 and 64 KiB (the largest the import endpoint
 * accepts), so a reading that grows faster than the text shows as a number, not as a slow unit
 * test. Run by src/bench/post-reader-bench.sh; prints, after a warm-up, the fastest of several runs
 * as CPU time of the reading thread (what the reader costs, however busy the machine is) and as
 * wall-clock time.
 */
public final class PostReaderBench {

    private static final String NIGHT = "У ніч на 3 липня (з 18:00 2 липня) противник атакував ";
    private static final String AS_OF = "\nСтаном на 08:30 збито/подавлено 1 ворожий БпЛА.";
    private static final int[] KIB = { 16, 32, 64 };
    private static final int RUNS = 9;

    private PostReaderBench() {
    }

    /** The hostile shapes, each a body of about the given number of bytes. */
    static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("'повітрян' repeated, no spaces", bytes -> fill("", "повітрян", "", bytes));
        shapes.put("'повітряного командування ' repeated", bytes -> fill("", "повітряного командування ", "", bytes));
        shapes.put("one word of 'а'", bytes -> fill("", "а", "", bytes));
        shapes.put("'Х-59/69 ' after a header", bytes -> fill(NIGHT, "Х-59/69 ", AS_OF, bytes));
        shapes.put("'1 ударним БпЛА, ' after a header", bytes -> fill(NIGHT, "1 ударним БпЛА, ", AS_OF, bytes));
        shapes.put("nested parentheses after a header", bytes -> nested(bytes));
        shapes.put("'у ніч на 3 липня ' repeated", bytes -> fill("", "у ніч на 3 липня ", "", bytes));
        shapes.put("'Збито 1 БпЛА. ' sentences after a header", bytes -> fill(NIGHT + "1 БпЛА. ", "Збито 1 БпЛА. ", AS_OF, bytes));
        shapes.put("'22 – локаційно втрачені, ' after a header", bytes -> fill(NIGHT + "1 БпЛА. Збито 1 БпЛА, ", "22 – локаційно втрачені, ", AS_OF, bytes));
        shapes.put("'в повітряному просторі ще ' after a header", bytes -> fill(NIGHT + "1 БпЛА." + AS_OF + " ", "в повітряному просторі ще ", "", bytes));
        shapes.put("'ударних ' adjectives after a header", bytes -> fill(NIGHT, "ударних ", AS_OF, bytes));
        shapes.put("'1 з ' after a header", bytes -> fill(NIGHT + "1 БпЛА." + AS_OF + " Знищено ", "1 з ", "", bytes));
        return shapes;
    }

    public static void main(String[] args) {
        AirForcePostParser parser = new AirForcePostParser(Clock.systemUTC());
        OffsetDateTime publishedAt = OffsetDateTime.parse("2026-07-03T06:00:00Z");
        Map<String, IntFunction<String>> shapes = shapes();
        for (IntFunction<String> shape : shapes.values()) {
            for (int i = 0; i < 3; i++) {
                read(parser, shape.apply(64 * 1024), publishedAt);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-44s %18s %18s %18s%n", "ms, fastest of " + RUNS + ": CPU / wall, outcome", "16 KiB", "32 KiB", "64 KiB");
        for (Map.Entry<String, IntFunction<String>> e : shapes.entrySet()) {
            StringBuilder row = new StringBuilder(String.format("%-44s", e.getKey()));
            for (int kib : KIB) {
                String body = e.getValue().apply(kib * 1024);
                long cpu = Long.MAX_VALUE;
                long wall = Long.MAX_VALUE;
                String outcome = "";
                for (int r = 0; r < RUNS; r++) {
                    long startCpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    outcome = read(parser, body, publishedAt);
                    wall = Math.min(wall, System.nanoTime() - start);
                    cpu = Math.min(cpu, threads.getCurrentThreadCpuTime() - startCpu);
                }
                row.append(String.format(" %7.1f / %6.1f %s", cpu / 1e6, wall / 1e6, outcome));
            }
            System.out.println(row);
        }
    }

    /** Reads one body: "r" when it reads as a report, "n" when it is not one, "u" when unreadable. */
    static String read(AirForcePostParser parser, String body, OffsetDateTime publishedAt) {
        try {
            parser.parse(body, publishedAt, null);
            return "r";
        } catch (NotANationalReportException e) {
            return "n";
        } catch (UnreadablePostException e) {
            return "u";
        }
    }

    /** A head, the unit repeated, and a tail: at most {@code bytes} bytes in UTF-8. */
    static String fill(String head, String unit, String tail, int bytes) {
        int room = bytes - utf8(head) - utf8(tail);
        return head + unit.repeat(Math.max(0, room / utf8(unit))) + tail;
    }

    private static String nested(int bytes) {
        int depth = (bytes - utf8(NIGHT) - utf8(AS_OF) - 40) / 2;
        return NIGHT + "1 БпЛА " + "(".repeat(depth) + ")".repeat(depth) + "." + AS_OF;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
