package org.airattack.stats.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One statement of one source about one window, identified by (source, externalId); holds its revisions. */
@Entity
@Table(name = "report")
public class Report {

    public static final String ACTIVE = "active";
    public static final String RETRACTED = "retracted";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 500)
    public Long id;

    @Column(name = "source_slug")
    public String source;

    @Column(name = "external_id")
    public String externalId;

    public String status;

    @Column(name = "current_revision")
    public int currentRevision;

    /** The data version of the write that last changed this report. */
    @Column(name = "last_change")
    public long lastChange;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @OneToMany(mappedBy = "report", cascade = CascadeType.PERSIST)
    @OrderBy("revision")
    public List<ReportRevision> revisions = new ArrayList<>();
}
