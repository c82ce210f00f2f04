package org.airattack.stats.report.airforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** One post, one key: the addresses an editor may copy a post from. */
class PostUrlTest {

    @Test
    void theSameTelegramPostHasOneKeyWhereverItWasCopiedFrom() {
        String key = PostUrl.key("https://t.me/kpszsu/66440");
        assertEquals("https://t.me/kpszsu/66440", key);
        for (String copy : new String[] { "https://t.me/kpszsu/66440?single", "http://t.me/kpszsu/66440",
                "https://t.me/s/kpszsu/66440", "https://telegram.me/kpszsu/66440/", " https://T.ME/kpszsu/66440#comments",
                "https://t.me/kpszsu/66440?utm_source=share&utm_medium=web" }) {
            assertEquals(key, PostUrl.key(copy), copy);
        }
        assertNotEquals(key, PostUrl.key("https://t.me/kpszsu/66441"));
        assertNotEquals(key, PostUrl.key("https://t.me/PvKPivden/66440"), "the channel is part of the post");
    }

    @Test
    void facebookKeepsTheParametersThatNameThePost() {
        String post = "https://www.facebook.com/kpszsu/posts/pfbid02abc";
        assertEquals(post, PostUrl.key("https://m.facebook.com/kpszsu/posts/pfbid02abc/?mibextid=xyz&fbclid=IwAR0"));
        assertEquals(post, PostUrl.key("https://facebook.com/kpszsu/posts/pfbid02abc?__cft__[0]=AZ&__tn__=%2CO%2CP-R"));
        String permalink = "https://www.facebook.com/permalink.php?story_fbid=123&id=456";
        assertEquals(permalink, PostUrl.key("https://web.facebook.com/permalink.php?story_fbid=123&id=456&ref=share"));
        assertNotEquals(permalink, PostUrl.key("https://www.facebook.com/permalink.php?story_fbid=124&id=456"));
    }

    @Test
    void anAddressItCannotParseIsItsOwnKey() {
        assertEquals("not a url", PostUrl.key(" not a url "));
        assertEquals("https://example.org/a b", PostUrl.key("https://example.org/a b"));
    }
}
