package org.airattack.stats.series;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponRef;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.web.ApiException;

/** Reads query parameters; a bad one is a 400 naming the parameter and what it accepts. */
@ApplicationScoped
public class QueryParser {

    /** Dates outside these bounds are typos, not history. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Catalog catalog;
    private final AirAttackConfig.Api api;

    public QueryParser(Catalog catalog, AirAttackConfig config) {
        this.catalog = catalog;
        this.api = config.api();
    }

    public SourceInfo source(String value) {
        String slug = value == null || value.isBlank() ? api.defaultSource() : value.strip();
        return catalog.source(slug).orElseThrow(() -> ApiException.invalid("source", "unknown source '" + clip(slug)
                + "'; known sources: " + String.join(", ", catalog.sources().stream().map(SourceInfo::slug).toList())));
    }

    public PeriodFilter period(String value) {
        return choice("period", value, PeriodFilter.NIGHT, PeriodFilter::fromSlug, "night, day, any");
    }

    public Interval interval(String value) {
        return choice("interval", value, Interval.NIGHT, Interval::fromSlug, "night, week, month, year");
    }

    public GroupBy groupBy(String value) {
        return choice("groupBy", value, GroupBy.TOTAL, GroupBy::fromSlug, "total, category, weapon");
    }

    public Fill fill(String value) {
        return choice("fill", value, Fill.NONE, Fill::fromSlug, "none, null, zero");
    }

    public boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.invalid(name, "must be true or false, not '" + clip(value) + "'");
        };
    }

    /** A date parameter, or null when absent. */
    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be a date like 2025-05-24, not '" + clip(value) + "'");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw ApiException.invalid(name, "must lie between " + EARLIEST + " and " + LATEST);
        }
        return d;
    }

    /** Checks that from is not after to. */
    public void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalid("from", "is after 'to' (" + from + " > " + to + ")");
        }
    }

    public List<Measure> measures(String value) {
        if (value == null || value.isBlank()) {
            return List.of(Measure.LAUNCHED, Measure.NEUTRALISED);
        }
        Set<Measure> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            out.add(Measure.fromApiName(p).orElseThrow(() -> ApiException.invalid("measure", "unknown measure '" + clip(p)
                    + "'; measures: " + String.join(", ", Arrays.stream(Measure.values()).map(Measure::apiName).toList()))));
        }
        return List.copyOf(out);
    }

    /** Weapon filter: slugs or spellings, comma-separated; returns canonical keys, or null for no filter. */
    public Set<String> weapons(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            WeaponRef ref = catalog.resolve(p).orElseThrow(() -> {
                List<String> close = catalog.closeMatches(p);
                return ApiException.invalid("weapon", "unknown weapon '" + clip(p) + "'"
                        + (close.isEmpty() ? "; see /api/v1/weapons" : "; did you mean: " + String.join(", ", close)));
            });
            keys.add(ref.key());
        }
        return Set.copyOf(keys);
    }

    /** Category filter, comma-separated; null for no filter. */
    public Set<Category> categories(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Category> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            out.add(Category.fromSlug(p).orElseThrow(() -> ApiException.invalid("category", "unknown category '" + clip(p)
                    + "'; categories: " + String.join(", ", Arrays.stream(Category.values()).map(Category::slug).toList()))));
        }
        return Set.copyOf(out);
    }

    /** A non-negative integer parameter within bounds, or the default when absent. */
    public int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number between " + min + " and " + max + ", not '" + clip(value) + "'");
        }
        if (n < min || n > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max);
        }
        return n;
    }

    public int maxPageSize() {
        return api.maxPageSize();
    }

    public int defaultPageSize() {
        return api.defaultPageSize();
    }

    private static <T> T choice(String name, String value, T defaultValue, Function<String, Optional<T>> parse, String allowed) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return parse.apply(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.invalid(name, "must be one of " + allowed + ", not '" + clip(value) + "'"));
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
