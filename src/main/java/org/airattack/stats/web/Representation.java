package org.airattack.stats.web;

import java.util.Locale;

import org.airattack.stats.common.Clip;
import org.airattack.stats.problem.InvalidException;

/**
 * The representations a read is answered in, and the one negotiation that picks it: {@link ReadFastPath}
 * keys kept answers by it, and the REST layer is then told exactly that choice (its {@code Accept}
 * header is replaced), so a kept answer is always the representation that was produced.
 * {@code format=csv|json} wins over {@code Accept}, for tools that cannot set headers. A feed (the
 * corrections) is also offered as Atom ({@code application/atom+xml}, {@code format=atom}).
 */
public enum Representation {
    JSON("application/json", "application/json, */*;q=0.1", "#json"),
    CSV(CsvTables.MEDIA_TYPE, CsvTables.MEDIA_TYPE, "#csv"),
    ATOM(CorrectionsAtomWriter.MEDIA_TYPE, CorrectionsAtomWriter.MEDIA_TYPE, "#atom");

    /** The reads offered as a feed too. */
    static final String FEED = ReadFastPath.API + "corrections";

    private final String mediaType;
    private final String accept;
    private final String keySuffix;

    Representation(String mediaType, String accept, String keySuffix) {
        this.mediaType = mediaType;
        this.accept = accept;
        this.keySuffix = keySuffix;
    }

    /** How a kept answer's key ends. */
    String keySuffix() {
        return keySuffix;
    }

    /**
     * The {@code Accept} header the REST layer is given: this representation first; JSON also leaves
     * room for an endpoint's only other type (the OpenMetrics export).
     */
    public String accept() {
        return accept;
    }

    /**
     * The representation a request asks for, or null when it accepts neither (the REST layer then
     * answers 406, and nothing is kept).
     *
     * @param format the {@code format} parameter, or null
     * @param accept the {@code Accept} header, or null
     * @param path   the request's path: only the {@link #FEED} is offered as Atom
     * @throws InvalidException for a {@code format} other than csv or json (or atom, for the feed)
     */
    public static Representation negotiate(String format, String accept, String path) {
        boolean feed = FEED.equals(path);
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                case "atom" -> {
                    if (feed) {
                        yield ATOM;
                    }
                    throw new InvalidException("format", "must be csv or json here, not '" + Clip.clip(format) + "'");
                }
                default -> throw new InvalidException("format", "must be csv or json" + (feed ? " or atom" : "") + ", not '"
                        + Clip.clip(format) + "'");
            };
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        double json = quality(accept, JSON.mediaType);
        double csv = quality(accept, CSV.mediaType);
        double atom = feed ? quality(accept, ATOM.mediaType) : 0;
        if (json <= 0 && csv <= 0 && atom <= 0) {
            return null;
        }
        if (atom > json && atom > csv) {
            return ATOM;
        }
        return csv > json ? CSV : JSON;
    }

    /**
     * The quality an {@code Accept} header gives a media type (RFC 9110 §12.5.1): that of the most
     * specific range matching it ({@code type/subtype} over {@code type/*} over {@code *}{@code /*}),
     * 0 when none does. Case does not matter; parameters other than {@code q} are ignored.
     */
    static double quality(String accept, String mediaType) {
        int slash = mediaType.indexOf('/');
        String type = mediaType.substring(0, slash);
        int best = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = name.equals(mediaType) ? 2 : name.equals(type + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
            if (specificity > best) {
                best = specificity;
                q = weight(parts);
            }
        }
        return q;
    }

    /**
     * The ranges of an {@code Accept} header the client does accept ({@code q} above 0), for an answer
     * in neither representation (the REST layer's own negotiation would take a refused one); empty
     * when it accepts nothing.
     */
    static String acceptedRanges(String accept) {
        StringBuilder out = new StringBuilder();
        for (String range : accept.split(",")) {
            if (!range.isBlank() && weight(range.split(";")) > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(range.strip());
            }
        }
        return out.toString();
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
