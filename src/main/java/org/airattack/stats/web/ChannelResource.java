package org.airattack.stats.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.channel.ChannelFollower;
import org.airattack.stats.channel.ChannelPostPage;
import org.airattack.stats.channel.ChannelPostView;
import org.airattack.stats.channel.ChannelQueries;
import org.airattack.stats.channel.ChannelStatus;
import org.airattack.stats.channel.PollResult;
import org.airattack.stats.channel.PostStatus;
import org.airattack.stats.config.AirAttackConfig;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The channel follower: every post read and its outcome (the review queue is status=unreadable), how
 * the polls go, and a writer's "poll now" and "read this post again". These answers change with every
 * poll, not with the data version, so the read cache never keeps them ({@link ReadFastPath#LIVE}).
 */
@Path("/api/v1/channel")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channel")
public class ChannelResource {

    private final ChannelQueries queries;
    private final ChannelFollower follower;
    private final AirAttackConfig.Api api;

    public ChannelResource(ChannelQueries queries, ChannelFollower follower, AirAttackConfig config) {
        this.queries = queries;
        this.follower = follower;
        this.api = config.api();
    }

    @GET
    @PermitAll
    @Path("/posts")
    @Operation(summary = "Posts read from the channel, newest first, with their outcome",
            description = "stored: a national report (reportId, revision); ignored: not a national report (reason: what it is); "
                    + "unreadable: looks like a report but was not read without doubt (reason), waiting for review.")
    public ChannelPostPage posts(
            @Parameter(description = "only posts with this outcome; every post when absent",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "stored", "ignored", "unreadable" }))
            @QueryParam("status") PostStatus status,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") Integer page,
            @Parameter(description = "posts per page; default airattack.api.default-page-size (50), at most "
                    + "airattack.api.max-page-size (500)") @QueryParam("size") Integer size) {
        int p = ReportResource.within("page", page, 0, ReportResource.MAX_PAGE);
        int n = size == null ? api.defaultPageSize() : ReportResource.within("size", size, 1, api.maxPageSize());
        return queries.page(status, p, n);
    }

    @GET
    @PermitAll
    @Path("/status")
    @Operation(summary = "How following the channel goes", description = "The last poll, the last successful one, the last error, "
            + "the cursor (the newest post recorded), posts by outcome, and the replica that polls.")
    public ChannelStatus status() {
        return queries.status();
    }

    @POST
    @RolesAllowed(ReportResource.WRITER)
    @Path("/poll")
    @Operation(summary = "Poll the channel now", description = "Answers what the poll did (outcome ok or failed, the posts it "
            + "recorded or read again). 409 when following is off or another replica holds the lease.")
    @APIResponse(responseCode = "200", description = "what the poll did: outcome ok or failed, with the error of a failed one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PollResult.class)))
    @APIResponse(responseCode = "409", description = "following is off (airattack.channel.enabled), or another replica holds "
            + "the lease and polls; ask that one, or again shortly",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public PollResult poll() {
        return follower.pollNow();
    }

    @POST
    @RolesAllowed(ReportResource.WRITER)
    @Path("/posts/{id}/retry")
    @Operation(summary = "Read a post again", description = "After a fix of the reader: the post's text as last read goes through "
            + "the reader again and gets its new outcome. 404 for a post never read from the channel.")
    public ChannelPostView retry(@Parameter(description = "the post's number in the channel, e.g. 82681")
            @PathParam("id") long id) {
        return follower.retry(id);
    }
}
