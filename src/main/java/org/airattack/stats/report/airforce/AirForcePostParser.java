package org.airattack.stats.report.airforce;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.airattack.stats.report.ReportRequest;
import org.airattack.stats.report.ReportRequest.LineRequest;
import org.airattack.stats.report.airforce.PostItems.Head;
import org.airattack.stats.report.airforce.PostItems.Item;
import org.airattack.stats.report.airforce.PostText.Sentence;
import org.airattack.stats.report.airforce.WeaponNames.Kind;
import org.airattack.stats.report.airforce.WeaponNames.Model;

/**
 * Reads the Ukrainian text of a national Air Force report (DOMAIN §3 "How the posts read", every
 * era) into a report of source {@code ua-air-force}: the window from its header, launched per
 * weapon from "противник атакував …" or the radar inventory's bullets, and what was stopped from
 * "збито/подавлено" (neutralised), "знищено"/"підтверджено збиття" (shot down) and "локаційно
 * втрачені" (suppressed). It never guesses: a post it cannot read fully is refused naming what it
 * could not read, and a post that is not a national report is refused saying what it is.
 * Pure Java, no CDI, so it is tested without the application.
 */
public final class AirForcePostParser {

    public static final String SOURCE = "ua-air-force";
    public static final String TARGET = "Ukraine";
    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private static final Pattern REGIONAL = Pattern.compile("повітрян\\p{L}*\\s+командуванн\\p{L}*|(?<!\\p{L})пвк(?!\\p{L})"
            + "|зон\\p{L}*\\s+відповідальності|сил\\p{L}*\\s+оборони\\s+(?:півдня|півночі|сходу|заходу)");
    private static final Pattern CLARIFICATION = Pattern.compile("^[^\\p{L}]*(?:уточнен\\p{L}*\\s+(?:інформаці|дані)|уточнення)");
    private static final Pattern ALERT = Pattern.compile("повітрян\\p{L}*\\s+тривог\\p{L}*\\s+(?:в|у|на)(?!\\p{L})|відбій\\s+(?:повітряної\\s+)?тривоги"
            + "|оголошено\\s+(?:повітряну\\s+)?тривогу|#\\p{L}+_(?:район|громада|область)");
    private static final Pattern VIDEO = Pattern.compile("(?<!\\p{L})відео|🎥|📹|📽|🎬");
    private static final Pattern TRACKING = Pattern.compile("(?<!\\p{L})(?:напрям\\p{L}*|курсом|в бік|у бік|в районі|рухаються|рухається"
            + "|на (?:півдні|півночі|сході|заході|\\p{L}+щин\\p{L}*))(?!\\p{L})");
    private static final Pattern REPORT_WORDS = Pattern.compile("(?<!\\p{L})(?:атакува\\p{L}*|збито|знищено|подавлено|підтверджено)(?!\\p{L})");

    private static final Pattern LAUNCHED = Pattern.compile("(?<!\\p{L})(?:противник|ворог)\\s+(?:також\\s+)?(?:атакува(?:в|ла|ли)|застосува(?:в|ла|ли)|випусти(?:в|ла|ли)|запусти(?:в|ла|ли))(?!\\p{L})");
    private static final Pattern INVENTORY = Pattern.compile("(?<!\\p{L})(?:зафіксовано|виявлено(?:\\s+та\\s+(?:здійснено\\s+)?супровід)?|здійснено\\s+супровід)\\s+(?="
            + UkrainianCounts.COUNT + "\\s+засоб)");
    private static final Pattern DOWNED = Pattern.compile("(?<!\\p{L})(?:(?<combined>збито\\s*/\\s*подавлено|збито\\s+(?:або|чи|та)\\s+подавлено)"
            + "|підтверджено\\s+збиття|знищено|збито)(?!\\p{L})");
    private static final Pattern LOST = Pattern.compile("(?<!\\p{L})локаційно\\s+втрачен\\p{L}*(?:\\s*[–-])?");
    private static final Pattern HEADLINE = Pattern.compile("збито\\s*/\\s*подавлено\\s+(" + UkrainianCounts.COUNT + ")\\s+(?:ціл|ворож|бпла|безпілот)");
    private static final Pattern ALSO = Pattern.compile("^[^\\p{L}]*(?:а\\s+)?також(?!\\p{L})");
    private static final Pattern HITS = Pattern.compile("(?<!\\p{L})на\\s*(" + UkrainianCounts.COUNT + ")\\s*локаці");
    private static final Pattern DEBRIS = Pattern.compile("(?<!\\p{L})на\\s*(" + UkrainianCounts.COUNT + ")(?=\\s*(?:локаці|[.;,!)]|$))");
    private static final Pattern AIRSPACE = Pattern.compile("повітряному\\s+просторі");
    private static final Pattern ONGOING = Pattern.compile("атака\\s+триває");
    private static final Pattern NOT_COUNTED = Pattern.compile("не\\s+досяг\\p{L}*|уточнюється");

