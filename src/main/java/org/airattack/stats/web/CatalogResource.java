package org.airattack.stats.web;

import java.util.Collection;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.airattack.stats.catalog.Catalog;
import org.airattack.stats.catalog.SourceInfo;
import org.airattack.stats.catalog.WeaponInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The source and weapon catalogs. */
@PermitAll
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class CatalogResource {

    private final Catalog catalog;

    public CatalogResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/sources")
    @Operation(summary = "Who reports, and in which time zone")
    public Collection<SourceInfo> sources() {
        return catalog.sources();
    }

    @GET
    @Path("/weapons")
    @Operation(summary = "Weapons with their category and the spellings that name them")
    public Collection<WeaponInfo> weapons() {
        return catalog.weapons();
    }
}
