package org.airattack.stats.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a page of a channel's web preview ({@code https://t.me/s/<channel>}) into its posts: each
 * post's own text (a quoted reply is another post's text and is left out), its time and whether it
 * was edited, and the link to the older page.
 */
public final class ChannelPageParser {

    private static final Pattern BEFORE = Pattern.compile("[?&]before=(\\d+)");

    private ChannelPageParser() {
    }

    /**
     * The page's posts of this channel, oldest first.
     *
     * @throws ChannelUnavailableException when the page does not carry the channel's header: a block
     *                                     or captcha page can come with status 200, and must never read as "no posts"
     */
    public static ChannelPage parse(String html, String channel, String pageUrl) throws ChannelUnavailableException {
        Document doc = Jsoup.parse(html, pageUrl);
        Element header = doc.selectFirst(".tgme_channel_info_header_username");
        if (header == null || !header.text().strip().equalsIgnoreCase("@" + channel)) {
            throw new ChannelUnavailableException(pageUrl + " is not the page of @" + channel + " (no channel header"
                    + (header == null ? "" : ", it names " + header.text().strip()) + "): a block or captcha page?", null);
        }
        List<PagePost> posts = new ArrayList<>();
        for (Element message : doc.select(".tgme_channel_history .tgme_widget_message[data-post]")) {
            PagePost post = post(message, channel);
            if (post != null) {
                posts.add(post);
            }
        }
        posts.sort(Comparator.comparingLong(PagePost::id));
        return new ChannelPage(List.copyOf(posts), before(doc));
    }

    /** A post of this channel, or null for one of another channel (a forward shows its origin) or without a number or time. */
    private static PagePost post(Element message, String channel) throws ChannelUnavailableException {
        String key = message.attr("data-post");
        int slash = key.lastIndexOf('/');
        if (slash < 0 || !key.substring(0, slash).equalsIgnoreCase(channel)) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(key.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        Element time = message.selectFirst("a.tgme_widget_message_date time[datetime]");
        if (time == null) {
            return null;
        }
        Instant publishedAt;
        try {
            publishedAt = OffsetDateTime.parse(time.attr("datetime")).toInstant();
        } catch (DateTimeParseException e) {
            throw new ChannelUnavailableException("post " + key + " has a time the follower cannot read: '" + time.attr("datetime") + "'", null);
        }
        Element meta = message.selectFirst(".tgme_widget_message_meta");
        boolean edited = meta != null && meta.text().toLowerCase(Locale.ROOT).contains("edited");
        String name = key.substring(0, slash).toLowerCase(Locale.ROOT);
        return new PagePost(name + "/" + id, id, "https://t.me/" + name + "/" + id, text(message), publishedAt, edited);
    }

    /** The post's own text: the first message text of its bubble that is not inside a quoted reply. */
    private static String text(Element message) {
        Element bubble = message.selectFirst(".tgme_widget_message_bubble");
        if (bubble == null) {
            return "";
        }
        for (Element candidate : bubble.select(".tgme_widget_message_text")) {
            if (candidate.closest(".tgme_widget_message_reply") == null) {
                StringBuilder sb = new StringBuilder();
                append(candidate, sb);
                return sb.toString().strip();
            }
        }
        return "";
    }

    /** Text as the post shows it: {@code <br>} is a line break, emoji and links are their text, markup line breaks are spaces. */
    static void append(Node node, StringBuilder sb) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                sb.append(t.getWholeText().replace("\r\n", " ").replace('\n', ' '));
            } else if (child instanceof Element e) {
                if (e.normalName().equals("br")) {
                    sb.append('\n');
                } else {
                    append(e, sb);
                }
            }
        }
    }

    /** The older page's {@code before=}: the "more" link's data-before, else the prev link. */
    private static Long before(Document doc) {
        Element more = doc.selectFirst("a.tme_messages_more[data-before]");
        if (more != null) {
            try {
                return Long.parseLong(more.attr("data-before"));
            } catch (NumberFormatException e) {
                // the prev link may still say it
            }
        }
        Element prev = doc.selectFirst("link[rel=prev][href]");
        if (prev != null) {
            Matcher m = BEFORE.matcher(prev.attr("href"));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return null;
    }
}
