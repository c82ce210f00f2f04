package org.airattack.stats.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The stored events, the figures last announced per night, and the cursor row. Callers own the transactions. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<NightEvent, Long> {

    /** The cursor (events are made up to this data version; -1 before the first run), locked until the transaction ends. */
    public long lockCursor() {
        return ((Number) getEntityManager().createNativeQuery("select evented_version from event_cursor where id = 1 for update")
                .getSingleResult()).longValue();
    }

    public void moveCursor(long version) {
        getEntityManager().createNativeQuery("update event_cursor set evented_version = :v where id = 1").setParameter("v", version)
                .executeUpdate();
    }

    /** The newest event id pruned (0 when none was): a resume from an older id has missed events. */
    public long prunedThrough() {
        return ((Number) getEntityManager().createNativeQuery("select pruned_through from event_cursor where id = 1").getSingleResult())
                .longValue();
    }

    /** The data version the database has committed. */
    public long dataVersion() {
        return ((Number) getEntityManager().createNativeQuery("select version from data_version where id = 1").getSingleResult())
                .longValue();
    }

    /** A new event id; drawn under the cursor's lock, so ids grow in commit order. */
    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('night_event_seq')").getSingleResult()).longValue();
    }

    /** The newest event's id, or 0. */
    public long newestId() {
        return ((Number) getEntityManager().createNativeQuery("select coalesce(max(id), 0) from night_event").getSingleResult())
                .longValue();
    }

    /** Events after this id, oldest first, at most {@code limit}. */
    public List<NightEvent> after(long id, int limit) {
        return find("id > ?1 order by id", id).page(0, limit).list();
    }

    /** Events after {@code from} up to {@code to}, oldest first, at most {@code limit}. */
    public List<NightEvent> between(long from, long to, int limit) {
        return find("id > ?1 and id <= ?2 order by id", from, to).page(0, limit).list();
    }

    /** The figures last announced for this night, if any were. */
    public Optional<String> figures(String source, String period, LocalDate date) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select figures from night_figures where source = :source and period = :period and night_date = :date""")
                .setParameter("source", source).setParameter("period", period).setParameter("date", date)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Records these figures as announced for the night; null forgets the night (it has no report any more). */
    public void announce(String source, String period, LocalDate date, String figures) {
        getEntityManager().createNativeQuery("delete from night_figures where source = :source and period = :period and night_date = :date")
                .setParameter("source", source).setParameter("period", period).setParameter("date", date)
                .executeUpdate();
        if (figures != null) {
            getEntityManager().createNativeQuery("""
                    insert into night_figures (source, period, night_date, figures) values (:source, :period, :date, :figures)""")
                    .setParameter("source", source).setParameter("period", period).setParameter("date", date)
                    .setParameter("figures", figures)
                    .executeUpdate();
        }
    }

    /** Forgets every announced night (before announcing the whole store again, without events). */
    public void forgetFigures() {
        getEntityManager().createNativeQuery("delete from night_figures").executeUpdate();
    }

    /**
     * Deletes the events older than {@code before} and all but the newest {@code keep} (their
     * deliveries and attempts go with them), and remembers the newest id pruned. Needs the cursor's lock.
     */
    public int prune(Instant before, int keep) {
        long newest = newestId();
        Number old = (Number) getEntityManager().createNativeQuery("select coalesce(max(id), 0) from night_event where created_at < :before")
                .setParameter("before", before).getSingleResult();
        long through = Math.max(old.longValue(), newest - keep);
        if (through <= prunedThrough()) {
            return 0;
        }
        int deleted = getEntityManager().createNativeQuery("delete from night_event where id <= :through").setParameter("through", through)
                .executeUpdate();
        getEntityManager().createNativeQuery("update event_cursor set pruned_through = :through where id = 1")
                .setParameter("through", through).executeUpdate();
        return deleted;
    }
}
