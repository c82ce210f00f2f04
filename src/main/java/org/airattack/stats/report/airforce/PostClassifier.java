package org.airattack.stats.report.airforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * Tells what a post of the Air Force's channel is without reading its counts: a national report
 * (it has a window's header and says what was launched or stopped), another kind of post (a
 * regional command's tally, a clarification, an air-raid alert, live tracking, a video caption, …),
 * or a report it cannot read (a header it cannot turn into a window, two windows, no counts).
 * {@link AirForcePostParser} asks it first; a channel follower asks it to record the posts it ignores.
 */
public final class PostClassifier {

    private static final Pattern REGIONAL = Pattern.compile(PostText.wordStart("пзс") + "(?:повітрян\\p{L}*+\\s+командуванн|пвк(?!\\p{L})"
            + "|зон\\p{L}*+\\s+відповідальності|сил\\p{L}*+\\s+оборони\\s+(?:півдня|півночі|сходу|заходу))");
    private static final Pattern CLARIFICATION = Pattern.compile("^[^\\p{L}]*(?:уточнен\\p{L}*+\\s+(?:інформаці|дані)|уточнення)");
    private static final Pattern ALERT = Pattern.compile("(?<!\\p{L})повітрян\\p{L}*+\\s+тривог\\p{L}*+\\s+(?:в|у|на)(?!\\p{L})|відбій\\s+(?:повітряної\\s+)?тривоги"
            + "|оголошено\\s+(?:повітряну\\s+)?тривогу|#\\p{L}++_(?:район|громада|область)");
    /** "Бойова робота мобільних вогневих груп …": the words that open the caption of combat footage. */
    private static final Pattern CAPTION = Pattern.compile("^[^\\p{L}]*бойов\\p{L}*+\\s+робот");
    private static final Pattern VIDEO = Pattern.compile("(?<!\\p{L})відео|🎥|📹|📽|🎬");
    private static final Pattern TRACKING = Pattern.compile(PostText.wordStart("нкувр") + "(?:напрям\\p{L}*+|курсом|в бік|у бік|в районі|рухаються|рухається"
            + "|на (?:півдні|півночі|сході|заході|\\p{L}+щин\\p{L}*+))(?!\\p{L})");
    private static final Pattern REPORT_WORDS = Pattern.compile(PostText.wordStart("азп") + "(?:атакува\\p{L}*+|збито|знищено|подавлено|підтверджено)(?!\\p{L})");

    /** A verdict and, for a report, the window its header names. */
    record Classified(PostVerdict verdict, PostWindow window) {
    }

    private final Clock clock;

    /** A classifier that takes "today" in Kyiv from the clock when a post comes without its publication time. */
    public PostClassifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * What a post is.
     *
     * @param text        the post's text as published
     * @param publishedAt when it was published (the year of its dates); null for "today"
     */
    public PostVerdict classify(String text, OffsetDateTime publishedAt) {
        return classify(new PostText(text == null ? "" : text), reference(publishedAt)).verdict();
    }

    /** The day a post's dates are read near: its publication day in Kyiv, else today in Kyiv. */
    LocalDate reference(OffsetDateTime publishedAt) {
        return publishedAt != null ? publishedAt.atZoneSameInstant(AirForcePostParser.KYIV).toLocalDate()
                : LocalDate.now(clock.withZone(AirForcePostParser.KYIV));
    }

    Classified classify(PostText post, LocalDate reference) {
        if (post.text().isBlank()) {
            return new Classified(PostVerdict.unreadable(List.of("the text is empty")), null);
        }
        List<Sentence> sentences = post.sentences();
        String lower = PostText.lower(post.text());
        Matcher regional = REGIONAL.matcher(lower);
        if (regional.find()) {
            return new Classified(PostVerdict.notAReport(PostKind.REGIONAL_TALLY, around(post.text(), regional.start())), null);
        }
        if (CLARIFICATION.matcher(sentences.get(0).lower()).find()) {
            return new Classified(PostVerdict.notAReport(PostKind.CLARIFICATION, sentences.get(0).quote()), null);
        }
        if (CAPTION.matcher(sentences.get(0).lower()).find()) {
            return new Classified(PostVerdict.notAReport(PostKind.VIDEO_CAPTION, sentences.get(0).quote()), null);
        }
        List<String> problems = new ArrayList<>();
        Optional<PostWindow> found = PostWindow.find(sentences, reference, problems);
        if (found.isEmpty()) {
            if (problems.isEmpty()) {
                Optional<PostVerdict> other = other(lower, sentences, false);
                if (other.isPresent()) {
                    return new Classified(other.get(), null);
                }
                problems.add("the window: no header such as 'У ніч на 24 червня (з 18:00 23 червня)' or 'Протягом дня 13 травня (із 7.00 до 18.30)'");
            }
            return new Classified(PostVerdict.unreadable(problems), null);
        }
        PostWindow window = found.get();
        if (!PostClauses.statesCounts(sentences, window)) {
            Optional<PostVerdict> other = other(lower, sentences, true);
            return new Classified(other.orElse(PostVerdict.unreadable(List.of("the counts: neither what was launched ('противник атакував …') "
                    + "nor what was stopped ('збито/подавлено …') after '" + window.header() + "'"))), null);
        }
        return new Classified(PostVerdict.report(window.header()), window);
    }

    /** A post with no window or no counts: what it is, unless it reads like a report or has a report's window. */
    private static Optional<PostVerdict> other(String lower, List<Sentence> sentences, boolean window) {
        String quote = sentences.get(0).quote();
        if (ALERT.matcher(lower).find()) {
            return Optional.of(PostVerdict.notAReport(PostKind.AIR_RAID_ALERT, quote));
        }
        if (VIDEO.matcher(lower).find()) {
            return Optional.of(PostVerdict.notAReport(PostKind.VIDEO_CAPTION, quote));
        }
        boolean reportWords = REPORT_WORDS.matcher(lower).find();
        if (!reportWords && TRACKING.matcher(lower).find() && PostItems.ITEM.matcher(lower).find()) {
            return Optional.of(PostVerdict.notAReport(PostKind.LIVE_TRACKING, quote));
        }
        if (!reportWords && !window) {
            return Optional.of(PostVerdict.notAReport(PostKind.OTHER, quote));
        }
        return Optional.empty();
    }

    /** The line of the text around a position, shortened. */
    private static String around(String text, int position) {
        int from = Math.max(0, text.lastIndexOf('\n', position) + 1);
        int to = text.indexOf('\n', position);
        return Sentence.quote(text.substring(from, to < 0 ? text.length() : to));
    }
}
