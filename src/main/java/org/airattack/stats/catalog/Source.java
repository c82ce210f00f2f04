package org.airattack.stats.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalog entry: who publishes reports, and in which time zone their windows are written. */
@Entity
@Table(name = "source")
public class Source {

    @Id
    public String slug;

    public String name;

    public String kind;

    public String country;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "dataset_name")
    public String datasetName;
}
