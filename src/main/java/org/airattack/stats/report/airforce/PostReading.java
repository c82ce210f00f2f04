package org.airattack.stats.report.airforce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;

/**
 * One pass over one post, shared by the readers that take part in it: the sentences from the
 * window's header on, which of them a reader has taken, the lines read so far, and the warnings,
 * problems and disagreements found.
 */
final class PostReading {

    final PostText post;
    final List<Sentence> sentences;
    final PostWindow window;
    final Set<String> warnings = new LinkedHashSet<>();
    final List<String> problems = new ArrayList<>();
    final List<Disagreement> disagreements = new ArrayList<>();
    final PostLines lines = new PostLines(problems);
    private final boolean[] used;

    PostReading(PostText post, PostWindow window) {
        this.post = post;
        this.sentences = post.sentences();
        this.window = window;
        this.used = new boolean[sentences.size()];
    }

    /** The sentences from the header on, without the bullet points (read with the sentence they follow). */
    List<Sentence> after() {
        return sentences.subList(window.sentence(), sentences.size()).stream().filter(s -> !s.bullet()).toList();
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

    /** The items of part of a sentence; counts nothing could be attributed to are problems. */
    List<Item> clause(Sentence s, int from, int to, String what) {
        return read(s.text().substring(from, to), s.lower().substring(from, to), what);
    }

    List<Item> read(String text, String lower, String what) {
        PostItems.Reading r = PostItems.read(text, lower);
        for (String unread : r.unread()) {
            problems.add(what + ": could not read '" + unread + "'");
        }
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
