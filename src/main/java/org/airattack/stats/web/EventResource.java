package org.airattack.stats.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.common.Clip;
import org.airattack.stats.config.AirAttackConfig;
import org.airattack.stats.events.EventStream;
import org.airattack.stats.events.EventType;
import org.airattack.stats.events.PublishedEvent;
import org.airattack.stats.problem.InvalidException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import io.smallrye.mutiny.Multi;

/**
 * The event stream (Server-Sent Events): a {@code night} event when a night is first published, a
 * {@code correction} when its figures change, a {@code bulk} summary of a large import; a comment line
 * every {@code airattack.events.heartbeat}; resume with Last-Event-ID. Never kept by the read cache,
 * never compressed ({@code text/event-stream} is not among the compressed types).
 */
@Path("/api/v1/events")
@Tag(name = "events")
public class EventResource {

    /** How long a browser's EventSource waits before it reconnects after the stream ends. */
    static final long RETRY_MILLIS = 2000;

    private final EventStream stream;
    private final Catalog catalog;
    private final Duration heartbeat;

    public EventResource(EventStream stream, Catalog catalog, AirAttackConfig config) {
        this.stream = stream;
        this.catalog = catalog;
        this.heartbeat = config.events().heartbeat();
    }

    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Events as they happen (Server-Sent Events)", description = "Event names night, correction, bulk and "
            + "reset; each data is one JSON object with its id, type, source, period, date, totals (as /api/v1/nights/{date} "
            + "reports them: unknown is null), flags, previous (a correction's former totals), dataVersion and createdAt. "
            + "A comment line every 10 s keeps the stream open. Send Last-Event-ID (or lastEventId=) to get the events "
            + "missed since, from the last 7 days and 10,000 events; older, a reset event says to read the nights again.")
    public Multi<OutboundSseEvent> events(
            @Parameter(description = "only this source's events; every source when absent") @QueryParam("source") String source,
            @Parameter(description = "comma-separated kinds: night, correction, bulk; all when absent") @QueryParam("types") String types,
            @Parameter(description = "resume after this event id (what EventSource sends on reconnecting)")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "resume after this event id, for clients that cannot set Last-Event-ID")
            @QueryParam("lastEventId") String lastEventIdQuery,
            @Context Sse sse) {
        Predicate<PublishedEvent> filter = filter(source, kinds(types));
        Long lastEventId = lastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
        Multi<OutboundSseEvent> events = stream.subscribe(lastEventId, filter).map(item -> item.event() != null
                ? sse.newEventBuilder().id(String.valueOf(item.event().id())).name(item.event().type().slug())
                        .data(item.event().payload()).build()
                : sse.newEventBuilder().name("reset").data(reset(item.reset())).build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        OutboundSseEvent hello = sse.newEventBuilder().comment("air-attack-stats events").reconnectDelay(RETRY_MILLIS).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(hello),
                Multi.createBy().merging().streams(events, beats));
    }

    private static String reset(EventStream.Reset r) {
        return "{\"lastEventId\":" + r.lastEventId() + ",\"prunedThrough\":" + r.prunedThrough() + ",\"reason\":\""
                + r.reason() + "\"}";
    }

    private Predicate<PublishedEvent> filter(String source, Set<EventType> kinds) {
        if (source != null && catalog.source(source).isEmpty()) {
            throw new InvalidException("source", "is not a known source: '" + Clip.clip(source) + "' (see /api/v1/sources)");
        }
        return e -> kinds.contains(e.type()) && (source == null || source.equals(e.source()));
    }

    private static Set<EventType> kinds(String types) {
        if (types == null || types.isBlank()) {
            return EnumSet.allOf(EventType.class);
        }
        Set<EventType> out = EnumSet.noneOf(EventType.class);
        for (String t : types.split(",")) {
            out.add(EventType.fromSlug(t.strip()).orElseThrow(() -> new InvalidException("types",
                    "must be a comma-separated list of night, correction, bulk; not '" + Clip.clip(t.strip()) + "'")));
        }
        return out;
    }

    private static Long lastEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidException("Last-Event-ID", "must be an event id (a non-negative integer), not '" + Clip.clip(value) + "'");
    }
}