    private final Clock clock;

    /** A parser that takes "today" in Kyiv from the clock when a post comes without its publication time. */
    public AirForcePostParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads a post.
     *
     * @param text        the post's text as published
     * @param publishedAt when it was published: the year of its dates; null for "this morning"
     * @param url         the post's address: its idempotency key ({@link PostUrl#key}); null keys it by a hash of its text
     * @throws NotANationalReportException for an alert, a regional tally, a clarification, …
     * @throws UnreadablePostException     for a report it cannot read fully, naming what it could not read
     */
    public ParsedPost parse(String text, OffsetDateTime publishedAt, String url) {
        PostText post = new PostText(text == null ? "" : text);
        if (post.text().isBlank()) {
            throw new UnreadablePostException(List.of("the text is empty"));
        }
        return new Reading(post, publishedAt, url, clock).read();
    }

    /** Every weapon spelling the parser can write, for checking them against the catalog. */
    public static List<String> spellings() {
        return WeaponNames.spellings();
    }

    /** Which measure a clause states. */
    private enum Measure {
        NEUTRALISED("neutralised"), SHOT_DOWN("shot down"), SUPPRESSED("suppressed");

        final String words;

        Measure(String words) {
            this.words = words;
        }
    }

    /** One weapon line as it is being built. */
    private static final class LineDraft {
        final String spelling;
        final List<Model> models;
        final boolean drone;
        final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Integer launched;
        boolean withheld;
        Integer shotDown;
        Integer suppressed;
        Integer neutralised;
        Integer stillAirborne;
        Integer hits;
        Integer debris;

        LineDraft(String spelling, List<Model> models, boolean drone) {
            this.spelling = spelling;
            this.models = models;
            this.drone = drone;
            models.forEach(m -> kinds.add(m.kind()));
        }

        Integer get(Measure m) {
            return switch (m) {
                case NEUTRALISED -> neutralised;
                case SHOT_DOWN -> shotDown;
                case SUPPRESSED -> suppressed;
            };
        }

        void set(Measure m, Integer value) {
            switch (m) {
                case NEUTRALISED -> neutralised = value;
                case SHOT_DOWN -> shotDown = value;
                case SUPPRESSED -> suppressed = value;
            }
        }

        boolean missile() {
            return !drone && !kinds.equals(EnumSet.of(Kind.BANDEROL));
        }

        LineRequest request() {
            return new LineRequest(spelling, null, big(launched), big(shotDown), big(suppressed), big(neutralised),
                    big(stillAirborne), big(hits), big(debris), null, null, withheld);
        }

        private static BigDecimal big(Integer n) {
            return n == null ? null : BigDecimal.valueOf(n);
        }
    }

    /** The weapon an item names: its spelling and models, or why it has none. */
    private record Weapon(String spelling, List<Model> models, boolean drone, Set<Kind> kinds) {

        static final Weapon NONE = new Weapon(null, List.of(), false, EnumSet.noneOf(Kind.class));
    }

    /** One pass over one post. */
    private static final class Reading {
        private final PostText post;
        private final List<Sentence> sentences;
        private final OffsetDateTime publishedAt;
        private final String url;
        private final LocalDate reference;
        private final Set<String> warnings = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();
        private final List<LineDraft> lines = new ArrayList<>();
        private final boolean[] used;

