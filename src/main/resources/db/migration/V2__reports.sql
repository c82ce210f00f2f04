-- Reports, their revisions and lines. A report is identified by (source, external_id); every change
-- adds a revision, and only the latest revision of an active report counts.

-- One row, bumped by every write. Writers lock it first, so writes commit in version order and
-- every replica can catch up by loading the reports whose last_change is above its own version.
create table data_version (
    id      integer not null primary key,
    version bigint  not null
);
insert into data_version (id, version) values (1, 0);

create sequence report_seq start with 1 increment by 50;
create sequence report_revision_seq start with 1 increment by 50;
create sequence report_line_seq start with 1 increment by 50;

create table report (
    id               bigint       not null primary key,
    source_slug      varchar(64)  not null references source (slug),
    external_id      varchar(512) not null,
    status           varchar(16)  not null,
    current_revision integer      not null,
    last_change      bigint       not null,
    created_at       timestamp with time zone not null,
    retracted_at     timestamp with time zone,
    constraint report_source_external_uk unique (source_slug, external_id),
    constraint report_status_ck check (status in ('active', 'retracted'))
);
create index report_last_change_ix on report (last_change);

create table report_revision (
    id                     bigint      not null primary key,
    report_id              bigint      not null references report (id),
    revision               integer     not null,
    window_start           timestamp with time zone not null,
    window_start_date_only boolean     not null,
    window_end             timestamp with time zone not null,
    window_end_date_only   boolean     not null,
    period                 varchar(8)  not null,
    report_date            date        not null,
    target                 varchar(200),
    url                    varchar(2048),
    published_at           timestamp with time zone,
    content_hash           varchar(64) not null,
    warnings               text,
    recorded_at            timestamp with time zone not null,
    constraint report_revision_uk unique (report_id, revision),
    constraint report_revision_period_ck check (period in ('night', 'day', 'span'))
);

create table report_line (
    id               bigint       not null primary key,
    revision_id      bigint       not null references report_revision (id),
    position         integer      not null,
    weapon           varchar(400) not null,
    weapon_spelling  varchar(400) not null,
    launch_place     varchar(1000),
    launched         integer,
    shot_down        integer,
    suppressed       integer,
    neutralised      integer,
    still_airborne   integer,
    hit_locations    integer,
    debris_locations integer,
    left_airspace    varchar(2000),
    shaheds          integer,
    withheld         boolean      not null,
    constraint report_line_uk unique (revision_id, position)
);
