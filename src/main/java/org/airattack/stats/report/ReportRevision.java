package org.airattack.stats.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One version of a report's content; revisions are never changed once written. */
@Entity
@Table(name = "report_revision")
public class ReportRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_revision_seq")
    @SequenceGenerator(name = "report_revision_seq", sequenceName = "report_revision_seq", allocationSize = 500)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id")
    public Report report;

    public int revision;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_start_date_only")
    public boolean windowStartDateOnly;

    @Column(name = "window_end")
    public Instant windowEnd;

    @Column(name = "window_end_date_only")
    public boolean windowEndDateOnly;

    public String period;

    @Column(name = "report_date")
    public LocalDate date;

    public String target;

    public String url;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "content_hash")
    public String contentHash;

    /** The writer marked it a separate wave of a night already reported. */
    @Column(name = "additional_wave")
    public boolean additionalWave;

    /** The revision's warnings (implausible numbers, unknown models, a reader's remarks) as a JSON array of strings, or null. */
    public String warnings;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** How it was written ({@link Origin#slug()}), or null for a revision stored before that was recorded. */
    public String origin;

    /** When it made a retracted report active again: when that retraction happened; else null. */
    @Column(name = "retracted_before")
    public Instant retractedBefore;

    @OneToMany(mappedBy = "revision", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<ReportLine> lines = new ArrayList<>();
}