        Reading(PostText post, OffsetDateTime publishedAt, String url, Clock clock) {
            this.post = post;
            this.sentences = post.sentences();
            this.publishedAt = publishedAt;
            this.url = url == null || url.isBlank() ? null : PostUrl.key(url);
            this.reference = publishedAt != null ? publishedAt.atZoneSameInstant(KYIV).toLocalDate() : LocalDate.now(clock.withZone(KYIV));
            this.used = new boolean[sentences.size()];
        }

        ParsedPost read() {
            refuseOtherPosts();
            Optional<PostWindow> found = PostWindow.find(sentences, reference, problems);
            if (found.isEmpty()) {
                if (problems.isEmpty()) {
                    refuseWithoutWindow(false);
                    problems.add("the window: no header such as 'У ніч на 24 червня (з 18:00 23 червня)' or 'Протягом дня 13 травня (із 7.00 до 18.30)'");
                }
                throw new UnreadablePostException(problems);
            }
            PostWindow window = found.get();
            if (publishedAt == null) {
                warnings.add("no publishedAt: the year is taken from today's date in Kyiv (" + reference + ")");
            }
            if (url == null) {
                warnings.add("no url: the report is keyed by a hash of its text, so a corrected text will be another report, not a revision");
            }

            boolean launchedFound = readLaunched(window);
            boolean downedFound = readDowned(window);
            if (!launchedFound && !downedFound) {
                refuseWithoutWindow(true);
                throw new UnreadablePostException(List.of("the counts: neither what was launched ('противник атакував …') "
                        + "nor what was stopped ('збито/подавлено …') after '" + window.header() + "'"));
            }
            readSuppressed(window);
            if (lines.isEmpty() && problems.isEmpty()) {
                problems.add("the counts: no weapon with a count after '" + window.header() + "'");
            }
            if (!problems.isEmpty()) {
                throw new UnreadablePostException(problems);
            }
            readHeadline(window);
            readHitsAndDebris(window);
            readAirspace(window);
            readRemarks(window);

            ReportRequest request = new ReportRequest(SOURCE, url != null ? url : textKey(), TARGET, window.start(), window.end(), url,
                    publishedAt == null ? null : publishedAt.toString(), lines.stream().map(LineDraft::request).toList());
            return new ParsedPost(request, List.copyOf(warnings));
        }

        // --- what the post is ---

        private void refuseOtherPosts() {
            String lower = PostText.lower(post.text());
            Matcher regional = REGIONAL.matcher(lower);
            if (regional.find()) {
                throw new NotANationalReportException(PostKind.REGIONAL_TALLY, around(regional.start()));
            }
            if (!sentences.isEmpty() && CLARIFICATION.matcher(sentences.get(0).lower()).find()) {
                throw new NotANationalReportException(PostKind.CLARIFICATION, sentences.get(0).quote());
            }
        }

        /** A post with no window or no counts: say what it is, unless it reads like a report or has a report's window. */
        private void refuseWithoutWindow(boolean window) {
            String lower = PostText.lower(post.text());
            String quote = sentences.isEmpty() ? "" : sentences.get(0).quote();
            if (ALERT.matcher(lower).find()) {
                throw new NotANationalReportException(PostKind.AIR_RAID_ALERT, quote);
            }
            if (VIDEO.matcher(lower).find()) {
                throw new NotANationalReportException(PostKind.VIDEO_CAPTION, quote);
            }
            boolean reportWords = REPORT_WORDS.matcher(lower).find();
            if (!reportWords && TRACKING.matcher(lower).find() && PostItems.ITEM.matcher(lower).find()) {
                throw new NotANationalReportException(PostKind.LIVE_TRACKING, quote);
            }
            if (!reportWords && !window) {
                throw new NotANationalReportException(PostKind.OTHER, quote);
            }
        }

        private String around(int position) {
            String text = post.text();
            int from = Math.max(0, text.lastIndexOf('\n', position) + 1);
            int to = text.indexOf('\n', position);
            return PostText.Sentence.quote(text.substring(from, to < 0 ? text.length() : to));
        }

        // --- launched ---

