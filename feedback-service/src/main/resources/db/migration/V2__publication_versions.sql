-- Publication versions (inspection.published / inspection.reopened): the write guard, and what viewers read.

-- frozen: from inspection.published until the next inspection.reopened no survey response is accepted.
-- small_number_threshold: the framework's rules.smallNumberThreshold from inspection.opened (null: the config's).
alter table inspection add column frozen boolean not null default false;
alter table inspection add column small_number_threshold integer check (small_number_threshold >= 1);

-- One row per publication version still standing; a version a reopening cancelled (or left behind) is deleted.
-- visible_from is publishedAt: viewers see the latest version whose visible_from has passed, judged at read time.
create table publication (
    inspection_id text        not null,
    version       integer     not null check (version >= 1),
    published_by  text,
    visible_from  timestamptz not null,
    scheduled     boolean     not null,
    primary key (inspection_id, version)
);

-- The closed answers as they stood when a version was published: viewers' figures are computed from these,
-- never from survey_response (which changes again after a reopen). No free text is ever copied here.
create table published_response (
    inspection_id text    not null,
    version       integer not null,
    template_id   text    not null,
    respondent_id text    not null,
    channel       text    not null,
    answers       text    not null,
    primary key (inspection_id, version, template_id, respondent_id)
);

-- Inspections published before versions existed become version 1, frozen with the answers they hold now.
insert into publication (inspection_id, version, published_by, visible_from, scheduled)
    select id, 1, null, coalesce(published_at, now()), false from inspection where published;
insert into published_response (inspection_id, version, template_id, respondent_id, channel, answers)
    select r.inspection_id, 1, r.template_id, r.respondent_id, r.channel, r.answers
    from survey_response r join inspection i on i.id = r.inspection_id where i.published;
update inspection set frozen = true where published;

-- Superseded by frozen and the publication table.
alter table inspection drop column published;
alter table inspection drop column published_at;
