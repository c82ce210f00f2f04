-- Push (issue 18): the events a write produces (a night first published, a night's figures
-- corrected, a bulk summary of a large import), kept for SSE resume and webhook delivery; the
-- figures last announced per night, which the next change is compared with; the cursor that says
-- up to which data version events have been made; and the webhook deliveries with their attempts.
-- The same SQL runs on PostgreSQL and H2 (dev mode).

-- allocation size 1: an id is drawn under the cursor's row lock, so ids grow in commit order and
-- a replica that has read every event up to id n never misses one committed later below it
create sequence night_event_seq start with 1 increment by 1;

create table night_event (
    id            bigint        not null primary key,
    type          varchar(16)   not null,
    source        varchar(64)   not null,
    period        varchar(8)    not null,
    -- null for a bulk summary, which covers a range of dates
    event_date    date,
    data_version  bigint        not null,
    -- the event as clients get it: the SSE data and the webhook body
    payload       text          not null,
    created_at    timestamp with time zone not null,
    constraint night_event_type_ck check (type in ('night', 'correction', 'bulk'))
);
create index night_event_created_ix on night_event (created_at);

-- the figures (as /api/v1/nights/{date} reports them) last announced for each dated night
create table night_figures (
    source      varchar(64)  not null,
    period      varchar(8)   not null,
    night_date  date         not null,
    figures     text         not null,
    primary key (source, period, night_date)
);

-- one row: events are made for every data version up to evented_version (-1: not yet; the first
-- replica to run takes the nights already stored as announced, without events); pruned_through is
-- the newest event id pruned, so a resume from an older id knows events are missing
create table event_cursor (
    id               integer not null primary key,
    evented_version  bigint  not null,
    pruned_through   bigint  not null
);
insert into event_cursor (id, evented_version, pruned_through)
    select 1, case when version = 0 then 0 else -1 end, 0 from data_version where id = 1;

-- one row per event and hook: the state of its delivery, and the lease of the replica sending it
create table webhook_delivery (
    id               bigint        not null primary key,
    event_id         bigint        not null references night_event (id) on delete cascade,
    hook             varchar(64)   not null,
    status           varchar(16)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone,
    lease_holder     varchar(200),
    lease_until      timestamp with time zone,
    last_status      integer,
    last_error       varchar(500),
    created_at       timestamp with time zone not null,
    constraint webhook_delivery_uk unique (event_id, hook),
    constraint webhook_delivery_status_ck check (status in ('pending', 'delivered', 'gave_up'))
);
create index webhook_delivery_due_ix on webhook_delivery (status, next_attempt_at);
create sequence webhook_delivery_seq start with 1 increment by 1;

-- every attempt of every delivery, for the delivery log
create table webhook_attempt (
    id             bigint        not null primary key,
    delivery_id    bigint        not null references webhook_delivery (id) on delete cascade,
    attempt        integer       not null,
    outcome        varchar(16)   not null,
    status_code    integer,
    error          varchar(500),
    attempted_at   timestamp with time zone not null,
    next_retry_at  timestamp with time zone,
    constraint webhook_attempt_outcome_ck check (outcome in ('delivered', 'failed_retrying', 'gave_up'))
);
create index webhook_attempt_at_ix on webhook_attempt (attempted_at);
create sequence webhook_attempt_seq start with 1 increment by 1;