        /** The radar inventory's bullets when there are any, else every "противник атакував …" clause. */
        private boolean readLaunched(PostWindow window) {
            List<Item> items = new ArrayList<>();
            List<Item> totals = new ArrayList<>();
            List<Item> inventoryItems = new ArrayList<>();
            boolean inventory = false;
            for (Sentence s : after(window)) {
                Matcher m = INVENTORY.matcher(s.lower());
                if (!used[s.index()] && m.find(from(window, s))) {
                    used[s.index()] = true;
                    inventory = true;
                    List<Item> head = clause(s, m.end(), s.text().length(), "launched");
                    totals.addAll(head);
                    inventoryItems.addAll(bullets(s, "launched"));
                }
            }
            if (!inventoryItems.isEmpty()) {
                items.addAll(inventoryItems);
            } else {
                for (Sentence s : after(window)) {
                    Matcher m = LAUNCHED.matcher(s.lower());
                    if (used[s.index()] || !m.find(from(window, s))) {
                        continue;
                    }
                    used[s.index()] = true;
                    Matcher downed = DOWNED.matcher(s.lower());
                    int end = downed.find(m.end()) ? downed.start() : s.text().length();
                    items.addAll(clause(s, m.end(), end, "launched"));
                    if (s.lower().substring(m.end(), end).strip().endsWith(":")) {
                        items.addAll(bullets(s, "launched"));
                    } else {
                        for (int i = s.index() + 1; i < sentences.size() && sameLine(s, sentences.get(i))
                                && ALSO.matcher(sentences.get(i).lower()).find(); i++) {
                            used[i] = true;
                            items.addAll(clause(sentences.get(i), 0, sentences.get(i).text().length(), "launched"));
                        }
                    }
                }
            }
            for (Item item : items) {
                if (item.head == Head.TOTAL) {
                    totals.add(item);
                }
            }
            items.removeIf(i -> i.head == Head.TOTAL);
            List<Weapon> weapons = items.stream().map(this::weapon).toList();
            boolean namedMissiles = weapons.stream().anyMatch(w -> !w.drone() && w.spelling() != null);
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                Weapon w = weapons.get(i);
                if (w.spelling() == null && item.head != Head.MISSILE) {
                    continue; // already a problem: a munition with no name this reader knows
                }
                if (w.spelling() == null && namedMissiles) {
                    continue; // "74 ракети" beside the named missiles: a subtotal
                }
                if (w.spelling() == null) {
                    w = new Weapon(WeaponNames.UNKNOWN_MISSILE, List.of(), false, EnumSet.noneOf(Kind.class));
                }
                if (w.models().isEmpty() && !w.drone()) {
                    warnings.add("'" + item.quote() + "' names no model: stored as " + w.spelling());
                }
                launched(item, w);
            }
            crossCheck(totals, "launched", l -> l.launched, inventory ? "the radar inventory" : "the launched total");
            return !items.isEmpty() || !totals.isEmpty();
        }

        private void launched(Item item, Weapon w) {
            LineDraft line = lines.stream().filter(l -> l.spelling.equals(w.spelling())).findFirst().orElse(null);
            Integer count = item.stated();
            if (item.approximate) {
                warnings.add("'" + item.quote() + "': an approximate count, not stored as launched");
            }
            if (line == null) {
                line = line(w);
                line.launched = count;
                line.withheld = item.countless();
                return;
            }
            warnings.add(w.spelling() + " is named twice among the launched; the counts are added");
            line.launched = line.launched == null || count == null ? null : line.launched + count;
            line.withheld |= item.countless();
        }

        // --- stopped ---

        private boolean readDowned(PostWindow window) {
            boolean found = false;
            for (Sentence s : after(window)) {
                Matcher m = DOWNED.matcher(s.lower());
                if (!m.find(from(window, s))) {
                    continue;
                }
                used[s.index()] = true;
                found = true;
                Measure measure = m.group("combined") != null ? Measure.NEUTRALISED : Measure.SHOT_DOWN;
                String rest = s.lower().substring(m.end());
                int end = s.text().length();
                int semicolon = rest.indexOf(';');
                if (semicolon >= 0 && LOST.matcher(rest.substring(semicolon)).find()) {
                    end = m.end() + semicolon; // "…; 22 ворожі БпЛА – локаційно втрачені": read as suppressed
                }
                List<Item> items = clause(s, m.end(), end, "stopped");
                List<Item> totals = new ArrayList<>(items.stream().filter(i -> i.head == Head.TOTAL).toList());
                if (s.lower().substring(m.end(), end).strip().endsWith(":")) {
                    totals.addAll(items.stream().filter(i -> i.head != Head.TOTAL).toList());
                    items = bullets(s, "stopped");
                }
                stopped(items, measure);
                crossCheck(totals, measure.words, l -> l.get(measure), "the " + measure.words + " total");
            }
            return found;
        }

