-- feedback-service's own schema. Inspections and teams are learnt from case-events; responses are ingested.

-- What this service knows of each inspection (from inspection.opened / inspection.published).
create table inspection (
    id            text        primary key,
    name          text,
    region        text,
    pdu           text,
    opened        boolean     not null default false,
    published     boolean     not null default false,
    published_at  timestamptz
);

-- Team members (from team.member.added / removed); no foreign key, events may be replayed in any order.
create table team_member (
    inspection_id text not null,
    username      text not null,
    role          text not null,
    primary key (inspection_id, username)
);

-- Templates registered by an admin (the built-in ones ship as resources).
create table survey_template (
    id            text        primary key,
    definition    text        not null,
    registered_by text        not null,
    registered_at timestamptz not null default now()
);

-- One row per respondent; a respondent sent again replaces its row. free_text is personal data: read only
-- by the team's comments endpoint, never by summaries or events.
create table survey_response (
    inspection_id text        not null,
    template_id   text        not null,
    respondent_id text        not null,
    channel       text        not null,
    answers       text        not null,
    free_text     text        not null,
    received_at   timestamptz not null default now(),
    primary key (inspection_id, template_id, respondent_id)
);
