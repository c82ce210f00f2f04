-- Following the Air Force's channel: per channel its cursor, its last poll and the lease that lets
-- one replica poll; per post the text last read and its one outcome. The same SQL runs on PostgreSQL
-- and H2 (dev mode), which has no advisory locks: the lease is a row a replica claims with a
-- conditional update (channel.ChannelStateRepository#lease).

create table channel_state (
    channel         varchar(64)   not null primary key,
    -- the newest post recorded; every post after it is new
    cursor_post_id  bigint,
    lease_holder    varchar(200),
    lease_until     timestamp with time zone,
    last_poll_at    timestamp with time zone,
    last_success_at timestamp with time zone,
    last_error      varchar(2000),
    last_error_at   timestamp with time zone
);

create table channel_post (
    -- the channel's own key of the post, as its web preview writes it: kpszsu/82681
    post          varchar(200)  not null primary key,
    channel       varchar(64)   not null,
    post_id       bigint        not null,
    url           varchar(300)  not null,
    published_at  timestamp with time zone not null,
    edited        boolean       not null,
    post_text     text          not null,
    text_hash     varchar(64)   not null,
    status        varchar(16)   not null,
    reason        varchar(4000),
    report_id     bigint,
    revision      integer,
    first_seen_at timestamp with time zone not null,
    read_at       timestamp with time zone not null,
    constraint channel_post_uk unique (channel, post_id),
    constraint channel_post_status_ck check (status in ('stored', 'ignored', 'unreadable'))
);
create index channel_post_status_ix on channel_post (channel, status, post_id);
create index channel_post_published_ix on channel_post (channel, published_at);
