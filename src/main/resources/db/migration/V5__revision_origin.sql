-- History (issue 18): how each revision was written, so the corrections feed can say why a figure
-- changed, and the retraction a revision ended, so an as-of view knows a revived report was
-- retracted in between. The same SQL runs on PostgreSQL and H2 (dev mode).
alter table report_revision add column origin varchar(16);
alter table report_revision add constraint report_revision_origin_ck
    check (origin is null or origin in ('api', 'post', 'channel', 'dataset', 'sample'));
-- when this revision made a retracted report active again: when that retraction happened
alter table report_revision add column retracted_before timestamp with time zone;

-- Revisions stored before: the dataset's reports are known by their external id, the channel's by
-- the posts that name them; any other stays null (unknown: a JSON write or a posted text).
update report_revision set origin = 'dataset'
    where report_id in (select id from report where external_id like 'piterfm:%');
update report_revision set origin = 'channel'
    where origin is null and exists (select 1 from channel_post p
        where p.report_id = report_revision.report_id);
