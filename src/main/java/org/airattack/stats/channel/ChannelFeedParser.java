package org.airattack.stats.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads an RSS or Atom feed of the channel (an RSSHub route, for one) into the same posts as a page of
 * the web preview: each item whose link names a post of the channel, its HTML as text (a quoted
 * {@code <blockquote>} is another post's text and is left out), its time. Feeds do not say whether a
 * post was edited; an edit shows as a changed text all the same.
 */
public final class ChannelFeedParser {

    private static final Pattern POST_LINK = Pattern.compile("^https?://(?:www\\.)?(?:t\\.me|telegram\\.me)/(?:s/)?([A-Za-z0-9_]+)/(\\d+)");

    private ChannelFeedParser() {
    }

    /**
     * The feed's posts of this channel, oldest first; a feed has no older page.
     *
     * @throws ChannelUnavailableException when it is not a feed (a block page) or holds no post of the channel
     */
    public static ChannelPage parse(byte[] xml, String channel, String feedUrl) throws ChannelUnavailableException {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new ChannelUnavailableException(feedUrl + " is not an RSS or Atom feed: " + e.getMessage(), null);
        }
        List<PagePost> posts = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Matcher m = entry.getLink() == null ? null : POST_LINK.matcher(entry.getLink().strip());
            Instant at = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                    : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
            if (m == null || !m.find() || !m.group(1).equalsIgnoreCase(channel) || at == null) {
                continue;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            long id = Long.parseLong(m.group(2));
            posts.add(new PagePost(name + "/" + id, id, "https://t.me/" + name + "/" + id, text(entry), at, false));
        }
        if (posts.isEmpty()) {
            throw new ChannelUnavailableException(feedUrl + " holds no post of @" + channel, null);
        }
        posts.sort(Comparator.comparingLong(PagePost::id));
        return new ChannelPage(List.copyOf(posts), null);
    }

    /** The item's HTML (its content, else its description) as the post's text. */
    private static String text(SyndEntry entry) {
        String html = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElse(entry.getDescription() == null ? "" : entry.getDescription().getValue());
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        body.select("blockquote").remove();
        StringBuilder sb = new StringBuilder();
        ChannelPageParser.append(body, sb);
        return sb.toString().strip();
    }
}
