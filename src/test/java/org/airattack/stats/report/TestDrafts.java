package org.airattack.stats.report;

import org.airattack.stats.support.Api;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Drafts of the JSON fixtures under another external id, as the batch write path takes them. */
final class TestDrafts {

    private TestDrafts() {
    }

    static ReportDraft of(ReportValidator validator, ObjectMapper json, String fixture, String externalId) throws Exception {
        ReportRequest r = json.readValue(Api.fixture(fixture), ReportRequest.class);
        return validator.validate(new ReportRequest(r.source(), externalId, r.target(), r.windowStart(), r.windowEnd(), r.url(),
                r.publishedAt(), r.lines()), ReportValidator.UnknownWeapons.REJECT);
    }
}
