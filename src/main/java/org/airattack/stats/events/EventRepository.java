package org.airattack.stats.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.airattack.stats.common.BindMarks;
import org.airattack.stats.common.Databases;

import org.hibernate.Session;

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

    /**
     * What was last announced of these nights of a source under a period filter, by date. Only the
     * dates asked for: an import touches thousands. Dates that lie close together (at least one in
     * four days of their span) are read as one range of the primary key, a walk along its leaves;
     * else in queries of {@value #DATES_PER_QUERY} dates, each a descent of the key (80 ms for the
     * 4,000 dates of a revised file of the hundredfold history, against 15 ms as a range).
     */
    public Map<LocalDate, Announced> announced(String source, String period, Collection<LocalDate> dates) {
        Map<LocalDate, Announced> out = new HashMap<>(dates.size() * 2);
        if (dates.isEmpty()) {
            return out;
        }
        Set<LocalDate> asked = Set.copyOf(dates);
        LocalDate first = Collections.min(asked);
        LocalDate last = Collections.max(asked);
        // plain JDBC: the native query's result mapping cost more than the query (thousands of rows an import)
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            if (ChronoUnit.DAYS.between(first, last) + 1 <= 4L * asked.size()) {
                try (PreparedStatement s = connection.prepareStatement("select night_date, digest, totals from night_figures "
                        + "where source = ? and period = ? and night_date between ? and ?")) {
                    s.setString(1, source);
                    s.setString(2, period);
                    s.setObject(3, first);
                    s.setObject(4, last);
                    read(s, asked, out);
                }
                return;
            }
            List<LocalDate> all = List.copyOf(asked);
            for (int i = 0; i < all.size(); i += DATES_PER_QUERY) {
                List<LocalDate> chunk = all.subList(i, Math.min(all.size(), i + DATES_PER_QUERY));
                try (PreparedStatement s = connection.prepareStatement(
                        "select night_date, digest, totals from night_figures where source = ? and period = ? and night_date in ("
                                + BindMarks.of(chunk.size()) + ")")) {
                    s.setString(1, source);
                    s.setString(2, period);
                    for (int j = 0; j < chunk.size(); j++) {
                        s.setObject(j + 3, chunk.get(j));
                    }
                    read(s, asked, out);
                }
            }
        });
        return out;
    }

    /** Runs the lookup and keeps the nights asked for. */
    private static void read(PreparedStatement s, Set<LocalDate> asked, Map<LocalDate, Announced> out) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                LocalDate date = rs.getObject(1, LocalDate.class);
                if (asked.contains(date)) {
                    out.put(date, new Announced(rs.getString(2), rs.getString(3)));
                }
            }
        }
    }

    private static final int DATES_PER_QUERY = 10_000;

    /**
     * What is kept of a night's announced figures.
     *
     * @param digest the SHA-256 (hex) of the figures' JSON: equal figures, equal digest
     * @param totals the totals' JSON, which a correction quotes as what was announced before
     */
    public record Announced(String digest, String totals) {
    }

    /** A night's announcement; null {@code announced}: the night has no report any more. */
    public record Announcement(String source, String period, LocalDate date, Announced announced) {
    }

    /**
     * Records these announcements, in JDBC batches (an import announces thousands of nights). On
     * PostgreSQL a night's row is updated in place ({@code on conflict … do update}; the table leaves
     * room on its pages for that, db/postgresql/V9), a night gone is deleted; the dev mode's H2
     * deletes and inserts.
     */
    public void announce(List<Announcement> announcements) {
        if (announcements.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            boolean postgres = Databases.isPostgres(connection);
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from night_figures where source = ? and period = ? and night_date = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into night_figures (source, period, night_date, digest, totals) values (?, ?, ?, ?, ?)" + (postgres
                                    ? " on conflict (source, period, night_date) do update set digest = excluded.digest, totals = excluded.totals"
                                    : ""))) {
                for (Announcement a : announcements) {
                    if (a.announced() == null || !postgres) {
                        delete.setString(1, a.source());
                        delete.setString(2, a.period());
                        delete.setObject(3, a.date());
                        delete.addBatch();
                    }
                    if (a.announced() != null) {
                        insert.setString(1, a.source());
                        insert.setString(2, a.period());
                        insert.setObject(3, a.date());
                        insert.setString(4, a.announced().digest());
                        insert.setString(5, a.announced().totals());
                        insert.addBatch();
                    }
                }
                delete.executeBatch();
                insert.executeBatch();
            }
        });
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
