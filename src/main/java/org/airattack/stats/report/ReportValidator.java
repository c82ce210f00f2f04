package org.airattack.stats.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponRef;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.problem.ConflictException;
import org.airattack.stats.problem.FieldError;
import org.airattack.stats.problem.InvalidException;
import org.airattack.stats.common.Sha256;
import static org.airattack.stats.common.Clip.clip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a report request into a {@link ReportDraft} or a list of field errors (SPEC §1
 * "Validation"). Implausible but reported numbers pass, with a warning.
 */
@ApplicationScoped
public class ReportValidator {

    /** How a request's unknown weapons are treated. */
    public enum UnknownWeapons {
        /** An error listing close matches: the JSON API, fed by people. */
        REJECT,
        /** Kept under the catch-all weapon with the original spelling and a warning: the dataset import. */
        KEEP
    }

    // The sizes of the text columns in db/migration: whatever passes validation fits where it is stored.
    /** {@code report_revision.target}. */
    static final int MAX_TEXT = 200;
    /** {@code report.external_id}. */
    static final int MAX_EXTERNAL_ID = 512;
    /** {@code report_revision.url}. */
    static final int MAX_URL = 2048;
    /** {@code report_line.launch_place}. */
    static final int MAX_PLACE = 1000;
    /** {@code report_line.weapon_spelling}, and {@code report_line.weapon}: the canonical key, for a bundle its members' slugs. */
    static final int MAX_WEAPON = 400;
    /** {@code report_line.left_airspace}: the countries and counts as stored, a JSON object. */
    static final int MAX_LEFT_AIRSPACE = 2000;
    static final int MAX_COUNTRY = 64;

    /** Reads refuse dates before this one (the query parameters {@code from}, {@code to}); writes refuse windows that start before it. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Catalog catalog;
    private final AirAttackConfig.Validation limits;
    private final ObjectMapper json;

    public ReportValidator(Catalog catalog, AirAttackConfig config, ObjectMapper json) {
        this.catalog = catalog;
        this.limits = config.validation();
        this.json = json;
    }

    /** Validates a new report (POST). */
    public ReportDraft validate(ReportRequest request, UnknownWeapons unknownWeapons) {
        return validate(request, unknownWeapons, null);
    }

    /**
     * Validates a request; for a revision of an existing report (PUT) its source and external id
     * come from that report and the request may omit them, but not contradict them.
     */
    public ReportDraft validate(ReportRequest request, UnknownWeapons unknownWeapons, StoredReport existing) {
        return validate(request, unknownWeapons, existing, i -> "lines[" + i + "]");
    }

    /**
     * Validates a request, naming its lines in warnings and errors with {@code lineLabel} (the CSV
     * import names them by row number).
     */
    public ReportDraft validate(ReportRequest request, UnknownWeapons unknownWeapons, StoredReport existing,
            IntFunction<String> lineLabel) {
        List<FieldError> errors = new ArrayList<>();
        List<ReportWarning> warnings = new ArrayList<>();
        if (request == null) {
            throw new InvalidException("body", "a report is required");
        }

        SourceInfo source = null;
        if (existing != null) {
            source = existing.source();
            if (request.source() != null && !request.source().equals(source.slug())) {
                throw new ConflictException("report " + existing.id() + " belongs to source '" + source.slug()
                        + "', not '" + request.source() + "'");
            }
            if (request.externalId() != null && !request.externalId().equals(existing.externalId())) {
                throw new ConflictException("report " + existing.id() + " has externalId '" + existing.externalId()
                        + "', not '" + request.externalId() + "'");
            }
        } else if (request.source() == null || request.source().isBlank()) {
            errors.add(new FieldError("source", "is required; known sources: " + sourceList()));
        } else {
            source = catalog.source(request.source()).orElse(null);
            if (source == null) {
                errors.add(new FieldError("source", "unknown source '" + clip(request.source()) + "'; known sources: " + sourceList()));
            }
        }

        text(request.target(), "target", MAX_TEXT, errors);
        text(request.externalId(), "externalId", MAX_EXTERNAL_ID, errors);
        if (request.externalId() != null && request.externalId().isBlank()) {
            errors.add(new FieldError("externalId", "must not be blank; omit it to derive one from source, window and target"));
        }
        String url = url(request.url(), errors);

        ReportWindow window = null;
        Instant publishedAt = null;
        if (source != null) {
            window = window(request, source, errors);
            publishedAt = publishedAt(request.publishedAt(), source, errors);
        }

        List<Line> lines = lines(request.lines(), unknownWeapons, errors, warnings, lineLabel);

        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
        String target = blankToNull(request.target());
        String externalId = existing != null ? existing.externalId()
                : request.externalId() != null ? request.externalId().strip()
                : window.start().local() + "/" + window.end().local() + (target == null ? "" : "/" + target);
        boolean wave = Boolean.TRUE.equals(request.additionalWave());
        String hash = hash(window, target, url, publishedAt, lines, wave);
        return new ReportDraft(source, externalId, target, window, url, publishedAt, List.copyOf(lines), List.copyOf(warnings), hash,
                wave);
    }

