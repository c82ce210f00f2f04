package org.airattack.stats.resilience;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.airattack.stats.support.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** REST Assured against one service process, and waiting for what it answers. */
final class Replica {

    private Replica() {
    }

    static RequestSpecification on(ServiceProcess p) {
        String base = p.baseUrl();
        return given().baseUri(base.substring(0, base.lastIndexOf(':'))).port(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
    }

    static RequestSpecification writerOn(ServiceProcess p) {
        return on(p).auth().preemptive().basic(ServiceProcess.WRITER, ServiceProcess.WRITER_PASSWORD).contentType(ContentType.JSON);
    }

    /** Polls GET path until the answer satisfies the condition; returns the time it took. */
    static Duration await(ServiceProcess p, String path, Predicate<Response> condition, Duration timeout) {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            Response r = on(p).get(path);
            if (condition.test(r)) {
                return Duration.between(start, Instant.now());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("GET " + path + " on " + p.baseUrl() + " did not satisfy the condition within " + timeout);
    }
}
