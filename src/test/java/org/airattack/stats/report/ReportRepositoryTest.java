package org.airattack.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The repository's queries and the schema's guarantees, against PostgreSQL. */
@QuarkusTest
class ReportRepositoryTest {

    @Inject
    ReportRepository repository;

    @BeforeEach
    void emptyDatabase() {
        TestDb.reset();
    }

    @Test
    void shouldHandOutOneVersionPerWrite() {
        long first = QuarkusTransaction.requiringNew().call(repository::nextVersion);
        long second = QuarkusTransaction.requiringNew().call(repository::nextVersion);
        assertEquals(first + 1, second);
        assertEquals(second, QuarkusTransaction.requiringNew().call(repository::currentVersion));
    }

    @Test
    void shouldFindReportsBySourceAndExternalId() {
        long id = Api.post("night-2025-05-24.json");
        Api.post("night-2025-05-23.json");

        QuarkusTransaction.requiringNew().run(() -> {
            ReportRepository.Current current = repository.current("ua-air-force", "kpszsu/posts/pfbid0abc");
            assertEquals(id, current.id());
            assertTrue(current.active());
            assertNull(repository.current("ru-mod", "kpszsu/posts/pfbid0abc"));
        });
    }

    @Test
    void shouldRefuseASecondReportWithTheSameSourceAndExternalId() {
        Api.post("night-2025-05-24.json");
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Report dup = new Report();
            dup.source = "ua-air-force";
            dup.externalId = "kpszsu/posts/pfbid0abc";
            dup.status = Report.ACTIVE;
            dup.currentRevision = 1;
            dup.lastChange = 99;
            dup.createdAt = Instant.now();
            repository.persist(dup);
            repository.flush();
        }));
        assertEquals(1, TestDb.count("report"));
    }
}
