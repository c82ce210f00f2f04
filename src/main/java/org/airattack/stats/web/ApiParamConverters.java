package org.airattack.stats.web;

import static org.airattack.stats.common.Clip.clip;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.airattack.stats.card.ShareCard;
import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.Category;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponRef;
import org.airattack.stats.channel.PostStatus;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.readmodel.PeriodFilter;
import org.airattack.stats.report.ReportValidator;
import org.airattack.stats.report.piterfm.PiterfmCsvImporter;
import org.airattack.stats.series.Fill;
import org.airattack.stats.series.GroupBy;
import org.airattack.stats.series.Interval;
import org.airattack.stats.series.Measure;

/**
 * Reads the API's query and path parameters into their types: catalog sources and weapons, the
 * enums of the API, dates, instants, booleans and whole numbers. A value it cannot read is a 400 naming the
 * parameter and what it accepts; a blank value is the parameter's {@link DefaultValue} (a source
 * declared with a blank default: the configured default source), or absent. Surrounding spaces and
 * case do not matter.
 */
@Provider
public class ApiParamConverters implements ParamConverterProvider {

    /** Dates outside these bounds are typos, not history. */
    static final LocalDate EARLIEST = ReportValidator.EARLIEST;
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Instance<Catalog> catalog;
    private final Instance<AirAttackConfig> config;

    /** Providers are created before the catalog has loaded and runtime configuration exists: both are read on use. */
    public ApiParamConverters(Instance<Catalog> catalog, Instance<AirAttackConfig> config) {
        this.catalog = catalog;
        this.config = config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        String fallback = defaultValue(annotations);
        Function<String, ?> read = reader(rawType, name);
        if (read == null) {
            return null;
        }
        return (ParamConverter<T>) new Converter<>(value -> {
            if (value == null || value.isBlank()) {
                if (fallback == null) {
                    return null;
                }
                // a source parameter declared with a blank default takes the configured default source
                return read.apply(fallback.isBlank() && rawType == SourceInfo.class ? config.get().api().defaultSource() : fallback);
            }
            return read.apply(value.strip());
        });
    }

    /** How a parameter of this type is read, or null for types the REST layer reads itself. */
    private Function<String, ?> reader(Class<?> type, String name) {
        if (type == SourceInfo.class) {
            return v -> catalog.get().source(v).orElseThrow(() -> new InvalidException(name, "unknown source '" + clip(v)
                    + "'; known sources: " + String.join(", ", catalog.get().sources().stream().map(SourceInfo::slug).toList())));
        }
        if (type == WeaponRef.class) {
            return v -> catalog.get().resolve(v).orElseThrow(() -> {
                List<String> close = catalog.get().closeMatches(v);
                return new InvalidException(name, "unknown weapon '" + clip(v) + "'"
                        + (close.isEmpty() ? "; see /api/v1/weapons" : "; did you mean: " + String.join(", ", close)));
            });
        }
        if (type == PeriodFilter.class) {
            return choice(name, PeriodFilter::fromSlug, "must be one of night, day, any");
        }
        if (type == Interval.class) {
            return choice(name, Interval::fromSlug, "must be one of night, week, month, year");
        }
        if (type == GroupBy.class) {
            return choice(name, GroupBy::fromSlug, "must be one of total, category, weapon");
        }
        if (type == Fill.class) {
            return choice(name, Fill::fromSlug, "must be one of none, null, zero");
        }
        if (type == Measure.class) {
            return v -> Measure.fromApiName(v).orElseThrow(() -> new InvalidException(name, "unknown measure '" + clip(v)
                    + "'; measures: " + String.join(", ", Arrays.stream(Measure.values()).map(Measure::apiName).toList())));
        }
        if (type == Category.class) {
            return v -> Category.fromSlug(v.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidException(name,
                    "unknown category '" + clip(v) + "'; categories: "
                            + String.join(", ", Arrays.stream(Category.values()).map(Category::slug).toList())));
        }
        if (type == PiterfmCsvImporter.OnMissing.class) {
            return choice(name, v -> Arrays.stream(PiterfmCsvImporter.OnMissing.values())
                    .filter(m -> m.name().equalsIgnoreCase(v)).findFirst(), "must be one of refuse, keep, retract");
        }
        if (type == ShareCard.Lang.class) {
            return choice(name, v -> v.equals("uk") ? Optional.of(ShareCard.Lang.UK) : v.equals("en") ? Optional.of(ShareCard.Lang.EN)
                    : Optional.empty(), "must be one of uk, en");
        }
        if (type == PostStatus.class) {
            return choice(name, PostStatus::ofSlug, "must be one of stored, ignored, unreadable");
        }
        if (type == LocalDate.class) {
            return v -> date(name, v);
        }
        if (type == Instant.class) {
            return v -> instant(name, v, Instant.now());
        }
        if (type == Boolean.class) {
            return v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new InvalidException(name, "must be true or false, not '" + clip(v) + "'");
            };
        }
        if (type == Integer.class) {
            return v -> {
                try {
                    return Integer.valueOf(v);
                } catch (NumberFormatException e) {
                    throw new InvalidException(name, "must be a whole number, not '" + clip(v) + "'");
                }
            };
        }
        return null;
    }

    private static <E> Function<String, E> choice(String name, Function<String, Optional<E>> parse, String allowed) {
        return v -> parse.apply(v.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidException(name, allowed + ", not '" + clip(v) + "'"));
    }

    private static LocalDate date(String name, String value) {
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidException(name, "must be a date like 2025-05-24, not '" + clip(value) + "'");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw new InvalidException(name, "must lie between " + EARLIEST + " and " + LATEST);
        }
        return d;
    }

    /**
     * An instant that has come: ISO-8601 with an offset ({@code 2025-05-24T09:00+03:00},
     * {@code 2025-05-24T06:00:00Z}). A {@code +} left unencoded in a query string arrives as a space
     * and is read as the {@code +} it was.
     *
     * @throws InvalidException naming the parameter for anything else, an instant after {@code now}, or one before {@link #EARLIEST}
     */
    static Instant instant(String name, String value, Instant now) {
        Instant t;
        try {
            t = OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidException(name, "must be an ISO-8601 instant with an offset, like 2025-05-24T09:00:00+03:00 or "
                    + "2025-05-24T06:00:00Z, not '" + clip(value) + "'");
        }
        if (t.isAfter(now)) {
            throw new InvalidException(name, "is in the future (" + t + " is after " + now + "): nothing has been recorded then yet");
        }
        if (t.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new InvalidException(name, "must not lie before " + EARLIEST);
        }
        return t;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    private static String defaultValue(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof DefaultValue d) {
                return d.value();
            }
        }
        return null;
    }

    /** A converter from text only: the API never writes these parameters back. */
    private record Converter<T>(Function<String, T> read) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            return read.apply(value);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
