package org.airattack.stats.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads the catalogs seeded by migration; they are loaded once and then served from memory. */
@ApplicationScoped
public class CatalogRepository {

    private final EntityManager em;

    public CatalogRepository(EntityManager em) {
        this.em = em;
    }

    public List<Source> sources() {
        return em.createQuery("from Source order by slug", Source.class).getResultList();
    }

    public List<Weapon> weapons() {
        return em.createQuery("from Weapon order by slug", Weapon.class).getResultList();
    }

    public List<WeaponAlias> aliases() {
        return em.createQuery("from WeaponAlias order by alias", WeaponAlias.class).getResultList();
    }
}
