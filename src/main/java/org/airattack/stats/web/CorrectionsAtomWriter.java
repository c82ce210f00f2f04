package org.airattack.stats.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.SourceKind;
import org.airattack.stats.series.Attribution;
import org.airattack.stats.series.Correction;
import org.airattack.stats.series.CorrectionsPage;
import org.airattack.stats.series.GroupBy;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/**
 * The corrections feed as Atom (RFC 4287), written with Rome, for a newsroom's feed reader: one entry
 * per correction, its id stable, titled by the night and its first changed figure, linked to the
 * night's page; the feed credits the Ukrainian Air Force and the public dataset, and links the next
 * page (RFC 5005 paging). Links are relative to the feed's own address.
 */
@Provider
@Produces(CorrectionsAtomWriter.MEDIA_TYPE)
public class CorrectionsAtomWriter implements MessageBodyWriter<CorrectionsPage> {

    public static final String MEDIA_TYPE = "application/atom+xml";
    /** The tag URI (RFC 4151) authority every id of the feed is minted under. */
    static final String TAG = "tag:air-attack-stats,2026:";
    static final String RIGHTS = "Figures: the reports of the Ukrainian Air Force (and of each source named). "
            + Attribution.DATASET;

    private final Catalog catalog;

    public CorrectionsAtomWriter(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CorrectionsPage.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CorrectionsPage page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            new WireFeedOutput().output(feed(page), writer, true);
        } catch (FeedException e) {
            throw new IOException("cannot write the corrections feed", e);
        }
        writer.flush();
    }

    Feed feed(CorrectionsPage page) {
        Feed feed = new Feed("atom_1.0");
        Map<String, String> selection = new LinkedHashMap<>();
        selection.put("source", page.source());
        selection.put("from", page.from());
        selection.put("to", page.to());
        feed.setId(TAG + "corrections" + query(selection));
        feed.setTitle("Corrections to published air-attack figures"
                + (page.source() == null ? "" : ": " + source(page.source()).name()));
        Content subtitle = new Content();
        subtitle.setValue("Every change to a night's figures after they were published: revised and retracted reports of the "
                + "Ukrainian Air Force and the other sources, with the figures before and after. " + Attribution.DATASET);
        feed.setSubtitle(subtitle);
        feed.setRights(RIGHTS);
        feed.setUpdated(Date.from(Instant.parse(page.corrections().isEmpty() ? page.generatedAt()
                : page.corrections().get(0).changedAt())));
        Person author = new Person();
        author.setName("air-attack-stats");
        feed.setAuthors(List.of(author));
        selection.put("limit", String.valueOf(page.limit()));
        List<Link> links = new ArrayList<>();
        Map<String, String> self = new LinkedHashMap<>(selection);
        self.put("cursor", page.cursor());
        links.add(link("self", "/api/v1/corrections" + query(self, "format", "atom"), MEDIA_TYPE));
        if (page.next() != null) {
            Map<String, String> next = new LinkedHashMap<>(selection);
            next.put("cursor", page.next());
            links.add(link("next", "/api/v1/corrections" + query(next, "format", "atom"), MEDIA_TYPE));
        }
        feed.setOtherLinks(links);
        feed.setEntries(page.corrections().stream().map(this::entry).toList());
        return feed;
    }

    private Entry entry(Correction c) {
        SourceInfo source = source(c.source());
        Entry e = new Entry();
        e.setId(TAG + "correction:" + c.id());
        e.setTitle(title(c, source));
        Date changed = Date.from(Instant.parse(c.changedAt()));
        e.setUpdated(changed);
        e.setPublished(changed);
        Person author = new Person();
        author.setName(author(source) + " via air-attack-stats");
        e.setAuthors(List.of(author));
        Map<String, String> night = new LinkedHashMap<>();
        night.put("source", c.source());
        night.put("period", c.period().slug());
        e.setAlternateLinks(List.of(link("alternate", "/nights/" + c.date() + query(night), MediaType.TEXT_HTML)));
        Content summary = new Content();
        summary.setValue(summary(c));
        e.setSummary(summary);
        return e;
    }

    /**
     * "Correction: 2025-03-07 national night — launched 120 → 125 (and 2 more figures)": the first
     * figure changed and how many more; a retraction says so.
     */
    static String title(Correction c, SourceInfo source) {
        Correction.Change first = c.changes().get(0);
        String what = (GroupBy.TOTAL_GROUP.equals(first.group()) ? "" : first.group() + " ") + first.measure().apiName() + " "
                + figure(first.before()) + " → " + figure(first.after());
        int more = c.changes().size() - 1;
        return "Correction: " + c.date() + " " + (source.kind() == SourceKind.NATIONAL ? "national" : source.name()) + " "
                + c.period().slug() + " — " + (c.reason() == Correction.Reason.RETRACTION ? "retracted: " : "") + what
                + (more > 0 ? " (and " + more + " more " + (more == 1 ? "figure)" : "figures)") : "");
    }

    private static String summary(Correction c) {
        String why = switch (c.reason()) {
            case RETRACTION -> "report " + c.reportId() + " (revision " + c.revision() + ") was retracted at " + c.retractedAt();
            default -> "report " + c.reportId() + " was revised (revision " + c.revision() + ", " + c.reason().slug() + ") at "
                    + c.recordedAt();
        };
        String figures = c.changes().stream()
                .map(ch -> ch.group() + " " + ch.measure().apiName() + ": " + figure(ch.before()) + " → " + figure(ch.after()))
                .collect(Collectors.joining("; "));
        return "The night's figures changed because " + why + ". " + figures + "." + (c.url() == null ? "" : " Source: " + c.url());
    }

    private static String figure(Number n) {
        return n == null ? "unknown" : n.toString();
    }

    /** Who published the figures: the Air Force for its own commands, else the source. */
    private static String author(SourceInfo source) {
        return source.slug().startsWith("ua-air-") ? "Ukrainian Air Force" : source.name();
    }

    private SourceInfo source(String slug) {
        return catalog.source(slug).orElseThrow(() -> new IllegalStateException("a correction names unknown source " + slug));
    }

    private static Link link(String rel, String href, String type) {
        Link l = new Link();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    /** The parameters given (non-null), then the extra pair, as a query string. */
    private static String query(Map<String, String> params, String... extra) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> {
            if (v != null) {
                parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        for (int i = 0; i + 1 < extra.length; i += 2) {
            parts.add(extra[i] + "=" + extra[i + 1]);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
