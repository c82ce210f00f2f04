package org.airattack.stats.channel;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The posts of the followed channels and their outcomes. Callers own the transactions. */
@ApplicationScoped
public class ChannelPostRepository implements PanacheRepositoryBase<ChannelPost, String> {

    /** The channel's posts of this status (all when null), newest first, one page. */
    public List<ChannelPost> page(String channel, PostStatus status, int page, int size) {
        return query(channel, status).page(Page.of(page, size)).list();
    }

    public long count(String channel, PostStatus status) {
        return query(channel, status).count();
    }

    private PanacheQuery<ChannelPost> query(String channel, PostStatus status) {
        Sort newest = Sort.descending("postId");
        return status == null ? find("channel", newest, channel) : find("channel = ?1 and status = ?2", newest, channel, status.slug());
    }

    /** Posts of the channel by status, every status present (0 when it has none). */
    public Map<PostStatus, Long> countByStatus(String channel) {
        Map<PostStatus, Long> out = new EnumMap<>(PostStatus.class);
        for (PostStatus s : PostStatus.values()) {
            out.put(s, 0L);
        }
        getEntityManager().createQuery("select p.status, count(p) from ChannelPost p where p.channel = :channel group by p.status", Object[].class)
                .setParameter("channel", channel)
                .getResultStream()
                .forEach(row -> PostStatus.ofSlug((String) row[0]).ifPresent(s -> out.put(s, (Long) row[1])));
        return out;
    }

    /** The recorded posts among these keys, by key (detached once the caller's transaction ends). */
    public Map<String, ChannelPost> byKey(List<String> keys) {
        Map<String, ChannelPost> out = new HashMap<>();
        if (!keys.isEmpty()) {
            list("post in ?1", keys).forEach(p -> out.put(p.post, p));
        }
        return out;
    }

    /** Numbers of the posts published since {@code since} whose edits matter (stored or waiting for review), newest first. */
    public List<Long> rereadSince(String channel, Instant since) {
        return getEntityManager().createQuery("""
                select p.postId from ChannelPost p where p.channel = :channel and p.publishedAt >= :since and p.status <> :ignored
                order by p.postId desc""", Long.class)
                .setParameter("channel", channel)
                .setParameter("since", since)
                .setParameter("ignored", PostStatus.IGNORED.slug())
                .getResultList();
    }
}
