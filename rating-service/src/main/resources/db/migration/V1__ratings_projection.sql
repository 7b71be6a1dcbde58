-- rating-service projection of case-events. Everything here can be dropped and rebuilt from the topic
-- (POST /admin/rebuild); outbox_event and processed_event come from db/platform.

-- One row per inspection: what inspection.opened / inspection.published said, the overall rating, and
-- whether a fresh rating.snapshot is owed (coalesced by the snapshot publisher).
create table inspection (
    id              uuid    primary key,
    name            text    not null,
    region          text    not null,
    pdu             text,
    framework_id    text    not null,
    framework       text    not null,
    published       boolean not null default false,
    overall_rating  text    not null default 'NOT_RATED',
    overall_score   integer not null default 0,
    overall_max     integer not null default 0,
    snapshot_dirty  boolean not null default false
);
create index inspection_by_region on inspection (upper(region));
create index inspection_snapshot_owed on inspection (id) where snapshot_dirty;

-- Who may read an inspection's ratings (from team.member.added / removed).
create table team_member (
    inspection_id uuid not null,
    username      text not null,
    role          text not null,
    primary key (inspection_id, username)
);
create index team_member_by_user on team_member (username);

-- Case attributes used for cohort tallies (from case.registered). No names, only the reference.
create table case_file (
    inspection_id uuid    not null,
    case_ref      text    not null,
    cohort        text,
    young_adult   boolean not null default false,
    gender        text,
    ethnicity     text,
    rosh_level    text,
    primary key (inspection_id, case_ref)
);

-- The current answer per case and question, with its version, so stale versions are recognised and a
-- change moves counts away from the answer actually counted.
create table answer (
    inspection_id uuid    not null,
    case_ref      text    not null,
    question_id   text    not null,
    answer        text    not null,
    version       integer not null,
    primary key (inspection_id, case_ref, question_id)
);

-- Tallies per question and breakdown: dimension ALL/ALL, cohort, youngAdult, gender, ethnicity, roshLevel.
create table question_count (
    inspection_id  uuid    not null,
    dimension      text    not null,
    value          text    not null,
    question_id    text    not null,
    yes            integer not null default 0,
    no             integer not null default 0,
    not_applicable integer not null default 0,
    primary key (inspection_id, dimension, value, question_id)
);

-- Current rating per standard (kept so a change can be detected and announced).
create table standard_rating (
    inspection_id       uuid    not null,
    standard_id         text    not null,
    rating              text    not null,
    lowest_key_question integer,
    primary key (inspection_id, standard_id)
);

-- Recorded judgements of JUDGEMENT standards, with their version.
create table judgement (
    inspection_id uuid    not null,
    standard_id   text    not null,
    rating        text    not null,
    version       integer not null,
    primary key (inspection_id, standard_id)
);
