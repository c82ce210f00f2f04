package org.airattack.stats.report.airforce;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * The window a post's header names, as local Kyiv date-times (or a date, when the post gives no
 * start time): "У ніч на 24 червня (з 18:00 23 червня) … станом на 08:30", "У ніч на 18 травня
 * (із 20.00)", "Протягом дня 13 травня (із 7.00 до 18.30)". The year is the one that puts the named
 * date nearest the reference date (the day the post was published), so a night "на 1 січня
 * (з 18:00 31 грудня)" starts in the year before it ends.
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

    private static final Pattern NIGHT = Pattern.compile(PostText.wordStart("увн") + "(?:[ув]\\s+)?ніч\\s+на\\s+(\\d{1,2})\\s+(" + MONTHS + ")" + YEAR
            + "(?:,?\\s*\\(?\\s*" + FROM + "\\s+" + TIME + "(?:\\s+(\\d{1,2})\\s+(" + MONTHS + "))?(?:\\s+(?:до|по)\\s+" + TIME + ")?\\s*\\)?)?");
    private static final Pattern DAY = Pattern.compile(PostText.wordStart("п") + "протягом\\s+(?:дня|доби)\\s+(\\d{1,2})\\s+(" + MONTHS + ")" + YEAR
            + "(?:,?\\s*\\(?\\s*" + FROM + "\\s+" + TIME + "\\s+(?:до|по)\\s+" + TIME + "\\s*\\)?)?");
    private static final Pattern AS_OF = Pattern.compile(PostText.wordStart("с") + "станом\\s+на\\s+" + TIME);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /**
     * Finds the header; a header it finds but cannot turn into a window, or a second header naming
     * another window (two posts pasted as one), adds to {@code problems} and gives no window.
     */
    static Optional<PostWindow> find(List<Sentence> sentences, LocalDate reference, List<String> problems) {
        MatchResult first = null;
        boolean firstIsDay = false;
        Sentence at = null;
        for (Sentence s : sentences) {
            // each matcher only moves forward, so a sentence of many headers is read once, not once per header
            Matcher night = NIGHT.matcher(s.lower());
            Matcher day = DAY.matcher(s.lower());
            boolean isNight = night.find();
            boolean isDay = day.find();
            while (isNight || isDay) {
                boolean dayFirst = isDay && (!isNight || day.start() < night.start());
                Matcher m = dayFirst ? day : night;
                if (first == null) {
                    first = m.toMatchResult();
                    firstIsDay = dayFirst;
                    at = s;
                } else if (firstIsDay != dayFirst || !first.group(1).equals(m.group(1)) || !first.group(2).equals(m.group(2))) {
                    problems.add("the window: the text names two, '" + at.text().substring(first.start(), first.end()) + "' and '"
                            + s.text().substring(m.start(), m.end()) + "'; post each report on its own");
                    return Optional.empty();
                }
                int end = m.end();
                if (dayFirst) {
                    isDay = day.find();
                    isNight = isNight && (night.start() >= end || night.find(end));
                } else {
                    isNight = night.find();
                    isDay = isDay && (day.start() >= end || day.find(end));
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return firstIsDay ? day(at, first, reference, problems) : night(at, first, sentences, reference, problems);
    }

    private static Optional<PostWindow> night(Sentence s, MatchResult m, List<Sentence> sentences, LocalDate reference, List<String> problems) {
        String header = s.text().substring(m.start(), m.end());
        try {
            LocalDate endDate = date(m.group(1), m.group(2), m.group(3), reference);
            LocalTime endTime;
            if (m.group(8) != null) {
                endTime = time(m.group(8), m.group(9));
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
                    startDate = before(endDate, Integer.parseInt(m.group(6)), month(m.group(7)));
                } else {
                    startDate = startTime.isBefore(LocalTime.NOON) && startTime.isBefore(endTime) ? endDate : endDate.minusDays(1);
                }
                LocalDateTime startAt = LocalDateTime.of(startDate, startTime);
                if (startAt.isAfter(end)) {
                    problems.add("the window: '" + header + "' starts after it ends (" + startAt.format(LOCAL) + " → " + end.format(LOCAL) + ")");
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
