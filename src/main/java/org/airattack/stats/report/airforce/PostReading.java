package org.airattack.stats.report.airforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.airattack.stats.report.airforce.PostClauses.Clause;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * One pass over one post, shared by the readers that take part in it: the sentences from the
 * window's header on, which of them a reader has taken, the lines read so far, and the warnings,
 * problems and disagreements found.
 */
final class PostReading {

    /**
     * The longest stretch read as one list of mentions: four times the longest sentence of any
     * report (524 characters). A longer one is refused unread, which bounds what a hostile text costs.
     */
    static final int LONGEST_CLAUSE = 2_000;
    /** The first night of the Air Force's withholding: since August 2026 it names missiles without their number. */
    private static final LocalDate WITHHOLDING = LocalDate.of(2026, 8, 1);

    final PostText post;
    final List<Sentence> sentences;
    final PostWindow window;
    final Set<String> warnings = new LinkedHashSet<>();
    final List<String> problems = new ArrayList<>();
    final List<Disagreement> disagreements = new ArrayList<>();
    final PostLines lines = new PostLines(problems);
    /** The clauses of the post, headline first; set once the post's sentences are cut. */
    List<Clause> clauses = List.of();
    private final boolean[] used;

    PostReading(PostText post, PostWindow window) {
        this.post = post;
        this.sentences = post.sentences();
        this.window = window;
        this.used = new boolean[sentences.size()];
    }

    /** True when the window ends in the time the Air Force withholds missile counts. */
    boolean withholding() {
        return !LocalDate.parse(window.end().substring(0, 10)).isBefore(WITHHOLDING);
    }

    /** The sentences from the header on, without the bullet points (read with the sentence they follow). */
    List<Sentence> after() {
        return sentences.subList(window.sentence(), sentences.size()).stream().filter(s -> !s.bullet()).toList();
    }

    /** The sentences from the header on, bullet points included. */
    List<Sentence> fromHeader() {
        return sentences.subList(window.sentence(), sentences.size());
    }

    /** The sentences before the header: the headline. */
    List<Sentence> before() {
        return sentences.subList(0, window.sentence());
    }

    /** Where reading a sentence starts: after the header in the header's own sentence. */
    int from(Sentence s) {
        return s.index() == window.sentence() ? window.after() : 0;
    }

    boolean used(Sentence s) {
        return used[s.index()];
    }

    void use(Sentence s) {
        used[s.index()] = true;
    }

    void disagree(Disagreement d) {
        disagreements.add(d);
        warnings.add(d.message());
    }

    /** The items of part of a sentence; counts nothing could be attributed to are problems, quoted with the sentence. */
    List<Item> clause(Sentence s, int from, int to, String what) {
        if (to - from > LONGEST_CLAUSE) {
            problems.add(what + ": '" + Sentence.quote(s.text().substring(from, from + 200)) + "' runs " + (to - from)
                    + " characters without a break; no report's list is that long, so it is not read");
            return new ArrayList<>();
        }
        PostItems.Reading r = PostItems.read(s.text().substring(from, to), s.lower().substring(from, to));
        for (String unread : r.unread()) {
            problems.add(what + ": could not read '" + unread + "' in '" + s.quote() + "'");
        }
        r.items().forEach(item -> item.sentence = s.quote());
        return new ArrayList<>(r.items());
    }

    /** The bullet points right after a sentence that ends with a colon. */
    List<Item> bullets(Sentence s, String what) {
        List<Item> items = new ArrayList<>();
        for (int i = s.index() + 1; i < sentences.size() && sentences.get(i).bullet(); i++) {
            used[i] = true;
            items.addAll(clause(sentences.get(i), 0, sentences.get(i).text().length(), what));
        }
        return items;
    }
}
