package org.airattack.stats.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalog entry: one weapon model (or a set of variants a report cannot tell apart). */
@Entity
@Table(name = "weapon")
public class Weapon {

    @Id
    public String slug;

    public String name;

    public String category;
}