        private void readSuppressed(PostWindow window) {
            for (Sentence s : after(window)) {
                String lower = s.lower();
                Matcher lost = LOST.matcher(lower);
                if (!lost.find(from(window, s))) {
                    continue;
                }
                int from = Math.max(from(window, s), lower.lastIndexOf(';', lost.start()) + 1);
                Matcher downed = DOWNED.matcher(lower);
                if (downed.find(from) && downed.start() < lost.start()) {
                    continue; // "збито 42, 21 – локаційно втрачені" without a ';' between: the downed clause could not read it
                }
                char[] text = s.text().toCharArray();
                char[] low = lower.toCharArray();
                for (int i = lost.start(); i < lost.end(); i++) {
                    text[i] = ' ';
                    low[i] = ' ';
                }
                used[s.index()] = true;
                stopped(read(new String(text, from, text.length - from), new String(low, from, low.length - from), "suppressed"),
                        Measure.SUPPRESSED);
            }
        }

        private void stopped(List<Item> items, Measure measure) {
            for (Item item : items) {
                if (item.head == Head.TOTAL) {
                    continue;
                }
                Weapon w = weapon(item);
                LineDraft line = match(item, w);
                if (line == null) {
                    problems.add("stopped: cannot tell which weapon '" + item.quote() + "' belongs to");
                    continue;
                }
                Integer count = item.stated();
                if (item.approximate) {
                    warnings.add("'" + item.quote() + "': an approximate count, not stored as " + measure.words);
                }
                if (item.countless()) {
                    line.withheld = true;
                }
                if (line.get(measure) != null && count != null) {
                    warnings.add(line.spelling + " is named twice as " + measure.words + "; the counts are added");
                    count += line.get(measure);
                }
                line.set(measure, count);
                if (item.of != null) {
                    if (line.launched == null && !line.withheld) {
                        line.launched = item.of;
                    } else if (!item.of.equals(line.launched)) {
                        warnings.add("'" + item.quote() + "' says " + item.of + " were launched, the launched figure is " + line.launched);
                    }
                }
            }
        }

