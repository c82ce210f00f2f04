package org.airattack.stats.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A spelling (usually the dataset's) that names a catalog weapon. */
@Entity
@Table(name = "weapon_alias")
public class WeaponAlias {

    @Id
    public String alias;

    @Column(name = "weapon_slug")
    public String weaponSlug;
}
