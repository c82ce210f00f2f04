package org.airattack.stats.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a report window, in the source's zone. A date-only point has no time: as a start it
 * means "some time that date", as an end "the end of that date".
 *
 * @param date    the local date in the source's zone
 * @param time    the local time, or null for a date-only point
 * @param instant the moment: the time itself, or for a date-only point the start of the date (as
 *                a start) or the start of the next date (as an end)
 * @param zone    the source's zone
 */
public record WindowPoint(LocalDate date, LocalTime time, Instant instant, ZoneId zone) {

    private static final Pattern DATE_ONLY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern LOCAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final DateTimeFormatter LOCAL_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    public boolean dateOnly() {
        return time == null;
    }

    /**
     * Reads an ISO-8601 date-time with offset, a local date-time (read in {@code zone}; a space may
     * stand for the 'T', the hour may be unpadded), or a date.
     */
    public static Optional<WindowPoint> parse(String text, ZoneId zone, boolean end) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            Matcher d = DATE_ONLY.matcher(s);
            if (d.matches()) {
                return Optional.of(ofDate(LocalDate.parse(s), zone, end));
            }
            Matcher m = LOCAL.matcher(s);
            if (m.matches()) {
                int hour = Integer.parseInt(m.group(2));
                int minute = Integer.parseInt(m.group(3));
                int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                if (hour > 23 || minute > 59 || second > 59) {
                    return Optional.empty();
                }
                return Optional.of(ofLocal(LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.of(hour, minute, second)), zone));
            }
            OffsetDateTime odt = OffsetDateTime.parse(s.replace(' ', 'T'));
            return Optional.of(ofInstant(odt.toInstant(), zone));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public static WindowPoint ofDate(LocalDate date, ZoneId zone, boolean end) {
        LocalDate day = end ? date.plusDays(1) : date;
        return new WindowPoint(date, null, day.atStartOfDay(zone).toInstant(), zone);
    }

    public static WindowPoint ofLocal(LocalDateTime local, ZoneId zone) {
        ZonedDateTime zdt = ZonedDateTime.ofLocal(local, zone, null);
        return new WindowPoint(zdt.toLocalDate(), zdt.toLocalTime(), zdt.toInstant(), zone);
    }

    public static WindowPoint ofInstant(Instant instant, ZoneId zone) {
        ZonedDateTime zdt = instant.atZone(zone);
        return new WindowPoint(zdt.toLocalDate(), zdt.toLocalTime(), instant, zone);
    }

    /** Rebuilds a stored point. */
    public static WindowPoint stored(Instant instant, boolean dateOnly, ZoneId zone, boolean end) {
        if (!dateOnly) {
            return ofInstant(instant, zone);
        }
        LocalDate date = instant.atZone(zone).toLocalDate();
        return ofDate(end ? date.minusDays(1) : date, zone, end);
    }

    /** ISO text with the zone's offset ("2025-05-24T08:30:00+03:00"), or the date alone. */
    public String iso() {
        if (dateOnly()) {
            return date.toString();
        }
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    /** Local text without offset ("2025-05-24T08:30"), or the date alone. */
    public String local() {
        if (dateOnly()) {
            return date.toString();
        }
        return LocalDateTime.of(date, time).format(LOCAL_OUT);
    }
}
