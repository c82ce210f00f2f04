package org.airattack.stats.events;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event as stored: its id (from {@code night_event_seq}, drawn under the cursor's lock) and the JSON clients get. */
@Entity
@Table(name = "night_event")
public class NightEvent {

    @Id
    public Long id;

    public String type;

    public String source;

    public String period;

    /** Null for a bulk summary. */
    @Column(name = "event_date")
    public LocalDate date;

    @Column(name = "data_version")
    public long dataVersion;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
