package org.airattack.stats.report.airforce;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * The window a post's header names, as local Kyiv date-times (or a date, when the post gives no
 * start time): "У ніч на 24 червня (з 18:00 23 червня) … станом на 08:30", "У ніч на 18 травня
 * (із 20.00)", "Протягом дня 13 травня (із 7.00 до 18.30)", and in 2022 "Цієї ночі з 00:00 до
 * 02:00" (the night to the day the post was published). The year is the one that puts the named
 * date nearest the reference date (the day the post was published, else today), so a night "на 1
 * січня (з 18:00 31 грудня)" starts in the year before it ends, and read on 31 December it is the
 * coming one.
 *
 * @param sentence the index of the sentence holding the header
 * @param after    where in that sentence the header ends
 * @param start    the start, "2026-06-23T18:00", or a date alone
 * @param end      the end, "2026-06-24T08:30"
 * @param header   the header as written, for messages
 */
record PostWindow(int sentence, int after, String start, String end, String header) {

    static final String MONTHS = "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня";
    private static final List<String> MONTH_LIST = List.of(MONTHS.split("\\|"));
    private static final String TIME = "(\\d{1,2})[:.](\\d{2})";
    private static final String YEAR = "(?:\\s+(\\d{4})\\s*(?:року|р\\.)?)?";
    private static final String FROM = "(?:з|із|зі|від)";

    /** A date after a time: "23 червня", or "23.09" in 2024. */
    private static final String DATE_AFTER = "\\s+(\\d{1,2})(?:\\s+(" + MONTHS + ")|\\.(\\d{1,2})(?![\\d:.]))";
    /**
     * A night's start, with its date when it is not the evening before, and its end when it is not
     * the time the post is as of (the end's own date, if written, is the header's).
     */
    private static final String NIGHT_TIMES = "(?:,?\\s*\\(?\\s*" + FROM + "\\s+" + TIME + "(?:" + DATE_AFTER + ")?"
            + "(?:\\s+(?:до|по)\\s+" + TIME + "(?:\\s+\\d{1,2}(?:\\s+(?:" + MONTHS + ")|\\.\\d{1,2}(?![\\d:.])))?)?\\s*\\)?)?";
    private static final Pattern NIGHT = Pattern.compile(PostText.wordStart("увн") + "(?:(?:[ув]\\s+)?ніч\\s+на|уночі|вночі)"
            + "\\s+(\\d{1,2}),?\\s+(" + MONTHS + ")" + YEAR + NIGHT_TIMES);
    /** "Цієї ночі", with or without its date: the groups stand as in {@link #NIGHT}. */
    private static final Pattern TONIGHT = Pattern.compile(PostText.wordStart("ц") + "цієї\\s+ночі"
            + "(?:,?\\s*(\\d{1,2})\\s+(" + MONTHS + ")" + YEAR + ")?" + NIGHT_TIMES);

