package org.airattack.stats.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.airattack.stats.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What the OpenAPI document promises beyond what the annotations say, once for every operation: the
 * problem documents each can answer with (400 for a bad parameter or body, 404 for an id or date
 * that does not exist, 401/403/413/415/503 for writes), the Problem schema they share, {@code text/csv}
 * described as CSV and Atom as Atom rather than as the JSON shape, and counts that may be null
 * (unknown, never 0).
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The schemas whose integer and number properties are counts or rates that can be unknown. */
    private static final Set<String> NULLABLE_COUNTS = Set.of("Measures", "LineResponse", "LineRequest", "Rates", "RecordNight",
            "Change");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        NULLABLE_COUNTS.forEach(name -> {
            Schema s = schemas.get(name);
            if (s != null && s.getProperties() != null) {
                s.getProperties().forEach((property, p) -> {
                    if (!(name.equals("RecordNight") && property.equals("launched"))
                            && p.getType() != null
                            && (p.getType().contains(Schema.SchemaType.INTEGER) || p.getType().contains(Schema.SchemaType.NUMBER))) {
                        p.addType(Schema.SchemaType.NULL);
                    }
                });
            }
        });
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            describe(path, method, op);
        }));
    }

    /** Examples for parameters that recur across operations, where an annotation gave none. */
    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry("source", "ua-air-force"), Map.entry("period", "night"), Map.entry("interval", "month"),
            Map.entry("groupBy", "category"), Map.entry("measure", "launched,neutralised"), Map.entry("weapon", "shahed-136-131"),
            Map.entry("category", "drone"), Map.entry("from", "2025-05-01"), Map.entry("to", "2025-05-31"),
            Map.entry("date", "2025-05-24"), Map.entry("lang", "uk"), Map.entry("cumulative", true), Map.entry("fill", "null"),
            Map.entry("format", "csv"), Map.entry("page", 0), Map.entry("size", 50), Map.entry("onMissing", "keep"),
            Map.entry("url", "https://t.me/kpszsu/82681"), Map.entry("publishedAt", "2026-08-10T09:00:43+03:00"),
            Map.entry("dryRun", true), Map.entry("acceptDisagreement", false), Map.entry("asOf", "2025-05-24T09:00:00Z"));

    /** Descriptions for path parameters no annotation describes. */
    private static String pathParameter(String path, String name) {
        if (name.equals("id") && path.startsWith("/api/v1/reports")) {
            return "the report's id, as GET /api/v1/reports lists it";
        }
        if (name.equals("id") && path.startsWith("/api/v1/channel")) {
            return "the post's number in the channel, e.g. 82681";
        }
        return name.equals("date") ? "the night's date (YYYY-MM-DD)" : null;
    }

    private static void parameters(String path, Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        for (Parameter p : op.getParameters()) {
            if (p.getDescription() == null && p.getIn() == Parameter.In.PATH) {
                p.setDescription(pathParameter(path, p.getName()));
            }
            if (p.getExample() == null && (p.getExamples() == null || p.getExamples().isEmpty())) {
                Object example = p.getName().equals("id") && path.startsWith("/api/v1/channel") ? 82681
                        : p.getName().equals("id") ? 1 : EXAMPLES.get(p.getName());
                if (example != null) {
                    p.setExample(example);
                }
            }
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation op) {
        parameters(path, op);
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE;
        boolean hasInput = op.getParameters() != null && !op.getParameters().isEmpty() || op.getRequestBody() != null;
        if (hasInput) {
            problem(responses, ProblemType.VALIDATION, "a parameter or the body is invalid: `errors` names each field");
        }
        if (path.contains("{")) {
            problem(responses, ProblemType.NOT_FOUND, "nothing has this id or date (yet)");
        }
        if (write) {
            problem(responses, ProblemType.UNAUTHORIZED, "no or wrong credentials (HTTP Basic); the answer carries WWW-Authenticate");
            problem(responses, ProblemType.FORBIDDEN, "the user lacks the role writer, or the write comes from another site");
            problem(responses, ProblemType.DATABASE_UNAVAILABLE, "the database is away or the write queue is full; retry after Retry-After");
        }
        if (op.getRequestBody() != null) {
            problem(responses, ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than the endpoint takes");
            problem(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body's Content-Type is not one the endpoint takes");
        }
        boolean csv = responses.getAPIResponses().values().stream()
                .anyMatch(r -> r.getContent() != null && r.getContent().getMediaType(CsvTables.MEDIA_TYPE) != null);
        if (csv && (op.getParameters() == null || op.getParameters().stream().noneMatch(p -> "format".equals(p.getName())))) {
            // Negotiated by Representation before the resource runs, so no resource method declares it.
            op.addParameter(OASFactory.createParameter().name("format").in(Parameter.In.QUERY)
                    .description("csv or json: the representation, for tools that cannot send Accept (wins over Accept)")
                    .example("csv")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.<Object>of("csv", "json"))));
        }
        responses.getAPIResponses().values().forEach(r -> {
            if (r.getContent() != null && r.getContent().getMediaType(CsvTables.MEDIA_TYPE) != null) {
                r.getContent().addMediaType(CsvTables.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .description("CSV (RFC 4180): a header row, then one row per date (per changed figure for the corrections); blank cells "
                                + "are unknown; flag columns hold true or blank; the last column is the attribution")));
            }
            if (r.getContent() != null && r.getContent().getMediaType(CorrectionsAtomWriter.MEDIA_TYPE) != null) {
                r.getContent().addMediaType(CorrectionsAtomWriter.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .description("An Atom feed (RFC 4287): one entry per correction, newest first, with a stable id, the "
                                + "night's page as its link, and a next link to the following page (RFC 5005)")));
            }
        });
    }

    private static void problem(APIResponses responses, ProblemType type, String description) {
        String code = String.valueOf(type.status());
        if (responses.hasAPIResponse(code)) {
            return;
        }
        MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, json);
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(content));
    }

    /** RFC 9457, as {@link Problem} writes it. */
    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("a JSON path such as lines[0].launched, a query parameter, or body"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("urn:problem-type:airattack:<slug>").example(ProblemType.VALIDATION.uri()))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("the request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