    private String sourceList() {
        return String.join(", ", catalog.sources().stream().map(SourceInfo::slug).toList());
    }

    private ReportWindow window(ReportRequest request, SourceInfo source, List<FieldError> errors) {
        Optional<WindowPoint> start = point(request.windowStart(), "windowStart", source, false, errors);
        Optional<WindowPoint> end = point(request.windowEnd(), "windowEnd", source, true, errors);
        if (start.isEmpty() || end.isEmpty()) {
            return null;
        }
        if (start.get().date().isBefore(EARLIEST)) {
            errors.add(new FieldError("windowStart", "lies before " + EARLIEST + ", the earliest date the service takes ("
                    + start.get().iso() + ")"));
            return null;
        }
        ReportWindow window = new ReportWindow(start.get(), end.get());
        if (end.get().instant().isBefore(start.get().instant())) {
            errors.add(new FieldError("windowEnd", "ends before windowStart"));
            return null;
        }
        if (window.length().compareTo(limits.maxWindow()) > 0) {
            errors.add(new FieldError("windowEnd", "the window is " + hours(window.length()) + " long; the longest allowed is "
                    + hours(limits.maxWindow())));
        }
        Instant now = Instant.now();
        boolean future = end.get().dateOnly()
                ? end.get().date().isAfter(LocalDate.ofInstant(now, source.zone()))
                : end.get().instant().isAfter(now.plus(limits.futureTolerance()));
        if (future) {
            errors.add(new FieldError("windowEnd", "lies in the future (" + end.get().iso() + ")"));
        }
        return window;
    }

