package org.airattack.stats.events;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One attempt of a webhook delivery, for the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_attempt_seq")
    @SequenceGenerator(name = "webhook_attempt_seq", sequenceName = "webhook_attempt_seq", allocationSize = 1)
    public Long id;

    @Column(name = "delivery_id")
    public long deliveryId;

    public int attempt;

    public String outcome;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "next_retry_at")
    public Instant nextRetryAt;
}