    private static final Pattern DAY = Pattern.compile(PostText.wordStart("п") + "протягом\\s+(?:(?:дня|доби)\\s+)?(\\d{1,2})\\s+(" + MONTHS + ")" + YEAR
            + "(?:,?\\s*\\(?\\s*" + FROM + "\\s+" + TIME + "\\s+(?:до|по)\\s+" + TIME + "\\s*\\)?)?");
    /** "Із 18.30 25 грудня по 03.00 26 грудня 2023 року": both ends with their dates. */
    private static final Pattern RANGE = Pattern.compile(PostText.wordStart("зві") + FROM + "\\s+" + TIME + "\\s+(\\d{1,2})\\s+(" + MONTHS + ")"
            + "\\s+(?:до|по)\\s+" + TIME + "\\s+(\\d{1,2})\\s+(" + MONTHS + ")" + YEAR);
    /** "У період із 14.30 по 20.30 7 травня": a wave within one date. */
    private static final Pattern PERIOD = Pattern.compile(PostText.wordStart("ув") + "(?:у|в)\\s+період\\s+" + FROM + "\\s+" + TIME
            + "\\s+(?:до|по)\\s+" + TIME + "\\s+(\\d{1,2})\\s+(" + MONTHS + ")" + YEAR);
    private static final Pattern AS_OF = Pattern.compile(PostText.wordStart("с") + "станом\\s+на\\s+" + TIME);
    /** The headers, in the order {@link #find} keeps them apart. */
    private static final List<Pattern> HEADERS = List.of(NIGHT, TONIGHT, DAY, RANGE, PERIOD);
    /** The longest a night's window is: a start further before its end is a slip of the month or the day. */
    private static final int LONGEST_NIGHT_DAYS = 2;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /**
     * Finds the header; a header it finds but cannot turn into a window, or a second header naming
     * another window (two posts pasted as one), adds to {@code problems} and gives no window.
     */
    static Optional<PostWindow> find(List<Sentence> sentences, LocalDate reference, List<String> problems) {
        MatchResult first = null;
        Pattern firstKind = null;
        Sentence at = null;
        for (Sentence s : sentences) {
            if (!mayName(s.lower())) {
                continue;
            }
            // each matcher only moves forward, so a sentence of many headers is read once, not once per header
            List<Matcher> matchers = HEADERS.stream().map(p -> p.matcher(s.lower())).toList();
            boolean[] found = new boolean[matchers.size()];
            for (int k = 0; k < found.length; k++) {
                found[k] = matchers.get(k).find();
            }
            for (int k = earliest(matchers, found); k >= 0; k = earliest(matchers, found)) {
                Matcher m = matchers.get(k);
                if (first == null) {
                    first = m.toMatchResult();
                    firstKind = HEADERS.get(k);
                    at = s;
                } else if (another(first, firstKind, m, HEADERS.get(k))) {
                    problems.add("the window: the text names two, '" + at.text().substring(first.start(), first.end()) + "' and '"
                            + s.text().substring(m.start(), m.end()) + "'; post each report on its own");
                    return Optional.empty();
                }
                int end = m.end();
                found[k] = m.find();
                for (int j = 0; j < found.length; j++) {
                    found[j] = found[j] && (matchers.get(j).start() >= end || matchers.get(j).find(end));
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        if (firstKind == RANGE || firstKind == PERIOD) {
            return bounded(at, first, firstKind == RANGE, reference, problems);
        }
        return firstKind == DAY ? day(at, first, reference, problems) : night(at, first, sentences, reference, problems);
    }

    /** False for a sentence without a month's name or "ночі": no header can stand in it, and its patterns are not tried. */
    private static boolean mayName(String lower) {
        if (lower.contains("ночі")) {
            return true;
        }
        for (String month : MONTH_LIST) {
            if (lower.contains(month)) {
                return true;
            }
        }
        return false;
    }

    /** The header found first among those still to read, or -1. */
    private static int earliest(List<Matcher> matchers, boolean[] found) {
        int earliest = -1;
        for (int k = 0; k < found.length; k++) {
            if (found[k] && (earliest < 0 || matchers.get(k).start() < matchers.get(earliest).start())) {
                earliest = k;
            }
        }
        return earliest;
    }

    /** True when a second header names another window: a day beside a night, or another date ("Цієї ночі" alone names none). */
    private static boolean another(MatchResult first, Pattern firstKind, Matcher m, Pattern kind) {
        if ((firstKind == DAY) != (kind == DAY) && firstKind != PERIOD && kind != PERIOD && firstKind != RANGE && kind != RANGE) {
            return true;
        }
        String a = dateOf(first, firstKind);
        String b = dateOf(m, kind);
        return a != null && b != null && !a.equals(b);
    }

    /** The date a header names, as written ("24 червня"; for a range its end's), or null for "Цієї ночі" alone. */
    private static String dateOf(MatchResult m, Pattern kind) {
        int day = kind == RANGE ? 7 : kind == PERIOD ? 5 : 1;
        return m.group(day) == null ? null : m.group(day) + " " + m.group(day + 1);
    }

    /**
     * The local times of the window the clocks skip or repeat in Kyiv ("станом на 03:30" on the night
     * summer time begins): said, with the instant it is read as, which is the one the service stores.
     */
    List<String> clockWarnings() {
        List<String> warnings = new ArrayList<>();
        clock("start", start, warnings);
        clock("end", end, warnings);
        return warnings;
    }

    private static void clock(String which, String value, List<String> warnings) {
        if (value.length() == 10) {
            return; // a date alone
        }
        LocalDateTime local = LocalDateTime.parse(value);
        ZoneId kyiv = AirForcePostParser.KYIV;
        ZoneOffsetTransition change = kyiv.getRules().getTransition(local);
        if (change == null) {
            return;
        }
        OffsetDateTime read = ZonedDateTime.ofLocal(local, kyiv, null).toOffsetDateTime();
        if (change.isGap()) {
            warnings.add("the window's " + which + " " + value + " does not exist in Kyiv (the clocks went forward from "
                    + change.getDateTimeBefore().toLocalTime() + " to " + change.getDateTimeAfter().toLocalTime() + " that night): read as "
                    + read + ", the instant " + local.toLocalTime() + " was in winter time (" + change.getOffsetBefore() + ")");
        } else {
            warnings.add("the window's " + which + " " + value + " happened twice in Kyiv (the clocks went back from "
                    + change.getDateTimeBefore().toLocalTime() + " to " + change.getDateTimeAfter().toLocalTime() + " that night): read as the first, "
                    + read);
        }
    }

    private static Optional<PostWindow> night(Sentence s, MatchResult m, List<Sentence> sentences, LocalDate reference, List<String> problems) {
        String header = s.text().substring(m.start(), m.end());
        try {
            // "Цієї ночі" without a date: the night to the day the post was published
            LocalDate endDate = m.group(1) == null ? reference : date(m.group(1), m.group(2), m.group(3), reference);
            LocalTime endTime;
            if (m.group(9) != null) {
                endTime = time(m.group(9), m.group(10));
            } else {
                endTime = asOf(sentences, s.index(), m.end());
                if (endTime == null) {
                    problems.add("the window's end: '" + header + "' without the time the report is as of ('станом на 08:30')");
                    return Optional.empty();
                }
            }
            LocalDateTime end = LocalDateTime.of(endDate, endTime);
            String start;
            if (m.group(4) == null) {
                // no start time: the night began some time on the evening before
                start = endDate.minusDays(1).toString();
            } else {
                LocalTime startTime = time(m.group(4), m.group(5));
                LocalDate startDate;
                if (m.group(6) != null) {
                    startDate = before(endDate, Integer.parseInt(m.group(6)), m.group(7) != null ? month(m.group(7)) : Integer.parseInt(m.group(8)));
                } else {
                    startDate = startTime.isBefore(LocalTime.NOON) && startTime.isBefore(endTime) ? endDate : endDate.minusDays(1);
                }
                LocalDateTime startAt = LocalDateTime.of(startDate, startTime);
                if (!coherent(header, startAt, end, problems)) {
                    return Optional.empty();
                }
                start = startAt.format(LOCAL);
            }
            return Optional.of(new PostWindow(s.index(), m.end(), start, end.format(LOCAL), header));
        } catch (DateTimeException | NumberFormatException e) {
            problems.add("the window: '" + header + "' is not a valid date or time");
            return Optional.empty();
        }
    }

    /** "Із 18.30 25 грудня по 03.00 26 грудня 2023 року" (a range) and "У період із 14.30 по 20.30 7 травня": both ends written. */
    private static Optional<PostWindow> bounded(Sentence s, MatchResult m, boolean range, LocalDate reference, List<String> problems) {
        String header = s.text().substring(m.start(), m.end());
        try {
            int date = range ? 7 : 5;
            int endTime = range ? 5 : 3;
            LocalDate endDate = date(m.group(date), m.group(date + 1), m.group(date + 2), reference);
            LocalDateTime end = LocalDateTime.of(endDate, time(m.group(endTime), m.group(endTime + 1)));
            LocalDate startDate = range ? before(endDate, Integer.parseInt(m.group(3)), month(m.group(4))) : endDate;
            LocalDateTime start = LocalDateTime.of(startDate, time(m.group(1), m.group(2)));
            return coherent(header, start, end, problems)
                    ? Optional.of(new PostWindow(s.index(), m.end(), start.format(LOCAL), end.format(LOCAL), header)) : Optional.empty();
        } catch (DateTimeException | NumberFormatException e) {
            problems.add("the window: '" + header + "' is not a valid date or time");
            return Optional.empty();
        }
    }

    /** A window that starts before it ends, and not days before: a start weeks earlier is a slip, not a night. */
    private static boolean coherent(String header, LocalDateTime start, LocalDateTime end, List<String> problems) {
        if (start.isAfter(end)) {
            problems.add("the window: '" + header + "' starts after it ends (" + start.format(LOCAL) + " → " + end.format(LOCAL) + ")");
            return false;
        }
        if (start.isBefore(end.minusDays(LONGEST_NIGHT_DAYS))) {
            problems.add("the window: '" + header + "' starts " + ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate())
                    + " days before it ends (" + start.format(LOCAL) + " → " + end.format(LOCAL) + "); a report covers a night or a day");
            return false;
        }
        return true;
    }

    private static Optional<PostWindow> day(Sentence s, MatchResult m, LocalDate reference, List<String> problems) {
        String header = s.text().substring(m.start(), m.end());
        try {
            LocalDate date = date(m.group(1), m.group(2), m.group(3), reference);
            if (m.group(4) == null) {
                return Optional.of(new PostWindow(s.index(), m.end(), date.toString(), date.toString(), header));
            }
            LocalDateTime start = LocalDateTime.of(date, time(m.group(4), m.group(5)));
            LocalDateTime end = LocalDateTime.of(date, time(m.group(6), m.group(7)));
            if (start.isAfter(end)) {
                problems.add("the window: '" + header + "' starts after it ends");
                return Optional.empty();
            }
            return Optional.of(new PostWindow(s.index(), m.end(), start.format(LOCAL), end.format(LOCAL), header));
        } catch (DateTimeException | NumberFormatException e) {
            problems.add("the window: '" + header + "' is not a valid date or time");
            return Optional.empty();
        }
    }

    /** The first "станом на HH:MM" after the header. */
    private static LocalTime asOf(List<Sentence> sentences, int from, int offset) {
        for (int i = from; i < sentences.size(); i++) {
            Matcher m = AS_OF.matcher(sentences.get(i).lower());
            if (m.find(i == from ? offset : 0)) {
                return time(m.group(1), m.group(2));
            }
        }
        return null;
    }

    private static LocalDate date(String day, String month, String year, LocalDate reference) {
        int d = Integer.parseInt(day);
        int mo = month(month);
        if (year != null) {
            return LocalDate.of(Integer.parseInt(year), mo, d);
        }
        LocalDate best = null;
        for (int y = reference.getYear() - 1; y <= reference.getYear() + 1; y++) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(y, mo, d);
            } catch (DateTimeException e) {
                continue; // 29 February outside a leap year
            }
            if (best == null || Math.abs(ChronoUnit.DAYS.between(reference, candidate)) < Math.abs(ChronoUnit.DAYS.between(reference, best))) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new DateTimeException(day + "." + mo + " is not a date");
        }
        return best;
    }

    /** The date with this day and month on or before {@code end}: 31 December before 1 January. */
    private static LocalDate before(LocalDate end, int day, int month) {
        LocalDate d = LocalDate.of(end.getYear(), month, day);
        return d.isAfter(end) ? LocalDate.of(end.getYear() - 1, month, day) : d;
    }

    private static int month(String genitive) {
        return MONTH_LIST.indexOf(genitive) + 1;
    }

    private static LocalTime time(String hour, String minute) {
        return LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute));
    }
}