    private static Optional<WindowPoint> point(String text, String field, SourceInfo source, boolean end, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required: an ISO-8601 date-time (with or without offset) or a date"));
            return Optional.empty();
        }
        Optional<WindowPoint> p = WindowPoint.parse(text, source.zone(), end);
        if (p.isEmpty()) {
            errors.add(new FieldError(field, "cannot read '" + clip(text) + "' as an ISO-8601 date-time or date, e.g. 2025-05-24T08:30"));
        }
        return p;
    }

    private static Instant publishedAt(String text, SourceInfo source, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            Optional<WindowPoint> local = WindowPoint.parse(text, source.zone(), false);
            if (local.isPresent() && !local.get().dateOnly()) {
                return local.get().instant();
            }
            errors.add(new FieldError("publishedAt", "cannot read '" + clip(text) + "' as an ISO-8601 date-time"));
            return null;
        }
    }

    private static String url(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String u = text.strip();
        if (u.length() > MAX_URL) {
            errors.add(new FieldError("url", "is longer than " + MAX_URL + " characters"));
            return null;
        }
        Optional<String> unfit = textProblem(u);
        if (unfit.isPresent()) {
            errors.add(new FieldError("url", unfit.get()));
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(u);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                errors.add(new FieldError("url", "must be an absolute http(s) URL"));
                return null;
            }
        } catch (java.net.URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
            return null;
        }
        return u;
    }

    private List<Line> lines(List<ReportRequest.LineRequest> requested, UnknownWeapons unknownWeapons, List<FieldError> errors,
            List<ReportWarning> warnings, IntFunction<String> lineLabel) {
        List<Line> lines = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            errors.add(new FieldError("lines", "a report needs at least one line"));
            return lines;
        }
        if (requested.size() > limits.maxLines()) {
            errors.add(new FieldError("lines", "at most " + limits.maxLines() + " lines per report"));
            return lines;
        }
        for (int i = 0; i < requested.size(); i++) {
            ReportRequest.LineRequest l = requested.get(i);
            String at = lineLabel.apply(i);
            if (l == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            WeaponRef weapon = null;
            if (l.weapon() == null || l.weapon().isBlank()) {
                errors.add(new FieldError(at + ".weapon", "is required (a catalog slug or a dataset spelling, see /api/v1/weapons)"));
            } else if (l.weapon().length() > MAX_WEAPON) {
                errors.add(new FieldError(at + ".weapon", "is longer than " + MAX_WEAPON + " characters"));
            } else if (textProblem(l.weapon()).isPresent()) {
                errors.add(new FieldError(at + ".weapon", textProblem(l.weapon()).get()));
            } else {
                weapon = catalog.resolve(l.weapon()).orElse(null);
                if (weapon != null && weapon.key().length() > MAX_WEAPON) {
                    errors.add(new FieldError(at + ".weapon", "names " + weapon.members().size() + " weapons, more than one line can hold ("
                            + weapon.key().length() + " characters as stored, at most " + MAX_WEAPON + "); report them on separate lines"));
                    weapon = null;
                }
                if (weapon == null && unknownWeapons == UnknownWeapons.KEEP) {
                    weapon = catalog.unknownWeapon();
                    warnings.add(new ReportWarning(i, lineLabel.apply(i) + ": weapon '" + l.weapon().strip()
                            + "' is not in the catalog; kept under '" + weapon.key() + "' with its spelling"));
                } else if (weapon == null) {
                    List<String> close = catalog.closeMatches(l.weapon());
                    errors.add(new FieldError(at + ".weapon", "unknown weapon '" + clip(l.weapon()) + "'"
                            + (close.isEmpty() ? "; see /api/v1/weapons" : "; did you mean: " + String.join(", ", close))));
                }
            }
            text(l.launchPlace(), at + ".launchPlace", MAX_PLACE, errors);
            Integer launched = count(l.launched(), at + ".launched", errors);
            Integer shotDown = count(l.shotDown(), at + ".shotDown", errors);
            Integer suppressed = count(l.suppressed(), at + ".suppressed", errors);
            Integer statedNeutralised = count(l.neutralised(), at + ".neutralised", errors);
            Integer stillAirborne = count(l.stillAirborne(), at + ".stillAirborne", errors);
            Integer hits = count(l.hitLocations(), at + ".hitLocations", errors);
            Integer debris = count(l.debrisLocations(), at + ".debrisLocations", errors);
            Integer shaheds = count(l.shaheds(), at + ".shaheds", errors);
            SortedMap<String, Integer> left = new TreeMap<>();
            if (l.leftAirspace() != null) {
                for (Map.Entry<String, BigDecimal> e : l.leftAirspace().entrySet()) {
                    String country = e.getKey() == null ? "" : e.getKey().strip();
                    if (country.isEmpty() || country.length() > MAX_COUNTRY) {
                        errors.add(new FieldError(at + ".leftAirspace", "country names must be 1 to " + MAX_COUNTRY + " characters"));
                        continue;
                    }
                    Optional<String> unfit = textProblem(country);
                    if (unfit.isPresent()) {
                        errors.add(new FieldError(at + ".leftAirspace", "a country name " + unfit.get()));
                        continue;
                    }
                    Integer n = count(e.getValue(), at + ".leftAirspace." + country, errors);
                    if (n != null) {
                        left.merge(country, n, Integer::sum);
                    }
                }
                int stored = left.isEmpty() ? 0 : encode(left).length();
                if (stored > MAX_LEFT_AIRSPACE) {
                    errors.add(new FieldError(at + ".leftAirspace", "names " + left.size() + " countries in " + stored
                            + " characters as stored; at most " + MAX_LEFT_AIRSPACE));
                }
            }
            Integer neutralised = Line.deriveNeutralised(statedNeutralised, shotDown, suppressed);
            if (weapon == null) {
                continue;
            }
            String name = lineLabel.apply(i) + " (" + l.weapon().strip() + ")";
            if (neutralised != null && launched != null && neutralised > launched) {
                warnings.add(new ReportWarning(i, name + ": neutralised " + neutralised + " is more than launched " + launched
                        + "; stored as reported"));
            }
            if (statedNeutralised != null && (shotDown != null || suppressed != null)) {
                int parts = (shotDown == null ? 0 : shotDown) + (suppressed == null ? 0 : suppressed);
                if (parts > statedNeutralised) {
                    warnings.add(new ReportWarning(i, name + ": shot down + suppressed (" + parts + ") is more than neutralised "
                            + statedNeutralised + "; stored as reported"));
                }
            }
            if (shaheds != null && launched != null && shaheds > launched) {
                warnings.add(new ReportWarning(i, name + ": " + shaheds + " Shaheds inside a total of " + launched
                        + "; stored as reported"));
            }
            lines.add(new Line(weapon, l.weapon().strip(), blankToNull(l.launchPlace()), launched, shotDown, suppressed,
                    neutralised, stillAirborne, hits, debris, left, shaheds, Boolean.TRUE.equals(l.withheld())));
        }
        return lines;
    }

    private Integer count(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative (null means unknown)"));
            return null;
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, "must be a whole number, not " + value.toPlainString()));
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(limits.maxCount())) > 0) {
            errors.add(new FieldError(field, "must be at most " + limits.maxCount()));
            return null;
        }
        return value.intValue();
    }

    private static void text(String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        } else if (value != null) {
            textProblem(value).ifPresent(problem -> errors.add(new FieldError(field, problem)));
        }
    }

    /**
     * What makes a text unfit to store, if anything: a control character (tab and line breaks aside;
     * PostgreSQL cannot store NUL, and no report needs the others), a Unicode format character
     * (category Cf: the bidi controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, and the
     * zero-width characters and BOM), which make a text display otherwise than it reads, or an
     * unpaired surrogate, which is no character at all and would be stored as '?'.
     */
    public static Optional<String> textProblem(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String problem = switch (Character.getType(c)) {
                case Character.CONTROL -> c == '\t' || c == '\n' || c == '\r' ? null : "a control character";
                case Character.FORMAT -> "an invisible formatting character (bidi control, zero-width character)";
                case Character.SURROGATE -> "an unpaired surrogate, which is not text";
                default -> null;
            };
            if (problem != null) {
                return Optional.of("contains " + String.format("U+%04X", c) + " at character " + (i + 1) + ", " + problem);
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private String encode(Map<String, Integer> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        return h >= 48 ? (h / 24) + " days" : h + " h";
    }

    /**
     * Everything that makes two versions of a report differ. The spelling of a weapon and the order
     * of the lines do not.
     */
    static String hash(ReportWindow window, String target, String url, Instant publishedAt, List<Line> lines, boolean wave) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(window.start().instant()).append(window.start().dateOnly()).append('|')
                .append(window.end().instant()).append(window.end().dateOnly()).append('|')
                .append(target).append('|').append(url).append('|').append(publishedAt).append('\n');
        List<String> canonical = new ArrayList<>(lines.size());
        for (Line l : lines) {
            canonical.add(l.weapon().key() + '|' + l.launchPlace() + '|' + l.launched() + '|' + l.shotDown() + '|'
                    + l.suppressed() + '|' + l.neutralised() + '|' + l.stillAirborne() + '|' + l.hitLocations() + '|'
                    + l.debrisLocations() + '|' + l.leftAirspace() + '|' + l.shaheds() + '|' + l.withheld());
        }
        canonical.sort(null);
        canonical.forEach(line -> sb.append(line).append('\n'));
        if (wave) {
            sb.append("additional wave\n"); // only when set: the hashes of reports stored before the mark stay
        }
        return Sha256.hex(sb.toString());
    }
}
