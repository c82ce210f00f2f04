package org.airattack.stats.channel;

import java.time.Duration;

/**
 * A post the follower found new became a new report (a CDI event, for the meters): how long after
 * the post it was published. Posts read back on the first start are not counted: they were posted
 * before anyone followed the channel.
 *
 * @param delay from the post's time to the commit of its report
 */
public record ChannelReportPublished(Duration delay) {
}
