package org.airattack.stats.report.airforce;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The key of a post's address: the same Telegram or Facebook post copied from another place (the
 * share button's "?single", a tracking parameter, the mobile site, the channel preview at
 * t.me/s/…, http instead of https, a trailing slash) is one post, so it must be one externalId —
 * otherwise posting it again would file the night twice, or make a revision that only changes the
 * link. The report keeps this form as its address too: a clean link to cite.
 */
final class PostUrl {

    /** Query parameters that never tell two posts apart. */
    private static final Set<String> NOISE = Set.of("single", "fbclid", "mibextid", "rdid", "share_url", "ref", "__tn__");

    private PostUrl() {
    }

    /** The externalId of a post's address; an address it cannot parse is its own key. */
    static String key(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return url.strip();
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            return url.strip();
        }
        String host = uri.getRawAuthority().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (host.equals("telegram.me") || host.equals("www.t.me")) {
            host = "t.me";
        }
        if (host.equals("t.me") && path.startsWith("/s/")) {
            path = path.substring(2); // the channel's web preview shows the same post
        }
        if (host.equals("facebook.com") || host.equals("m.facebook.com") || host.equals("web.facebook.com")
                || host.equals("mbasic.facebook.com")) {
            host = "www.facebook.com";
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                if (!name.isEmpty() && !NOISE.contains(name) && !name.startsWith("utm_") && !name.startsWith("__cft__")) {
                    kept.add(param);
                }
            }
        }
        return "https://" + host + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
}
