package org.airattack.stats.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One weapon (or bundle) of a revision with its counts; null counts are unknown, never zero. */
@Entity
@Table(name = "report_line")
public class ReportLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_line_seq")
    @SequenceGenerator(name = "report_line_seq", sequenceName = "report_line_seq", allocationSize = 500)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "revision_id")
    public ReportRevision revision;

    public int position;

    /** Canonical weapon slug or bundle key. */
    public String weapon;

    /** The spelling the report used. */
    @Column(name = "weapon_spelling")
    public String weaponSpelling;

    @Column(name = "launch_place")
    public String launchPlace;

    public Integer launched;

    @Column(name = "shot_down")
    public Integer shotDown;

    public Integer suppressed;

    /** Stated or derived (shot down + suppressed); null when unknown. */
    public Integer neutralised;

    @Column(name = "still_airborne")
    public Integer stillAirborne;

    @Column(name = "hit_locations")
    public Integer hitLocations;

    @Column(name = "debris_locations")
    public Integer debrisLocations;

    /** Country → count as a JSON object ({@code {"belarus":2}}), or null when the report names none. */
    @Column(name = "left_airspace")
    public String leftAirspace;

    /** Of a mixed drone total, how many were Shaheds proper (the dataset's is_shahed). */
    public Integer shaheds;

    public boolean withheld;
}