        /** The line a stopped item belongs to: the same weapon, the drones, the one missile of its kind, or a new line. */
        private LineDraft match(Item item, Weapon w) {
            if (w.spelling() != null) {
                for (LineDraft l : lines) {
                    if (l.spelling.equals(w.spelling()) || (w.drone() && l.drone)) {
                        return l;
                    }
                }
            }
            List<LineDraft> candidates;
            if (!w.models().isEmpty()) {
                candidates = lines.stream().filter(l -> l.models.stream().anyMatch(w.models()::contains)).toList();
            } else if (!w.kinds().isEmpty()) {
                candidates = lines.stream().filter(l -> l.missile() && l.kinds.stream().anyMatch(w.kinds()::contains)).toList();
            } else if (item.head == Head.MISSILE) {
                candidates = lines.stream().filter(LineDraft::missile).toList();
            } else {
                candidates = List.of();
            }
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.isEmpty() && w.spelling() != null) {
                return line(w);
            }
            return null;
        }

        private LineDraft line(Weapon w) {
            LineDraft line = new LineDraft(w.spelling(), w.models(), w.drone());
            line.kinds.addAll(w.kinds());
            lines.add(line);
            return line;
        }

        /** What an item names: the drones, Banderol, a model or bundle, a kind of missile, or a total. */
        private Weapon weapon(Item item) {
            List<Model> models = WeaponNames.find(item.lower.toString());
            return switch (item.head) {
                case TOTAL -> Weapon.NONE;
                case DRONE -> new Weapon(WeaponNames.DRONES, List.of(), true, EnumSet.noneOf(Kind.class));
                case BANDEROL, MUNITION -> {
                    if (models.isEmpty() || models.stream().anyMatch(m -> m.kind() != Kind.BANDEROL)) {
                        problems.add("the weapon: '" + item.quote() + "' names no munition this reader knows (Banderol)");
                        yield Weapon.NONE;
                    }
                    yield new Weapon(WeaponNames.spelling(models.subList(0, 1)), models.subList(0, 1), false, EnumSet.of(Kind.BANDEROL));
                }
                case MISSILE, MODEL -> missile(item, models);
            };
        }

        private Weapon missile(Item item, List<Model> models) {
            if (item.head == Head.MISSILE && PostItems.namesUnknownModel(item)) {
                problems.add("the weapon: '" + item.quote() + "' names a model this reader does not know");
                return Weapon.NONE;
            }
            if (!models.isEmpty()) {
                return new Weapon(WeaponNames.spelling(models), models, false, EnumSet.noneOf(Kind.class));
            }
            Set<Kind> kinds = kinds(item.adjectives);
            if (kinds.contains(Kind.BALLISTIC)) {
                return new Weapon(WeaponNames.BALLISTIC, List.of(), false, kinds);
            }
            if (!kinds.isEmpty()) {
                return new Weapon(WeaponNames.UNKNOWN_MISSILE, List.of(), false, kinds);
            }
            return Weapon.NONE;
        }

        /** The kinds of missile an adjective names: "балістичні" covers Iskander-M, KN-23 and S-400 used against the ground. */
        private static Set<Kind> kinds(String adjectives) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            if (adjectives.contains("балістичн")) {
                kinds.add(Kind.BALLISTIC);
                kinds.add(Kind.SURFACE_TO_AIR);
            }
            if (adjectives.contains("крилат")) {
                kinds.add(Kind.CRUISE);
            }
            if (adjectives.contains("керован") || adjectives.contains("авіаційн")) {
                kinds.add(Kind.AIR_LAUNCHED);
                kinds.add(Kind.ANTI_RADAR);
            }
            if (adjectives.contains("протикорабельн")) {
                kinds.add(Kind.ANTI_SHIP);
            }
            if (adjectives.contains("протирадіолокаційн")) {
                kinds.add(Kind.ANTI_RADAR);
            }
            if (adjectives.contains("зенітн")) {
                kinds.add(Kind.SURFACE_TO_AIR);
            }
            return kinds;
        }

        // --- clauses ---

        /** The items of part of a sentence; counts nothing could be attributed to are problems. */
        private List<Item> clause(Sentence s, int from, int to, String what) {
            return read(s.text().substring(from, to), s.lower().substring(from, to), what);
        }

        private List<Item> read(String text, String lower, String what) {
            PostItems.Reading r = PostItems.read(text, lower);
            for (String unread : r.unread()) {
                problems.add(what + ": could not read '" + unread + "'");
            }
            return new ArrayList<>(r.items());
        }

        /** The bullet points right after a sentence that ends with a colon. */
        private List<Item> bullets(Sentence s, String what) {
            List<Item> items = new ArrayList<>();
            for (int i = s.index() + 1; i < sentences.size() && sentences.get(i).bullet(); i++) {
                used[i] = true;
                items.addAll(clause(sentences.get(i), 0, sentences.get(i).text().length(), what));
            }
            return items;
        }

        private List<Sentence> after(PostWindow window) {
            return sentences.subList(window.sentence(), sentences.size()).stream().filter(s -> !s.bullet()).toList();
        }

        private static int from(PostWindow window, Sentence s) {
            return s.index() == window.sentence() ? window.after() : 0;
        }

        private static boolean sameLine(Sentence a, Sentence b) {
            return a.line() == b.line();
        }

        // --- cross-checks and remarks ---

        /** A total the post states beside its items ("177 цілей – 3 … та 174 …", "зафіксовано 570 засобів"): warn when the items disagree. */
        private void crossCheck(List<Item> totals, String measure, Function<LineDraft, Integer> value, String name) {
            for (Item total : totals) {
                if (total.head != Head.TOTAL || total.count == null) {
                    continue;
                }
                Integer sum = sum(value);
                if (sum != null && sum.intValue() != total.count) {
                    warnings.add(name + " '" + total.quote() + "' is " + total.count + ", the items add up to " + sum
                            + " " + measure + "; the items are stored");
                }
                if (total.of != null) {
                    Integer launched = sum(l -> l.launched);
                    if (launched != null && launched.intValue() != total.of) {
                        warnings.add(name + " '" + total.quote() + "' says " + total.of + " launched, the items add up to " + launched);
                    }
                }
            }
        }

        /** The headline's figure ("⚡️ ЗБИТО/ПОДАВЛЕНО 96 ЦІЛЕЙ"), against the neutralised items. */
        private void readHeadline(PostWindow window) {
            for (Sentence s : sentences.subList(0, window.sentence())) {
                Matcher m = HEADLINE.matcher(s.lower());
                if (m.find()) {
                    Integer headline = UkrainianCounts.value(m.group(1));
                    Integer sum = sum(l -> l.neutralised);
                    if (headline != null && sum != null && !headline.equals(sum)) {
                        warnings.add("the headline '" + s.quote() + "' says " + headline + " neutralised, the items add up to " + sum
                                + "; the items are stored");
                    }
                    return;
                }
            }
        }

        /** The sum of the known values; null when none is known or a withheld one is missing from it. */
        private Integer sum(Function<LineDraft, Integer> value) {
            int sum = 0;
            boolean any = false;
            for (LineDraft l : lines) {
                Integer v = value.apply(l);
                if (v == null && l.withheld) {
                    return null;
                }
                if (v != null) {
                    sum += v;
                    any = true;
                }
            }
            return any ? sum : null;
        }

        /** "Зафіксовано влучання … на 12 локаціях, а також падіння збитих (уламки) на 6 локаціях." */
        private void readHitsAndDebris(PostWindow window) {
            Integer hits = null;
            Integer debris = null;
            for (Sentence s : after(window)) {
                String lower = s.lower();
                int hit = lower.indexOf("влучан");
                int fall = lower.indexOf("падіння");
                if (hit >= 0 && hits == null) {
                    Matcher m = HITS.matcher(lower).region(hit, fall > hit ? fall : lower.length());
                    if (m.find()) {
                        hits = UkrainianCounts.value(m.group(1));
                    }
                }
                if (fall >= 0 && debris == null) {
                    Matcher m = DEBRIS.matcher(lower).region(fall, lower.length());
                    if (m.find()) {
                        debris = UkrainianCounts.value(m.group(1));
                    }
                }
            }
            if (hits != null || debris != null) {
                LineDraft line = nightLine();
                line.hits = hits;
                line.debris = debris;
            }
        }

        /** "В повітряному просторі ще перебувають 8 ворожих БпЛА" is a count; "декілька", "близько 10" and "Атака триває" are warnings. */
        private void readAirspace(PostWindow window) {
            String remark = null;
            boolean ongoing = false;
            for (Sentence s : after(window)) {
                ongoing |= ONGOING.matcher(s.lower()).find();
                Matcher air = AIRSPACE.matcher(s.lower());
                if (remark != null || !air.find()) {
                    continue;
                }
                Matcher m = PostItems.ITEM.matcher(s.lower()).region(air.end(), s.lower().length()).useTransparentBounds(true);
                boolean found = m.find();
                Integer count = found && m.group("approx") == null ? UkrainianCounts.value(m.group("count")) : null;
                if (count != null) {
                    LineDraft line = m.group("drone") != null ? nightLine() : lines.get(0);
                    line.stillAirborne = count;
                } else {
                    remark = s.quote();
                }
            }
            if (remark != null) {
                warnings.add("still in the air when posted: '" + remark + "' (not an exact count, nothing stored); the figures are provisional");
            } else if (ongoing) {
                warnings.add("'Атака триває': the attack was still going on when posted; the figures are provisional");
            }
        }

        /** "Три ракети не досягли своїх цілей", "Інформація щодо … уточнюється": said, not counted. */
        private void readRemarks(PostWindow window) {
            for (Sentence s : after(window)) {
                if (!used[s.index()] && NOT_COUNTED.matcher(s.lower()).find()) {
                    warnings.add("not counted: '" + s.quote() + "'");
                }
            }
        }

        /** Night-level figures go on the drone line, as the dataset files them, else on the first line. */
        private LineDraft nightLine() {
            return lines.stream().filter(l -> l.drone).findFirst().orElse(lines.get(0));
        }

        private String textKey() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                return "text-sha256:" + HexFormat.of().formatHex(digest.digest(post.text().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
